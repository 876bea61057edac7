#!/usr/bin/env bash
# HTTP under load: bootproxy at 2,000 concurrent keep-alive connections (wrk), nginx side by side as the peer.
#
#   bench/http-load.sh [--connections 2000] [--duration 10] [--threads 2] [--baseline GIT-REF]
#
# 1. GET /unattended/iPXE?mac=<web01>: the rendered iPXE script (shipped hosts/ and templates/). Past bootproxy's
#    worker bound the answer is the iPXE retry script, a 200 too: wrk's Lua hook tells the two apart by body.
# 2. GET /unattended/provision?mac=<web01>: the rendered kickstart; past the bound, 503 with Retry-After.
# 3. nginx serving the same iPXE script as a static file: what this machine, loopback and wrk manage at all.
# With --baseline REF, bootproxy built from that commit (e.g. main before issue 9) runs 1. and 2. as well.
#
# bootproxy runs as `serve` from target/bootproxy.jar with -Xmx256m (the heap of the hostile test), its log on
# a file. Needs root (a private network namespace: fixed ports, nothing else on the machine is touched), wrk,
# nginx and curl (all installed by .ci/run), and `ulimit -n` above 2 x connections. Prints Markdown on stdout.
set -euo pipefail

CONNECTIONS=2000 DURATION=10 THREADS=2 BASELINE=""
while (($#)); do
  case $1 in
    --connections) CONNECTIONS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --baseline) BASELINE=$2; shift 2 ;;
    *) echo "usage: $0 [--connections N] [--duration S] [--threads N] [--baseline GIT-REF]" >&2; exit 2 ;;
  esac
done

REPO=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z ${BENCH_IN_NETNS:-} ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "$0: run as root (it uses a private network namespace)" >&2; exit 2; }
  for p in wrk nginx curl unshare java mvn; do
    command -v "$p" > /dev/null || { echo "$0: $p is missing: apt-get install -y wrk nginx curl" >&2; exit 2; }
  done
  (( $(ulimit -n) > 2 * CONNECTIONS + 100 )) || ulimit -n $((2 * CONNECTIONS + 1000)) 2> /dev/null || {
    echo "$0: ulimit -n is $(ulimit -n); $CONNECTIONS connections need more than $((2 * CONNECTIONS + 100))" >&2; exit 2; }
  # always rebuild: a stale jar would measure old code
  (cd "$REPO" && mvn -B -q -DskipTests package) >&2
  JARS=("$REPO/target/bootproxy.jar")
  if [[ -n $BASELINE ]]; then
    OLD=$(mktemp -d /tmp/bootproxy-baseline.XXXXXX)
    git -C "$REPO" archive "$BASELINE" | tar -x -C "$OLD"
    (cd "$OLD" && mvn -B -q -DskipTests package) >&2
    JARS+=("$OLD/target/bootproxy.jar")
  fi
  exec unshare -n env BENCH_IN_NETNS=1 BENCH_JARS="${JARS[*]}" BENCH_BASELINE="$BASELINE" \
    "$0" --connections "$CONNECTIONS" --duration "$DURATION" --threads "$THREADS"
fi

ip link set lo up
WORK=$(mktemp -d /tmp/bootproxy-http-bench.XXXXXX)
chmod 755 "$WORK" # nginx workers read the static copy as another user
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

