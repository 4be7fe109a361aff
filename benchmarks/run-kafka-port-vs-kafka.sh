#!/usr/bin/env bash
# TernMQ's Kafka port next to Apache Kafka 4.x, both driven by Kafka's own perf tools (the shared harness's
# run-kafka-bench.sh: ProducerPerformance acks=1 and acks=all, ConsumerPerformance, EndToEndLatency, topic scaling),
# in interleaved rounds on this machine, ending with a median table per system and the TernMQ/Kafka ratios.
#
#   benchmarks/run-kafka-port-vs-kafka.sh                        1 round (~6-8 min)
#   ROUNDS=3 nohup benchmarks/run-kafka-port-vs-kafka.sh > /tmp/kvk.log 2>&1 &
#   ROUNDS=1 RECORDS=300000 SKIP=scale benchmarks/run-kafka-port-vs-kafka.sh           (smoke)
#
# Per round each system is started fresh (empty data dir), measured once and stopped; the order alternates from
# round to round. Both run with a 1 GiB heap; TernMQ with ASYNC_FLUSH (Kafka's default also acknowledges from the
# page cache). Every run-kafka-bench.sh knob (RECORDS, E2E_MSGS, SCALE_TOPICS, SCALE_RECORDS, SKIP, ...) passes through.
#
# Env: BENCH_HOME [<repo>/../shared/bench]  ROUNDS [1]  SKIP_BUILD [0]  OUT [benchmarks/target/kafka-port/<ts>]
#      RUN_ID ["<date>T<time> <ROUNDS> round(s) @<commit>"]   names the run in the results CSV
#      PUBLISH [0]   1: also append the run to docs/benchmarks/results.csv and redraw docs/benchmarks/*.svg (review
#                    and commit them with docs/benchmarks.md); $OUT/results.csv is always written
set -uo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${BENCH_HOME:-}" ]; then
  BENCH_HOME="$REPO/../shared/bench"
  [ -f "$BENCH_HOME/lib.sh" ] || [ ! -f "$REPO/../../shared/bench/lib.sh" ] || BENCH_HOME="$REPO/../../shared/bench"
