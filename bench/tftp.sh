#!/usr/bin/env bash
# TFTP benchmark: bootproxy against in.tftpd (tftpd-hpa) and dnsmasq's TFTP, side by side on one machine.
#
#   bench/tftp.sh [--runs N] [--rtt-runs N] [--clients N] [--size-mib N] [--loss-transfers N] [--skip-rtt]
#
# 1. a 32 MiB file at blksize 1468 over loopback, curl as the client: median of N runs per server, as ratios;
# 2. the same file at 2 ms round trip (../shared/tools/udp-impair --delay-ms 1 in the path), atftp with
#    windowsize 1, 8 and 16 against bootproxy, and in.tftpd in lock-step (it has no windowsize);
# 3. N concurrent curl clients (default 500) fetching undionly-ipxe.0 from each server: failures, total time;
# 4. 10 % loss plus 10 % reordering (udp-impair) in front of each server: 20 curl transfers of 64 KiB.
#
# Needs root (it runs everything in a private network namespace, so dnsmasq can have port 69 and nothing
# else on the machine is touched), the Debian packages curl atftp tftpd-hpa dnsmasq-base python3 (and
# ipxe for the real undionly.kpxe; a random file of the same size is used without it), and a built
# target/bootproxy.jar (the script builds it when missing). Prints a Markdown report on stdout.
set -euo pipefail

RUNS=7 RTT_RUNS=3 CLIENTS=500 SIZE_MIB=32 LOSS_TRANSFERS=20 SKIP_RTT=0
while (($#)); do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --rtt-runs) RTT_RUNS=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --size-mib) SIZE_MIB=$2; shift 2 ;;
    --loss-transfers) LOSS_TRANSFERS=$2; shift 2 ;;
    --skip-rtt) SKIP_RTT=1; shift ;;
    *) echo "usage: $0 [--runs N] [--rtt-runs N] [--clients N] [--size-mib N] [--loss-transfers N] [--skip-rtt]" >&2; exit 2 ;;
  esac
done

REPO=$(cd "$(dirname "$0")/.." && pwd)
IMPAIR=$REPO/../shared/tools/udp-impair

