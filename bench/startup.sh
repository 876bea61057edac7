#!/usr/bin/env bash
# Start-up and lookups by the number of host files: how long until /healthz answers, what the first lookup costs next
# to the ones after it, and whether lookups slow down as the host files grow.
#
#   bench/startup.sh [--hosts "example 1000 10000 50000"] [--runs 3] [--rate 20] [--seconds 20] [--no-build]
#
# For each count, host files like the shipped web01 (comments and all, ~4 KiB each, two NICs) are written to a
# temporary folder; `serve` starts through the package's launcher with its shipped JVM defaults and class data
# sharing (the archive is written by one start and stop before anything is measured, as the package's first stop
# does). Each run: the time from the launcher's start to the first 200 from /healthz (which answers 503 while serve
# warms up), the CPU time the process used by then and its resident memory; then bench/lookups.py: one lookup
# timed alone (the first after start), then --rate lookups a second of random hosts for --seconds (a new connection
# each, as machines ask), while a host file is touched every 5 s. The table shows the median run. At the end of
# the last run of each count: the live heap after a full collection.
# Needs root (a private network namespace), curl, python3 (.ci/run installs them). Prints Markdown on stdout.
set -euo pipefail

COUNTS="example 1000 10000 50000" RUNS=3 RATE=20 SECONDS_=20 BUILD=1
while (($#)); do
  case $1 in
    --hosts) COUNTS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "usage: $0 [--hosts \"example 1000 10000 50000\"] [--runs N] [--rate N] [--seconds S] [--no-build]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
if [[ -z ${BENCH_IN_NETNS:-} ]]; then
  bench_need curl python3 unshare java mvn nginx wrk
  ((BUILD)) && (cd "$BENCH_REPO" && mvn -B -q -DskipTests package) >&2
fi
bench_in_netns "$0" --hosts "$COUNTS" --runs "$RUNS" --rate "$RATE" --seconds "$SECONDS_" --no-build

bench_workdir startup-bench

# hosts N DIR: N host files shaped like hosts/web01.example.com.yaml; their provision MACs in DIR.macs
hosts() {
  python3 - "$1" "$2" "$BENCH_REPO/hosts/web01.example.com.yaml" <<'EOF'
import os, sys
n, d, template = int(sys.argv[1]), sys.argv[2], open(sys.argv[3]).read()
os.makedirs(d, exist_ok=True)
with open(d + ".macs", "w") as macs:
    for i in range(1, n + 1):
        name = "node%05d.example.com" % i
        m = "52:55:%02x:%02x:%02x:" % (i >> 16 & 255, i >> 8 & 255, i & 255)
        t = (template.replace("web01.example.com", name).replace("52:54:00:00:01:01", m + "01")
             .replace("52:54:00:00:01:02", m + "02").replace("192.0.2.11", "10.%d.%d.%d" % (i >> 16 & 255, i >> 8 & 255, i & 255))
             .replace("3f6c0e9a-web01-example", "tok-%05d" % i))
        open(os.path.join(d, name + ".yaml"), "w").write(t)
        macs.write(m + "01\n")
EOF
}

cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }

echo "## Start-up and lookups by the number of host files"
echo
bench_wait_quiet
bench_machine
echo "- each run: launcher start to the first 200 from /healthz; then 1 lookup alone, then $RATE lookups/s of random hosts"
echo "  for $SECONDS_ s (a new connection each) while a host file is touched every 5 s; median of $RUNS runs"
echo

# the class data sharing archive, as the package's first stop writes it (not measured)
pid=$(bench_bootproxy "$WORK" 8080)
bench_stop "$pid"

echo "| host files | ready s | CPU s at ready | RSS MB at ready | first lookup ms | lookups p50 ms | p99 ms | max ms | errors | live heap MB |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for count in $COUNTS; do
  if [[ $count == example ]]; then
    dir=$BENCH_REPO/hosts
    grep -hoE 'mac: *[0-9A-Fa-f][0-9A-Fa-f:.-]+' "$dir"/*.yaml | awk '{print $2}' > "$WORK/example.macs"
    macs=$WORK/example.macs touch_file=$WORK/example-touch
    : > "$touch_file"
  else
    dir=$WORK/hosts-$count
    hosts "$count" "$dir"
    macs=$dir.macs touch_file=$dir/node00001.example.com.yaml
  fi
  : > "$WORK/runs"
  for run in $(seq 1 "$RUNS"); do
    sync
    bench_wait_quiet # each start is a figure: not while another job (or the last run's JIT) still holds the cores
    start=$(date +%s%N)
    pid=$(BENCH_HOSTS=$dir bench_bootproxy "$WORK" 8080)
    ready_ms=$((($(date +%s%N) - start) / 1000000))
    cpu=$(cpu_seconds "$pid") rss=$(bench_rss "$pid")
    out=$(python3 "$BENCH_REPO/bench/lookups.py" 8080 "$macs" --rate "$RATE" --seconds "$SECONDS_" --touch "$touch_file")
    heap=-
    if [[ $run == "$RUNS" ]]; then
      jcmd "$pid" GC.run > /dev/null 2>&1 || true
      heap=$(jcmd "$pid" GC.heap_info 2> /dev/null | awk '/generation/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); s += v } } END { printf "%.0f", s / 1024 }')
    fi
    bench_stop "$pid"
    echo "$ready_ms $cpu $rss $out heap=$heap" >> "$WORK/runs"
  done
  ready=$(awk '{ print $1 }' "$WORK/runs" | median)
  printf '| %s | %.2f | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$count" "$(awk -v m="$ready" 'BEGIN { print m / 1000 }')" \
    "$(awk '{ print $2 }' "$WORK/runs" | median)" "$(awk '{ print $3 }' "$WORK/runs" | median)" \
    "$(field first < "$WORK/runs" | median)" "$(field p50 < "$WORK/runs" | median)" "$(field p99 < "$WORK/runs" | median)" \
    "$(field max < "$WORK/runs" | median)" "$(field errors < "$WORK/runs" | awk '{ s += $1 } END { print s }')" \
    "$(tail -1 "$WORK/runs" | field heap)"
  [[ $count == example ]] || rm -rf "$dir"
done
echo
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
