package io.ternmq.broker.store;

import java.util.Map;

/**
 * Broker-side filtering during reads. The tag-hash check runs on ConsumeQueue entries without touching the
 * CommitLog; the property check runs on each message read.
 */
public interface MessageFilter {

    MessageFilter ACCEPT_ALL = new MessageFilter() {
        @Override
        public boolean matchesTagHash(long tagHash, boolean batchEntry) {
            return true;
        }

        @Override
        public boolean matches(Map<String, String> properties) {
            return true;
        }
    };

    /**
     * @param tagHash    the tag hash stored in the ConsumeQueue entry ({@link TagHash#of})
     * @param batchEntry true when the entry is a batch whose messages may carry different tags
     * @return false to skip the entry without reading it
     */
    boolean matchesTagHash(long tagHash, boolean batchEntry);

    /** Final decision on one message. */
    boolean matches(Map<String, String> properties);
}
