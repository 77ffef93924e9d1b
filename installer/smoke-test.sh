#!/usr/bin/env bash
# Smoke test of the Linux installers, as a user gets them:
#   1. builds the app-image and the .deb (mvn -Pinstaller package, tests skipped) and checks the runtime's
#      module list against jdeps (src/jpackage/modules.sh --check);
#   2. runs the app-image's launcher headless: `fuse` on a bundled sample pair into a temp folder, with no
#      network, an empty HOME and no DJL cache variables, so it proves the app needs no download; checks exit 0
#      and the three outputs;
#   3. extracts the .deb (dpkg-deb -x), validates its desktop entry (desktop-file-validate) and control fields,
#      and runs the extracted launcher the same way;
#   4. with --gui: starts the extracted launcher without arguments under Xvfb, checks that the window stays up
#      and takes a screenshot (installer/target/smoke/gui.png).
# Sizes and times are printed at the end and kept in installer/target/smoke/summary.md.
#
# The Windows argument files are checked too (src/jpackage/check-args.sh), though only a Windows host builds them.
#
# Usage: installer/smoke-test.sh [--no-build] [--gui]
#   --no-build  test the image and package already in installer/target/jpackage
#   --gui       also the window test (needs Debian packages xvfb xauth libgtk-3-0 imagemagick)
# Needs: JDK 17 with jmods, Maven, and Debian packages fakeroot binutils dpkg desktop-file-utils unzip.
# MVN_ARGS (default "-B") is passed to Maven, e.g. MVN_ARGS="-B -o" offline.
set -euo pipefail

build=true
gui=false
for arg in "$@"; do
    case "$arg" in
        --no-build) build=false ;;
        --gui) gui=true ;;
        -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "smoke-test.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    esac
done

