package io.ternmq.bench.load;

import io.ternmq.test.EmbeddedBroker;
import io.ternmq.test.EmbeddedMQ;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short, capped runs of the load tool against an embedded broker: the numbers add up and the RESULT line parses. */
@EmbeddedMQ
class LoadRunTest {

    @Test
    void e2eRunDeliversEverySentMessageAndReportsLatencies(EmbeddedBroker broker) {
        Outcome run = run(broker, "--mode", "e2e", "--topic-prefix", "e2e", "--topics", "2", "--queues", "2",
                "--producers", "2", "--consumers", "2", "--messages", "2000", "--duration", "60", "--size", "256");

        assertEquals(0, run.exitCode, run.output);
        assertEquals("2000", run.result.get("msgs"), run.output);
        assertEquals("2000", run.result.get("recv_msgs"), run.output);
        assertEquals("0", run.result.get("lost"), run.output);
        assertEquals("0", run.result.get("errors"), run.output);
        assertTrue(Double.parseDouble(run.result.get("e2e_ms_p99")) > 0, run.output);
        assertTrue(Double.parseDouble(run.result.get("lat_ms_p50"))
                <= Double.parseDouble(run.result.get("lat_ms_max")), run.output);
    }

    @Test
    void oneInFlightSendsEachMessageOnlyAfterThePreviousOneArrived(EmbeddedBroker broker) {
        Outcome run = run(broker, "--mode", "e2e", "--one-in-flight", "--topic-prefix", "pingpong", "--queues", "1",
                "--messages", "300", "--duration", "60");

        assertEquals(0, run.exitCode, run.output);
        assertEquals("300", run.result.get("recv_msgs"), run.output);
        assertEquals("0", run.result.get("errors"), run.output);
        assertTrue(run.output.contains("at most 1 message(s) sent and not yet received"), run.output);
    }

    @Test
    void oneInFlightRefusesSeveralProducerThreads() {
        LoadOptions options = new LoadOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--mode", "e2e",
                "--one-in-flight", "--producers", "2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::validate);
        assertTrue(e.getMessage().contains("--one-in-flight"), e.getMessage());
    }

    @Test
    void consumeModeReadsBackWhatAProduceRunStored(EmbeddedBroker broker) {
        Outcome produced = run(broker, "--mode", "produce", "--topic-prefix", "readback", "--queues", "3",
                "--sync", "--batch", "10", "--messages", "500", "--duration", "60");
        assertEquals("500", produced.result.get("msgs"), produced.output);

        Outcome consumed = run(broker, "--mode", "consume", "--topic-prefix", "readback", "--queues", "3",
                "--consumers", "3", "--idle-exit", "1", "--duration", "60");
        assertEquals(0, consumed.exitCode, consumed.output);
        assertEquals("500", consumed.result.get("recv_msgs"), consumed.output);
    }

    @Test
    void consumeModeWithSmallPullsStillReadsEveryMessageOnce(EmbeddedBroker broker) {
        run(broker, "--mode", "produce", "--topic-prefix", "small-pulls", "--queues", "2", "--sync", "--batch", "10",
                "--messages", "300", "--duration", "60");

        Outcome consumed = run(broker, "--mode", "consume", "--topic-prefix", "small-pulls", "--queues", "2",
                "--pull-batch", "7", "--idle-exit", "1", "--duration", "60");

        assertEquals(0, consumed.exitCode, consumed.output);
        assertEquals("300", consumed.result.get("recv_msgs"), consumed.output);
    }

    @Test
    void e2eRunOverPushConsumersDeliversEverySentMessage(EmbeddedBroker broker) {
        Outcome run = run(broker, "--mode", "e2e", "--consumer-api", "push", "--topic-prefix", "push", "--queues", "4",
                "--producers", "2", "--consumers", "2", "--messages", "1000", "--duration", "60");

        assertEquals(0, run.exitCode, run.output);
        assertEquals("1000", run.result.get("recv_msgs"), run.output);
        assertEquals("0", run.result.get("lost"), run.output);
    }

    @Test
    void aRateCapSlowsTheProducerDown(EmbeddedBroker broker) {
        long start = System.nanoTime();
        Outcome run = run(broker, "--mode", "produce", "--topic-prefix", "paced", "--rate", "200",
                "--messages", "200", "--duration", "60");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("200", run.result.get("msgs"), run.output);
        // 200 messages at 200/s take about a second (the first 100 may go at once: bounded catch-up)
        assertTrue(seconds >= 0.4, "took only " + seconds + " s");
    }

    @Test
    void theMessageCapCountsOnlyMeasuredMessagesNotTheWarmUp(EmbeddedBroker broker) {
        Outcome run = run(broker, "--mode", "produce", "--topic-prefix", "warm", "--warmup", "1",
                "--messages", "300", "--duration", "60");
        assertEquals(0, run.exitCode, run.output);
        assertEquals("300", run.result.get("msgs"), run.output);
        assertTrue(run.output.contains("warming up for 1 s"), run.output);
    }

    @Test
    void brokerPidAddsTheBrokersCpuPerMessageNextToTheClients(EmbeddedBroker broker) {
        // the embedded broker runs in this JVM, so its process is this one
        Outcome run = run(broker, "--mode", "produce", "--topic-prefix", "cpu", "--messages", "2000",
                "--duration", "60", "--broker-pid", Long.toString(ProcessHandle.current().pid()));

        assertEquals("2000", run.result.get("msgs"), run.output);
        assertTrue(Double.parseDouble(run.result.get("cpu_us_per_msg")) > 0, run.output);
        assertTrue(run.result.containsKey("broker_cpu_us_per_msg"), run.output);
    }

    private static Outcome run(EmbeddedBroker broker, String... args) {
        String[] argv = Arrays.copyOf(args, args.length + 2);
        argv[args.length] = "--broker";
        argv[args.length + 1] = broker.address();
        LoadOptions options = new LoadOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(argv);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new LoadRun(options, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String output = bytes.toString(StandardCharsets.UTF_8);
        return new Outcome(exit, output, resultLine(output));
    }

    private static Map<String, String> resultLine(String output) {
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no RESULT line in:\n" + output));
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }

    private record Outcome(int exitCode, String output, Map<String, String> result) {
    }
}
