package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** poll(2) on real loopback sockets: each thing a new client can have done, told apart without a read. */
class ReadinessTest {

    private static Readiness.State settled(SocketChannel accepted, Readiness.State expected) throws Exception {
        Readiness.State state = Readiness.check(accepted);
        for (int i = 0; i < 100 && state != expected; i++) {
            Thread.sleep(10); // loopback delivers at once, but give the kernel a moment anyway
            state = Readiness.check(accepted);
        }
        return state;
    }

    @Test
    void quietReadableEndedAndResetAreToldApart() throws Exception {
        assertTrue(Readiness.available(), "the tests run with --add-opens java.base/sun.nio.ch (see the pom)");
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            try (Socket quiet = new Socket(InetAddress.getLoopbackAddress(), port); SocketChannel a = server.accept()) {
                assertEquals(Readiness.State.QUIET, Readiness.check(a));
                quiet.getOutputStream().write('x');
                assertEquals(Readiness.State.READABLE, settled(a, Readiness.State.READABLE), "a byte arrived");
                assertTrue(Readiness.hasBytes(a));
            }
            try (Socket ended = new Socket(InetAddress.getLoopbackAddress(), port); SocketChannel a = server.accept()) {
                ended.shutdownOutput();
                assertEquals(Readiness.State.READABLE, settled(a, Readiness.State.READABLE), "the FIN is readable");
            }
            Socket reset = new Socket(InetAddress.getLoopbackAddress(), port);
            try (SocketChannel a = server.accept()) {
                reset.setSoLinger(true, 0);
                reset.close();
                assertEquals(Readiness.State.ERROR, settled(a, Readiness.State.ERROR), "the reset is an error");
                assertTrue(!Readiness.hasBytes(a), "nothing was sent before it");
                assertTrue(a.isBlocking(), "asking did not change the socket's mode");
            }
            Socket spokeThenReset = new Socket(InetAddress.getLoopbackAddress(), port);
            try (SocketChannel a = server.accept()) {
                a.configureBlocking(false);
                spokeThenReset.getOutputStream().write("GET /".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                spokeThenReset.setSoLinger(true, 0);
                spokeThenReset.close();
                assertEquals(Readiness.State.ERROR, settled(a, Readiness.State.ERROR));
                assertTrue(Readiness.hasBytes(a), "the bytes sent before the reset are still there to serve");
            }
        }
    }
}
