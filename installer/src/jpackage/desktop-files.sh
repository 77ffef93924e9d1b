#!/usr/bin/env bash
# Puts the desktop entry and the icon where every Linux desktop looks for them, inside the .deb jpackage built:
#   /usr/share/applications/hazefuse.desktop               (jpackage's entry, moved out of /opt/hazefuse/lib)
#   /usr/share/icons/hicolor/<N>x<N>/apps/hazefuse.png     (16 … 512, from assets/icons) and scalable/apps/hazefuse.svg
# and names the icon by theme name (Icon=hazefuse). jpackage itself registers the entry in postinst through
# xdg-desktop-menu, which needs /etc/xdg/menus: on systems without it the menu entry silently never appeared.
# Files in the package are owned by dpkg, removed with it, and picked up by the desktop-file-utils and
# hicolor-icon-theme triggers; postinst runs no menu command any more (linux-resources/postinst).
#
# Usage: desktop-files.sh PACKAGE_DIR ICONS_DIR   (the .deb in PACKAGE_DIR is rewritten in place)
# Needs dpkg-deb 1.19+ (--root-owner-group), as on Debian 10 and later.
set -euo pipefail
package_dir="$1"
icons="$2"
deb="$(ls "$package_dir"/hazefuse_*.deb | head -n 1)"
[[ -f "$deb" ]] || { echo "desktop-files.sh: no hazefuse_*.deb in $package_dir" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dpkg-deb -R "$deb" "$work/root"
entry="$work/root/opt/hazefuse/lib/hazefuse-HazeFuse.desktop"
[[ -f "$entry" ]] || { echo "desktop-files.sh: jpackage wrote no desktop entry ($entry)" >&2; exit 1; }
mkdir -p "$work/root/usr/share/applications"
sed 's/^Icon=.*/Icon=hazefuse/' "$entry" > "$work/root/usr/share/applications/hazefuse.desktop"
rm "$entry"
chmod 644 "$work/root/usr/share/applications/hazefuse.desktop"
for size in 16 32 48 64 128 256 512; do
    install -D -m 644 "$icons/hazefuse-$size.png" "$work/root/usr/share/icons/hicolor/${size}x${size}/apps/hazefuse.png"
done
install -D -m 644 "$icons/hazefuse.svg" "$work/root/usr/share/icons/hicolor/scalable/apps/hazefuse.svg"

# Installed-Size (KiB) must count the added files.
size_kib="$(du -sk --exclude=DEBIAN "$work/root" | cut -f1)"
sed -i "s/^Installed-Size:.*/Installed-Size: $size_kib/" "$work/root/DEBIAN/control"
# The md5sums list (if jpackage wrote one) must match the payload.
if [[ -f "$work/root/DEBIAN/md5sums" ]]; then
    (cd "$work/root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
        > "$work/root/DEBIAN/md5sums"
fi
dpkg-deb --root-owner-group -Zgzip -b "$work/root" "$work/out.deb" > /dev/null
mv "$work/out.deb" "$deb"
echo "desktop-files.sh: $(basename "$deb"): desktop entry in /usr/share/applications, icons in the hicolor theme"
