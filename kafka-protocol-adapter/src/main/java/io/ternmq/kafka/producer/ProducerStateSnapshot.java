package io.ternmq.kafka.producer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The byte layout of the producer state snapshot file ({@code producer-state.snapshot}), big-endian:
 *
 * <pre>
 * int32  magic 0x4B505332 ("KPS2"; "KPS1" files of earlier versions are read too)
 * int32  partition count
 * per partition (KPS2: every partition of the store, those without producers with a producer count of 0):
 *   int16 + bytes  topic (UTF-8)
 *   int32          partition (queue id)
 *   int64          KPS2: the replay offset, below which every idempotent batch is reflected here: the store's end
 *                  offset, or with appends in flight the end offset when the first of them was handed to the store.
 *                  KPS1: the end offset, or -1 when appends were in flight (never trusted after a crash)
 *   int32          producer count
 *   per producer:
 *     int64 producer id, int16 epoch, int64 last update (ms), int8 batch count (≤ 5)
 *     per batch: int32 first seq, int32 last seq, int64 base offset, int64 last offset, int64 timestamp
 * int32  CRC32C of every byte before it
 * </pre>
 *
 * Not thread-safe by itself; {@link ProducerStateTable} writes each partition under that partition's lock.
 */
final class ProducerStateSnapshot {
    static final String FILE_NAME = "producer-state.snapshot";
    private static final int MAGIC_V1 = 0x4B505331;
    private static final int MAGIC_V2 = 0x4B505332;

    /** A snapshot that cannot be read: wrong magic, bad checksum, truncated. */
    static final class CorruptSnapshotException extends IOException {
        CorruptSnapshotException(String message) {
            super(message);
        }
    }

    /** One partition as read back; {@code endOffset} is the replay offset (KPS2) or the end offset (KPS1). */
    record PartitionImage(String topic, int partition, long endOffset, Map<Long, ProducerEntry> producers) {
    }

    /**
     * A snapshot as read back.
     *
     * @param everyPartition KPS2: the images list every partition of the store at the time and give replay offsets;
     *                       false for KPS1 files
     */
    record Contents(boolean everyPartition, List<PartitionImage> images) {
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final List<byte[]> partitions = new ArrayList<>();

    /** Adds a partition without producers. */
    void addEmpty(String topic, int partition, long replayOffset) {
        try {
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(part);
            byte[] name = topic.getBytes(StandardCharsets.UTF_8);
            o.writeShort(name.length);
            o.write(name);
            o.writeInt(partition);
            o.writeLong(replayOffset);
            o.writeInt(0);
            partitions.add(part.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    /** Adds a partition; call holding its lock. */
    void add(PartitionProducers p, long endOffset) {
        try {
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(part);
            byte[] topic = p.topic.getBytes(StandardCharsets.UTF_8);
            o.writeShort(topic.length);
            o.write(topic);
            o.writeInt(p.partition);
            o.writeLong(endOffset);
            o.writeInt(p.producers.size());
            for (Map.Entry<Long, ProducerEntry> e : p.producers.entrySet()) {
                ProducerEntry entry = e.getValue();
                o.writeLong(e.getKey());
                o.writeShort(entry.epoch);
                o.writeLong(entry.lastUpdateMs);
                o.writeByte(entry.batches.size());
                for (ProducerEntry.Batch b : entry.batches) {
                    o.writeInt(b.firstSeq());
                    o.writeInt(b.lastSeq());
                    o.writeLong(b.appended().baseOffset());
                    o.writeLong(b.appended().lastOffset());
                    o.writeLong(b.appended().timestampMs());
                }
            }
            partitions.add(part.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    byte[] toBytes() {
        try {
            out.writeInt(MAGIC_V2);
            out.writeInt(partitions.size());
            for (byte[] p : partitions) {
                out.write(p);
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Contents read(byte[] content) throws CorruptSnapshotException {
        if (content.length < 12) {
            throw new CorruptSnapshotException("snapshot too short: " + content.length + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(content, 0, content.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(content, content.length - 4, 4).getInt()) {
            throw new CorruptSnapshotException("snapshot checksum mismatch");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content, 0, content.length - 4))) {
            int magic = in.readInt();
            if (magic != MAGIC_V1 && magic != MAGIC_V2) {
                throw new CorruptSnapshotException("not a producer state snapshot");
            }
            int count = in.readInt();
            List<PartitionImage> images = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] topic = new byte[in.readUnsignedShort()];
                in.readFully(topic);
                int partition = in.readInt();
                long endOffset = in.readLong();
                int producers = in.readInt();
                Map<Long, ProducerEntry> entries = new java.util.HashMap<>();
                for (int j = 0; j < producers; j++) {
                    long producerId = in.readLong();
                    ProducerEntry entry = new ProducerEntry(in.readShort(), in.readLong());
                    int batches = in.readUnsignedByte();
                    for (int k = 0; k < batches; k++) {
                        int firstSeq = in.readInt();
                        int lastSeq = in.readInt();
                        entry.addRestored(firstSeq, lastSeq,
                                new AppendedBatch(in.readLong(), in.readLong(), in.readLong()));
                    }
                    entries.put(producerId, entry);
                }
                images.add(new PartitionImage(new String(topic, StandardCharsets.UTF_8), partition, endOffset,
                        entries));
            }
            return new Contents(magic == MAGIC_V2, images);
        } catch (CorruptSnapshotException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptSnapshotException("truncated snapshot: " + e);
        }
    }
}
