#!/bin/bash
# Memory soak for `portico-cli serve`: load on every route of the benchmark API for a while, the
# server's resident memory (with its Lambda workers) sampled as it goes. A steady RSS after the
# first minute means no growth per request.
# Usage: bench/runtime/soak.sh [SECONDS]   (default 300; needs nginx, wrk and node, as the
# shared runtime benchmark does; serves bench/runtime/portico-bench.portico.json on :18090 with
# the backend nginx on :18081)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=$(cd "$root/../shared" && pwd)
seconds=${1:-300}
cli=${PORTICO_CLI:-$root/build/app/cli/portico-cli}
work=$(mktemp -d /tmp/portico-soak.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/nginx/tmp"
sed -e "s|@NGINX_WORKERS@|1|; s|@BACKEND_PORT@|18081|g; s|@BODY@|$(cat "$shared/bench/runtime/body.json")|g" \
  "$shared/bench/runtime/nginx/nginx-backend.conf.in" > "$work/nginx/nginx.conf"
(cd "$work/nginx" && exec setsid nginx -p "$work/nginx" -c nginx.conf -e error.log -g 'daemon off;') & pids+=($!)
(exec setsid "$cli" serve "$here/portico-bench.portico.json" --draft --trust --port 18090 > "$work/serve.log" 2>&1) & server=$!; pids+=($server)
for _ in $(seq 1 50); do curl -sf -o /dev/null http://127.0.0.1:18090/draft/mock && break; sleep 0.1; done

rss_mb() {  # the server and its descendants (Lambda workers)
  local total=0 p
  for p in $(pgrep -g "$server") ; do total=$((total + $(awk '/^VmRSS:/{print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done
  echo $((total / 1024))
}

routes=(/draft/mock /draft/proxy/items/42 /draft/http/42 /draft/lambda/42 /draft/lambda-proxy/42)
echo "soak: ${seconds}s over ${routes[*]}"
start=$(date +%s)
printf '%6s %8s %10s\n' "t (s)" "RSS MB" "requests"
total=0
while (( $(date +%s) - start < seconds )); do
  for route in "${routes[@]}"; do
    n=$(wrk -t1 -c32 -d2s "http://127.0.0.1:18090$route" | awk '/requests in/{print $1}')
    total=$((total + ${n:-0}))
  done
  printf '%6d %8d %10d\n' $(( $(date +%s) - start )) "$(rss_mb)" "$total"
done
