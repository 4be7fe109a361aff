package io.ternmq.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorCodeTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeMapsBackToItsError(ErrorCode error) {
        assertSame(error, ErrorCode.forCode(error.code()));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 7, 999, 0xFFFF, Integer.MAX_VALUE})
    void unknownCodeFromANewerBrokerIsASystemError(int code) {
        assertSame(ErrorCode.SYSTEM_ERROR, ErrorCode.forCode(code));
    }

    @Test
    void codesAreUniqueAndFitTheUnsignedInt16StatusField() {
        Set<Integer> seen = new HashSet<>();
        for (ErrorCode error : ErrorCode.values()) {
            assertTrue(seen.add(error.code()), "duplicate code " + error.code());
            assertTrue(error.code() >= 0 && error.code() <= 0xFFFF, error + " does not fit the status field");
        }
    }

    @Test
    void successIsZeroBecauseRequestsCarryStatusZero() {
        assertEquals(0, ErrorCode.SUCCESS.code());
        assertFalse(ErrorCode.SUCCESS.retriable());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorIsDescribedForTheDocs(ErrorCode error) {
        assertFalse(error.description().isBlank());
        // a pipe would break the generated Markdown table
        assertFalse(error.description().contains("|"), error.name());
    }
}
