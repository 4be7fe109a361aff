package io.ternmq.client.consumer;

import io.ternmq.client.MessageQueue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The allocation algorithms behind {@link AllocateStrategy}; inputs arrive sorted and de-duplicated. */
interface QueueAllocator {
    List<MessageQueue> allocate(String clientId, List<MessageQueue> queues, List<String> clientIds);

    QueueAllocator AVERAGE = (clientId, queues, clientIds) -> {
        int index = clientIds.indexOf(clientId);
        if (index < 0 || queues.isEmpty()) {
            return List.of();
        }
        int n = clientIds.size();
        int q = queues.size();
        int base = q / n;
        int extra = q % n;
        // the first `extra` members take one more queue each
        int size = base + (index < extra ? 1 : 0);
        int start = index * base + Math.min(index, extra);
        return List.copyOf(queues.subList(start, start + size));
    };

    QueueAllocator ROUND_ROBIN = (clientId, queues, clientIds) -> {
        int index = clientIds.indexOf(clientId);
        if (index < 0) {
            return List.of();
        }
        List<MessageQueue> mine = new ArrayList<>();
        for (int i = index; i < queues.size(); i += clientIds.size()) {
            mine.add(queues.get(i));
        }
        return mine;
    };

    QueueAllocator CONSISTENT_HASH = new QueueAllocator() {
        private static final int VIRTUAL_NODES = 10;

        @Override
        public List<MessageQueue> allocate(String clientId, List<MessageQueue> queues, List<String> clientIds) {
            if (!clientIds.contains(clientId)) {
                return List.of();
            }
            SortedMap<Long, String> ring = new TreeMap<>();
            for (String id : clientIds) {
                for (int v = 0; v < VIRTUAL_NODES; v++) {
                    ring.put(hash(id + "-" + v), id);
                }
            }
            List<MessageQueue> mine = new ArrayList<>();
            for (MessageQueue mq : queues) {
                SortedMap<Long, String> tail = ring.tailMap(hash(mq.toString()));
                String owner = tail.isEmpty() ? ring.get(ring.firstKey()) : tail.get(tail.firstKey());
                if (owner.equals(clientId)) {
                    mine.add(mq);
                }
            }
            return mine;
        }

        private long hash(String key) {
            try {
                byte[] d = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
                return ((long) (d[3] & 0xFF) << 24) | ((long) (d[2] & 0xFF) << 16) | ((long) (d[1] & 0xFF) << 8)
                        | (d[0] & 0xFF);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is required by the JDK", e);
            }
        }
    };

}
