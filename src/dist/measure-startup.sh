#!/usr/bin/env bash
# Start-up time of GateScope's window, RUNS times, on an Xvfb display, from the start of the process
# until two frames have been drawn (not merely the stage mapped): the window's first frame (its
# OpeningFrame, the lecture sentence's cell diagram, decision 0026) and the first frame of the whole
# window, its controls in place, showing the lecture sentence's trace. The window prints both moments
# with -Dgatescope.startupLog=true (ui.app.StartupLog and FirstFrame), passed here through
# JAVA_TOOL_OPTIONS so that any launcher carries it. Each run prints both times, the time since the
# command was run (for `mvn javafx:run` it includes Maven's own start; the others do not: they count
# from the start of the JVM that opens the window), the resident memory at both frames and 2 s after
# the second (VmRSS in /proc) and the CPU time all the JVM's threads had used by then (which load cannot
# stretch); then the medians and the ranges, and the machine's load.
# Usage: measure-startup.sh [RUNS] [COMMAND...]   (default: 5 runs of the installed /usr/bin/gatescope)
#   src/dist/measure-startup.sh 7 java -jar target/gatescope.jar
#   src/dist/measure-startup.sh 7 mvn -o -q javafx:run
#   src/dist/measure-startup.sh 7 target/dist/gatescope/bin/gatescope
# Needs Xvfb. The load average is printed with the times: on a busy machine they stretch.
set -euo pipefail
runs=${1:-5}
shift || true
[ $# -gt 0 ] || set -- /usr/bin/gatescope
display=:$((50 + RANDOM % 20))
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
log=$(mktemp)
trap 'kill $xvfb 2>/dev/null; rm -f "$log"' EXIT
sleep 1
first=() drawn=() exec_ms=() first_rss=() rss=() settled_rss=() cpu=()
echo "measuring: $* (load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
for run in $(seq 1 "$runs"); do
    start=$(date +%s%3N)
    # its own process group, so that a launcher's children (mvn's forked JVM) stop with it
    DISPLAY=$display JAVA_TOOL_OPTIONS="-Dgatescope.startupLog=true" setsid "$@" >"$log" 2>&1 &
    app=$!
    line=""
    # Waits without forking while the window starts: on 2 cores a grep and a sleep forked every 0.1 s
    # delayed the window's first frame by ~0.1 s. Nothing is drawn within the first second.
    sleep 1
    for _ in $(seq 1 480); do
        while IFS= read -r candidate; do # builtins only; the whole line, not one still being written
            [[ $candidate =~ \ \ drawn:\ .*epoch\ [0-9]+\ ms ]] && { line=$candidate; break; }
        done <"$log"
        [ -n "$line" ] && break
        kill -0 $app 2>/dev/null || break
        sleep 0.25
    done
    # and once settled: the figure at the frame catches what is only in use while it is drawn (the JIT
    # compilers' working memory, the render thread's buffers), 20-50 MB that are freed right after
    settled=-
    if [ -n "$line" ]; then
        sleep 2
        jvm=$(pgrep -g "$app" -f 'org\.gatescope/|gatescope\.jar' | head -n 1 || true)
        [ -n "$jvm" ] && settled=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$jvm/status" 2>/dev/null || echo -)
    fi
    kill -- -$app 2>/dev/null || true
    wait $app 2>/dev/null || true
    if [ -z "$line" ]; then
        echo "run $run: no frame drawn within 120 s:"; grep -v "^Picked up" "$log" | head -20; exit 1
    fi
    since_start=$(sed -E 's/^startup +([0-9]+) ms.*/\1/' <<<"$line")
    first_line=$(grep -m1 -E "  first frame: .*epoch [0-9]+ ms" "$log" || true)
    first_ms=$(sed -E 's/^startup +([0-9]+) ms.*/\1/' <<<"${first_line:-$line}")
    first_mb=$(sed -E 's/.*resident ([0-9-]+) MB.*/\1/' <<<"${first_line:-$line}")
    epoch=$(sed -E 's/.*epoch ([0-9]+) ms.*/\1/' <<<"$line")
    mb=$(sed -E 's/.*resident ([0-9-]+) MB.*/\1/' <<<"$line")
    ms=$(sed -E 's/.*cpu ([0-9-]+) ms.*/\1/' <<<"$line")
    first+=("$first_ms") drawn+=("$since_start") exec_ms+=($((epoch - start))) first_rss+=("$first_mb") rss+=("$mb")
    cpu+=("$ms") settled_rss+=("$settled")
    echo "run $run: first frame ${first_ms} ms (${first_mb} MB resident), whole window ${since_start} ms after the JVM started ($((epoch - start)) ms after the command), ${mb} MB resident (${settled} MB 2 s later), ${ms} ms of CPU"
    sleep 1
done
summary() { # summary NAME UNIT VALUES...: median and range
    local name=$1 unit=$2
    shift 2
    sort -n <<<"$(printf '%s\n' "$@" | grep -E '^[0-9]+$')" | awk -v name="$name" -v unit="$unit" '
        /^[0-9]+$/ { v[++n] = $1 } END { if (n == 0) { printf "%-28s (not measured)\n", name; exit }
        m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2;
        printf "%-28s median %5d %s, range %d-%d\n", name, m, unit, v[1], v[n] }'
}
summary "first frame after JVM start" ms "${first[@]}"
summary "window after the JVM start" ms "${drawn[@]}"
summary "window after the command" ms "${exec_ms[@]}"
summary "resident at first frame" MB "${first_rss[@]}"
summary "resident at whole window" MB "${rss[@]}"
summary "resident 2 s later" MB "${settled_rss[@]}"
summary "CPU at whole window" ms "${cpu[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
