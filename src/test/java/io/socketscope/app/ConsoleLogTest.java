package io.socketscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.DescriptorLookup;
import io.socketscope.server.EventRecorder;
import io.socketscope.server.ServerConfig;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.ServerListener;
import io.socketscope.server.SocketServer;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A console that cannot keep up (here: one whose first line blocks, like a terminal paused with Ctrl+S)
 * never slows the server: its threads only enqueue, and what the console missed is counted and said.
 */
class ConsoleLogTest {

    @Test
    void aStuckConsoleLosesLinesNotConnectionsAndSaysHowMany() throws Exception {
        CountDownLatch unstick = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        ConsoleLog console = new ConsoleLog(line -> {
            try {
                unstick.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(line);
        }, 8);
        EventRecorder events = new EventRecorder();
        // The console first, then the recorder: once the recorder has an event, the console was offered it.
        SocketServer server = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), ServerListener.all(console, events),
                DescriptorLookup.forThisSystem());
        try {
            for (int i = 0; i < 100; i++) {
                new Socket(InetAddress.getLoopbackAddress(), server.port()).close();
            }
            List<ServerEvent.Closed> closed = events.await(ServerEvent.Closed.class, 100, Duration.ofSeconds(10));
            assertEquals(100, closed.size(), "every connection was taken and closed while the console was stuck");
            assertTrue(console.dropped() > 0, "what did not fit was counted: " + console.dropped());
            assertEquals(List.of(), written, "nothing was written yet");
            long missed = console.dropped();
            unstick.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (written.stream().noneMatch(l -> l.contains("dropped")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            String note = written.stream().filter(l -> l.contains("dropped")).findFirst().orElseThrow();
            assertTrue(note.startsWith(String.format("… %,d log lines dropped", missed)), note);
            assertTrue(written.get(0).contains("LISTEN"), "the queued lines come first, in order: " + written.get(0));
        } finally {
            server.stop();
            console.close();
        }
    }

    @Test
    void serverThreadsNeverWriteTheConsoleThemselves() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        ConsoleLog console = new ConsoleLog(line -> threads.add(Thread.currentThread().getName()), 1024);
        EventRecorder events = new EventRecorder();
        SocketServer server = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), ServerListener.all(events, console),
                DescriptorLookup.forThisSystem());
        try {
            for (int i = 0; i < 20; i++) {
                new Socket(InetAddress.getLoopbackAddress(), server.port()).close();
            }
            events.await(ServerEvent.Closed.class, 20, Duration.ofSeconds(10));
        } finally {
            server.stop();
            console.close();
        }
        assertTrue(threads.size() >= 42, "LISTEN, 20 ACCEPT and 20 CLOSE, STOP: " + threads.size());
        assertEquals(List.of("socketscope-console"), threads.stream().distinct().toList());
    }

    @Test
    void pastItsLinesASecondTheConsoleCountsEventsAndSaysHowManyItDidNotPrint() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicLong clock = new AtomicLong();
        ConsoleLog console = new ConsoleLog(written::add, 1024, 5, clock::get);
        EventRecorder forwarded = new EventRecorder();
        console.forwardTo(forwarded);
        SocketServer server = SocketServer.start(ServerConfig.of(0, BindMode.LOCAL), console,
                DescriptorLookup.forThisSystem());
        try {
            for (int i = 0; i < 20; i++) {
                new Socket(InetAddress.getLoopbackAddress(), server.port()).close();
            }
            // Forwarded once its line was printed or counted: every event, printed or not.
            forwarded.await(ServerEvent.Closed.class, 20, Duration.ofSeconds(10));
            int events = forwarded.all().size();
            assertEquals(41, events, "LISTEN, 20 ACCEPT and 20 CLOSE");
            assertEquals(5, written.size(), "five lines in this second: " + written);
            assertTrue(written.get(0).contains("LISTEN"), written.get(0));

            clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (written.size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(String.format("… %,d more events not printed: the console prints at most 5 a second (the counts"
                    + " and the window have every event; --record keeps them all)", events - 5), written.get(5));

            new Socket(InetAddress.getLoopbackAddress(), server.port()).close();
            forwarded.await(ServerEvent.Closed.class, 21, Duration.ofSeconds(10));
            assertEquals(8, written.size(), "a new second prints again: " + written);
            assertTrue(written.get(6).contains("ACCEPT") && written.get(7).contains("CLOSE"), written.toString());
        } finally {
            server.stop();
            console.close();
        }
    }
}
