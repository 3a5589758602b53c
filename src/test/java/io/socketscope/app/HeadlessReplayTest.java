package io.socketscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --headless --record} on a real loopback session (a kept-alive page, a text client with its echo,
 * a reset, a UDP peer), then {@code --headless --replay --speed max}: the replay prints the event lines the
 * live run printed, line for line. Bad files end with exit code 2 and one line, no stack trace.
 */
class HeadlessReplayTest {

    @TempDir
    Path dir;

    @Test
    void theReplayPrintsTheLiveLinesLineForLine() throws Exception {
        Path file = dir.resolve("class.jsonl");
        List<String> live;
        try (ChildApp app = ChildApp.start(0, "--listen", "tcp:0", "--listen", "udp:0", "--bind", "local",
                "--banner-delay", "100", "--record", file.toString())) {
            int tcp = app.port();
            Matcher m = Pattern.compile("# UDP port (\\d+)").matcher(app.waitForLine("# UDP port"));
            assertTrue(m.find());
            int udp = Integer.parseInt(m.group(1));
            InetAddress lo = InetAddress.getByName("127.0.0.1");
            try (Socket page = new Socket(lo, tcp)) {
                page.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /socket.json HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                app.waitForLine("/socket.json");
            }
            try (Socket text = new Socket(lo, tcp)) {
                text.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                text.setSoTimeout(5000);
                InputStream in = text.getInputStream();
                assertTrue(in.read(new byte[256]) > 0);
                app.waitForLine("hello");
            }
            Socket reset = new Socket(lo, tcp);
            app.waitForLine(":" + reset.getLocalPort() + " ");
            reset.setSoLinger(true, 0);
            reset.close();
            app.waitForLine("reset");
            try (DatagramSocket peer = new DatagramSocket(0, lo)) {
                byte[] hi = "hi udp".getBytes(StandardCharsets.US_ASCII);
                peer.send(new DatagramPacket(hi, hi.length, lo, udp));
                app.waitForLine("DATAGRAM");
            }
            live = events(app.lines());
            app.stop();
        }
        assertTrue(live.size() >= 10, "a session of some length: " + live);

        try (ChildApp replay = ChildApp.start(0, "--replay", file.toString(), "--speed", "max")) {
            assertTrue(replay.exited(30, TimeUnit.SECONDS));
            assertEquals(0, replay.exitCode(), replay.lines().toString());
            List<String> replayed = events(replay.lines());
            // Line for line what the live run had printed; then the lines of its shutdown (SIGTERM: the ports
            // stop and the STOP lines are printed and recorded as the JVM exits).
            assertEquals(live, replayed.subList(0, live.size()));
            assertTrue(replayed.subList(live.size(), replayed.size()).stream().anyMatch(l -> l.contains("STOP")),
                    replayed.toString());
        }
    }

    @Test
    void aBadSessionFileEndsWithExitTwoAndOneLineNamingIt() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"format\":\"socketscope-session\",\"version\":1,\"started\":\"2026-12-01T10:00:00Z\"}\n"
                + "not json\n");
        try (ChildApp replay = ChildApp.start(0, "--replay", bad.toString())) {
            assertTrue(replay.exited(30, TimeUnit.SECONDS));
            assertEquals(2, replay.exitCode());
            assertEquals(List.of("socketscope: cannot replay " + bad + " line 2: not JSON (Unrecognized token 'not':"
                    + " was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))"),
                    replay.lines());
        }
        try (ChildApp replay = ChildApp.start(0, "--replay", dir.resolve("none.jsonl").toString())) {
            assertTrue(replay.exited(30, TimeUnit.SECONDS));
            assertEquals(2, replay.exitCode());
            assertEquals(List.of("socketscope: cannot replay " + dir.resolve("none.jsonl") + ": no such file"),
                    replay.lines());
        }
    }

    /** The event lines (the "#" lines are notes for a person, not events). */
    private static List<String> events(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("#")).toList();
    }
}