if [[ -z ${BENCH_IN_NETNS:-} ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "$0: run as root (it uses a private network namespace)" >&2; exit 2; }
  for p in curl atftp in.tftpd dnsmasq python3 unshare; do
    command -v "$p" > /dev/null || { echo "$0: $p is missing: apt-get install -y curl atftp tftpd-hpa dnsmasq-base python3" >&2; exit 2; }
  done
  [[ -x $IMPAIR ]] || { echo "$0: $IMPAIR is missing (shared/tools beside the repository)" >&2; exit 2; }
  # always rebuild: a stale jar would measure old code
  (cd "$REPO" && mvn -B -q -DskipTests package) >&2
  exec unshare -n env BENCH_IN_NETNS=1 "$0" --runs "$RUNS" --rtt-runs "$RTT_RUNS" --clients "$CLIENTS" --size-mib "$SIZE_MIB" \
    --loss-transfers "$LOSS_TRANSFERS" \
    $( ((SKIP_RTT)) && echo --skip-rtt )
fi

ip link set lo up
# in.tftpd resolves its -a address with AI_ADDRCONFIG, which needs a non-loopback address to exist
ip addr add 198.51.100.1/32 dev lo
WORK=$(mktemp -d /tmp/bootproxy-tftp-bench.XXXXXX)
chmod 755 "$WORK"
ROOT=$WORK/root
mkdir -p "$ROOT"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  pkill -P $$ 2> /dev/null || true # clients still running in subshells
  wait 2> /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$ROOT/big"
MB=$(python3 -c "print($SIZE_MIB * 1.048576)")
if [[ -f /usr/lib/ipxe/undionly.kpxe ]]; then
  cp /usr/lib/ipxe/undionly.kpxe "$ROOT/undionly-ipxe.0"
else
  head -c 74213 /dev/urandom > "$ROOT/undionly-ipxe.0"
fi
head -c 65536 /dev/urandom > "$ROOT/part"
chmod 644 "$ROOT"/*
SUMBIG=$(sha256sum < "$ROOT/big")
SUMUNDI=$(sha256sum < "$ROOT/undionly-ipxe.0")
SUMPART=$(sha256sum < "$ROOT/part")

# ------------------------------------------------------------------ servers
BP=6969 HPA=6970 DNSMASQ=69
# every bench client comes from 127.0.0.1: lift bootproxy's per-address share (default 8) as in.tftpd and dnsmasq have none
printf 'tftp:\n  max_transfers_per_client: 100000\n' > "$WORK/bootproxy.yaml"
(cd "$REPO" && exec java -jar target/bootproxy.jar serve --config "$WORK/bootproxy.yaml" --tftp-address 127.0.0.1:$BP \
  --tftp-root "$ROOT" --http-address 127.0.0.1:8089 --state-dir "$WORK/state") > "$WORK/bootproxy.log" 2>&1 &
PIDS+=($!)
in.tftpd -L -s -u nobody -a 127.0.0.1:$HPA "$ROOT" > "$WORK/in.tftpd.log" 2>&1 &
PIDS+=($!)
# dnsmasq's TFTP always listens on port 69; its default --tftp-max is 50 concurrent transfers: raised to match
dnsmasq --no-daemon --conf-file=/dev/null --port=0 --listen-address=127.0.0.1 --bind-interfaces --enable-tftp \
  --tftp-root="$ROOT" --tftp-max=1000 --user=root --pid-file="$WORK/dnsmasq.pid" --quiet-tftp > "$WORK/dnsmasq.log" 2>&1 &
PIDS+=($!)

up() { curl -s --max-time 2 -o /dev/null "tftp://127.0.0.1:$1/undionly-ipxe.0"; }
for i in $(seq 1 60); do
  if up $BP && up $HPA && up $DNSMASQ; then break; fi
  ((i < 60)) || { echo "a server did not come up; logs in $WORK:" >&2; tail -n 5 "$WORK"/*.log >&2; exit 1; }
  sleep 0.5
done

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

# timed OUT COMMAND...: runs a client that writes the big file to OUT; prints its seconds; stops on wrong bytes
timed() {
  local out=$1 t0 t1
  shift
  t0=$(now)
  "$@" > /dev/null 2>&1 || true
  t1=$(now)
  [[ -f $out && $(sha256sum < "$out") == "$SUMBIG" ]] || { echo "wrong bytes from: $*" >&2; exit 1; }
  rm -f "$out"
  elapsed "$t0" "$t1"
}
# fetchbig PORT: curl at blksize 1468
fetchbig() { timed "$WORK/out.$1" curl -sS --max-time 120 --tftp-blksize 1468 -o "$WORK/out.$1" "tftp://127.0.0.1:$1/big"; }

echo "## TFTP benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "- machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r)"
echo "- versions: bootproxy $(cd "$REPO" && git describe --always --dirty 2> /dev/null), $(java -version 2>&1 | head -1),"
echo "  $(in.tftpd -V 2>&1 | head -1), dnsmasq $(dnsmasq --version | head -1 | awk '{print $3}'), $(curl --version | head -1 | cut -d' ' -f1-2), $(atftp --version 2>&1 | head -1)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# ------------------------------------------------------------------ 1: 32 MiB over loopback
for port in $BP $HPA $DNSMASQ; do fetchbig $port > /dev/null; done # warm-up (the JVM compiles its hot loop)
declare -A T
for r in $(seq 1 "$RUNS"); do # interleaved, so background load hits every server alike
  for port in $BP $HPA $DNSMASQ; do T[$port]+="$(fetchbig $port) "; done
done
mb=$(tr ' ' '\n' <<< "${T[$BP]}" | grep . | median)
mh=$(tr ' ' '\n' <<< "${T[$HPA]}" | grep . | median)
md=$(tr ' ' '\n' <<< "${T[$DNSMASQ]}" | grep . | median)
echo "### $SIZE_MIB MiB, blksize 1468, loopback, curl (median of $RUNS)"
echo
echo "| server | median s | MB/s | time vs in.tftpd | all runs (s) |"
echo "|---|---|---|---|---|"
for row in "bootproxy $mb $BP" "in.tftpd $mh $HPA" "dnsmasq $md $DNSMASQ"; do
  set -- $row
  echo "| $1 | $2 | $(python3 -c "print(f'{$MB / $2:.0f}')") | $(ratio "$2" "$mh") | ${T[$3]}|"
done
echo

# ------------------------------------------------------------------ 2: 2 ms round trip
if ((!SKIP_RTT)); then
  python3 "$IMPAIR" --listen 127.0.0.1:7969 --server 127.0.0.1:$BP --delay-ms 1 2> "$WORK/impair-bp.log" &
  PIDS+=($!)
  python3 "$IMPAIR" --listen 127.0.0.1:7970 --server 127.0.0.1:$HPA --delay-ms 1 2> "$WORK/impair-hpa.log" &
  PIDS+=($!)
  sleep 1
  atftpbig() { # PORT WINDOWSIZE (0: none asked)
    local opts=(--option "blksize 1468")
    (($2)) && opts+=(--option "windowsize $2")
    timed "$WORK/rtt.out" atftp -g -r big -l "$WORK/rtt.out" "${opts[@]}" 127.0.0.1 "$1"
  }
  echo "### $SIZE_MIB MiB, blksize 1468, 2 ms round trip (udp-impair --delay-ms 1), atftp (median of $RTT_RUNS)"
  echo
  echo "| server, windowsize | median s | MB/s | speed-up vs in.tftpd | all runs (s) |"
  echo "|---|---|---|---|---|"
  runs=""
  for r in $(seq 1 "$RTT_RUNS"); do runs+="$(atftpbig 7970 0) "; done
  mh2=$(tr ' ' '\n' <<< "$runs" | grep . | median)
  echo "| in.tftpd (lock-step) | $mh2 | $(python3 -c "print(f'{$MB / $mh2:.2f}')") | 1.00 | $runs|"
  for w in 1 8 16; do
    runs=""
    for r in $(seq 1 "$RTT_RUNS"); do runs+="$(atftpbig 7969 $w) "; done
    m=$(tr ' ' '\n' <<< "$runs" | grep . | median)
    echo "| bootproxy, windowsize $w | $m | $(python3 -c "print(f'{$MB / $m:.2f}')") | $(ratio "$mh2" "$m") | $runs|"
  done
  echo
fi

# ------------------------------------------------------------------ 3: many clients at once
many() { # port: $CLIENTS curl processes at once; prints "failures seconds"
  local dir=$WORK/many.$1 t0 t1 fails=0 pids=()
  mkdir -p "$dir"
  t0=$(now)
  for i in $(seq 1 "$CLIENTS"); do
    curl -s --tftp-blksize 1468 -o "$dir/$i" "tftp://127.0.0.1:$1/undionly-ipxe.0" 2> /dev/null &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  t1=$(now)
  for i in $(seq 1 "$CLIENTS"); do
    [[ -f $dir/$i && $(sha256sum < "$dir/$i") == "$SUMUNDI" ]] || fails=$((fails + 1))
  done
  rm -rf "$dir"
  echo "$fails $(elapsed "$t0" "$t1")"
}
echo "### $CLIENTS concurrent curl clients fetching undionly-ipxe.0 ($(stat -c %s "$ROOT/undionly-ipxe.0") bytes, blksize 1468)"
echo
echo "| server | failures | total s |"
echo "|---|---|---|"
for row in "bootproxy $BP" "in.tftpd $HPA" "dnsmasq $DNSMASQ"; do
  set -- $row
  read -r f s <<< "$(many "$2")"
  echo "| $1 | $f of $CLIENTS | $s |"
done
echo

# ------------------------------------------------------------------ 4: loss and reordering
lossy() { # relay port: $LOSS_TRANSFERS sequential curl transfers; prints "failures seconds slowest"
  local t0 t1 a b slowest=0 fails=0 out=$WORK/lossy.out
  t0=$(now)
  for i in $(seq 1 "$LOSS_TRANSFERS"); do
    a=$(now)
    # --connect-timeout 5: curl asks again after 1 s when its request or the first reply is lost (else 6 s);
    # --max-time 60: a transfer the server stops retransmitting counts as failed instead of hanging for an hour
    if ! curl -s --connect-timeout 5 --max-time 60 --tftp-blksize 1468 -o "$out" "tftp://127.0.0.1:$1/part" \
       || [[ $(sha256sum < "$out") != "$SUMPART" ]]; then fails=$((fails + 1)); fi
    b=$(now)
    slowest=$(python3 -c "print(f'{max($slowest, $b - $a):.2f}')")
  done
  t1=$(now)
  echo "$fails $(elapsed "$t0" "$t1") $slowest"
}
python3 "$IMPAIR" --listen 127.0.0.1:8969 --server 127.0.0.1:$BP --loss 0.1 --reorder 0.1 --seed 7 2> "$WORK/loss-bp.log" &
PIDS+=($!)
python3 "$IMPAIR" --listen 127.0.0.1:8970 --server 127.0.0.1:$HPA --loss 0.1 --reorder 0.1 --seed 7 2> "$WORK/loss-hpa.log" &
PIDS+=($!)
python3 "$IMPAIR" --listen 127.0.0.1:8971 --server 127.0.0.1:$DNSMASQ --loss 0.1 --reorder 0.1 --seed 7 2> "$WORK/loss-dnsmasq.log" &
PIDS+=($!)
sleep 1
echo "### 10 % loss + 10 % reordering (udp-impair --loss 0.1 --reorder 0.1), $LOSS_TRANSFERS curl transfers of 64 KiB one after another"
echo
echo "| server | failures | total s | slowest transfer s | time vs in.tftpd |"
echo "|---|---|---|---|---|"
read -r fb sb wb <<< "$(lossy 8969)"
read -r fh sh wh <<< "$(lossy 8970)"
read -r fd sd wd <<< "$(lossy 8971)"
echo "| bootproxy | $fb of $LOSS_TRANSFERS | $sb | $wb | $(ratio "$sb" "$sh") |"
echo "| in.tftpd | $fh of $LOSS_TRANSFERS | $sh | $wh | 1.00 |"
echo "| dnsmasq | $fd of $LOSS_TRANSFERS | $sd | $wd | $(ratio "$sd" "$sh") |"
echo
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- bootproxy transfers logged: $(grep -c 'tftp ok' "$WORK/bootproxy.log" || true), retransmissions logged: $(grep -o 'retransmits=[1-9][0-9]*' "$WORK/bootproxy.log" | wc -l)"
