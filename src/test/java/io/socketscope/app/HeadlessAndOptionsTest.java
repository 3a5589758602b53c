package io.socketscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.SocketServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlessAndOptionsTest {

    @Test
    void optionsParse() throws Exception {
        Options o = Options.parse(List.of("--port", "9090", "--bind", "local", "--start", "--idle-timeout", "5"));
        assertEquals(9090, o.port());
        assertEquals(BindMode.LOCAL, o.bind());
        assertTrue(o.start());
        assertEquals(Duration.ofSeconds(5), o.idleTimeout());
        Options limits = Options.parse(List.of("--header-timeout", "3", "--max-sockets", "50", "--banner-delay", "0"));
        assertEquals(Duration.ofSeconds(3), limits.serverConfig().headerDeadline());
        assertEquals(50, limits.serverConfig().maxSockets());
        assertEquals(Duration.ZERO, limits.serverConfig().bannerDelay());
        Options h = Options.parse(List.of("--headless"));
        assertTrue(h.headless() && h.start(), "headless implies start");
        assertEquals(8080, h.port());
    }

    @Test
    void badOptionsAreExplained() {
        assertEquals("--port: Ports are 16-bit unsigned: 0–65535, so 65536 does not fit.",
                assertThrows(Options.OptionsException.class, () -> Options.parse(List.of("--port", "65536"))).getMessage());
        assertEquals("--bind takes \"all\" (every interface) or \"local\" (this computer only).",
                assertThrows(Options.OptionsException.class, () -> Options.parse(List.of("--bind", "lan"))).getMessage());
        assertEquals("--port needs a value.",
                assertThrows(Options.OptionsException.class, () -> Options.parse(List.of("--port"))).getMessage());
        assertEquals("--max-sockets takes a whole number from 1 to 1000000, not 0.",
                assertThrows(Options.OptionsException.class, () -> Options.parse(List.of("--max-sockets", "0"))).getMessage());
        assertEquals("Unknown option \"--fast\". Try --help.",
                assertThrows(Options.OptionsException.class, () -> Options.parse(List.of("--fast"))).getMessage());
    }

    @Test
    void headlessModePrintsOneLinePerEvent() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Options options = Options.parse(List.of("--headless", "--port", "0", "--bind", "local"));
        int clientPort;
        try (HeadlessRunner runner = new HeadlessRunner(options, out)) {
            io.socketscope.server.PortListener server = runner.start().get(0);
            try (Socket c = Clients.connect(server.port())) {
                clientPort = c.getLocalPort();
                assertEquals(200, Clients.get(c, "/").status());
            }
            long deadline = System.currentTimeMillis() + 5000;
            while (!bytes.toString(StandardCharsets.UTF_8).contains("CLOSE") && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String client = "127.0.0.1:" + clientPort;
        assertTrue(lines.get(0).contains("LISTEN  127.0.0.1:"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("ACCEPT  " + client + " fd ")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("REQUEST " + client) && l.endsWith("\"GET / HTTP/1.1\" 200")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("CLOSE   " + client) && l.contains("peer-closed")));
        assertTrue(lines.get(lines.size() - 1).contains("STOP"), "closing the runner stops the server");
    }
}
