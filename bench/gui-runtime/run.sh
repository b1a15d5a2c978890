#!/bin/sh
# Issue 7's load test of the runtime inside the GUI: the window (offscreen) serves the PetStore
# sample from its own runtime, the Inspector receiving every request, while wrk sends about 1,000
# requests a second for SECONDS (default 60). Prints wrk's summary, the UI thread's longest stall
# (target: under 50 ms), how many requests the Inspector holds, and peak memory.
# Usage: bench/gui-runtime/run.sh [SECONDS] [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-60}
build=${2:-$root/build}
out=$(mktemp)
QT_QPA_PLATFORM=offscreen "$build/app/gui/portico" --bench-runtime "$seconds" "$root/resources/samples/petstore.portico.json" >"$out" 2>/dev/null &
gui=$!
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^url=//p' "$out")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "the GUI did not start its runtime" >&2; kill $gui; exit 1; }
# Stops a couple of seconds before the GUI does, so that the last batches reach the table.
wrk -t2 -c10 -d"$((seconds - 3))s" -s "$here/pace.lua" "$url" | sed -n '/Latency/p;/requests in/p;/Requests\/sec/p'
wait $gui
grep -v '^url=' "$out"
rm -f "$out"