installer="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$installer")"
jpackage_dir="$installer/target/jpackage"
report="$installer/target/smoke"
work="$(mktemp -d)"
children=()
cleanup() {
    for pid in "${children[@]+"${children[@]}"}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$report"
summary="$report/summary.md"
: > "$summary"

log() { printf '\n== %s\n' "$*"; }
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
record() { printf '| %s | %s |\n' "$1" "$2" | tee -a "$summary"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.0f MiB", b / 1048576 }'; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }

# Runs a command with no network when the kernel lets us (a network namespace of our own), else says so.
if unshare -n true 2>/dev/null; then
    offline=(unshare -n)
elif unshare -rn true 2>/dev/null; then
    offline=(unshare -rn)
else
    offline=()
    echo "warning: cannot create a network namespace here; the launcher runs with the network" >&2
fi

# fuse_sample LABEL LAUNCHER SAMPLES_DIR: runs `fuse` on the road-crossing sample, offline, with an empty HOME.
fuse_sample() {
    local label="$1" launcher="$2" samples="$3"
    local home out start end
    home="$(mktemp -d "$work/home.XXXX")"
    out="$work/out-$label"
    [[ -x "$launcher" ]] || fail "$label: no launcher at $launcher"
    [[ -d "$samples/road-crossing/vis" ]] || fail "$label: no bundled sample at $samples/road-crossing"
    log "$label: hazefuse fuse on the bundled sample (offline, empty HOME)"
    start="$(now)"
    # env -i: no DJL_CACHE_DIR, ENGINE_CACHE_DIR, PYTORCH_LIBRARY_PATH or proxy settings from the caller.
    # Java takes user.home from the password database, not from HOME: JAVA_TOOL_OPTIONS points it at the
    # empty folder too, so DJL and JavaFX find no cache of an earlier run.
    if ! env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 JAVA_TOOL_OPTIONS="-Duser.home=$home" "${offline[@]}" \
            "$launcher" fuse --vis "$samples/road-crossing" --out "$out" > "$report/$label-fuse.log" 2>&1; then
        cat "$report/$label-fuse.log" >&2
        fail "$label: 'fuse' exited with an error"
    fi
    end="$(now)"
    cat "$report/$label-fuse.log"
    for kind in dehazed density fused; do
        [[ -s "$out/FLIR_04688_$kind.png" ]] || fail "$label: missing output FLIR_04688_$kind.png"
    done
    # The PyTorch library came from the jar in lib/ (DJL unpacked it into the empty home), not from a download.
    ls -d "$home"/.djl.ai/pytorch/*/libtorch_cpu.so > /dev/null 2>&1 \
        || fail "$label: DJL did not unpack its native library into the empty home's .djl.ai"
    record "$label: native libraries unpacked on first run (~/.djl.ai)" "$(mib "$(du -sb "$home/.djl.ai" | cut -f1)")"
    record "$label: first \`fuse\` (sample 524×309, unpacking the native library)" "$(seconds "$start" "$end")"
    mkdir -p "$report/$label-outputs" && cp "$out"/*.png "$report/$label-outputs/"
}

cd "$repo"
log "jpackage argument files (Linux and Windows)"
"$installer/src/jpackage/check-args.sh"

if $build; then
    log "building the app-image and the .deb (mvn -Pinstaller package; log: installer/target/smoke/build.log)"
    start="$(now)"
    # Maven's own timestamps tell the steps apart: staging, jpackage app-image, jpackage deb.
    # shellcheck disable=SC2086
    if ! mvn ${MVN_ARGS:--B} -Pinstaller package -Dmaven.test.skip=true -pl installer -am \
            -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
            > "$work/build.log" 2>&1; then
        cp "$work/build.log" "$report/build.log"
        tail -n 40 "$report/build.log" >&2
        fail "the installer build failed"
    fi
    end="$(now)"
    cp "$work/build.log" "$report/build.log"
    # Seconds of the day at the first line containing $1.
    stamp() {
        grep -m1 -F -- "$1" "$report/build.log" | sed 's/\x1b\[[0-9;]*m//g' \
            | awk '{ split($1, t, ":"); printf "%.3f", t[1] * 3600 + t[2] * 60 + t[3] }'
    }
    span() { awk -v a="$1" -v b="$2" 'BEGIN { d = b - a; if (d < 0) d += 86400; printf "%.1f s", d }'; }
    image_at="$(stamp '(jpackage-app-image)')"
    package_at="$(stamp '(jpackage-package)')"
    done_at="$(stamp 'BUILD SUCCESS')"
    record "build: \`mvn -Pinstaller package -Dmaven.test.skip=true -pl installer -am\`, total" "$(seconds "$start" "$end")"
    record "  jpackage app-image (jlink runtime + copy)" "$(span "$image_at" "$package_at")"
    record "  jpackage .deb from the app-image (gzip)" "$(span "$package_at" "$done_at")"
fi

image="$jpackage_dir/image/HazeFuse"
deb="$(ls "$jpackage_dir"/package/hazefuse_*.deb 2>/dev/null | head -n 1 || true)"
[[ -d "$image" ]] || fail "no app-image at $image"
[[ -f "$deb" ]] || fail "no .deb in $jpackage_dir/package"

log "runtime modules against jdeps"
"$installer/src/jpackage/modules.sh" --check "$jpackage_dir/input"

record "app-image size (du)" "$(mib "$(du -sb "$image" | cut -f1)")"
record "  of which the trimmed runtime (lib/runtime)" "$(mib "$(du -sb "$image/lib/runtime" | cut -f1)")"
record "  of which the jars (lib/app)" "$(mib "$(du -sb "$image/lib/app" | cut -f1)")"
record ".deb size" "$(mib "$(stat -c %s "$deb")")"
record ".deb installed size (control field)" "$(mib $(( $(dpkg-deb -f "$deb" Installed-Size) * 1024 )))"

fuse_sample app-image "$image/bin/HazeFuse" "$image/lib/app/samples"

log ".deb: control fields and desktop entry"
root="$work/deb-root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -f "$deb" Package Version Depends
dpkg-deb -f "$deb" Depends | grep -q 'libgtk-3-0' || fail ".deb does not depend on libgtk-3-0"
# The entry and its icon are package files under /usr/share (src/jpackage/desktop-files.sh), so the menu entry
# exists on every desktop, with or without /etc/xdg/menus.
desktop="$root/usr/share/applications/hazefuse.desktop"
[[ -f "$desktop" ]] || fail "no desktop entry in the .deb's /usr/share/applications"
[[ ! -e "$root/opt/hazefuse/lib/hazefuse-HazeFuse.desktop" ]] || fail "a second desktop entry is left in /opt/hazefuse/lib"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejected $desktop"
cat "$desktop"
grep -qx 'Categories=Graphics;' "$desktop" || fail "desktop entry: category is not Graphics"
grep -qx 'MimeType=image/png;image/jpeg;image/bmp;image/tiff;' "$desktop" || fail "desktop entry: MIME types"
grep -qx 'Exec=/opt/hazefuse/bin/HazeFuse %F' "$desktop" || fail "desktop entry: Exec line"
grep -qx 'Icon=hazefuse' "$desktop" || fail "desktop entry: the icon is not named by its theme name"
for size in 16 32 48 64 128 256 512; do
    cmp -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/hazefuse.png" "$repo/assets/icons/hazefuse-$size.png" \
        || fail "no HazeFuse icon of ${size}x${size} in the hicolor theme"
done
cmp -s "$root/usr/share/icons/hicolor/scalable/apps/hazefuse.svg" "$repo/assets/icons/hazefuse.svg" \
    || fail "no scalable HazeFuse icon in the hicolor theme"
dpkg-deb -c "$deb" | awk '{print $2}' | grep -qvx 'root/root' && fail ".deb holds files not owned by root"
postinst="$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst)"
grep -q 'ln -sf /opt/hazefuse/bin/HazeFuse /usr/bin/hazefuse' <<<"$postinst" || fail "postinst does not link /usr/bin/hazefuse"
grep -vE '^[[:space:]]*#' <<<"$postinst" | grep -q 'xdg-desktop-menu' \
    && fail "postinst still registers the menu entry with xdg-desktop-menu"
grep -q 'forget_default_handler$' <<<"$postinst" || fail "postinst leaves HazeFuse as a default image application"
echo "desktop entry, icon, dependencies and postinst: ok"

fuse_sample deb "$root/opt/hazefuse/bin/HazeFuse" "$root/opt/hazefuse/lib/app/samples"

log ".deb: the installed command's help names it"
help="$(env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 "$root/opt/hazefuse/bin/HazeFuse" --help 2>&1)" \
    || fail "hazefuse --help exited with an error"
grep -q 'Without arguments, hazefuse starts the desktop app' <<<"$help" \
    || { echo "$help" >&2; fail "the installed command's help does not name 'hazefuse'"; }
echo "help names the installed command: ok"

if $gui; then
    log "GUI: the extracted launcher under Xvfb"
    if ! unzip -l "$root/opt/hazefuse/lib/app/hazefuse.jar" 'org/hazefuse/gui/HazeFuseApp.class' > /dev/null; then
        fail "this build has no GUI (org.hazefuse.gui.HazeFuseApp is not in hazefuse.jar)"
    fi
    home="$(mktemp -d "$work/home.XXXX")"
    display=":$(( 90 + RANDOM % 100 ))"
    Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$report/xvfb.log" 2>&1 &
    children+=("$!")
    sleep 2
    env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 JAVA_TOOL_OPTIONS="-Duser.home=$home" DISPLAY="$display" \
        "${offline[@]}" \
        "$root/opt/hazefuse/bin/HazeFuse" > "$report/gui.log" 2>&1 &
    app="$!"
    children+=("$app")
    # Give the window time to open and the first sample to be fused, then look.
    sleep "${GUI_WAIT:-25}"
    kill -0 "$app" 2>/dev/null || { cat "$report/gui.log" >&2; fail "the GUI exited early"; }
    DISPLAY="$display" import -window root "$report/gui.png"
    spread="$(convert "$report/gui.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)"
    awk -v s="$spread" 'BEGIN { exit !(s > 0.02) }' || fail "the screenshot is blank (grey spread $spread)"
    kill "$app" 2>/dev/null || true
    record "GUI: window still up ${GUI_WAIT:-25} s after start" "yes (screenshot installer/target/smoke/gui.png)"
fi

log "summary (also in $summary)"
cat "$summary"
echo "SMOKE TEST PASSED"
