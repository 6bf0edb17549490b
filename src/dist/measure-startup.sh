#!/usr/bin/env bash
# Start-up time of the packaged launcher: from exec until its window is mapped and visible on an
# Xvfb display (drawn: JavaFX maps the stage once its first frame is ready), RUNS times, with the
# CPU time the process used until then (all its threads, so it can exceed the wall time).
# Usage: measure-startup.sh [LAUNCHER] [RUNS]   (default: the installed /usr/bin/gatescope, 5 runs)
# Needs Xvfb and xdotool. The machine's load matters: the load average is printed with the times.
set -euo pipefail
launcher=${1:-/usr/bin/gatescope}
runs=${2:-5}
display=:$((50 + RANDOM % 20))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    DISPLAY=$display "$launcher" >/dev/null 2>&1 &
    app=$!
    DISPLAY=$display timeout 120 xdotool search --sync --onlyvisible --name '^GateScope$' >/dev/null
    end=$(date +%s%N)
    # CPU time the launcher's process (the JVM runs inside it) spent until then: what load cannot stretch
    ticks=$(awk '{ print $14 + $15 }' "/proc/$app/stat")
    echo "run $run: window after $(( (end - start) / 1000000 )) ms, $(( ticks * 1000 / $(getconf CLK_TCK) )) ms of CPU"
    kill $app
    wait $app 2>/dev/null || true
    sleep 1
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
