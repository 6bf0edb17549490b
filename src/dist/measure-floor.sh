#!/usr/bin/env bash
# The floor under GateScope's start-up (decision 0024): the time to the first drawn frame of a JavaFX
# window holding one Label, with the same JDK and the same JavaFX jars as the build's, started from the
# class path as `java -jar target/gatescope.jar` starts; measured by measure-startup.sh like the window.
# Usage: src/dist/measure-floor.sh [RUNS] [LIB_DIR]   (default 5 runs, the jars in target/lib). Needs Xvfb.
set -euo pipefail
runs=${1:-5}
lib=${2:-target/lib}
here=$(cd "$(dirname "$0")" && pwd)
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
path=$(ls "$lib"/javafx-*.jar | tr '\n' ':')
javac -d "$classes" -cp "$path" "$here/floor/StartupFloor.java"
"$here/measure-startup.sh" "$runs" java -cp "$classes:$path" StartupFloor
