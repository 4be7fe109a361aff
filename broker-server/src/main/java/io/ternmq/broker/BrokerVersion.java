package io.ternmq.broker;

/** The broker's version, from the jar manifest when packaged, else the development version. */
public final class BrokerVersion {
    /** E.g. "0.1.0-SNAPSHOT". */
    public static final String VERSION = resolve();

    private BrokerVersion() {
    }

    private static String resolve() {
        String fromManifest = BrokerVersion.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "0.1.0-SNAPSHOT";
    }
}
