package io.ternmq.client.producer;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UniqueIdGeneratorTest {
    @Test
    void idsAre32UpperCaseHexDigitsWithHostAndPidPrefix() {
        UniqueIdGenerator g = new UniqueIdGenerator(new byte[]{10, 0, 0, 1}, 0x1234, 0xABCD, 1000);
        String id = g.next();
        assertEquals(32, id.length());
        assertTrue(id.matches("[0-9A-F]{32}"), id);
        assertTrue(id.startsWith("0A0000011234ABCD"), id);
    }

    @Test
    void idsFromOneGeneratorAreUniqueAndSortInCreationOrder() {
        UniqueIdGenerator g = new UniqueIdGenerator(new byte[]{1, 2, 3, 4}, 1, 2, System.currentTimeMillis());
        List<String> ids = IntStream.range(0, 10_000).mapToObj(i -> g.next()).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size());
        assertEquals(ids, ids.stream().sorted().toList());
    }

    @Test
    void idsAreUniqueAcrossThreads() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 40_000).parallel().forEach(i -> ids.add(UniqueIdGenerator.instance().next()));
        assertEquals(40_000, ids.size());
    }

    @Test
    void restartsOfTheSameProcessIdDoNotRepeatIds() {
        UniqueIdGenerator first = new UniqueIdGenerator(new byte[]{1, 2, 3, 4}, 7, 9, 1_000_000);
        UniqueIdGenerator second = new UniqueIdGenerator(new byte[]{1, 2, 3, 4}, 7, 9, 1_000_001);
        Set<String> a = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            a.add(first.next());
        }
        assertTrue(IntStream.range(0, 1000).mapToObj(i -> second.next()).noneMatch(a::contains));
        assertNotEquals(first.next(), second.next());
    }
}
