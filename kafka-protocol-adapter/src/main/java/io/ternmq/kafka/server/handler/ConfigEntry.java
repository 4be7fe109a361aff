package io.ternmq.kafka.server.handler;

/**
 * One config entry shown by DescribeConfigs.
 *
 * @param name   Kafka's config name
 * @param value  its value as text
 * @param source Kafka's ConfigSource code: 4 = STATIC_BROKER_CONFIG (from broker.conf), 5 = DEFAULT_CONFIG
 * @param type   Kafka's ConfigType code (v3+): 1 BOOLEAN, 2 STRING, 3 INT, 5 LONG, 7 LIST
 * @param doc    one sentence saying where the value comes from (v3+ {@code include_documentation})
 */
record ConfigEntry(String name, String value, byte source, byte type, String doc) {
    static final byte STATIC_BROKER_CONFIG = 4;
    static final byte DEFAULT_CONFIG = 5;
    static final byte BOOLEAN = 1;
    static final byte STRING = 2;
    static final byte INT = 3;
    static final byte LONG = 5;
}
