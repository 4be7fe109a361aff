package io.ternmq.outbox.relay;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PropertiesJsonTest {

    @Test
    void writesAJsonObjectInInsertionOrder() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("orderId", "42");
        p.put("note", "say \"hi\"\\n\n\t\u0001 é 😀");
        assertEquals("{\"orderId\":\"42\",\"note\":\"say \\\"hi\\\"\\\\n\\n\\t\\u0001 é 😀\"}",
                PropertiesJson.encode(p));
        assertEquals(p, PropertiesJson.decode(PropertiesJson.encode(p)));
    }

    @Test
    void noPropertiesAreNull() {
        assertNull(PropertiesJson.encode(Map.of()));
        assertEquals(Map.of(), PropertiesJson.decode(null));
        assertEquals(Map.of(), PropertiesJson.decode(" { } "));
    }

    @Test
    void readsWhitespaceAndEscapesAnotherWriterMayUse() {
        assertEquals(Map.of("a", "/\b\f\"", "b", ""), PropertiesJson.decode(" {\n \"a\" : \"\\/\\b\\f\\u0022\" ,\"b\":\"\"}\n"));
    }

    @Test
    void rejectsWhatIsNotAnObjectOfStrings() {
        for (String bad : new String[] {"", "[]", "{\"a\":1}", "{\"a\":\"b\"", "{\"a\":\"b\"} x", "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12\"}"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PropertiesJson.decode(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("mq_outbox.properties is not a JSON object of strings"), bad);
        }
    }
}
