#!/usr/bin/env bash
# TernMQ (native protocol, our load tool) next to Apache Kafka 4.x and Apache RocketMQ 5.x (their own benchmark
# clients, via the shared peer harness), on this machine, in interleaved rounds, ending with one results table.
#
#   benchmarks/run-native-vs-peers.sh                       full comparison, 1 round (~15-20 min)
#   ROUNDS=3 nohup benchmarks/run-native-vs-peers.sh > /tmp/vs.log 2>&1 &
#   PEERS=ternmq RECORDS=200000 SCALE_TOPICS="1 100" THRU_SECS=10 SCALE_SECS=10 benchmarks/run-native-vs-peers.sh   (smoke)
#
# Per round, each system is started fresh, measured, and stopped; the order of the systems rotates from round to
# round so no system always runs first or last (page cache, thermal and neighbour noise spread evenly).
#   ternmq   ASYNC_FLUSH broker: produce 1 topic x 4 queues (batch 1 and batch $BATCH), consume it back,
#            e2e latency with one message in flight and at $E2E_RATE msg/s, topic scaling over $SCALE_TOPICS topics x 1 queue;
#            then a SYNC_FLUSH broker: the same produce runs (compare with Kafka acks=all)
#   kafka    bench/run-kafka-bench.sh (ProducerPerformance acks=1 and acks=all, ConsumerPerformance,
#            EndToEndLatency + KafkaBench e2e, KafkaBench topic scaling)
#   rocketmq bench/run-rocketmq-bench.sh (RocketMQ's benchmark Producer, RocketBench sync send / consume / e2e / scaling)
# All records are 1 KiB. Every step runs under `timeout`. Raw logs and the table go to $OUT.
#
# Env (defaults in brackets):
#   BENCH_HOME [<repo>/../shared/bench, else <repo>/../../shared/bench]   the peer harness (setup.sh is run once if its jars are missing)
#   PEERS ["ternmq kafka rocketmq"]       any subset
#   ROUNDS [1]
#   RECORDS [2000000]      messages per throughput run (each side); THRU_SECS [60] time cap of one run
#   PRODUCERS [4] INFLIGHT [256] BATCH [16] BATCH_INFLIGHT [16] CONSUMERS [1]   TernMQ load tool shape
#                        (batch runs keep fewer sends in flight: 4 x 16 x 16 messages is already a deep queue)
#   CONSUMER_API [pull]    TernMQ consume/e2e rows: pull (PullConsumer threads) or push (PushConsumer group)
#   E2E_MSGS [10000]       TernMQ e2e with one message in flight (the peers' shape), 1 topic x 1 queue
#   E2E_RATE [1000] E2E_SECS [20]          TernMQ e2e also at a moderate fixed rate (and the time cap of both)
#   SCALE_TOPICS ["1 1000 10000"] SCALE_RECORDS [1000000] SCALE_SECS [60]
#   WARMUP_RECORDS [1000000]   unmeasured TernMQ warm-up per broker start, as run-kafka-bench.sh warms Kafka: two passes,
#                        each producing half to a new topic and (ASYNC_FLUSH broker) consuming it back; see warm_up
#   TERNMQ_HEAP [1g]  OUT [benchmarks/target/vs-peers/<timestamp>]  SKIP_BUILD [0]
#   RUN_ID ["<date>T<time> <ROUNDS> round(s) @<commit>"]   names the run in the results CSV
#   PUBLISH [0]            1: also append the run to docs/benchmarks/results.csv and redraw docs/benchmarks/*.svg
#                          (review and commit them with docs/benchmarks.md); $OUT/results.csv is always written
set -uo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${BENCH_HOME:-}" ]; then
  BENCH_HOME="$REPO/../shared/bench"
  # a git worktree one level deeper (e.g. wt/<branch>) shares the same harness
  [ -f "$BENCH_HOME/lib.sh" ] || [ ! -f "$REPO/../../shared/bench/lib.sh" ] || BENCH_HOME="$REPO/../../shared/bench"
