#!/usr/bin/env bash
# Turn snapshot SVGs into PNGs to look at: tests/snapshot_png.sh FILE.svg... -> /tmp/snapshots/FILE.png
#
# Textual writes spaces as no-break spaces; rsvg-convert drops the leading ones unless the
# SVG says xml:space="preserve", which would hide every hanging indent. Needs rsvg-convert
# (Debian: apt-get install librsvg2-bin).
set -euo pipefail
out="${SNAPSHOT_PNG_DIR:-/tmp/snapshots}"
mkdir -p "$out"
tmp="$(mktemp --suffix=.svg)"
trap 'rm -f "$tmp"' EXIT
for svg in "$@"; do
    sed '0,/<svg /s//<svg xml:space="preserve" /' "$svg" > "$tmp"
    rsvg-convert -o "$out/$(basename "$svg" .svg).png" "$tmp"
    echo "$out/$(basename "$svg" .svg).png"
done