WEB01=52:54:00:00:01:01
cat > "$WORK/counts.lua" <<'EOF'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) real = 0; retry = 0; busy = 0; other = 0 end
function response(status, headers, body)
  if status == 200 and body:find("cannot answer yet", 1, true) then retry = retry + 1
  elseif status == 200 then real = real + 1
  elseif status == 503 then busy = busy + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local r, t, b, o = 0, 0, 0, 0
  for _, th in ipairs(threads) do
    r = r + th:get("real"); t = t + th:get("retry"); b = b + th:get("busy"); o = o + th:get("other")
  end
  local e = summary.errors
  io.write(string.format("RESULT %d %.1f %.1f %.1f %.1f %d %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, r, t, b, o, e.connect, e.read, e.write, e.timeout))
end
EOF

# wrk URL NAME: one row of the table
run_wrk() {
  local url=$1 name=$2 out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$WORK/counts.lua" "$url" 2>&1 | grep '^RESULT' || true)
  if [[ -z $out ]]; then
    echo "| $name | wrk failed | | | | | | |"
    return
  fi
  read -r _ req secs p50 p99 max real retry busy other ec er ew et <<< "$out"
  printf '| %s | %s | %.0f | %s | %s | %s | %s real, %s retry script, %s 503, %s other | %s |\n' \
    "$name" "$req" "$(awk -v r="$req" -v s="$secs" 'BEGIN { print r / s }')" "$p50" "$p99" "$max" "$real" "$retry" "$busy" "$other" \
    "connect $ec, read $er, write $ew, timeout $et"
}

start_bootproxy() {
  local jar=$1 port=$2 dir=$WORK/bp-$2
  mkdir -p "$dir/state" "$dir/tftp"
  (cd "$REPO" && exec java -Xmx256m -jar "$jar" serve --http-address 127.0.0.1:"$port" --tftp-address 127.0.0.1:$((port + 1)) \
    --tftp-root "$dir/tftp" --state-dir "$dir/state" --hosts "$REPO/hosts" --templates "$REPO/templates" \
    --public-url http://192.0.2.1:8000) > "$dir/log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.2
  done
  curl -sf "http://127.0.0.1:$port/unattended/iPXE?mac=$WEB01" | grep -q web01 || {
    echo "bootproxy on $port does not answer web01's iPXE script; its log:" >&2; tail -20 "$dir/log" >&2; exit 1; }
  # warm up: templates parsed, code compiled; not what is measured
  wrk -t1 -c20 -d3s "http://127.0.0.1:$port/unattended/iPXE?mac=$WEB01" > /dev/null
  wrk -t1 -c20 -d3s "http://127.0.0.1:$port/unattended/provision?mac=$WEB01" > /dev/null
}

# nginx: the same script, static
mkdir -p "$WORK/nginx/www"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx/tmp; proxy_temp_path $WORK/nginx/tmp; fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp; scgi_temp_path $WORK/nginx/tmp;
  server { listen 127.0.0.1:8180; root $WORK/nginx/www; default_type text/plain; }
}
EOF

read -r -a JARS <<< "$BENCH_JARS"
echo "## HTTP at $CONNECTIONS connections (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 10s)"
echo
echo "- machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r)"
echo "- versions: bootproxy $(git -C "$REPO" rev-parse --short HEAD)$( [[ -n $BENCH_BASELINE ]] && echo ", baseline $BENCH_BASELINE ($(git -C "$REPO" rev-parse --short "$BENCH_BASELINE"))" ), $(java -version 2>&1 | head -1), $(nginx -v 2>&1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| server, route | answers | per s | p50 ms | p99 ms | max ms | kinds | socket errors |"
echo "|---|---|---|---|---|---|---|---|"
port=8080
for jar in "${JARS[@]}"; do
  label=bootproxy
  [[ $jar != "$REPO/target/bootproxy.jar" ]] && label="bootproxy $BENCH_BASELINE"
  start_bootproxy "$jar" $port
  [[ -f $WORK/nginx/www/ipxe ]] || curl -sf "http://127.0.0.1:$port/unattended/iPXE?mac=$WEB01" > "$WORK/nginx/www/ipxe"
  run_wrk "http://127.0.0.1:$port/unattended/iPXE?mac=$WEB01" "$label, iPXE script"
  run_wrk "http://127.0.0.1:$port/unattended/provision?mac=$WEB01" "$label, kickstart"
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2> /dev/null || true
  port=$((port + 10))
done
mkdir -p "$WORK/nginx/tmp"
nginx -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
sleep 1
run_wrk "http://127.0.0.1:8180/ipxe" "nginx, static copy of the iPXE script"
echo
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
