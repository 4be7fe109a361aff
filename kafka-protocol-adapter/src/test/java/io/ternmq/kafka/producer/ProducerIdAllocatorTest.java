package io.ternmq.kafka.producer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerIdAllocatorTest {

    @Test
    void idsAreNeverReusedAcrossRestartsEvenWhenABlockWasNotUsedUp(@TempDir Path dir) {
        Set<Long> seen = new HashSet<>();
        ProducerIdAllocator first = new ProducerIdAllocator(dir, 10);
        for (int i = 0; i < 13; i++) { // into the second block
            assertTrue(seen.add(first.allocate()));
        }
        // a restart (or a crash: the file is written before the block's first id is used) skips the rest of block 2
        ProducerIdAllocator second = new ProducerIdAllocator(dir, 10);
        long next = second.allocate();
        assertEquals(20, next);
        assertTrue(seen.add(next));
        ProducerIdAllocator third = new ProducerIdAllocator(dir, 10);
        assertEquals(30, third.allocate());
    }

    @Test
    void aDamagedBlockFileStopsStartUpRatherThanRiskReusingIds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ProducerIdAllocator.FILE_NAME), "garbage");
        assertThrows(IllegalStateException.class, () -> new ProducerIdAllocator(dir, 10));
    }
}
