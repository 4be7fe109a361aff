package io.ternmq.broker;

import io.ternmq.broker.config.BrokerConfig;
import io.ternmq.broker.config.BrokerConfigKeys;
import io.ternmq.broker.config.ConfigException;
import io.ternmq.broker.config.ConfigLoader;

import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry point: {@code BrokerLauncher [-c conf/broker.conf] [-p key=value]... [--key=value]...}.
 * Exits with status 2 and every configuration problem listed when the configuration is invalid, 1 when the
 * broker fails to start; otherwise runs until the JVM is asked to stop, then shuts down gracefully.
 */
public final class BrokerLauncher {
    private BrokerLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        BrokerConfig config;
        try {
            config = ConfigLoader.parseArguments(args).load();
        } catch (ConfigException e) {
            System.err.println("TernMQ broker: invalid configuration");
            e.errors().forEach(error -> System.err.println("  - " + error));
            System.exit(2);
            return;
        }
        Broker broker;
        try {
            broker = Broker.start(config);
        } catch (RuntimeException e) {
            System.err.println("TernMQ broker failed to start: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "ternmq-shutdown"));
        System.out.println("TernMQ broker " + config.get(BrokerConfigKeys.BROKER_NAME) + " listening on "
                + broker.nativeAddress() + " (native), store at " + config.storePathRootDir());
        stopped.await();
    }
}
