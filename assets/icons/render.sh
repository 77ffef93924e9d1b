#!/usr/bin/env bash
# Renders the committed icon files from hazefuse.svg. Run after editing the SVG, then commit the outputs.
# Needs Debian packages librsvg2-bin (rsvg-convert) and icoutils (icotool).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" hazefuse.svg --output "hazefuse-$size.png"
done
# Windows icon: small sizes as bitmaps, 256 px as an embedded PNG (the Vista+ convention, keeps the file small).
icotool --create --output hazefuse.ico \
    hazefuse-16.png hazefuse-32.png hazefuse-48.png hazefuse-64.png hazefuse-128.png --raw=hazefuse-256.png
