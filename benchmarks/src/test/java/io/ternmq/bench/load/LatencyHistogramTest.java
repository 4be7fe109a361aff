package io.ternmq.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertEquals(50, h.percentile(50));
        assertEquals(99, h.percentile(99));
        assertEquals(100, h.percentile(100));
        assertEquals(50.5, h.mean(), 1e-9);
    }

    @Test
    void largeValuesStayWithinOnePointSixPercent() {
        for (long v = 128; v < 50_000_000_000L; v = v * 3 + 7) {
            LatencyHistogram h = new LatencyHistogram();
            h.record(v);
            h.record(v + 1_000_000_000_000L); // a larger max, so the bucket edge is not clamped to max
            long reported = h.percentile(50);
            assertTrue(reported >= v, "reported " + reported + " below recorded " + v);
            assertTrue(reported - v <= v / 64, "reported " + reported + " too far above " + v);
        }
    }

    @Test
    void bucketsAreContiguousAndOrdered() {
        long previousEdge = -1;
        for (long v = 0; v < 1_000_000; v++) {
            int b = LatencyHistogram.bucketOf(v);
            long edge = LatencyHistogram.upperEdgeOf(b);
            assertTrue(v <= edge, "value " + v + " above the edge of its bucket " + edge);
            assertTrue(edge >= previousEdge);
            previousEdge = edge;
        }
    }

    @Test
    void percentilesOfAUniformSpreadMatchTheirRank() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100_000; v++) {
            h.record(v);
        }
        assertEquals(99_000, h.percentile(99), 99_000 / 64.0);
        assertEquals(99_900, h.percentile(99.9), 99_900 / 64.0);
        assertEquals(100_000, h.max());
        assertEquals(100_000, h.percentile(100));
    }

    @Test
    void addMergesCountsAndMax() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(20);
        b.record(5_000);
        a.add(b);
        assertEquals(3, a.count());
        assertEquals(5_000, a.max());
        assertEquals(20, a.percentile(66));
    }

    @Test
    void emptyHistogramReportsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.percentile(99));
        assertEquals(0, h.mean());
    }

    @Test
    void nanosAreConvertedToMicros() {
        LatencyHistogram h = new LatencyHistogram();
        h.recordNanos(2_500_000);
        assertEquals(2_500, h.max());
    }
}
