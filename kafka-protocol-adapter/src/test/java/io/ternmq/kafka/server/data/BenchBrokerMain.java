package io.ternmq.kafka.server.data;

import io.ternmq.test.EmbeddedBroker;

import java.util.concurrent.CountDownLatch;

/**
 * Not a test: starts an in-JVM broker with the Kafka listener on a fixed port for manual benchmark runs
 * ({@code /work/shared/bench/run-kafka-bench.sh 127.0.0.1:PORT}). Arguments: {@code kafkaPort [key=value ...]} for
 * extra broker settings. Stops on Ctrl-C / SIGTERM.
 */
public final class BenchBrokerMain {
    private BenchBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedBroker.Builder builder = EmbeddedBroker.builder()
                .config("kafkaListenPort", args.length > 0 ? args[0] : "19092")
                .config("serverWorkerThreads", "8")
                .config("mappedFileSizeCommitLog", Integer.toString(1 << 30));
        for (int i = 1; i < args.length; i++) {
            builder.config(args[i]);
        }
        EmbeddedBroker broker = builder.start();
        System.out.println("Kafka listener on " + broker.kafkaAddress() + ", store " + broker.storeDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
