#!/usr/bin/env bash
# Rendered answers vs nginx serving the same bytes: bootproxy's answers a second next to what this machine, loopback
# and wrk manage for a static file.
#
#   bench/http-render.sh [--connections "16 64 256"] [--routes "ipxe provision bootstrap 404"] [--duration 8]
#                        [--rounds 2] [--warm-up 20] [--no-build]
#
# Routes (the shipped hosts/ and templates/; web01 is 52:54:00:00:01:01):
#   ipxe       GET /unattended/iPXE?mac=<web01>         the host's rendered iPXE script
#   provision  GET /unattended/provision?mac=<web01>    its rendered kickstart
#   bootstrap  GET /unattended/iPXE?bootstrap=1         the intermediate script
#   404        GET /unattended/iPXE?mac=<unknown>       an unknown MAC: 404 with one line
# nginx serves each answer's exact bytes from a file (the 404 with `return 404`), on a loopback port of the same
# namespace. For each connection count and route the two servers take turns, --rounds times each, wrk -t2 for
# --duration seconds a turn; the table shows the median turn. bootproxy runs through the package's launcher with its
# shipped JVM defaults (src/deb/bin/bootproxy) and is warmed up first (--warm-up seconds of wrk: the JIT compiles
# what it runs most). --routes measures some of the routes only (a quick A/B). It waits, up to 10 minutes, for the
# 1-minute load to drop below 1.5 ($BENCH_MAX_LOAD) before it starts. At the end: both servers' resident memory and
# bootproxy's threads.
# Needs root (a private network namespace), wrk, nginx, curl (.ci/run installs them). Prints Markdown on stdout.
set -euo pipefail

CONNS="16 64 256" ROUTES="ipxe provision bootstrap 404" DURATION=8 ROUNDS=2 WARM=20 BUILD=1
while (($#)); do
  case $1 in
    --connections) CONNS=$2; shift 2 ;;
    --routes) ROUTES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --warm-up) WARM=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "usage: $0 [--connections \"16 64 256\"] [--routes \"ipxe provision bootstrap 404\"] [--duration S] [--rounds N]" \
      "[--warm-up S] [--no-build]" >&2; exit 2 ;;
  esac
done
for r in $ROUTES; do
  [[ $r =~ ^(ipxe|provision|bootstrap|404)$ ]] || { echo "$0: no route $r (ipxe, provision, bootstrap, 404)" >&2; exit 2; }
done
source "$(dirname "$0")/lib.sh"
if [[ -z ${BENCH_IN_NETNS:-} ]]; then
  bench_need wrk nginx curl unshare java mvn
  ((BUILD)) && (cd "$BENCH_REPO" && mvn -B -q -DskipTests package) >&2
  ulimit -n 65536 2> /dev/null || true
fi
bench_in_netns "$0" --connections "$CONNS" --routes "$ROUTES" --duration "$DURATION" --rounds "$ROUNDS" --warm-up "$WARM" --no-build

bench_workdir render-bench

BP=8080 NG=8180
WEB01=52:54:00:00:01:01 UNKNOWN=52:54:00:ff:ff:ff
declare -A BP_PATH=([ipxe]="/unattended/iPXE?mac=$WEB01" [provision]="/unattended/provision?mac=$WEB01"
  [bootstrap]="/unattended/iPXE?bootstrap=1" [404]="/unattended/iPXE?mac=$UNKNOWN")
declare -A NG_PATH=([ipxe]=/ipxe [provision]=/provision [bootstrap]=/bootstrap [404]=/notfound)

bench_wrk_lua "$WORK/result.lua"
echo "## Rendered answers vs nginx serving the same bytes"
echo
bench_wait_quiet
bench_machine
bpid=$(bench_bootproxy "$WORK" "$BP")
PIDS+=("$bpid")

# the same bytes for nginx
mkdir -p "$WORK/nginx/www"
for r in ipxe provision bootstrap; do # every route's bytes, whichever are measured: the 404's line is set below
  curl -sf "http://127.0.0.1:$BP${BP_PATH[$r]}" > "$WORK/nginx/www/$r"
done
body404=$(curl -s "http://127.0.0.1:$BP${BP_PATH[404]}")
printf 'location = /notfound { return 404 "%s\\n"; }\n' "${body404//\"/\\\"}" > "$WORK/nginx/extra.conf"
ngpid=$(bench_nginx "$WORK/nginx" "$NG")
PIDS+=("$ngpid")
sleep 1
for r in $ROUTES; do
  b=$(curl -s "http://127.0.0.1:$BP${BP_PATH[$r]}" | sha256sum | cut -c1-12)
  n=$(curl -s "http://127.0.0.1:$NG${NG_PATH[$r]}" | sha256sum | cut -c1-12)
  [[ $b == "$n" ]] || { echo "bench: $r: nginx does not serve bootproxy's bytes ($b vs $n)" >&2; exit 1; }
