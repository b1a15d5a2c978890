#!/bin/sh
# Runs one fuzz target for a number of seconds with a seeded corpus.
# Usage: fuzz/run.sh BUILD_DIR vtl|jsonpath|http|openapi SECONDS
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "$here/../.." && pwd)/shared
build=$1
target=$2
seconds=${3:-600}
corpus="$build/corpus-$target"
mkdir -p "$corpus"
if [ "$target" = vtl ]; then
  # Seeds: every conformance case's template and the benchmark templates.
  if [ -d "$shared/conformance/vtl" ]; then
    for f in "$shared"/conformance/vtl/*.json; do
      python3 -c 'import json,sys; sys.stdout.write(json.load(open(sys.argv[1]))["template"])' "$f" \
        > "$corpus/seed-$(basename "$f" .json)"
    done
  fi
  [ -d "$shared/bench/vtl/templates" ] && cp "$shared"/bench/vtl/templates/*.vm "$corpus/" || true
elif [ "$target" = http ]; then
  printf 'GET /pets/1?x=1 HTTP/1.1\r\nHost: a\r\n\r\n' > "$corpus/seed-get"
  printf 'POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\r\n\r\n' > "$corpus/seed-pipelined"
  printf 'POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n' > "$corpus/seed-chunked"
elif [ "$target" = openapi ]; then
  # Seeds: every real definition of the shared corpus (JSON and YAML) and the samples.
  [ -d "$shared/corpus/openapi" ] && cp "$shared"/corpus/openapi/*.json "$shared"/corpus/openapi/*.yaml "$corpus/" || true
else
  [ -d "$here/corpus/jsonpath" ] && cp "$here"/corpus/jsonpath/* "$corpus/" 2>/dev/null || true
fi
cd "$build"
exec "./${target}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -dict="$here/$target.dict" -print_final_stats=1 "$corpus"
