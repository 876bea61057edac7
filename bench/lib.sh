# Helpers the HTTP benchmarks share (sourced, not run): a private network namespace, nginx as the peer, bootproxy
# started the way the package starts it, wrk's result line, and the lines that say what machine a figure is from.
# shellcheck shell=bash

BENCH_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# bench_in_netns "$0" ARGS...: runs the calling script again, as root, in a private network namespace (loopback only:
# fixed ports, nothing else on the machine is touched), unless it already is there; returns only inside it.
bench_in_netns() {
  [[ -n ${BENCH_IN_NETNS:-} ]] && { ip link set lo up; return 0; }
  [[ $(id -u) -eq 0 ]] || { echo "$1: run as root (it uses a private network namespace)" >&2; exit 2; }
  local script=$1; shift
  exec unshare -n env BENCH_IN_NETNS=1 "$script" "$@"
}

# bench_need CMD...: each command must exist.
bench_need() {
  for p in "$@"; do
    command -v "$p" > /dev/null || { echo "bench: $p is missing (.ci/run installs the benchmarks' packages)" >&2; exit 2; }
  done
}

# bench_wait_quiet [MAX_LOAD] [MAX_SECONDS]: waits until the 1-minute load average is below MAX_LOAD (default 1.5, or
# $BENCH_MAX_LOAD) or MAX_SECONDS (default 600, or $BENCH_MAX_WAIT) have passed, saying so on stderr: on a machine
# others share, a figure taken while another job runs is that job's figure too. Never fails: a machine that stays busy
# is measured anyway, and the load at start (bench_machine) says how busy it was.
bench_wait_quiet() {
  local max=${1:-${BENCH_MAX_LOAD:-1.5}} limit=${2:-${BENCH_MAX_WAIT:-600}} waited=0 load
  while load=$(cut -d' ' -f1 /proc/loadavg) && awk -v l="$load" -v m="$max" 'BEGIN { exit !(l >= m) }'; do
    ((waited == 0)) && echo "bench: 1-minute load $load, waiting for it to drop below $max (up to ${limit} s)" >&2
    ((waited >= limit)) && { echo "bench: load still $load after ${limit} s; measuring anyway" >&2; return 0; }
    sleep 5
    waited=$((waited + 5))
  done
  ((waited == 0)) || echo "bench: load $load after ${waited} s" >&2
}

# bench_machine: the lines that say where and when a figure was taken.
bench_machine() {
  echo "- machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r)"
  echo "- versions: bootproxy $(git -C "$BENCH_REPO" rev-parse --short HEAD), $(java -version 2>&1 | head -1), $(nginx -v 2>&1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# bench_nginx DIR PORT: nginx serving DIR/www on 127.0.0.1:PORT (access log off, keep-alive without limit), in the
# foreground of a background job; prints its pid. DIR/extra.conf, when present, is included in the server block.
bench_nginx() {
  local dir=$1 port=$2
  mkdir -p "$dir/www" "$dir/tmp"
  chmod 755 "$dir" "$dir/www" # the workers read the files as another user
  touch "$dir/extra.conf"
  cat > "$dir/nginx.conf" <<EOF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $dir/tmp; proxy_temp_path $dir/tmp; fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp; scgi_temp_path $dir/tmp;
  server { listen 127.0.0.1:$port; root $dir/www; default_type text/plain; include $dir/extra.conf; }
}
EOF
  nginx -c "$dir/nginx.conf" -g 'daemon off;' > "$dir/nginx.out" 2>&1 &
  echo $!
}

# bench_bootproxy WORKDIR PORT [JVM OPTION...]: `serve` through the package's launcher (src/deb/bin/bootproxy: the
# shipped JVM defaults, class data sharing in WORKDIR/cds) from target/bootproxy.jar, with the shipped hosts/ and
# templates/ unless BENCH_HOSTS names another folder; its log in WORKDIR/bp-PORT.log. Waits until /healthz says ok
# and prints the pid. Extra JVM options go after the launcher's (BOOTPROXY_JAVA_OPTS).
bench_bootproxy() {
  local work=$1 port=$2; shift 2
  local dir=$work/bp-$port
  mkdir -p "$dir/state" "$dir/tftp" "$work/cds"
  [[ -f $work/bootproxy.yaml ]] || printf 'timeline:\n  per_mac: 200\n' > "$work/bootproxy.yaml"
  (cd "$BENCH_REPO" && BOOTPROXY_CONFIG=$work/bootproxy.yaml BOOTPROXY_JAR=$BENCH_REPO/target/bootproxy.jar \
    BOOTPROXY_CDS_DIR=$work/cds BOOTPROXY_JAVA_OPTS="$*" exec "$BENCH_REPO/src/deb/bin/bootproxy" serve \
    --http-address 127.0.0.1:"$port" --tftp-address 127.0.0.1:$((port + 1)) --tftp-root "$dir/tftp" --state-dir "$dir/state" \
    --hosts "${BENCH_HOSTS:-$BENCH_REPO/hosts}" --templates "$BENCH_REPO/templates" --public-url http://192.0.2.1:8000) \
    > "$work/bp-$port.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && { echo "$pid"; return 0; }
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.05
  done
  echo "bench: bootproxy on port $port did not become ready; its log:" >&2
  tail -20 "$work/bp-$port.log" >&2
  return 1
}

# bench_stop PID: SIGTERM, then waits until the process is gone (up to 60 s: the first stop writes the class data
# sharing archive). The process is not this shell's child (started in a command substitution), so `wait` cannot.
bench_stop() {
  kill "$1" 2> /dev/null || return 0
  for _ in $(seq 1 600); do
    kill -0 "$1" 2> /dev/null || return 0
    sleep 0.1
  done
  kill -9 "$1" 2> /dev/null || true
}

# bench_cpu_ticks PID...: the processes' CPU time so far (user + system), in clock ticks (getconf CLK_TCK a second).
bench_cpu_ticks() {
  local p t=0
  for p in "$@"; do
    [[ -r /proc/$p/stat ]] && t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')))
  done
  echo "$t"
}

# bench_rss PID: resident memory in MB; bench_threads PID: its threads.
bench_rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
bench_threads() { ls "/proc/$1/task" | wc -l; }

# bench_wrk_lua FILE: a wrk script whose done() prints one line:
#   RESULT requests seconds p50_ms p99_ms max_ms non2xx connect_errors read_errors write_errors timeouts
bench_wrk_lua() {
  cat > "$1" <<'EOF'
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.2f %.2f %.2f %.2f %d %d %d %d %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect, e.read,
    e.write, e.timeout))
end
EOF
}

# bench_workdir NAME: WORK, a temporary folder (readable by nginx's workers, which run as another user), and PIDS, the
# processes to end: at exit (or on INT/TERM) each of PIDS is stopped (bench_stop) and WORK removed.
bench_workdir() {
  WORK=$(mktemp -d "/tmp/bootproxy-$1.XXXXXX")
  chmod 755 "$WORK"
  PIDS=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do bench_stop "$pid"; done
  rm -rf "$WORK"
}
