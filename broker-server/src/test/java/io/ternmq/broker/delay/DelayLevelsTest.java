package io.ternmq.broker.delay;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelayLevelsTest {
    @Test
    void defaultTableHasRocketMqsEighteenLevels() {
        DelayLevels levels = DelayLevels.parse(DelayLevels.DEFAULT);
        assertEquals(18, levels.count());
        assertEquals(1_000, levels.delayMs(1));
        assertEquals(10_000, levels.delayMs(3));
        assertEquals(7_200_000, levels.delayMs(18));
    }

    @Test
    void levelsOutsideTheTableAreClamped() {
        DelayLevels levels = DelayLevels.parse("1s 2m 1h 1d");
        assertEquals(4, levels.clamp(99));
        assertEquals(1, levels.clamp(-3));
        assertEquals(86_400_000, levels.delayMs(99));
        assertEquals(120_000, levels.delayMs(2));
    }

    @Test
    void invalidTablesAreExplained() {
        assertTrue(DelayLevels.problem("").isPresent());
        assertEquals("'5x' is not a positive duration like 5s, 1m, 2h or 1d",
                DelayLevels.problem("1s 5x").orElseThrow());
        assertTrue(DelayLevels.problem("0s").isPresent());
        assertTrue(DelayLevels.problem("1s ".repeat(65)).isPresent());
        assertThrows(IllegalArgumentException.class, () -> DelayLevels.parse("s"));
    }
}
