#!/usr/bin/env bash
# Prints the module list for "--add-modules" in image.args (the trimmed runtime jpackage links), or with
# --check compares it with image.args and fails when the runtime would miss a module.
#
# The list is what jdeps finds in every class of hazefuse.jar and of every library jar, plus EXTRA: modules
# reached only through service lookup or locale data, which no static analysis sees. Every class is analysed,
# not only those reachable from the main class, because DJL finds its engine by ServiceLoader and the launcher
# finds the GUI by name. The classes are unpacked into one folder first: given as jars, the modular ones
# (commons-compress, JavaFX ...) would make jdeps resolve their optional dependencies and fail.
#
# Usage: installer/src/jpackage/modules.sh [--check] [INPUT_DIR]
#   INPUT_DIR: a folder with hazefuse.jar and lib/ (default: installer/target/jpackage/input, staged by
#   `mvn -Pinstaller package`; app/target works too after `mvn package`).
set -euo pipefail

# jdk.localedata: number and date formats in the user's language (java.base has English only).
# jdk.zipfs: the zip file system provider, looked up through ServiceLoader (FileSystems.newFileSystem).
EXTRA="jdk.localedata,jdk.zipfs"

here="$(cd "$(dirname "$0")" && pwd)"
check=false
if [[ "${1:-}" == "--check" ]]; then check=true; shift; fi
input="${1:-$here/../../target/jpackage/input}"
[[ -f "$input/hazefuse.jar" ]] || { echo "modules.sh: no hazefuse.jar in $input (build it first)" >&2; exit 2; }

classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
for jar in "$input/hazefuse.jar" "$input"/lib/*.jar; do
    # Exit code 11 means "no class files here" (e.g. the native library jars): fine.
    unzip -qq -o -d "$classes" "$jar" '*.class' -x 'module-info.class' 'META-INF/*' 2>/dev/null || [[ $? == 11 ]]
done
found="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$classes")"
wanted="$(tr ',' '\n' <<<"$found,$EXTRA" | sort -u | paste -sd, -)"

if ! $check; then
    echo "$wanted"
    exit 0
fi
listed="$(sed -n "s/^--add-modules[[:space:]]\{1,\}//p" "$here/image.args" | tr -d '"' | tr ',' '\n' | sort -u)"
missing="$(comm -23 <(tr ',' '\n' <<<"$wanted" | sort -u) <(echo "$listed"))"
if [[ -n "$missing" ]]; then
    echo "modules.sh: image.args lacks modules the app needs: $(paste -sd, <<<"$missing")" >&2
    echo "  put this line in image.args: --add-modules $wanted" >&2
    exit 1
fi
echo "modules.sh: image.args lists every module the app needs ($wanted)"
