package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A listener that takes its time holds up only the thread that called it: no server lock is held while a
 * listener runs, so other sockets are still accepted, served and closed meanwhile, and each socket's own
 * events still come in order (ACCEPT before CLOSE, every CLOSE before STOP).
 */
class SlowListenerTest {

    private static final ServerConfig CONFIG = ServerConfig.of(0, BindMode.LOCAL)
            .withBannerDelay(Duration.ofMillis(100)).withFinLinger(Duration.ZERO);

    @Test
    void aListenerStuckOnOneSocketsAcceptHoldsUpNoOtherSocket() throws Exception {
        EventRecorder events = new EventRecorder();
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int[] stuckOnPort = {-1};
        ServerListener slow = event -> {
            if (event instanceof ServerEvent.Accepted a && stuck.getCount() > 0) {
                stuckOnPort[0] = a.connection().client().port();
                stuck.countDown();
                try {
                    // Stuck until the other socket has lived its whole life (or 20 s).
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events.onEvent(event);
        };
        SocketServer server = SocketServer.start(CONFIG, slow, DescriptorLookup.forThisSystem());
        try (Socket first = Clients.connect(server.port())) {
            assertTrue(stuck.await(10, TimeUnit.SECONDS), "the listener got the first ACCEPT");
            try (Socket second = Clients.connect(server.port())) {
                // Served from start to end while the listener is still stuck on the first socket's ACCEPT.
                Clients.Response r = Clients.get(second, "/", "Connection: close");
                assertEquals(200, r.status());
                ServerEvent.Closed closed = (ServerEvent.Closed) events.awaitMatch(e -> e instanceof ServerEvent.Closed c
                        && c.connection().client().port() == second.getLocalPort());
                assertEquals(CloseReason.RESPONSE_DONE, closed.reason());
                assertEquals(1, release.getCount(), "all of it while the listener was stuck");
            }
            release.countDown();
            events.awaitMatch(e -> e instanceof ServerEvent.Accepted a && a.connection().client().port() == stuckOnPort[0]);
            // Stop while the first socket is open: its CLOSE comes after its ACCEPT, and STOP after every CLOSE.
            server.stop();
            List<ServerEvent> all = events.all();
            int acceptAt = -1;
            int closeAt = -1;
            int stopAt = -1;
            for (int i = 0; i < all.size(); i++) {
                ServerEvent e = all.get(i);
                if (e instanceof ServerEvent.Accepted a && a.connection().client().port() == stuckOnPort[0]) {
                    acceptAt = i;
                } else if (e instanceof ServerEvent.Closed c && c.connection().client().port() == stuckOnPort[0]) {
                    closeAt = i;
                    assertEquals(CloseReason.SERVER_STOP, c.reason());
                } else if (e instanceof ServerEvent.Stopped) {
                    stopAt = i;
                }
            }
            assertTrue(acceptAt >= 0 && acceptAt < closeAt && closeAt < stopAt, "ACCEPT, CLOSE, STOP: " + all);
            first.getInputStream().readAllBytes(); // its greeting, if it came, then the end: the server closed it
        } finally {
            release.countDown();
            server.stop();
        }
    }
}
