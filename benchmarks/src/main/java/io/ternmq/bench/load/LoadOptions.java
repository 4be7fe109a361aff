package io.ternmq.bench.load;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command-line options of {@link LoadTool}; plain fields filled by picocli. */
@Command(name = "ternmq-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "End-to-end load generator for TernMQ over the native client.",
        footer = {"", "Prints a progress line per second, a summary, and a final machine-readable 'RESULT key=value ...' line."})
public final class LoadOptions {

    @Option(names = "--broker", defaultValue = "${env:TERNMQ_BROKER:-127.0.0.1:10911}",
            description = "Broker host:port (default ${DEFAULT-VALUE}).")
    String broker;

    @Option(names = "--mode", defaultValue = "produce", description = "produce, consume or e2e (default ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--topics", defaultValue = "1", description = "Number of topics, round-robin (default ${DEFAULT-VALUE}).")
    int topics;

    @Option(names = "--queues", defaultValue = "4", description = "Queues per topic (default ${DEFAULT-VALUE}).")
    int queues;

    @Option(names = "--topic-prefix", defaultValue = "bench", description = "Topics are PREFIX-0 .. PREFIX-(N-1) (default ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--producers", defaultValue = "1", description = "Producer threads (default ${DEFAULT-VALUE}).")
    int producers;

    @Option(names = "--clients", defaultValue = "1", description = "Producer client instances (connections) the threads share (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--consumers", defaultValue = "1", description = "Consumer threads; queues are split among them (default ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--size", defaultValue = "1024", description = "Message body bytes (default ${DEFAULT-VALUE}, minimum 16).")
    int size;

    @Option(names = "--rate", defaultValue = "0", description = "Total messages per second, 0 = unlimited (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "30", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "0", description = "Unmeasured seconds before measuring (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--messages", defaultValue = "0", description = "Stop producing after this many measured messages (warm-up not included), 0 = no cap (default ${DEFAULT-VALUE}).")
    long maxMessages;

    @Option(names = "--batch", defaultValue = "1", description = "Messages per send; >1 uses batch sends (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--sync", description = "Wait for each send's result before the next (default: async with a window).")
    boolean sync;

    @Option(names = "--inflight", defaultValue = "256", description = "Async sends in flight per producer thread (default ${DEFAULT-VALUE}).")
    int inflight;

    @Option(names = "--one-in-flight", description = "e2e mode: send the next message only after the previous one was consumed (one message in flight end to end, as Kafka's EndToEndLatency); one producer thread, single sends.")
    boolean oneInFlight;

    @Option(names = "--consumer-api", defaultValue = "pull",
            description = "pull: threads pulling assigned queues; push: PushConsumer group members (default ${DEFAULT-VALUE}).")
    ConsumerApi consumerApi;

    @Option(names = "--pull-batch", defaultValue = "1024",
            description = "pull API: most messages per pull, 1..1024 (default ${DEFAULT-VALUE}: 1 MiB of 1 KiB messages, "
                    + "a Kafka consumer's max.partition.fetch.bytes).")
    int pullBatch;

    @Option(names = "--group", defaultValue = "bench-consumer", description = "Consumer group (default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--no-create", negatable = false, description = "Do not create the topics first (rely on auto-create).")
    boolean noCreate;

    @Option(names = "--idle-exit", defaultValue = "5", description = "consume mode: stop after this many seconds without a message (default ${DEFAULT-VALUE}).")
    int idleExitSeconds;

    @Option(names = "--drain", defaultValue = "10", description = "e2e mode: seconds to wait for the last sent messages to arrive (default ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--broker-pid", defaultValue = "0",
            description = "Process id of a broker on this machine: also report its CPU per message (Linux /proc; default: not measured).")
    long brokerPid;

    @Option(names = "--timeout", defaultValue = "10", description = "Request timeout in seconds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Rejects combinations that cannot run, with a message for the user. */
    void validate() {
        require(topics >= 1, "--topics must be >= 1");
        require(queues >= 1, "--queues must be >= 1");
        require(producers >= 1 && clients >= 1 && consumers >= 1, "--producers, --clients and --consumers must be >= 1");
        require(size >= Payload.HEADER_BYTES, "--size must be >= " + Payload.HEADER_BYTES);
        require(batch >= 1, "--batch must be >= 1");
        require(inflight >= 1, "--inflight must be >= 1");
        require(pullBatch >= 1 && pullBatch <= 1024, "--pull-batch must be 1..1024");
        require(durationSeconds >= 1, "--duration must be >= 1");
        require(rate >= 0, "--rate must be >= 0");
        require(brokerPid >= 0, "--broker-pid must be >= 0");
        require(!oneInFlight || mode == Mode.E2E && producers == 1 && batch == 1,
                "--one-in-flight needs --mode e2e, one producer thread and --batch 1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    String topic(int index) {
        return topicPrefix + "-" + index;
    }
}
