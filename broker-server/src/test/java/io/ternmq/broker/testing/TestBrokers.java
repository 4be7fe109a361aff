package io.ternmq.broker.testing;

import io.ternmq.broker.Broker;
import io.ternmq.broker.config.ConfigLoader;

import io.ternmq.broker.store.MessageStores;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Starts real brokers for tests: ephemeral port, the given store directory, small segments. */
public final class TestBrokers {
    private TestBrokers() {
    }

    public static Broker start(Path storeDir, String... overrides) {
        return start(storeDir, 0, overrides);
    }

    public static Broker start(Path storeDir, int port, String... overrides) {
        return start(storeDir, port, Clock.systemUTC(), overrides);
    }

    /** A broker whose store and schedule run on the given clock. */
    public static Broker start(Path storeDir, int port, Clock clock, String... overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("storePathRootDir", storeDir.toString());
        settings.put("listenPort", Integer.toString(port));
        settings.put("bindAddress", "127.0.0.1");
        settings.put("brokerIP1", "127.0.0.1");
        settings.put("mappedFileSizeCommitLog", Integer.toString(4 * 1024 * 1024));
        settings.put("serverWorkerThreads", "4");
        settings.put("serverSelectorThreads", "2");
        for (String o : overrides) {
            int eq = o.indexOf('=');
            settings.put(o.substring(0, eq), o.substring(eq + 1));
        }
        return Broker.start(ConfigLoader.fromMap(settings), MessageStores::open, clock);
    }
}
