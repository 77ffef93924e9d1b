#!/usr/bin/env bash
# Checks the jpackage argument files without building: every option is one this JDK's jpackage documents
# (the Windows ones too, which a Linux jpackage refuses to parse), every file they name exists, the icons are
# what jpackage expects (PNG on Linux, ICO on Windows), the upgrade UUID is well formed and the additional
# launcher uses only keys JDK 17 reads. Run on any host; smoke-test.sh runs it.
# Usage: installer/src/jpackage/check-args.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
installer="$(dirname "$(dirname "$here")")"
jmod="$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")/jmods/jdk.jpackage.jmod"
[[ -f "$jmod" ]] || { echo "check-args.sh: no $jmod (install the JDK's jmods)" >&2; exit 2; }

# jpackage's own help text for all platforms, from the jdk.jpackage module (unzip warns about the jmod's
# 4-byte header and exits 1, but reads it).
help="$(unzip -p "$jmod" classes/jdk/jpackage/internal/resources/HelpResources.properties 2>/dev/null || true)"
[[ "$help" == *MSG_Help_win_install* ]] || { echo "check-args.sh: cannot read jpackage's help from $jmod" >&2; exit 2; }
known="$(grep -o -- '--[a-z][a-z-]*' <<<"$help" | sort -u)"
status=0
problem() { echo "check-args.sh: $*" >&2; status=1; }

for file in "$here"/*.args; do
    name="$(basename "$file")"
    # Option names: the first word of each line that is not a comment.
    while read -r option value; do
        [[ -z "$option" || "$option" == \#* ]] && continue
        grep -qx -- "$option" <<<"$known" || problem "$name: unknown jpackage option $option"
        value="${value%\"}"; value="${value#\"}"
        case "$option" in
            --icon|--resource-dir|--license-file)
                [[ -e "$installer/$value" ]] || problem "$name: $option $value does not exist" ;;
            --add-launcher)
                props="$installer/${value#*=}"
                [[ -f "$props" ]] || { problem "$name: $option $value: no such file"; continue; }
                while IFS='=' read -r key _; do
                    [[ -z "$key" || "$key" == \#* ]] && continue
                    case "$key" in
                        module|main-jar|main-class|arguments|java-options|app-version|icon|win-console|description) ;;
                        *) problem "$(basename "$props"): JDK 17 ignores the key $key" ;;
                    esac
                done < "$props" ;;
            --win-upgrade-uuid)
                [[ "$value" =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] \
                    || problem "$name: malformed UUID $value" ;;
        esac
        if [[ "$option" == --icon ]]; then
            kind="$(file -b "$installer/$value" 2>/dev/null || true)"
            case "$name" in
                windows*) [[ "$kind" == *"icon resource"* ]] || problem "$name: $value is not a Windows icon ($kind)" ;;
                linux*) [[ "$kind" == PNG* ]] || problem "$name: $value is not a PNG ($kind)" ;;
            esac
        fi
    done < "$file"
done
for required in --win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid --icon; do
    grep -q -- "^$required" "$here/windows.args" || problem "windows.args lacks $required"
done
for required in --linux-package-deps --linux-shortcut --resource-dir --icon; do
    grep -q -- "^$required" "$here/linux.args" || problem "linux.args lacks $required"
done
[[ $status == 0 ]] && echo "check-args.sh: argument files ok ($(ls "$here"/*.args | xargs -n1 basename | paste -sd' ' -))"
exit $status
