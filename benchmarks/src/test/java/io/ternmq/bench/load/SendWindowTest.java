package io.ternmq.bench.load;

import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendWindowTest {

    @Test
    void aFullWindowLetsTheSenderGoOnOnceSlotsComeBack() throws Exception {
        SendWindow window = new SendWindow(16);
        for (int i = 0; i < 16; i++) {
            window.acquire();
        }
        CountDownLatch sent = new CountDownLatch(1);
        Thread sender = new Thread(() -> {
            try {
                window.acquire();
                sent.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sender.start();
        window.release();
        window.release(); // 16 / 8: enough to wake the sender
        assertTrue(sent.await(10, TimeUnit.SECONDS));
        sender.join();
    }

    @Test
    void neverMoreInFlightThanTheWindowWhileAnswersComeFromOtherThreads() throws Exception {
        SendWindow window = new SendWindow(32);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Thread[] answerers = new Thread[3];
        BlockingQueue<Integer> outstanding = new LinkedBlockingQueue<>();
        for (int t = 0; t < answerers.length; t++) {
            answerers[t] = new Thread(() -> {
                try {
                    while (outstanding.take() >= 0) {
                        inFlight.decrementAndGet();
                        window.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            answerers[t].start();
        }
        for (int i = 0; i < 100_000; i++) {
            window.acquire();
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            outstanding.add(i);
        }
        assertTrue(window.awaitAllFree(10, TimeUnit.SECONDS));
        for (Thread t : answerers) {
            outstanding.add(-1);
        }
        for (Thread t : answerers) {
            t.join();
        }
        assertEquals(0, inFlight.get());
        assertTrue(most.get() <= 32, "at most " + most.get());
    }

    @Test
    void waitingForAllSlotsGivesUpAtTheTimeout() throws Exception {
        SendWindow window = new SendWindow(4);
        window.acquire();
        assertFalse(window.awaitAllFree(50, TimeUnit.MILLISECONDS));
        window.release();
        assertTrue(window.awaitAllFree(10, TimeUnit.SECONDS));
    }
}
