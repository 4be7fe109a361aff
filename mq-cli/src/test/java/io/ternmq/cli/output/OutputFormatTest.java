package io.ternmq.cli.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFormatTest {
    private static final String NL = System.lineSeparator();

    private static Report sample() {
        return new Report()
                .field("topic", "Orders")
                .field("totalLag", 7L)
                .table("queues", new Table("queueId", "brokerOffset", "lastUpdate")
                        .row(0, 10L, "2026-11-21T06:00:00Z")
                        .row(1, 1234L, null));
    }

    @Test
    void tableFormatAlignsFieldsAndColumnsAndRightAlignsNumbers() {
        String text = OutputFormat.TABLE.render(sample());
        assertEquals("topic:    Orders" + NL
                + "totalLag: 7" + NL
                + NL
                + "QUEUE_ID  BROKER_OFFSET  LAST_UPDATE" + NL
                + "       0             10  2026-11-21T06:00:00Z" + NL
                + "       1           1234  -" + NL, text);
    }

    @Test
    void jsonFormatTurnsTablesIntoArraysOfObjects() {
        String json = OutputFormat.JSON.render(sample());
        assertTrue(json.startsWith("{\n  \"topic\": \"Orders\",\n  \"totalLag\": 7,\n  \"queues\": [\n    {\n"
                + "      \"queueId\": 0,\n      \"brokerOffset\": 10,"), json);
        assertTrue(json.contains("\"lastUpdate\": null"), json);
    }

    @Test
    void anEmptyTableSaysNone() {
        String text = OutputFormat.TABLE.render(new Report().table("topics", new Table("topic")));
        assertEquals("TOPIC" + NL + "(none)" + NL, text);
    }

    @Test
    void headersAreUpperSnakeCase() {
        assertEquals("CONSUMER_OFFSET", TextRenderer.header("consumerOffset"));
        assertEquals("P99_9_MS", TextRenderer.header("p99_9Ms"));
    }
}
