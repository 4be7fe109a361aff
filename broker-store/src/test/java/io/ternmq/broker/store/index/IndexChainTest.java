package io.ternmq.broker.store.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndexChainTest {

    @Test
    void itemsOfAKeyChainAcrossWriteGroupsAndComeBackNewestFirst(@TempDir Path dir) throws Exception {
        IndexStore index = IndexStore.open(dir);
        long[] keys = {IndexKeys.uniqKey("a"), IndexKeys.uniqKey("b"), IndexKeys.uniqKey("c")};
        int perKey = 1500; // 4,500 items: several groups of at most 1,024 are committed on the way
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys.length; k++) {
                index.append(keys[k], 1000L * i + k, 1_000 + i, k);
            }
        }
        index.commit();

        for (int k = 0; k < keys.length; k++) {
            List<IndexEntry> found = index.lookup(keys[k], 0, Long.MAX_VALUE, 10_000);
            assertEquals(perKey, found.size());
            for (int j = 0; j < perKey; j++) {
                assertEquals(1000L * (perKey - 1 - j) + k, found.get(j).commitLogOffset());
            }
        }
        index.close();
        IndexStore reopened = IndexStore.open(dir); // heads rebuilt from the files agree
        assertEquals(perKey, reopened.lookup(keys[1], 0, Long.MAX_VALUE, 10_000).size());
        reopened.close();
    }
}
