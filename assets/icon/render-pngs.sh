#!/usr/bin/env bash
# Renders the icon's PNG sizes from gatescope.svg (needs rsvg-convert: apt-get install librsvg2-bin).
# The PNGs are committed, so building GateScope never needs this; run it after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" gatescope.svg --output "png/gatescope-$size.png"
done