done
echo "- answer sizes: $(for r in $ROUTES; do printf '%s %s B; ' "$r" "$(curl -s "http://127.0.0.1:$BP${BP_PATH[$r]}" | wc -c)"; done)"

# warm-up: what the JIT compiles first is what it runs most; --warm-up seconds shared by the routes measured
nroutes=$(wc -w <<< "$ROUTES")
for r in $ROUTES; do
  wrk -t2 -c64 -d"$((WARM / nroutes + 1))s" "http://127.0.0.1:$BP${BP_PATH[$r]}" > /dev/null
done

# one wrk turn against the server whose processes are PIDS: prints "req_per_s p50 p99 non2xx errors cpu_us_per_answer"
# (the server's CPU time, user and system, during the turn over its answers: less noisy than the rate on a shared
# machine, since another job's load takes time from the server but adds little CPU to each answer)
turn() {
  local url=$1 c=$2 pids=$3 out before after
  before=$(bench_cpu_ticks $pids)
  out=$(wrk -t2 -c"$c" -d"${DURATION}s" --timeout 10s -s "$WORK/result.lua" "$url" 2>&1 | grep '^RESULT' || true)
  after=$(bench_cpu_ticks $pids)
  [[ -n $out ]] || { echo "0 0 0 0 failed 0"; return; }
  read -r _ req secs p50 p99 _max non2xx ec er ew et <<< "$out"
  echo "$(awk -v r="$req" -v s="$secs" 'BEGIN { printf "%.0f", r / s }') $p50 $p99 $non2xx $((ec + er + ew + et))" \
    "$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v r="$req" 'BEGIN { printf "%.1f", (r > 0 ? t * 1e6 / hz / r : 0) }')"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo
echo "wrk -t2, ${DURATION} s a turn, $ROUNDS turns each, the median turn; p50/p99 in ms; ratio = bootproxy ÷ nginx answers a second;"
echo "CPU µs/answer: the server's CPU time (all its threads, user + system) during its turns over its answers (median turn)"
echo
echo "| route | connections | bootproxy /s | p50 | p99 | nginx /s | p50 | p99 | ratio | non-2xx (bp / nginx) | errors | CPU µs/answer (bp / nginx) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
ngpids="$ngpid $( (pgrep -P "$ngpid" || true) | tr '\n' ' ')" # the master and its workers
for c in $CONNS; do
  for r in $ROUTES; do
    : > "$WORK/bp.txt"; : > "$WORK/ng.txt"
    for _ in $(seq 1 "$ROUNDS"); do
      turn "http://127.0.0.1:$BP${BP_PATH[$r]}" "$c" "$bpid" >> "$WORK/bp.txt"
      turn "http://127.0.0.1:$NG${NG_PATH[$r]}" "$c" "$ngpids" >> "$WORK/ng.txt"
    done
    bps=$(cut -d' ' -f1 "$WORK/bp.txt" | median); ngs=$(cut -d' ' -f1 "$WORK/ng.txt" | median)
    bp50=$(cut -d' ' -f2 "$WORK/bp.txt" | median); bp99=$(cut -d' ' -f3 "$WORK/bp.txt" | median)
    ng50=$(cut -d' ' -f2 "$WORK/ng.txt" | median); ng99=$(cut -d' ' -f3 "$WORK/ng.txt" | median)
    bnon=$(awk '{ s += $4 } END { print s }' "$WORK/bp.txt"); nnon=$(awk '{ s += $4 } END { print s }' "$WORK/ng.txt")
    errs=$(awk '{ s += $5 } END { print s }' "$WORK/bp.txt" "$WORK/ng.txt")
    bcpu=$(cut -d' ' -f6 "$WORK/bp.txt" | median); ncpu=$(cut -d' ' -f6 "$WORK/ng.txt" | median)
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %.2f | %s / %s | %s | %s / %s |\n' "$r" "$c" "$bps" "$bp50" "$bp99" "$ngs" \
      "$ng50" "$ng99" "$(awk -v a="$bps" -v b="$ngs" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$bnon" "$nnon" "$errs" "$bcpu" "$ncpu"
  done
done
echo
ngrss=$(for p in $ngpids; do awk '/VmRSS/ {print $2}' "/proc/$p/status"; done | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')
echo "- at the end: bootproxy RSS $(bench_rss "$bpid") MB, $(bench_threads "$bpid") threads (JVM: $(tr '\0' ' ' < "/proc/$bpid/cmdline" \
  | grep -o -- '-Xmx[^ ]*\|-XX:+Use[A-Za-z]*GC' | tr '\n' ' ')); nginx (master and workers) RSS $ngrss MB"
echo "- bootproxy log lines dropped: $(curl -s "http://127.0.0.1:$BP/metrics" | awk '/^bootproxy_log_lines_dropped_total/ {print $2}')"
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
