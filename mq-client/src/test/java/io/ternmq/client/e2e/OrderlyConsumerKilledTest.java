package io.ternmq.client.e2e;

import io.ternmq.client.admin.AdminClient;
import io.ternmq.client.consumer.PushConsumer;
import io.ternmq.client.producer.Producer;
import io.ternmq.client.producer.SendResult;
import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An orderly consumer in another JVM is killed with SIGKILL in the middle of its queues; the surviving member takes
 * them over once the broker frees the dead member's locks, and continues from the committed offsets: per queue the
 * order is kept and nothing is skipped. The in-flight messages after the last commit are delivered again (counted).
 *
 * <p>The victim starts first and owns every queue; the survivor joins and takes half of them gracefully; then the
 * victim is killed. So on every queue all the victim's calls precede all the survivor's, and each queue's history
 * is the victim's calls followed by the survivor's, without comparing clocks of two processes.
 */
@EmbeddedMQ(config = {"rebalanceLockMaxLiveTime=3000"})
class OrderlyConsumerKilledTest {
    private static final int QUEUES = 4;

    @Test
    void orderlyConsumptionWithAConsumerKilledMidQueueKeepsOrderAndSkipsNothing(EmbeddedBroker broker)
            throws Exception {
        String address = broker.address();
        String topic = TestClients.unique("Orders");
        String group = TestClients.unique("g");
        try (AdminClient admin = AdminClient.create(address)) {
            admin.createTopic(topic, QUEUES);
        }
        List<String> victimCalls = new CopyOnWriteArrayList<>();
        List<String> victimOwns = new CopyOnWriteArrayList<>();
        Process victim = startVictim(address, group, topic, victimCalls, victimOwns);
        OrderlyLedger survivorLedger = new OrderlyLedger();
        try (Producer producer = TestClients.producer(address)) {
            Eventually.await(() -> victimOwns.contains("" + QUEUES), () -> "victim owns all queues: " + victimOwns);
            List<String> orders = IntStream.rangeClosed(1, 12).mapToObj(i -> "order-" + i).toList();
            List<SendResult> sent = OrderlyConsumptionTest.sendInterleaved(producer, topic, orders);

            try (PushConsumer survivor = OrderlyConsumptionTest.orderlyConsumer(address, group, topic).build()) {
                survivor.registerOrderlyListener(OrderlyConsumptionTest.recording(survivorLedger, "survivor", 10));
                Eventually.await(() -> victimCalls.size() >= 3, () -> "victim consumed a few: " + victimCalls);
                survivor.start();
                Eventually.await(() -> !survivor.assignedQueues().isEmpty() && victimOwns.contains("" + QUEUES / 2)
                        && victimCalls.size() >= 8, () -> "queues split; victim " + victimOwns);
                int victimConsumedBeforeKill = victimCalls.size();
                victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                assertTrue(victimConsumedBeforeKill < sent.size(), "killed before it finished");

                Set<String> all = new HashSet<>();
                sent.forEach(r -> all.add(r.messageQueue().queueId() + ":" + r.queueOffset()));
                Eventually.await(() -> survivor.assignedQueues().size() == QUEUES, () -> "survivor takes over");
                Eventually.await(() -> consumed(victimCalls, survivorLedger).containsAll(all),
                        () -> "everything consumed; missing " + missing(all, victimCalls, survivorLedger));
            }

            int redeliveries = 0;
            Map<Integer, List<OrderlyLedger.Call>> survivorByQueue = survivorLedger.byQueue();
            List<OrderlyLedger.Call> everything = new ArrayList<>();
            for (int q = 0; q < QUEUES; q++) {
                List<OrderlyLedger.Call> history = new ArrayList<>(victimCallsOf(victimCalls, q));
                history.addAll(survivorByQueue.getOrDefault(q, List.of()));
                if (!history.isEmpty()) {
                    redeliveries += OrderlyLedger.assertNothingSkipped(q, history, 0);
                }
                everything.addAll(history);
            }
            Map<String, List<String>> steps = OrderlyLedger.firstSeenSteps(everything);
            for (String order : orders) {
                assertEquals(OrderlyLedger.STEPS, steps.get(order), "steps of " + order);
            }
            System.out.println("orderly kill test: " + victimCalls.size() + " calls in the victim, "
                    + survivorLedger.calls.size() + " in the survivor, " + redeliveries + " re-delivered");
            assertTrue(redeliveries <= sent.size(), "re-deliveries bounded by the in-flight window");
        } finally {
            victim.destroyForcibly();
        }
    }

    private static Process startVictim(String address, String group, String topic, List<String> calls,
                                       List<String> owns) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), OrderlyConsumerProcess.class.getName(), address, group, topic,
                "60").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("CALL ")) {
                        calls.add(line.substring(5));
                    } else if (line.startsWith("OWNS ")) {
                        owns.add(line.substring(5));
                    }
                }
            } catch (Exception e) {
                // killed
            }
        }, "victim-reader");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static List<OrderlyLedger.Call> victimCallsOf(List<String> lines, int queueId) {
        List<OrderlyLedger.Call> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ", 3);
            if (Integer.parseInt(f[0]) == queueId) {
                String[] body = f[2].split(" ");
                out.add(new OrderlyLedger.Call("victim", queueId, Long.parseLong(f[1]), body[0], body[1], 0, 0));
            }
        }
        return out;
    }

    private static Set<String> consumed(List<String> victimCalls, OrderlyLedger survivor) {
        Set<String> out = new HashSet<>();
        for (String line : victimCalls) {
            String[] f = line.split(" ", 3);
            out.add(f[0] + ":" + f[1]);
        }
        survivor.calls.forEach(c -> out.add(c.queueId() + ":" + c.offset()));
        return out;
    }

    private static Set<String> missing(Set<String> all, List<String> victimCalls, OrderlyLedger survivor) {
        Set<String> out = new HashSet<>(all);
        out.removeAll(consumed(victimCalls, survivor));
        return out;
    }
}
