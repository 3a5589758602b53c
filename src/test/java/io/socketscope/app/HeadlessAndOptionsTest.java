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
    void withNoDisplayTheWindowIsNotTriedButTheWordsSayWhatToDo() {
        org.junit.jupiter.api.Assertions.assertTrue(Main.noDisplay("Linux", null, null, null));
        org.junit.jupiter.api.Assertions.assertTrue(Main.noDisplay("Linux", " ", "", null));
        org.junit.jupiter.api.Assertions.assertFalse(Main.noDisplay("Linux", ":0", null, null));
        org.junit.jupiter.api.Assertions.assertFalse(Main.noDisplay("Linux", null, "wayland-0", null));
        org.junit.jupiter.api.Assertions.assertFalse(Main.noDisplay("Linux", null, null, "Monocle"));
        org.junit.jupiter.api.Assertions.assertFalse(Main.noDisplay("Mac OS X", null, null, null));
        org.junit.jupiter.api.Assertions.assertFalse(Main.noDisplay("Windows 11", null, null, null));
    }

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

    @Test
    void listenTakesSeveralPortsAndProtocols() throws Exception {
        Options o = Options.parse(List.of("--listen", "tcp:8080", "--listen", "udp:8080", "--listen", "tcp:9090"));
        assertEquals(List.of(io.socketscope.server.ListenSpec.tcp(8080), io.socketscope.server.ListenSpec.udp(8080),
                io.socketscope.server.ListenSpec.tcp(9090)), o.listens());
        assertEquals(List.of(io.socketscope.server.ListenSpec.tcp(9090)), Options.parse(List.of("--port", "9090")).listens());
        assertEquals("--listen ftp:21: \"ftp\" is not a protocol: write tcp:PORT or udp:PORT.",
                assertThrows(Options.OptionsException.class, () -> Options.parse(List.of("--listen", "ftp:21"))).getMessage());
        assertEquals("--listen udp:65536: Ports are 16-bit unsigned: 0–65535, so 65536 does not fit.",
                assertThrows(Options.OptionsException.class, () -> Options.parse(List.of("--listen", "udp:65536"))).getMessage());
        assertEquals("tcp:8080 is given twice: one program can open a port only once.",
                assertThrows(Options.OptionsException.class,
                        () -> Options.parse(List.of("--port", "8080", "--listen", "tcp:8080"))).getMessage());
    }

    @Test
    void headlessPrintsEachCloseReasonAndEachDatagram() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Options options = Options.parse(List.of("--headless", "--listen", "tcp:0", "--listen", "udp:0", "--bind", "local",
                "--banner-delay", "100", "--fin-linger", "200"));
        int tcpPort;
        try (HeadlessRunner runner = new HeadlessRunner(options, out)) {
            List<io.socketscope.server.PortListener> ports = runner.start();
            assertEquals(2, ports.size());
            int tcp = ports.get(0).port();
            tcpPort = tcp;
            int udp = ports.get(1).port();
            try (Socket c = Clients.connect(tcp)) {
                Clients.readLine(c);
                c.shutdownOutput();
                c.getInputStream().readAllBytes();
            }
            try (Socket c = Clients.connect(tcp)) {
                Clients.readLine(c);
                c.setSoLinger(true, 0);
            }
            try (java.net.DatagramSocket d = new java.net.DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"))) {
                d.setSoTimeout(5000);
                byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
                d.send(new java.net.DatagramPacket(ping, ping.length, java.net.InetAddress.getByName("127.0.0.1"), udp));
                d.receive(new java.net.DatagramPacket(new byte[512], 512));
            }
            long deadline = System.currentTimeMillis() + 5000;
            while (!(bytes.toString(StandardCharsets.UTF_8).contains("reset")
                    && bytes.toString(StandardCharsets.UTF_8).contains("DATAGRAM"))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("FIN") && text.contains("peer-half-closed: "), text);
        assertTrue(text.contains("CLOSE") && text.contains(" reset: "), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("DATAGRAM 127.0.0.1:") && l.contains("#1, 4 bytes") && l.contains("\"ping\"")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("STOP") && l.endsWith("stopped listening on TCP port " + tcpPort)),
                text);
        assertTrue(text.contains("stopped receiving on UDP port"), text);
    }

    @Test
    void versionIsTheProjectsAsMavenBuiltIt() throws Exception {
        assertTrue(Options.parse(List.of("--version")).version());
        assertTrue(Options.parse(List.of("-V")).version());
        assertTrue(!Options.parse(List.of("--port", "9")).version());
        // The pom's own <version>, read here from the pom, not from the code under test.
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<artifactId>socketscope</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the pom names its version");
        assertEquals(m.group(1), Version.current());
        assertTrue(Options.USAGE.contains("--version"));
    }
}
