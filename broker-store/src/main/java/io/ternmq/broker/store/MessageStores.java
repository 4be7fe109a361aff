package io.ternmq.broker.store;

import io.ternmq.broker.store.io.StorageHooks;

/** Opens the store. */
public final class MessageStores {
    private MessageStores() {
    }

    /**
     * Opens (creating if needed) the store under {@code config.storePathRootDir()}, running crash recovery when the
     * last shutdown was not clean, and starts its background services.
     *
     * @throws java.io.UncheckedIOException when the directory cannot be used
     */
    public static MessageStore open(StoreConfig config) {
        return DefaultMessageStore.open(config, StorageHooks.defaults());
    }
}
