package io.ternmq.kafka.record;

/**
 * The compression codecs of a record batch, by their id in attribute bits 0-2. The libraries are the ones the
 * Java client uses (JDK gzip, snappy-java, lz4-java, zstd-jni), so bytes are interchangeable with it.
 */
public enum CompressionType {
    NONE(0, null),
    GZIP(1, new GzipCodec()),
    SNAPPY(2, new SnappyCodec()),
    LZ4(3, new Lz4FrameCodec()),
    ZSTD(4, new ZstdCodec());

    private static final CompressionType[] BY_ID = values();

    private final int id;
    private final CompressionCodec codec;

    CompressionType(int id, CompressionCodec codec) {
        this.id = id;
        this.codec = codec;
    }

    /** The id in attribute bits 0-2. */
    public int id() {
        return id;
    }

    /** The type with this id, or null for the ids 5-7 that no codec has. */
    public static CompressionType forId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /** The codec; null for {@link #NONE}. */
    CompressionCodec codec() {
        return codec;
    }
}
