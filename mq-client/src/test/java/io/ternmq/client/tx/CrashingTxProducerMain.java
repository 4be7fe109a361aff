package io.ternmq.client.tx;

import io.ternmq.client.Message;
import io.ternmq.client.consumer.MessageExt;
import io.ternmq.client.producer.LocalTransactionState;
import io.ternmq.client.producer.TransactionListener;
import io.ternmq.client.producer.TransactionProducer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The producer process of {@link ProducerCrashTest}: sends {@code count} transactional messages with keys
 * {@code <prefix>-<i>} and is killed with SIGKILL somewhere along the way. Its "local transaction" is a line in a
 * ledger file, fsynced BEFORE the END_TX: a key in the ledger is committed, any other key is not.
 * {@code i % 4}: 0 = commit, 1 = roll back, 2 = commit locally but answer UNKNOW, 3 = answer UNKNOW without
 * committing. Prints {@code sent i} after each message so the test can kill it mid-way.
 *
 * <p>Arguments: brokerAddress producerGroup topic ledgerFile keyPrefix count
 */
public final class CrashingTxProducerMain {
    private CrashingTxProducerMain() {
    }

    public static void main(String[] args) throws Exception {
        String address = args[0];
        String group = args[1];
        String topic = args[2];
        Path ledger = Path.of(args[3]);
        String prefix = args[4];
        int count = Integer.parseInt(args[5]);
        try (TransactionProducer producer = TransactionProducer.builder()
                .clientConfig(TxTestSupport.config(address)).producerGroup(group)
                .transactionListener(new LedgerListener(ledger)).build()) {
            producer.start();
            for (int i = 0; i < count; i++) {
                producer.sendMessageInTransaction(Message.builder().topic(topic).keys(prefix + "-" + i)
                        .body("m" + i).build(), i);
                System.out.println("sent " + i);
                System.out.flush();
            }
            System.out.println("done");
            Thread.sleep(60_000); // stay alive (answering checks) until killed
        }
    }

    /** Commits by appending the key to the ledger; checks answer from the ledger alone. */
    static final class LedgerListener implements TransactionListener {
        private final Path ledger;

        LedgerListener(Path ledger) {
            this.ledger = ledger;
        }

        @Override
        public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            int i = (Integer) arg;
            String key = msg.keys().get(0);
            return switch (i % 4) {
                case 0 -> {
                    record(key);
                    yield LocalTransactionState.COMMIT_MESSAGE;
                }
                case 1 -> LocalTransactionState.ROLLBACK_MESSAGE;
                case 2 -> {
                    record(key);
                    yield LocalTransactionState.UNKNOW;
                }
                default -> LocalTransactionState.UNKNOW;
            };
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt msg) {
            return committed(ledger).contains(msg.keys().get(0)) ? LocalTransactionState.COMMIT_MESSAGE
                    : LocalTransactionState.ROLLBACK_MESSAGE;
        }

        private synchronized void record(String key) {
            try (FileChannel ch = FileChannel.open(ledger, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap((key + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Keys in the ledger (a torn last line without its newline does not count: it was never committed). */
    static Set<String> committed(Path ledger) {
        try {
            if (!Files.exists(ledger)) {
                return Set.of();
            }
            String text = Files.readString(ledger, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? Set.of() : Set.of(text.substring(0, end).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
