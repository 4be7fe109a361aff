#!/usr/bin/env bash
# Builds TernMQ and starts a broker (native + Kafka ports) and the order-processing sample app (samples/order-app),
# waits until both are ready, then prints the URLs and commands to try every feature. Ctrl-C stops both cleanly.
#
#   ./ternmq-start.sh                      build (incremental) + broker on 127.0.0.1:10911 + sample on :8080
#   ./ternmq-start.sh --broker-only        only the broker, in the foreground (as before the sample existed)
#   TERNMQ_PORT=10921 ./ternmq-start.sh    another port for the broker's native protocol
#   TERNMQ_KAFKA_PORT=19092 ./ternmq-start.sh   another port for Kafka clients (default 9092)
#   TERNMQ_APP_PORT=8081 ./ternmq-start.sh      another HTTP port for the sample (default 8080)
#   TERNMQ_DATA=/somewhere ./ternmq-start.sh    data directory (default ./data): broker store, sample DB, logs
#   TERNMQ_SKIP_BUILD=1 ./ternmq-start.sh  start the last build without rebuilding
#   ./ternmq-start.sh -p flushDiskType=SYNC_FLUSH     extra arguments go to the broker (-p key=value overrides)
#
# Needs only a JDK 17+: the Maven wrapper (./mvnw) downloads Maven and the dependencies on first use, and the sample
# runs on an embedded MariaDB unpacked from Maven Central (no Docker, no MySQL install). Delete ./data to start afresh.
set -euo pipefail
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
PORT="${TERNMQ_PORT:-10911}"
KAFKA_PORT="${TERNMQ_KAFKA_PORT:-9092}"
APP_PORT="${TERNMQ_APP_PORT:-8080}"
DATA="${TERNMQ_DATA:-$ROOT/data}"

BROKER_ONLY=0
BROKER_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --broker-only) BROKER_ONLY=1 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) BROKER_ARGS+=("$arg") ;;
  esac
done

if [ "${TERNMQ_SKIP_BUILD:-0}" != 1 ]; then
  # only the modules needed; tests are neither compiled nor run here (./mvnw -B -ntp verify runs them)
  if [ $BROKER_ONLY = 1 ]; then
    echo "==> building the broker distribution (first run downloads Maven and dependencies; later runs are incremental)"
    ./mvnw -q -B -ntp -Dmaven.test.skip=true -pl distribution -am package
  else
    echo "==> building the broker distribution and the sample app (first run downloads Maven and dependencies;" \
         "later runs are incremental)"
    ./mvnw -q -B -ntp -Dmaven.test.skip=true -pl distribution,samples/order-app -am package
  fi
fi
DIST="$(ls -d "$ROOT"/distribution/target/ternmq-*/ 2>/dev/null | head -1)"
DIST="${DIST%/}"
[ -x "$DIST/bin/mq-broker" ] || { echo "no distribution under distribution/target; run without TERNMQ_SKIP_BUILD" >&2; exit 1; }
mkdir -p "$DATA"
BROKER=(-c "$DIST/conf/broker.conf" -p "listenPort=$PORT" -p "kafkaListenPort=$KAFKA_PORT" -p "storePathRootDir=$DATA"
  ${BROKER_ARGS[@]+"${BROKER_ARGS[@]}"})

if [ $BROKER_ONLY = 1 ]; then
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
  exec "$DIST/bin/mq-broker" "${BROKER[@]}"
fi

# ---- broker and sample app in the background, this script waits on them ----
APP_JAR="$(ls "$ROOT"/samples/order-app/target/order-app-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -1)"
[ -f "$APP_JAR" ] || { echo "no sample app jar under samples/order-app/target; run without TERNMQ_SKIP_BUILD" >&2; exit 1; }
source "$DIST/bin/ternmq-env.sh" # JAVA
LOGS="$DATA/logs"
mkdir -p "$LOGS"
BROKER_LOG="$LOGS/broker.log"
APP_LOG="$LOGS/order-app.log"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# GET on the app with bash alone (curl may not be installed); prints status line, headers and body
http_get() { (exec 3<>"/dev/tcp/127.0.0.1/$APP_PORT" && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3 && cat <&3) 2>/dev/null; }

