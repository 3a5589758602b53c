package io.socketscope.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What iproute2's {@code ss} says about this machine's TCP connections: a tool of its own (it asks the kernel
 * over netlink), so tests compare the app's kernel states with it, never with the app's reading of /proc.
 */
public final class Ss {

    /** One connection: its local and peer address and port, and the timer {@code ss -o} shows (-1: none). */
    public record Row(String localIp, int localPort, String peerIp, int peerPort, long timerMillis) {
    }

    private static final Pattern TIMER = Pattern.compile("timer:\\(\\w+,([^,)]*)");

    private Ss() {
    }

    /** Whether {@code ss} can be run here. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("ss", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * The connections in {@code state} ({@code time-wait}, {@code close-wait}, {@code established}...) whose
     * {@code side} port ({@code sport}: local, {@code dport}: peer) is {@code port}:
     * {@code ss -tanHo state STATE sport = :PORT}.
     */
    public static List<Row> rows(String state, String side, int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ss", "-tanHo", "state", state, side, "=", ":" + port)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ss failed: " + out);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            // Recv-Q Send-Q Local Peer [timer:(...)]: with one state asked for, ss leaves the state column out.
            Matcher m = TIMER.matcher(line);
            rows.add(new Row(ip(f[2]), port(f[2]), ip(f[3]), port(f[3]), m.find() ? millis(m.group(1)) : -1));
        }
        return rows;
    }

    /** {@code [::ffff:127.0.0.1]:8080} -> {@code 127.0.0.1}; {@code [::1]:8080} -> {@code ::1}. */
    private static String ip(String endpoint) {
        String ip = endpoint.substring(0, endpoint.lastIndexOf(':'));
        if (ip.startsWith("[")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        return ip.startsWith("::ffff:") && ip.indexOf('.') > 0 ? ip.substring(7) : ip;
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    /** ss's timer: {@code 59sec}, {@code 1min}, {@code 1min2sec}, {@code 58.930ms} (58.93 s), {@code 930ms}. */
    static long millis(String text) {
        Matcher m = Pattern.compile("(?:(\\d+)min)?(?:(\\d+)sec)?(?:(\\d+)\\.(\\d+)ms)?(?:(\\d+)ms)?").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ss timer: " + text);
        }
        long ms = 0;
        ms += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 60_000;
        ms += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 1000;
        ms += m.group(3) == null ? 0 : Long.parseLong(m.group(3)) * 1000 + Long.parseLong(m.group(4));
        ms += m.group(5) == null ? 0 : Long.parseLong(m.group(5));
        return ms;
    }
}
