package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a new socket is taken: looked at once without waiting, then served by a thread of its own only when
 * it speaks (or stays silent past the banner delay). Real loopback clients.
 */
class WaitingRoomTest {

    private final ServerFixture fixture = new ServerFixture();
    private final EventRecorder events = fixture.events;

    @AfterEach
    void tearDown() throws IOException {
        fixture.close();
    }

    private static ServerConfig patient() {
        return ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofSeconds(30));
    }

    @Test
    void clientsThatCloseOrResetBeforeSpeakingEndWithoutAServingThread() throws Exception {
        SocketServer server = fixture.start(patient());
        Map<Integer, CloseReason> expected = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
            boolean reset = i % 2 == 0;
            if (reset) {
                s.setSoLinger(true, 0);
            }
            expected.put(s.getLocalPort(), reset ? CloseReason.RESET : CloseReason.PEER_CLOSED);
            s.close();
        }
        List<ServerEvent.Closed> closed = events.await(ServerEvent.Closed.class, 200);
        Map<Integer, CloseReason> seen = new HashMap<>();
        for (ServerEvent.Closed c : closed) {
            seen.put(c.connection().client().port(), c.reason());
        }
        assertEquals(expected, seen, "each socket's end, as its client made it");
        assertEquals(200, events.of(ServerEvent.Accepted.class).size());
        assertEquals(0, server.openSockets());
        assertEquals(0, server.servingTurns(), "no socket that never spoke was handed to a serving thread");
    }

    @Test
    void aRequestSplitAcrossTheFirstLookIsServedWithEveryByteCounted() throws Exception {
        SocketServer server = fixture.start(patient());
        Socket c = fixture.client(server.port());
        OutputStream out = c.getOutputStream();
        byte[] first = "GE".getBytes(StandardCharsets.US_ASCII);
        byte[] rest = "T /socket.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        out.write(first);
        out.flush();
        Thread.sleep(150); // the server has looked and found "GE" (or nothing): either way it must wait for more
        out.write(rest);
        out.flush();
        Clients.Response response = Clients.readResponse(c);
        assertEquals(200, response.status());
        assertTrue(response.body().contains("\"port\":" + c.getLocalPort() + "}"),
                "the answer names this socket's client port: " + response.body());
        ServerEvent.Closed closed = events.await(ServerEvent.Closed.class, 1).get(0);
        assertEquals(first.length + rest.length, closed.traffic().received(), "every byte counted once");
        assertEquals("GET /socket.json HTTP/1.1", events.of(ServerEvent.Request.class).get(0).line());
    }

    @Test
    void aSilentClientIsGreetedAfterTheBannerDelayAndNotBefore() throws Exception {
        SocketServer server = fixture.start(ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ofMillis(400)));
        Socket c = fixture.client(server.port());
        long t0 = System.nanoTime();
        String banner = Clients.readLine(c);
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(banner.startsWith("SocketScope"), banner);
        assertTrue(waited >= 300, "greeted after the delay, not before: " + waited + " ms");
        Clients.send(c, "hello\r\n");
        assertEquals("hello", Clients.readLine(c), "echoed by its serving thread");
    }

    @Test
    void aBannerDelayOfZeroGreetsAtOnce() throws Exception {
        SocketServer server = fixture.start(ServerConfig.of(0, BindMode.LOCAL).withBannerDelay(Duration.ZERO));
        Socket c = fixture.client(server.port());
        c.setSoTimeout(5000);
        assertTrue(Clients.readLine(c).startsWith("SocketScope"), "zero means now, not never");
    }

    @Test
    void closingAWaitingSocketEndsItAtOnce() throws Exception {
        SocketServer server = fixture.start(patient());
        Socket c = fixture.client(server.port());
        ConnectionRef ref = events.await(ServerEvent.Accepted.class, 1).get(0).connection();
        assertTrue(server.closeSocket(ref.id()));
        c.setSoTimeout(5000);
        InputStream in = c.getInputStream();
        long t0 = System.nanoTime();
        int read;
        try {
            read = in.read();
        } catch (IOException reset) {
            read = -1;
        }
        assertEquals(-1, read, "the client sees its socket end");
        assertTrue(System.nanoTime() - t0 < 15_000_000_000L, "long before the 30 s banner delay");
        ServerEvent.Closed closed = events.await(ServerEvent.Closed.class, 1).get(0);
        assertEquals(CloseReason.USER_CLOSE, closed.reason());
        assertEquals(0, server.openSockets());
    }

    @Test
    void stopWithSocketsWaitingClosesThemAndFreesThePortAtOnce() throws Exception {
        SocketServer server = fixture.start(patient());
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            silent.add(fixture.client(server.port()));
        }
        events.await(ServerEvent.Accepted.class, 5);
        server.stop();
        for (Socket s : silent) {
            s.setSoTimeout(5000);
            int read;
            try {
                read = s.getInputStream().read();
            } catch (IOException reset) {
                read = -1;
            }
            assertEquals(-1, read);
        }
        assertEquals(5, events.of(ServerEvent.Closed.class).stream()
                .filter(c -> c.reason() == CloseReason.SERVER_STOP).count());
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            assertEquals(server.port(), again.getLocalPort(), "the port is free as soon as stop() returns");
        }
    }

    /**
     * The same port stopped and bound again at once, 200 times, each time with a silent socket waiting and
     * one being served: stop() returns only when the port is really free (it used to return while an
     * acceptor was still inside accept(), and the JDK kept the port until that thread left).
     */
    @Test
    void stopThenStartOnTheSamePortTwoHundredTimesNeverFindsItInUse() throws Exception {
        SocketServer first = SocketServer.start(patient(), events, DescriptorLookup.forThisSystem());
        int port = first.port();
        first.stop();
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            SocketServer server;
            try {
                server = SocketServer.start(patient().withPort(port, BindMode.LOCAL), events,
                        DescriptorLookup.forThisSystem());
            } catch (BindFailure e) {
                failures++;
                continue;
            }
            try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port);
                 Socket speaking = new Socket(InetAddress.getLoopbackAddress(), port)) {
                speaking.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                server.stop();
            }
        }
        assertEquals(0, failures, "binds that found the port still in use right after stop()");
    }
}
