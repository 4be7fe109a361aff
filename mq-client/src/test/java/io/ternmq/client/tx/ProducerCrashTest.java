package io.ternmq.client.tx;

import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.TransactionProducer;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static io.ternmq.client.tx.TxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Producer processes killed with SIGKILL between half message and END_TX, at random points: a second producer of
 * the same group answers the check-backs from the durable ledger, and in the end every half message is resolved
 * and a message is delivered if and only if its key is in the ledger, exactly once.
 */
@EmbeddedMQ(config = {"defaultTopicQueueNums=1", "transactionTimeOut=300", "transactionCheckInterval=300",
        "transactionCheckMax=100"})
class ProducerCrashTest {
    private static final int PER_PROCESS = 40;
    private static final int ROUNDS = 2;

    @TempDir
    Path dir;

    @Test
    void everyTransactionOfAKilledProducerIsResolvedFromItsDurableRecord(EmbeddedBroker broker) throws Exception {
        String topic = TxTestSupport.unique("orders");
        String group = TxTestSupport.unique("pg");
        Path ledger = dir.resolve("ledger.txt");
        Random random = new Random(42);
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 5 + random.nextInt(PER_PROCESS - 10);
            int sent = runAndKill(broker.address(), group, topic, ledger, "r" + round, killAfter);
            assertTrue(sent >= killAfter, "the producer process sent only " + sent + " messages: "
                    + java.nio.file.Files.readString(dir.resolve("r" + round + ".log")));
        }
        assertTrue(CrashingTxProducerMain.committed(ledger).size() >= 2, "the processes committed something");
        try (TransactionProducer survivor = TransactionProducer.builder()
                .clientConfig(TxTestSupport.config(broker.address())).producerGroup(group)
                .transactionListener(new CrashingTxProducerMain.LedgerListener(ledger)).build()) {
            survivor.start();
            await("every half message resolved", Duration.ofSeconds(60),
                    () -> broker.broker().transactions().pendingCount() == 0);
            assertEquals(List.of(), broker.broker().transactions().parked());
            Set<String> committed = new TreeSet<>(CrashingTxProducerMain.committed(ledger));
            await("every committed message delivered", Duration.ofSeconds(10),
                    () -> deliveredKeys(broker.address(), topic).keySet().equals(committed));
            Map<String, Integer> delivered = deliveredKeys(broker.address(), topic);
            assertEquals(committed, new TreeSet<>(delivered.keySet()), "delivered iff committed");
            delivered.forEach((key, times) -> assertEquals(1, times, key + " delivered " + times + " times"));
        }
    }

    /** @return how many messages the process reported sent before it was killed */
    private int runAndKill(String address, String group, String topic, Path ledger, String prefix, int killAfter)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CrashingTxProducerMain.class.getName(), address, group,
                topic, ledger.toString(), prefix, Integer.toString(PER_PROCESS)));
        Process process = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(prefix + ".log").toFile())).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            int sent = 0;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("sent ")) {
                    sent++;
                }
                if (line.equals("sent " + killAfter) || line.equals("done")) {
                    break;
                }
            }
            return sent;
        } finally {
            process.destroyForcibly(); // SIGKILL: no END_TX, no unregister, possibly mid-transaction
            process.waitFor();
        }
    }

    private static Map<String, Integer> deliveredKeys(String address, String topic) {
        Map<String, Integer> counts = new HashMap<>();
        for (MessageExt m : TxTestSupport.readAll(address, topic)) {
            counts.merge(m.keys().get(0), 1, Integer::sum);
        }
        return counts;
    }
}
