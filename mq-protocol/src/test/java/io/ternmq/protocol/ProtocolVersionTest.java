package io.ternmq.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Written against MIN_SUPPORTED and CURRENT, so the tests keep their meaning when a version is added. */
class ProtocolVersionTest {

    @Test
    void clientOfferingMoreThanWeSpeakGetsOurNewest() {
        assertEquals(ProtocolVersion.CURRENT, ProtocolVersion.negotiate(ProtocolVersion.MIN_SUPPORTED,
                ProtocolVersion.CURRENT + 5));
    }

    @Test
    void clientOfferingExactlyOurRangeGetsOurNewest() {
        assertEquals(ProtocolVersion.CURRENT,
                ProtocolVersion.negotiate(ProtocolVersion.MIN_SUPPORTED, ProtocolVersion.CURRENT));
    }

    @Test
    void oldClientGetsItsNewestWhenWeStillSpeakIt() {
        assertEquals(ProtocolVersion.MIN_SUPPORTED,
                ProtocolVersion.negotiate(ProtocolVersion.MIN_SUPPORTED - 3, ProtocolVersion.MIN_SUPPORTED));
    }

    @Test
    void clientNewerThanUsHasNoVersionInCommon() {
        assertEquals(-1, ProtocolVersion.negotiate(ProtocolVersion.CURRENT + 1, ProtocolVersion.CURRENT + 3));
    }

    @Test
    void clientOlderThanWeSupportHasNoVersionInCommon() {
        assertEquals(-1, ProtocolVersion.negotiate(0, ProtocolVersion.MIN_SUPPORTED - 1));
    }

    @Test
    void invertedRangeHasNoVersionInCommon() {
        assertEquals(-1, ProtocolVersion.negotiate(ProtocolVersion.CURRENT + 1, ProtocolVersion.MIN_SUPPORTED));
    }

    @Test
    void supportedVersionsAreExactlyTheRange() {
        assertFalse(ProtocolVersion.isSupported(ProtocolVersion.MIN_SUPPORTED - 1));
        assertTrue(ProtocolVersion.isSupported(ProtocolVersion.MIN_SUPPORTED));
        assertTrue(ProtocolVersion.isSupported(ProtocolVersion.CURRENT));
        assertFalse(ProtocolVersion.isSupported(ProtocolVersion.CURRENT + 1));
    }

    @Test
    void helloIsReadableByEveryBrokerBecauseVersionOneIsNeverDropped() {
        // HELLO travels as version 1 before anything is negotiated
        assertEquals(1, ProtocolVersion.MIN_SUPPORTED);
    }

    @Test
    void versionsFitTheFrameHeaderByte() {
        assertTrue(ProtocolVersion.CURRENT <= 255);
    }
}
