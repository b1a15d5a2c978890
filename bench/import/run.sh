#!/bin/sh
# Import speed (issue 8): each file of ../shared/corpus/openapi-large imported in-process, phase by
# phase (portico-cli bench-import: median of 5 runs, peak memory), then the same file imported
# through the GUI's File > Import until its tree is painted (portico --bench-import, offscreen).
# Targets: import under 0.5 s, tree under 1 s.
# Usage: bench/import/run.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
corpus=$(cd "$root/.." && pwd)/shared/corpus/openapi-large
files=$(ls "$corpus"/*.json "$corpus"/*.yaml)

echo "== import in-process (ms, median of 5)"
# shellcheck disable=SC2086
"$build/app/cli/portico-cli" bench-import --runs 5 $files

echo "== the whole command: portico-cli import FILE -o PROJECT (s, peak KB)"
out=$(mktemp -d)
for f in $files; do
  /usr/bin/time -f "$(basename "$f")	%e s	%M KB" \
    "$build/app/cli/portico-cli" import "$f" -o "$out/p.portico.json" --force >/dev/null 2>"$out/err" || true
  tail -1 "$out/err"
done

if [ -x "$build/app/gui/portico" ]; then
  echo "== GUI: File > Import until the tree is painted (offscreen)"
  for f in $files; do
    printf '%s\t' "$(basename "$f")"
    QT_QPA_PLATFORM=offscreen "$build/app/gui/portico" --bench-import "$f" 2>/dev/null
  done
fi
rm -rf "$out"
