#!/usr/bin/env bash
# Many unknown machines under the shipped heap bound: requests from 4,096 MACs nobody knows (a scan, a hall of new
# machines), each answered 404 and kept on its MAC's boot timeline, until at least --requests have been answered.
#
#   bench/unknown-macs.sh [--requests 100000] [--macs 4096] [--connections 64] [--slice 10] [--no-build]
#
# `serve` runs through the package's launcher with its shipped JVM defaults (heap at most 192 MiB) and the shipped
# hosts/ and templates/. wrk asks GET /unattended/iPXE?mac=<m>, m going round the --macs MACs, in slices of --slice
# seconds; each slice's answers a second show whether throughput stays steady as the timelines fill up. At the end:
# whether serve is still running and logged no OutOfMemoryError, its resident memory, and the live heap after a full
# collection. Needs root (a private network namespace), wrk, curl (.ci/run installs them). Prints Markdown.
set -euo pipefail

REQUESTS=100000 MACS=4096 CONNS=64 SLICE=10 BUILD=1
while (($#)); do
  case $1 in
    --requests) REQUESTS=$2; shift 2 ;;
    --macs) MACS=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    --slice) SLICE=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "usage: $0 [--requests N] [--macs N] [--connections N] [--slice S] [--no-build]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
if [[ -z ${BENCH_IN_NETNS:-} ]]; then
  bench_need wrk curl unshare java mvn nginx
  ((BUILD)) && (cd "$BENCH_REPO" && mvn -B -q -DskipTests package) >&2
fi
bench_in_netns "$0" --requests "$REQUESTS" --macs "$MACS" --connections "$CONNS" --slice "$SLICE" --no-build

bench_workdir unknown-bench

cat > "$WORK/unknown.lua" <<EOF
local n = 0
function setup(thread) thread:set("offset", math.random(0, $MACS - 1)) end
function request()
  n = n + 1
  local m = (n * 2654435761 + offset) % $MACS
  return wrk.format("GET", string.format("/unattended/iPXE?mac=52:54:01:ff:%02x:%02x", math.floor(m / 256) % 256, m % 256))
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %.2f %.2f %.2f %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
EOF

echo "## $MACS unknown MACs, at least $REQUESTS requests, shipped heap bound"
echo
bench_wait_quiet
bench_machine
PID=$(bench_bootproxy "$WORK" 8080)
PIDS+=("$PID")
echo "- serve's JVM: $(tr '\0' ' ' < "/proc/$PID/cmdline" | grep -o -- '-Xm[sxn][^ ]*\|-XX:+Use[A-Za-z]*GC' | tr '\n' ' ')"
echo
echo "| slice | answers | per s | p50 ms | p99 ms | 404s | RSS MB |"
echo "|---|---|---|---|---|---|---|"
total=0 slice=0
while ((total < REQUESTS)) || ((slice < 5)); do
  slice=$((slice + 1))
  out=$(wrk -t2 -c"$CONNS" -d"${SLICE}s" --timeout 10s -s "$WORK/unknown.lua" "http://127.0.0.1:8080" 2>&1 | grep '^RESULT' || true)
  [[ -n $out ]] || { echo "| $slice | wrk failed | | | | | |"; break; }
  read -r _ req secs p50 p99 non2xx <<< "$out"
  total=$((total + req))
  kill -0 "$PID" 2> /dev/null || { echo "| $slice | serve is gone | | | | | |"; break; }
  printf '| %s | %s | %.0f | %s | %s | %s | %s |\n' "$slice" "$req" "$(awk -v r="$req" -v s="$secs" 'BEGIN { print r / s }')" \
    "$p50" "$p99" "$non2xx" "$(bench_rss "$PID")"
done
echo
alive=no
kill -0 "$PID" 2> /dev/null && alive=yes
oom=$(grep -c OutOfMemoryError "$WORK/bp-8080.log" || true)
heap=-
if [[ $alive == yes ]]; then
  jcmd "$PID" GC.run > /dev/null 2>&1 || true
  heap=$(jcmd "$PID" GC.heap_info 2> /dev/null | awk '/generation/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); s += v } } END { printf "%.0f", s / 1024 }')
fi
echo "- $total answers; serve still running: $alive; OutOfMemoryError in its log: $oom; live heap after a full GC: $heap MB;"
echo "  RSS $( [[ $alive == yes ]] && bench_rss "$PID" || echo -) MB"
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
