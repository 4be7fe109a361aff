package io.ternmq.bench.load;

import io.ternmq.client.ClientConfig;
import io.ternmq.client.MessageQueue;
import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.PullConsumer;
import io.ternmq.client.producer.Producer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of the load tool: set up topics, start consumers (so e2e misses nothing), start producers, report
 * every second, stop after warm-up + duration (or the message cap, or idleness in consume mode), drain, and
 * print the summary. Every wait is bounded.
 */
public final class LoadRun {
    private final LoadOptions options;
    private final PrintStream out;
    private final ThroughputMeter sendMeter = new ThroughputMeter("send");
    private final ThroughputMeter receiveMeter = new ThroughputMeter("recv");
    private final AtomicBoolean stopProducers = new AtomicBoolean();
    private final AtomicBoolean stopConsumers = new AtomicBoolean();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private volatile long measureStartNanos = Long.MAX_VALUE;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private final CpuMeter cpu;

    public LoadRun(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.cpu = new CpuMeter(options.brokerPid);
    }

    /** Runs and returns the exit code: 0 when messages flowed, 1 when nothing was sent or received. */
    public int run() {
        options.validate();
        ClientConfig config = ClientConfig.builder().brokerAddress(options.broker)
                .requestTimeout(Duration.ofSeconds(options.timeoutSeconds)).build();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bench-report"));
        try (AdminClient admin = AdminClient.create(config)) {
            TopicSetup topics = new TopicSetup(options, admin, out);
            if (options.mode.produces() && !options.noCreate) {
                topics.createTopics();
            }
            // consumers are positioned before measuring starts (10,000 queues take a while), and start pulling
            // after, so the measured window holds neither setup nor reads that measurement would not count
            Arrivals arrivals = options.oneInFlight ? new Arrivals() : null;
            ReceiveRecorder recorder = new ReceiveRecorder(receiveMeter, options.mode, measuring::get,
                    () -> measureStartNanos, arrivals);
            Runnable startConsumers = options.mode.consumes() ? prepareConsumers(config, topics, recorder) : () -> { };
            LoadReport report = new LoadReport(out);
            startMeasuringAfterWarmup(ticker, report);
            startConsumers.run();
            List<Thread> producers = options.mode.produces() ? startProducers(config, arrivals) : List.of();
            long measuredEnd = awaitEnd(producers, recorder);
            double sendSeconds = (measuredEnd - measureStartNanos) / 1e9;
            stopProducers.set(true);
            joinAll(producers);
            double receiveSeconds = finishConsumers(recorder, sendSeconds);
            cpu.stop(); // after the last counted sends were answered and consumers stopped
            ticker.shutdownNow();
            if (arrivals != null) {
                out.println("one in flight: at most " + arrivals.maxInFlight() + " message(s) sent and not yet received");
            }
            report.summary(options, options.mode.produces() ? sendMeter : null, sendSeconds,
                    options.mode.consumes() ? receiveMeter : null, receiveSeconds, cpu);
            return sendMeter.messages() + receiveMeter.messages() > 0 ? 0 : 1;
        } finally {
            ticker.shutdownNow();
            closeClients();
        }
    }

    /**
     * Creates and positions the consumers (so the measured window holds no setup, which takes a while for
     * 10,000 queues) and returns what starts them.
     */
    private Runnable prepareConsumers(ClientConfig config, TopicSetup topics, ReceiveRecorder recorder) {
        if (options.consumerApi == ConsumerApi.PUSH) {
            PushConsumers group = track(new PushConsumers(options, config, recorder));
            return group::start;
        }
        List<ConsumerWorker> workers = new ArrayList<>();
        for (List<MessageQueue> share : TopicSetup.split(topics.queues(), options.consumers)) {
            PullConsumer consumer = track(PullConsumer.builder().clientConfig(config.toBuilder().clientId(null).build())
                    .consumerGroup(options.group).build());
            consumer.start();
            ConsumerWorker worker = new ConsumerWorker(consumer, share, options.mode, options.pullBatch, recorder,
                    stopConsumers::get);
            worker.positionQueues();
            workers.add(worker);
        }
        return () -> startThreads(workers, "bench-consumer-");
    }

