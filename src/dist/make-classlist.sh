#!/usr/bin/env bash
# Regenerates src/dist/gatescope.classlist: the classes the image's launcher loads from its start until
# the window's first frame with the lecture sentence's trace (-Dgatescope.startupLog=true says when),
# which `mvn -Pdist package` archives for class-data sharing (docs/decisions/0022-start-up.md).
# Run it after changing what the window loads at start-up, on an image built with `mvn -Pdist package`.
# Usage: src/dist/make-classlist.sh [IMAGE_DIR]   (default target/dist/gatescope). Needs Xvfb.
set -euo pipefail
image=${1:-target/dist/gatescope}
here=$(cd "$(dirname "$0")" && pwd)
list=$(mktemp)
log=$(mktemp)
display=:$((50 + RANDOM % 20))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -f "$list" "$log"' EXIT
sleep 1
DISPLAY=$display JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$list -Dgatescope.startupLog=true" \
    "$image/bin/gatescope" >"$log" 2>&1 &
app=$!
for _ in $(seq 1 1200); do
    grep -q "  drawn: " "$log" && break
    sleep 0.1
done
grep -q "  drawn: " "$log" || { echo "no frame drawn within 120 s:"; cat "$log"; kill $app; exit 1; }
kill $app
wait $app 2>/dev/null || true
{
    echo "# GateScope: the classes the window loads until its first frame, for the dist image's CDS archive"
    echo "# (pom.xml, profile dist; docs/decisions/0022-start-up.md). Regenerate with src/dist/make-classlist.sh."
    cat "$list"
} >"$here/gatescope.classlist"
echo "$(grep -vc '^#' "$here/gatescope.classlist") classes in $here/gatescope.classlist"
