#!/bin/sh
# Designer responsiveness (issue 6): a project of 2,000 resources and 5,000 methods opened in the
# GUI (offscreen) until its expanded tree is painted, then one edit and its undo, each until
# painted, and the process's peak memory; then the template preview's latency per keystroke. Run on a
# quiet machine; prints the median of 5 runs.
# Usage: bench/designer/run.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
project=$(mktemp -d)/large.portico.json
python3 "$here/make-large-project.py" "$project"
for run in 1 2 3 4 5; do
  QT_QPA_PLATFORM=offscreen "$build/app/gui/portico" --bench-open "$project" 2>/dev/null
done | python3 -c '
import sys, statistics
rows = [dict(kv.split("=") for kv in line.split()) for line in sys.stdin if line.startswith("open_ms")]
for key in ("open_ms", "edit_ms", "undo_ms", "max_rss_mb"):
    print("%s median %.1f (of %d runs)" % (key, statistics.median(float(r[key]) for r in rows), len(rows)))
'
rm -rf "$(dirname "$project")"

# The template preview: 200 keystrokes in an ordinary request template (a #foreach, escaping, a
# condition), each timed until the output is rendered and the workbench repainted. Target: within
# one frame (16.7 ms) for the median keystroke. Median of 5 runs of each figure.
for run in 1 2 3 4 5; do
  QT_QPA_PLATFORM=offscreen "$build/app/gui/portico" --bench-preview "$root/resources/samples/petstore.portico.json" 2>/dev/null
done | python3 -c '
import sys, statistics
rows = [dict(kv.split("=", 1) for kv in line.split()[:3]) for line in sys.stdin if line.startswith("preview_")]
for key in ("preview_median_ms", "preview_p95_ms", "preview_max_ms"):
    print("%s median %.1f (of %d runs)" % (key, statistics.median(float(r[key]) for r in rows), len(rows)))
'