    private static void startThreads(List<? extends Runnable> workers, String namePrefix) {
        for (int i = 0; i < workers.size(); i++) {
            daemon(workers.get(i), namePrefix + i).start();
        }
    }

    /** @param arrivals the consumers' arrivals the producer waits for ({@code --one-in-flight}), or null */
    private List<Thread> startProducers(ClientConfig config, Arrivals arrivals) {
        List<Producer> producers = new ArrayList<>();
        for (int i = 0; i < options.clients; i++) {
            Producer p = track(Producer.builder().clientConfig(config).producerGroup("bench-producer")
                    .sendTimeout(Duration.ofSeconds(options.timeoutSeconds)).build());
            p.start();
            producers.add(p);
        }
        AtomicLong budget = new AtomicLong(options.maxMessages > 0 ? options.maxMessages : Long.MAX_VALUE);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.producers; i++) {
            ProducerWorker worker = new ProducerWorker(options, producers.get(i % producers.size()), i, sendMeter,
                    measuring::get, stopProducers::get, budget, arrivals);
            Thread t = daemon(worker, "bench-producer-" + i);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    /** Measurement starts after the warm-up; from then on a progress line is printed every second. */
    private void startMeasuringAfterWarmup(ScheduledExecutorService ticker, LoadReport report) {
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupSeconds);
        if (options.warmupSeconds > 0) {
            out.printf("warming up for %d s (not measured)%n", options.warmupSeconds);
        }
        if (options.warmupSeconds == 0) {
            beginMeasuring();
        } else {
            ticker.schedule(this::beginMeasuring, Math.max(0, warmupEnd - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        long[] last = {warmupEnd};
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            double interval = (now - last[0]) / 1e9;
            last[0] = now;
            report.progress("run", (now - measureStartNanos) / 1e9, interval,
                    options.mode.produces() ? sendMeter.swapInterval() : null,
                    options.mode.consumes() ? receiveMeter.swapInterval() : null,
                    options.mode == Mode.E2E, sendMeter.errors() + receiveMeter.errors());
        }, Math.max(0, warmupEnd - System.nanoTime()) + 1_000_000_000L, 1_000_000_000L, TimeUnit.NANOSECONDS);
    }

    private void beginMeasuring() {
        sendMeter.swapInterval();
        receiveMeter.swapInterval();
        cpu.start();
        measureStartNanos = System.nanoTime();
        measuring.set(true);
    }

    /** Blocks until the measured duration is over, producers ran out of budget, or (consume) input went idle. */
    private long awaitEnd(List<Thread> producers, ReceiveRecorder recorder) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupSeconds + options.durationSeconds);
        long idleLimit = TimeUnit.SECONDS.toNanos(options.idleExitSeconds);
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return now;
            }
            if (!producers.isEmpty() && producers.stream().noneMatch(Thread::isAlive)) {
                return now; // message cap reached
            }
            if (options.mode == Mode.CONSUME && measuring.get()) {
                long last = recorder.lastMessageNanos();
                if (now - Math.max(last, measureStartNanos) > idleLimit) {
                    return Math.max(last, measureStartNanos);
                }
            }
            sleepMillis(Math.min(100, TimeUnit.NANOSECONDS.toMillis(end - now) + 1));
        }
    }

    /**
     * e2e: waits (bounded by --drain) until everything sent has arrived, then stops consumers. Returns the
     * seconds over which the consume rate is computed.
     */
    private double finishConsumers(ReceiveRecorder recorder, double sendSeconds) {
        if (!options.mode.consumes()) {
            return 0;
        }
        if (options.mode == Mode.E2E) {
            long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds);
            while (receiveMeter.messages() < sendMeter.messages() && System.nanoTime() < drainEnd) {
                sleepMillis(20);
            }
        }
        stopConsumers.set(true);
        if (options.mode == Mode.CONSUME) {
            return Math.max(1e-3, (recorder.lastMessageNanos() - measureStartNanos) / 1e9);
        }
        return sendSeconds;
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private <T extends AutoCloseable> T track(T client) {
        clients.add(client);
        return client;
    }

    private void closeClients() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the run is over; a close failure does not change its figures
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