fi
[ -f "$BENCH_HOME/lib.sh" ] || { echo "no peer harness at $BENCH_HOME (set BENCH_HOME)" >&2; exit 2; }
BENCH_HOME="$(cd "$BENCH_HOME" && pwd)"
# shellcheck source=/dev/null
source "$BENCH_HOME/lib.sh"   # free_port, wait_port, stop_pid
PEERS=${PEERS:-"ternmq kafka rocketmq"}; ROUNDS=${ROUNDS:-1}
RECORDS=${RECORDS:-2000000}; THRU_SECS=${THRU_SECS:-60}
PRODUCERS=${PRODUCERS:-4}; INFLIGHT=${INFLIGHT:-256}; BATCH=${BATCH:-16}; BATCH_INFLIGHT=${BATCH_INFLIGHT:-16}
CONSUMERS=${CONSUMERS:-1}; CONSUMER_API=${CONSUMER_API:-pull}
E2E_RATE=${E2E_RATE:-1000}; E2E_SECS=${E2E_SECS:-20}; E2E_MSGS=${E2E_MSGS:-10000}
SCALE_TOPICS=${SCALE_TOPICS:-"1 1000 10000"}; SCALE_RECORDS=${SCALE_RECORDS:-1000000}; SCALE_SECS=${SCALE_SECS:-60}
WARMUP_RECORDS=${WARMUP_RECORDS:-1000000}
export TERNMQ_HEAP=${TERNMQ_HEAP:-1g}
OUT=${OUT:-$REPO/benchmarks/target/vs-peers/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
TSV="$OUT/metrics.tsv"; : > "$TSV"     # system<TAB>metric<TAB>round<TAB>value
TDATA=/tmp/bench-ternmq
TPID="$OUT/ternmq.pid"
log() { echo "[$(date +%T)] $*"; }
put() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$TSV"; }
settle() { sync; sleep 10; }

# ---- build ---------------------------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building the distribution"
  (cd "$REPO" && ./mvnw -q -B -ntp -Dmaven.test.skip=true -pl distribution -am package) || { echo "build failed" >&2; exit 1; }
fi
DIST="$(ls -d "$REPO"/distribution/target/ternmq-*/ | head -1)"; DIST="${DIST%/}"
[ -x "$DIST/bin/mq-broker" ] || { echo "no distribution under $REPO/distribution/target" >&2; exit 1; }
if [[ " $PEERS " == *" kafka "* || " $PEERS " == *" rocketmq "* ]] && [ -z "$(ls "$CACHE/kafka-lib" 2>/dev/null)" ]; then
  log "peer jars missing: running $BENCH_HOME/setup.sh once"
  "$BENCH_HOME/setup.sh" || { echo "peer harness setup failed" >&2; exit 1; }
fi

# ---- TernMQ --------------------------------------------------------------------------------------------------
ternmq_up() {   # ternmq_up FLUSH_TYPE -> sets TADDR
  local port; port=$(free_port)
  rm -rf "$TDATA"; mkdir -p "$TDATA"
  "$DIST/bin/mq-broker" -p "listenPort=$port" -p "storePathRootDir=$TDATA" -p "flushDiskType=$1" \
    -p bindAddress=127.0.0.1 -p brokerIP1=127.0.0.1 -p mappedFileSizeCommitLog=268435456 \
    > "$OUT/ternmq-broker-$1-r$round.log" 2>&1 &
  echo $! > "$TPID"
  wait_port "$port" 60 || { echo "ternmq broker did not start; see $OUT/ternmq-broker-$1-r$round.log" >&2; return 1; }
  TADDR="127.0.0.1:$port"
  log "ternmq ($1) up at $TADDR, pid $(cat "$TPID")"
}
ternmq_down() { stop_pid "$TPID" ternmq; rm -rf "$TDATA"; }

load() {   # load NAME SECS args...: run the load tool, keep its output, echo its RESULT line
  local name=$1 secs=$2; shift 2
  timeout --kill-after=10 "$secs" "$DIST/bin/ternmq-bench" --broker "$TADDR" "$@" > "$OUT/ternmq-$name-r$round.txt" 2>&1
  grep '^RESULT' "$OUT/ternmq-$name-r$round.txt" | tail -1
}
field() { echo "$1" | sed -nE "s/.*(^| )$2=([0-9.]+).*/\\2/p"; }
put_fields() {  # put_fields SYSTEM PREFIX RESULT_LINE key...
  local sys=$1 prefix=$2 line=$3 k v; shift 3
  for k in "$@"; do v=$(field "$line" "$k"); [ -n "$v" ] && put "$sys" "${prefix}_$k" "$round" "$v"; done
}

# warm_up PREFIX [consume]: the unmeasured warm-up, as the peer scripts do: a cold JIT broker would lose the first
# workload. Two passes over new topics, each produced (and consumed back, with "consume"): the first message of a
# new topic takes branches the compiled code has never seen (new queues, a name not yet cached), and a produce after
# a consume meets code recompiled for the pull path; the recompiles that follow cost the broker 1-2 s of CPU, which
# with a single produce-then-consume pass fell into the first measured row.
warm_up() {
  local t
  for t in "$1-a" "$1-b"; do
    load "warmup-$t" 120 --mode produce --topic-prefix "$t" --producers "$PRODUCERS" --inflight "$INFLIGHT" \
      --messages $((WARMUP_RECORDS / 2)) --duration 60 > /dev/null
    [ "${2:-}" = consume ] || continue
    load "warmup-consume-$t" 120 --mode consume --topic-prefix "$t" --consumers "$CONSUMERS" \
      --consumer-api "$CONSUMER_API" --idle-exit 3 --duration 60 > /dev/null
  done
}

ternmq_round() {
  local P="vs-r$round" line N W
  ternmq_up ASYNC_FLUSH || return
  warm_up "$P-warm" consume
  log "ternmq async: produce $RECORDS x 1KiB, 1 topic x 4 queues, $PRODUCERS threads, batch 1"
  line=$(load produce-async $((THRU_SECS + 60)) --mode produce --topic-prefix "$P-a1" --queues 4 --producers "$PRODUCERS" \
    --inflight "$INFLIGHT" --messages "$RECORDS" --duration "$THRU_SECS"); echo "  $line"
  put_fields ternmq produce_async "$line" rec_per_s MB_per_s lat_ms_p99
  log "ternmq async: consume it back, $CONSUMERS consumer thread(s)"
  line=$(load consume $((THRU_SECS + 60)) --mode consume --topic-prefix "$P-a1" --queues 4 --consumers "$CONSUMERS" --consumer-api "$CONSUMER_API" \
    --idle-exit 5 --duration "$THRU_SECS"); echo "  $line"
  put_fields ternmq consume "$line" recv_rec_per_s recv_MB_per_s
  log "ternmq async: produce, batch $BATCH"
  line=$(load produce-async-batch $((THRU_SECS + 60)) --mode produce --topic-prefix "$P-ab" --queues 4 --producers "$PRODUCERS" \
    --inflight "$BATCH_INFLIGHT" --batch "$BATCH" --messages "$RECORDS" --duration "$THRU_SECS"); echo "  $line"
  put_fields ternmq produce_async_batch "$line" rec_per_s MB_per_s lat_ms_p99
  # the row compared with the peers: one message in flight end to end, their e2e tools' shape
  log "ternmq async: e2e with one message in flight, $E2E_MSGS messages (warm-up 2 s), 1 topic x 1 queue"
  line=$(load e2e $((E2E_SECS + 60)) --mode e2e --one-in-flight --topic-prefix "$P-e2e1" --queues 1 --warmup 2 \
    --consumer-api "$CONSUMER_API" --messages "$E2E_MSGS" --duration "$E2E_SECS"); echo "  $line"
  put_fields ternmq e2e "$line" e2e_ms_p50 e2e_ms_p99 e2e_ms_p999
  log "ternmq async: e2e at $E2E_RATE msg/s for ${E2E_SECS}s, 1 topic x 1 queue"
  line=$(load e2e-rate $((E2E_SECS + 60)) --mode e2e --topic-prefix "$P-e2e" --queues 1 --rate "$E2E_RATE" --warmup 2 --consumer-api "$CONSUMER_API" \
    --duration "$E2E_SECS"); echo "  $line"
  put_fields ternmq e2e_rate "$line" e2e_ms_p50 e2e_ms_p99 e2e_ms_p999
  for N in $SCALE_TOPICS; do
    W=$(( N >= 1000 ? 10 : 3 ))
    log "ternmq async: produce $SCALE_RECORDS round-robin over $N topics x 1 queue (warm-up ${W}s, cap ${SCALE_SECS}s)"
    line=$(load "scale-$N" $((SCALE_SECS + W + 600)) --mode produce --topic-prefix "$P-s$N" --topics "$N" --queues 1 \
      --producers "$PRODUCERS" --inflight "$INFLIGHT" --messages "$SCALE_RECORDS" --warmup "$W" --duration "$SCALE_SECS")
    echo "  $line"; put_fields ternmq "scale_$N" "$line" rec_per_s MB_per_s lat_ms_p99
    grep -o 'in [0-9.]* s' "$OUT/ternmq-scale-$N-r$round.txt" | head -1 | sed -nE 's/in ([0-9.]+) s/\1/p' \
      | while read -r s; do put ternmq "scale_${N}_create_s" "$round" "$s"; done
  done
  ternmq_down; settle
  ternmq_up SYNC_FLUSH || return
  warm_up "$P-warms"
  log "ternmq sync flush: produce $RECORDS x 1KiB, 1 topic x 4 queues, batch 1 and batch $BATCH"
  line=$(load produce-sync $((THRU_SECS + 60)) --mode produce --topic-prefix "$P-s1" --queues 4 --producers "$PRODUCERS" \
    --inflight "$INFLIGHT" --messages "$RECORDS" --duration "$THRU_SECS"); echo "  $line"
  put_fields ternmq produce_durable "$line" rec_per_s MB_per_s lat_ms_p99
  line=$(load produce-sync-batch $((THRU_SECS + 60)) --mode produce --topic-prefix "$P-sb" --queues 4 --producers "$PRODUCERS" \
    --inflight "$BATCH_INFLIGHT" --batch "$BATCH" --messages "$RECORDS" --duration "$THRU_SECS"); echo "  $line"
  put_fields ternmq produce_durable_batch "$line" rec_per_s MB_per_s lat_ms_p99
  ternmq_down; settle
}

# ---- peers (their own scripts; metrics.tsv is mapped onto our metric names) -------------------------------------
import_peer() {   # import_peer SYSTEM LOGFILE: copy that run's metrics.tsv into ours under common names
  local d; d=$(sed -nE 's/.*raw output: (.*)$/\1/p' "$2" | tail -1)
  [ -n "$d" ] && [ -f "$d/metrics.tsv" ] || { log "WARN: no metrics from $1"; return; }
  awk -v sys="$1" -v r="$round" -F'\t' '
    { m = $1
      # the microsecond e2e histogram first, before the generic "_p99_ms" rule can rename it
      sub(/^e2eus_p50_ms$/, "e2e_e2e_ms_p50", m); sub(/^e2eus_p99_ms$/, "e2e_e2e_ms_p99", m)
      sub(/^e2eus_p999_ms$/, "e2e_e2e_ms_p999", m)
      sub(/^produce_acks1_/, "produce_async_", m); sub(/^produce_acksall_/, "produce_durable_", m)
      sub(/^produce_sync_/, "produce_async_", m)
      sub(/_rec_s$/, "_rec_per_s", m); sub(/_MB_s$/, "_MB_per_s", m); sub(/_p99_ms$/, "_lat_ms_p99", m)
      sub(/^consume_rec_per_s$/, "consume_recv_rec_per_s", m); sub(/^consume_MB_per_s$/, "consume_recv_MB_per_s", m)
      printf "%s\t%s\t%s\t%s\n", sys, m, r, $3 }' "$d/metrics.tsv" >> "$TSV"
}
kafka_round() {
  local addr
  addr=$("$BENCH_HOME/kafka-up.sh" | tail -1) || { log "kafka-up failed"; return; }
  RUNS=1 RECORDS="$RECORDS" SCALE_TOPICS="$SCALE_TOPICS" SCALE_RECORDS="$SCALE_RECORDS" SCALE_SECS="$SCALE_SECS" \
    "$BENCH_HOME/run-kafka-bench.sh" "$addr" 2>&1 | tee "$OUT/kafka-r$round.log"
  "$BENCH_HOME/kafka-down.sh"; import_peer kafka "$OUT/kafka-r$round.log"; settle
}
rocketmq_round() {
  local ns
  ns=$("$BENCH_HOME/rocketmq-up.sh" | tail -1) || { log "rocketmq-up failed"; return; }
  RUNS=1 RECORDS="$RECORDS" THRU_SECS="$THRU_SECS" SCALE_TOPICS="$SCALE_TOPICS" SCALE_RECORDS="$SCALE_RECORDS" \
    SCALE_SECS="$SCALE_SECS" "$BENCH_HOME/run-rocketmq-bench.sh" "$ns" 2>&1 | tee "$OUT/rocketmq-r$round.log"
  "$BENCH_HOME/rocketmq-down.sh"; import_peer rocketmq "$OUT/rocketmq-r$round.log"; settle
}

# ---- rounds ----------------------------------------------------------------------------------------------------
trap 'ternmq_down >/dev/null 2>&1' EXIT
read -r -a systems <<< "$PEERS"
for ((round = 1; round <= ROUNDS; round++)); do
  log "######## round $round/$ROUNDS"
  for ((i = 0; i < ${#systems[@]}; i++)); do
    s=${systems[$(( (i + round - 1) % ${#systems[@]} ))]}   # rotate the start each round
    case $s in
      ternmq) ternmq_round ;;
      kafka) kafka_round ;;
      rocketmq) rocketmq_round ;;
      *) log "unknown system $s" ;;
    esac
  done
done
python3 "$REPO/benchmarks/compare-results.py" "$TSV" "$ROUNDS" | tee "$OUT/results.md"

# ---- results CSV (the charts' data, docs/benchmarks/results.csv format) -----------------------------------------
RUN_ID=${RUN_ID:-"$(date +%Y-%m-%dT%H:%M) $ROUNDS round(s) @$(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown)"}
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
import_args=(--comparison native-vs-peers --run "$RUN_ID" --metrics "$TSV" --out "$OUT/results.csv")
[ "${PUBLISH:-0}" = 1 ] && import_args+=(--append "$REPO/docs/benchmarks/results.csv")
if "$JAVA_BIN" -cp "$DIST/lib/*" io.ternmq.bench.chart.ResultsImport "${import_args[@]}" && [ "${PUBLISH:-0}" = 1 ]; then
  (cd "$REPO" && "$JAVA_BIN" -cp "$DIST/lib/*" io.ternmq.bench.chart.ChartsMain)
fi
log "raw output, results.md and results.csv in $OUT"