for p in "$PORT" "$KAFKA_PORT" "$APP_PORT"; do
  if port_open "$p"; then
    echo "port $p on 127.0.0.1 is already in use (another broker or app running?); stop it, or pick other ports" \
         "with TERNMQ_PORT, TERNMQ_KAFKA_PORT, TERNMQ_APP_PORT" >&2
    exit 1
  fi
done

BROKER_PID=""
APP_PID=""
TAIL_PID=""
# stops a child with SIGTERM (a clean shutdown), or SIGKILL after $2 seconds
stop_process() {
  local pid="$1" grace="$2" name="$3"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  echo "==> stopping the $name"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((grace * 10))); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  echo "    the $name did not stop within ${grace}s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
stop_all() {
  trap - INT TERM EXIT
  [ -n "$TAIL_PID" ] && kill "$TAIL_PID" 2>/dev/null || true
  # the app first: its listeners finish their messages and commit offsets while the broker is still up
  stop_process "$APP_PID" 40 "sample app"
  stop_process "$BROKER_PID" 30 "broker"
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

# fails with the end of the log when the process died while we waited for it
await() {
  local what="$1" pid="$2" log="$3" seconds="$4"; shift 4
  for _ in $(seq $((seconds * 5))); do
    "$@" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the $what exited during start-up; the end of $log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "the $what is not ready after ${seconds}s; see $log" >&2
  exit 1
}

echo "==> starting the broker on 127.0.0.1:$PORT (Kafka 127.0.0.1:$KAFKA_PORT), log $BROKER_LOG"
"$DIST/bin/mq-broker" "${BROKER[@]}" >"$BROKER_LOG" 2>&1 &
BROKER_PID=$!
await broker "$BROKER_PID" "$BROKER_LOG" 60 port_open "$PORT"
await "broker's Kafka listener" "$BROKER_PID" "$BROKER_LOG" 30 port_open "$KAFKA_PORT"

echo "==> starting the sample app on http://127.0.0.1:$APP_PORT, log $APP_LOG"
"$JAVA" -Xmx512m -jar "$APP_JAR" \
  --server.port="$APP_PORT" \
  --mq.broker-address="127.0.0.1:$PORT" \
  --order-app.analytics.bootstrap-servers="127.0.0.1:$KAFKA_PORT" \
  --order-app.embedded-db.data-dir="$DATA/order-app-db" \
  --mq.consumer.offset-store-dir="$DATA/order-app-offsets" \
  >"$APP_LOG" 2>&1 &
APP_PID=$!
# the overall status comes last in the health document (the broker, listeners and database included)
app_up() { http_get /actuator/health | grep -q '"status":"UP"}$'; }
await "sample app" "$APP_PID" "$APP_LOG" 180 app_up
DB_URL="$(grep -o 'jdbc:mysql://[^ ]*' "$APP_LOG" | head -1 || true)"

A="http://127.0.0.1:$APP_PORT"
JSON="-H 'Content-Type: application/json'"
cat <<INFO

==> TernMQ and the order-processing sample are running
    broker     127.0.0.1:$PORT (native)   Kafka 127.0.0.1:$KAFKA_PORT   data $DATA
    sample     $A   (samples/order-app/README.md explains what happens)
    database   ${DB_URL:-embedded MariaDB} (user root), data in $DATA/order-app-db
    logs       $APP_LOG (followed below), $BROKER_LOG
    stop       Ctrl-C (stops the app, then the broker)

Paste into another terminal (curl; kcat is optional: apt-get install kcat):

  export PATH="$DIST/bin:\$PATH" TERNMQ_BROKER=127.0.0.1:$PORT   # mqadmin

  # An order: created with a transactional message, stock reserved once, steps consumed in order, COMPLETED
  ID=\$(curl -s $A/orders $JSON -d '{"customer":"alice","sku":"book","quantity":2,"amount":40.00}' | sed -E 's/.*"id":"([^"]+)".*/\1/'); echo \$ID
  curl -s $A/orders/\$ID; echo                         # status, reservation, steps (queue, offset), history
  mqadmin queryMsgByKey -t orders -k \$ID              # its events on the broker: created, reserved
  mqadmin queryMsgByKey -t order-steps -k \$ID         # its 4 steps, all in one queue

  # The same OrderCreated again: the idempotent inventory listener skips it, stock stays as it is
  mqadmin sendMessage -t orders -c created -k \$ID -p '{"type":"CREATED","orderId":"'\$ID'","customer":"alice","sku":"book","quantity":2,"amount":40.00,"payLater":false}'
  curl -s '$A/actuator/metrics/mq.messages.duplicates?tag=group:inventory'; echo
  curl -s $A/stock; echo

  # Pay later: reserved now; unpaid after 30 s, a delayed message cancels it and releases the stock
  LATE=\$(curl -s $A/orders $JSON -d '{"customer":"bob","sku":"lamp","quantity":1,"amount":25.00,"payLater":true}' | sed -E 's/.*"id":"([^"]+)".*/\1/'); echo \$LATE
  curl -s $A/orders/\$LATE; echo                       # RESERVED ... after 30 s: CANCELLED, reservation RELEASED
  PAID=\$(curl -s $A/orders $JSON -d '{"customer":"erin","sku":"mug","quantity":1,"amount":12.50,"payLater":true}' | sed -E 's/.*"id":"([^"]+)".*/\1/'); sleep 1
  curl -s -XPOST $A/orders/\$PAID/pay; echo               # paid in time: it completes, the deadline changes nothing

  # Over the credit limit (5000): 422, and neither the order row nor its message exists
  curl -s $A/orders $JSON -d '{"customer":"carol","sku":"book","quantity":1,"amount":9999.00}'; echo

  # A poison message: no such sku, the inventory listener fails, 2 retries (10 s, 30 s), then %DLQ%inventory
  BAD=\$(curl -s $A/orders $JSON -d '{"customer":"dave","sku":"unicorn","quantity":1,"amount":99.00}' | sed -E 's/.*"id":"([^"]+)".*/\1/'); echo \$BAD
  mqadmin queryDlq -g inventory -k \$BAD               # after ~40 s: the dead letter, with its offsetMsgId
  curl -s -XPUT $A/stock/unicorn $JSON -d '{"available":5}'; echo      # fix the cause, then re-send it:
  mqadmin resendDlq -g inventory -i \$(mqadmin -o json queryDlq -g inventory -k \$BAD | grep -o '"offsetMsgId" *: *"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -s $A/orders/\$BAD; echo                        # COMPLETED

  # Broadcast notifications (this instance's feed), and what the plain Kafka consumer counted
  curl -s $A/notifications; echo
  curl -s $A/analytics; echo

  # Health and metrics (the starter's 'mq' indicator and mq.* meters)
  curl -s $A/actuator/health; echo
  curl -s '$A/actuator/metrics/mq.messages.consumed?tag=group:fulfilment'; echo

  # The broker's view: groups and lag (the Kafka group order-analytics included), topics, transactions
  mqadmin consumerProgress
  mqadmin topicStatus -t order-steps
  mqadmin txList -g order-app-tx
  kcat -b 127.0.0.1:$KAFKA_PORT -C -t orders -e -f '%k %h %s\n'     # the same events, read as Kafka records

INFO
tail -n 0 -F "$APP_LOG" &
TAIL_PID=$!
# until Ctrl-C, or until one of them exits on its own
set +e
wait -n "$APP_PID" "$BROKER_PID"
echo "==> a process exited on its own; see $APP_LOG and $BROKER_LOG" >&2
exit 1
