package io.ternmq.spring.support;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundHeaderMapperTest {
    private final OutboundHeaderMapper mapper = new OutboundHeaderMapper();

    @Test
    void tagsKeysAndUserHeadersAreMapped() {
        Message<String> m = MessageBuilder.withPayload("x").setHeader(MQHeaders.TAGS, "created")
                .setHeader(MQHeaders.KEYS, "o-1, o-2").setHeader("tenant", "acme").setHeader("priority", 5)
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON).build();
        OutboundHeaderMapper.MappedHeaders h = mapper.map(m.getHeaders());
        assertEquals("created", h.tags());
        assertEquals(List.of("o-1", "o-2"), h.keys());
        assertEquals(Map.of("tenant", "acme", "priority", "5", "contentType", "application/json"), h.properties());
    }

    @Test
    void springIdTimestampAndReceivedMetadataAreDropped() {
        Message<String> m = MessageBuilder.withPayload("x").setHeader(MQHeaders.TOPIC, "old")
                .setHeader(MQHeaders.QUEUE_OFFSET, 7L).setHeader(MQHeaders.MESSAGE_ID, "abc").build();
        OutboundHeaderMapper.MappedHeaders h = mapper.map(m.getHeaders());
        assertTrue(h.properties().isEmpty(), h.properties().toString());
        assertNull(h.tags());
    }

    @Test
    void replyHeadersTravelAsProperties() {
        Message<String> m = MessageBuilder.withPayload("x").setHeader(MQHeaders.REPLY_TO, "REPLY_x")
                .setHeader(MQHeaders.CORRELATION_ID, "c-1").build();
        assertEquals(Map.of(MQHeaders.REPLY_TO, "REPLY_x", MQHeaders.CORRELATION_ID, "c-1"),
                mapper.map(m.getHeaders()).properties());
    }

    @Test
    void keysMayBeACollection() {
        Message<String> m = MessageBuilder.withPayload("x").setHeader(MQHeaders.KEYS, List.of("a", "b")).build();
        assertEquals(List.of("a", "b"), mapper.map(m.getHeaders()).keys());
    }

    @Test
    void reservedHeaderNamesAreRejectedNamingTheHeader() {
        Message<String> m = MessageBuilder.withPayload("x").setHeader("TRAN_MSG", "true").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mapper.map(m.getHeaders()));
        assertTrue(e.getMessage().contains("header 'TRAN_MSG' is reserved"), e.getMessage());
    }

    @Test
    void headersThatCannotBeTextAreRejectedNamingTheHeader() {
        Message<String> m = MessageBuilder.withPayload("x").setHeader("auditTrail", new Object()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mapper.map(m.getHeaders()));
        assertTrue(e.getMessage().contains("header 'auditTrail'"), e.getMessage());
    }

    @Test
    void reservedNamesCoverTheClientAndBrokerProperties() {
        assertTrue(UserPropertyNames.reserved().containsAll(List.of("KEYS", "TAGS", "UNIQ_KEY", "DELAY",
                "TIMER_DELIVER_MS", "TRAN_MSG", "PGROUP", "REAL_TOPIC", "RETRY_TOPIC")));
        assertFalse(UserPropertyNames.reserved().contains("%RETRY%"));
    }
}
