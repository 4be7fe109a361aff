package io.ternmq.outbox.relay;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Backoff.MAX);

    @Test
    void startsAtTheFirstWaitAndDoublesPerEarlierFailure() {
        assertEquals(Duration.ofSeconds(1), backoff.after(0));
        assertEquals(Duration.ofSeconds(2), backoff.after(1));
        assertEquals(Duration.ofSeconds(256), backoff.after(8));
    }

    @Test
    void neverWaitsMoreThanFiveMinutesHoweverManyFailures() {
        assertEquals(Duration.ofMinutes(5), backoff.after(9));
        assertEquals(Duration.ofMinutes(5), backoff.after(Integer.MAX_VALUE));
        assertEquals(Duration.ofMinutes(5), new Backoff(Duration.ofMinutes(7), Backoff.MAX).after(0));
    }
}