fi
[ -f "$BENCH_HOME/lib.sh" ] || { echo "no peer harness at $BENCH_HOME (set BENCH_HOME)" >&2; exit 2; }
BENCH_HOME="$(cd "$BENCH_HOME" && pwd)"
# shellcheck source=/dev/null
source "$BENCH_HOME/lib.sh"   # free_port, wait_port, stop_pid, CACHE
ROUNDS=${ROUNDS:-1}
export TERNMQ_HEAP=${TERNMQ_HEAP:-1g}
OUT=${OUT:-$REPO/benchmarks/target/kafka-port/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
TDATA=/tmp/bench-ternmq-kafka
TPID="$OUT/ternmq.pid"
log() { echo "[$(date +%T)] $*"; }
settle() { sync; sleep 10; }
collect() {  # collect NAME LOGFILE: that run's metrics.tsv (run column = round) appended to $OUT/NAME.tsv
  local d; d=$(sed -nE 's/.*raw output: (.*)$/\1/p' "$2" | tail -1)
  [ -n "$d" ] && [ -f "$d/metrics.tsv" ] && awk -v r="$round" -F'\t' '{print $1"\t"r"\t"$3}' "$d/metrics.tsv" >> "$OUT/$1.tsv"
}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building the distribution"
  (cd "$REPO" && ./mvnw -q -B -ntp -Dmaven.test.skip=true -pl distribution -am package) || { echo "build failed" >&2; exit 1; }
fi
DIST="$(ls -d "$REPO"/distribution/target/ternmq-*/ | head -1)"; DIST="${DIST%/}"
[ -x "$DIST/bin/mq-broker" ] || { echo "no distribution under $REPO/distribution/target" >&2; exit 1; }
[ -n "$(ls "$CACHE/kafka-lib" 2>/dev/null)" ] || "$BENCH_HOME/setup.sh" || { echo "peer harness setup failed" >&2; exit 1; }

ternmq_round() {
  local port kport; port=$(free_port); kport=$(free_port)
  rm -rf "$TDATA"; mkdir -p "$TDATA"
  "$DIST/bin/mq-broker" -p "listenPort=$port" -p "kafkaListenPort=$kport" -p "storePathRootDir=$TDATA" \
    -p flushDiskType=ASYNC_FLUSH -p bindAddress=127.0.0.1 -p brokerIP1=127.0.0.1 \
    -p mappedFileSizeCommitLog=268435456 -p kafkaGroupInitialRebalanceDelayMs=0 \
    > "$OUT/ternmq-broker-r$round.log" 2>&1 &
  echo $! > "$TPID"
  wait_port "$kport" 60 || { echo "ternmq did not start; see $OUT/ternmq-broker-r$round.log" >&2; stop_pid "$TPID" ternmq; return 1; }
  log "ternmq up, Kafka port 127.0.0.1:$kport"
  RUNS=1 LABEL=ternmq "$BENCH_HOME/run-kafka-bench.sh" "127.0.0.1:$kport" 2>&1 | tee "$OUT/ternmq-r$round.log"
  stop_pid "$TPID" ternmq; rm -rf "$TDATA"
  collect ternmq "$OUT/ternmq-r$round.log"
}
kafka_round() {
  local addr; addr=$("$BENCH_HOME/kafka-up.sh" | tail -1) || { echo "kafka-up failed" >&2; return 1; }
  RUNS=1 LABEL=kafka "$BENCH_HOME/run-kafka-bench.sh" "$addr" 2>&1 | tee "$OUT/kafka-r$round.log"
  "$BENCH_HOME/kafka-down.sh"
  collect kafka "$OUT/kafka-r$round.log"
}

for ((round = 1; round <= ROUNDS; round++)); do
  log "######## round $round/$ROUNDS"
  if (( round % 2 )); then ternmq_round; settle; kafka_round; else kafka_round; settle; ternmq_round; fi
  settle
done

echo
log "######## medians over $ROUNDS round(s) ($OUT)"
for s in ternmq kafka; do
  [ -f "$OUT/$s.tsv" ] && python3 "$BENCH_HOME/summarize.py" "$OUT/$s.tsv" "$s, $ROUNDS round(s)" | tee -a "$OUT/summary.txt"
done
# ratio of medians per metric: >1 means TernMQ is higher (better for throughput, worse for latency)
python3 - "$OUT/ternmq.tsv" "$OUT/kafka.tsv" <<'PY' | tee -a "$OUT/summary.txt"
import sys, statistics, collections
def medians(path):
    vals = collections.defaultdict(list)
    try:
        for line in open(path):
            metric, _, value = line.rstrip("\n").split("\t")
            try: vals[metric].append(float(value))
            except ValueError: pass
    except FileNotFoundError:
        pass
    return {m: statistics.median(v) for m, v in vals.items() if v}
t, k = medians(sys.argv[1]), medians(sys.argv[2])
print("\nmetric\tternmq\tkafka\tternmq/kafka")
for m in sorted(set(t) & set(k)):
    ratio = t[m] / k[m] if k[m] else float("nan")
    print(f"{m}\t{t[m]:g}\t{k[m]:g}\t{ratio:.2f}")
PY

# results CSV (the charts' data, docs/benchmarks/results.csv format): medians with min-max over the rounds
RUN_ID=${RUN_ID:-"$(date +%Y-%m-%dT%H:%M) $ROUNDS round(s) @$(git -C "$REPO" describe --always --dirty 2>/dev/null || echo unknown)"}
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
import_args=(--comparison kafka-port-vs-kafka --run "$RUN_ID" --out "$OUT/results.csv")
for s in ternmq kafka; do [ -f "$OUT/$s.tsv" ] && import_args+=(--system-metrics "$s=$OUT/$s.tsv"); done
[ "${PUBLISH:-0}" = 1 ] && import_args+=(--append "$REPO/docs/benchmarks/results.csv")
if "$JAVA_BIN" -cp "$DIST/lib/*" io.ternmq.bench.chart.ResultsImport "${import_args[@]}" && [ "${PUBLISH:-0}" = 1 ]; then
  (cd "$REPO" && "$JAVA_BIN" -cp "$DIST/lib/*" io.ternmq.bench.chart.ChartsMain)
fi
