package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the error that ended a socket becomes its close reason: EPIPE after the client's FIN is its close. */
class ClassifyTest {

    private final List<ServerEvent> emitted = new ArrayList<>();
    private final TcpConnection.Home home = new TcpConnection.Home() {
        @Override
        public long runId() {
            return 1;
        }

        @Override
        public void emit(ServerEvent event) {
            emitted.add(event);
        }

        @Override
        public void closing(TcpConnection c) {
        }

        @Override
        public void closed(TcpConnection c) {
        }

        @Override
        public String admitLive(String ip) {
            return null;
        }
    };

    private static final ServerConfig CONFIG = ServerConfig.of(0, BindMode.LOCAL).withFinLinger(Duration.ZERO);

    private TcpConnection connection(String clientSent) throws IOException {
        ConnectionRef ref = new ConnectionRef(7, new Endpoint(InetAddress.getLoopbackAddress(), 40000),
                new Endpoint(InetAddress.getLoopbackAddress(), 8080), Descriptor.os(9));
        TcpConnection c = new TcpConnection(SocketChannel.open(), ref, 0, home);
        c.handler = new ConnectionHandler(new ByteArrayInputStream(clientSent.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), ms -> { }, ref, CONFIG, () -> 1, c);
        return c;
    }

    @Test
    void aBrokenPipeAfterTheClientsFinIsItsCloseAndBeforeItIsAReset() throws Exception {
        Serving serving = new Serving(CONFIG, 0, home, () -> 1, () -> true, null);
        try {
            TcpConnection finished = connection("hello\n");
            // The client said hello and closed its side: the handler reads the line, then the end (FIN).
            assertEquals(CloseReason.PEER_HALF_CLOSED, finished.handler.serve());
            assertTrue(finished.handler.finSeen());
            assertEquals(CloseReason.PEER_CLOSED, serving.classify(new IOException("Broken pipe"), finished));

            TcpConnection fresh = connection("");
            assertEquals(CloseReason.RESET, serving.classify(new IOException("Broken pipe"), fresh));
            assertEquals(CloseReason.RESET, serving.classify(new IOException("Connection reset by peer"), fresh));
            assertEquals(0, emitted.stream().filter(e -> e instanceof ServerEvent.Failed).count());

            assertEquals(CloseReason.ERROR, serving.classify(new IOException("No route to host"), fresh));
            ServerEvent.Failed said = (ServerEvent.Failed) emitted.get(emitted.size() - 1);
            assertEquals("Connection failed: No route to host", said.message());
        } finally {
            serving.stop();
        }
    }
}
