#!/usr/bin/env bash
# Builds TernMQ and starts one broker in the foreground, with its data under ./data.
#
#   ./ternmq-start.sh                      build (incremental) + start on 127.0.0.1:10911
#   TERNMQ_PORT=10921 ./ternmq-start.sh    another port
#   TERNMQ_KAFKA_PORT=19092 ./ternmq-start.sh   another port for Kafka clients (default 9092)
#   TERNMQ_SKIP_BUILD=1 ./ternmq-start.sh  start the last build without rebuilding
#   ./ternmq-start.sh -p flushDiskType=SYNC_FLUSH     extra arguments go to the broker (-p key=value overrides)
#
# Needs only a JDK 17+: the Maven wrapper (./mvnw) downloads Maven and the dependencies on first use.
# Stop the broker with Ctrl-C; it shuts down cleanly. Delete ./data to start from scratch.
set -euo pipefail
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
PORT="${TERNMQ_PORT:-10911}"
KAFKA_PORT="${TERNMQ_KAFKA_PORT:-9092}"
DATA="${TERNMQ_DATA:-$ROOT/data}"

if [ "${TERNMQ_SKIP_BUILD:-0}" != 1 ]; then
  echo "==> building the broker distribution (first run downloads Maven and dependencies; later runs are incremental)"
  # only the modules the distribution needs; tests are neither compiled nor run here (CI runs them)
  ./mvnw -q -B -ntp -Dmaven.test.skip=true -pl distribution -am package
fi
DIST="$(ls -d "$ROOT"/distribution/target/ternmq-*/ 2>/dev/null | head -1)"
DIST="${DIST%/}"
[ -x "$DIST/bin/mq-broker" ] || { echo "no distribution under distribution/target; run without TERNMQ_SKIP_BUILD" >&2; exit 1; }
mkdir -p "$DATA"

cat <<INFO
==> starting the TernMQ broker
    address   127.0.0.1:$PORT (native protocol)
    kafka     127.0.0.1:$KAFKA_PORT (Kafka clients: bootstrap.servers=127.0.0.1:$KAFKA_PORT)
    data      $DATA
    config    $DIST/conf/broker.conf (+ -p overrides)
    try it from another terminal:
      $DIST/bin/mqadmin -n 127.0.0.1:$PORT sendMessage -t TopicTest -p "hello, TernMQ" -k order-1
      $DIST/bin/mqadmin -n 127.0.0.1:$PORT consumeMessage -t TopicTest -c 10
      $DIST/bin/mqadmin -n 127.0.0.1:$PORT topicStatus -t TopicTest
    stop: Ctrl-C
INFO
exec "$DIST/bin/mq-broker" -c "$DIST/conf/broker.conf" -p "listenPort=$PORT" -p "kafkaListenPort=$KAFKA_PORT" -p "storePathRootDir=$DATA" "$@"
