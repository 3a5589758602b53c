package io.socketscope.model;

import io.socketscope.server.TextEscapes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line of the event log, with every client-controlled string already made safe to show (control
 * characters escaped). The same entry feeds the window's table, the console and headless output.
 * {@code socketId} names the socket it concerns (-1 for none), so that a click on it can show that socket.
 */
public record LogEntry(Instant time, Kind kind, String client, String descriptor, String detail, long socketId) {

    /**
     * What happened. GREET: a client that is not HTTP got the banner; FIN: the client shut its sending side;
     * DATAGRAM: a UDP datagram arrived; TIMEWAIT: the kernel keeps a connection whose fd the server closed;
     * KERNEL: another change of a connection's state in the kernel (CLOSE_WAIT, FIN_WAIT2, dropped).
     */
    public enum Kind { LISTEN, ACCEPT, GREET, REQUEST, LIVE, HELD, FIN, DATAGRAM, CLOSE, TIMEWAIT, KERNEL, ERROR, STOP }

    /** An entry that concerns no one socket. */
    public LogEntry(Instant time, Kind kind, String client, String descriptor, String detail) {
        this(time, kind, client, descriptor, detail, -1);
    }

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    public LogEntry {
        client = TextEscapes.controls(client);
        descriptor = TextEscapes.controls(descriptor);
        detail = TextEscapes.controls(detail);
    }

    /** The last second stamped, with its text: a storm's lines fall in few seconds, each formatted once. */
    private record Stamp(long second, String text) {
    }

    private static volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, "");

    /** {@code 25/Nov/2026 17:55:58}, formatted once per second of time stamped (any thread). */
    static String stamp(Instant time) {
        Stamp last = lastStamp;
        long second = time.getEpochSecond();
        if (last.second() != second) {
            last = new Stamp(second, STAMP.format(time));
            lastStamp = last;
        }
        return last.text();
    }

    /** The time of day for the table: {@code 17:55:58.123}. */
    public String clock() {
        return CLOCK.format(time);
    }

    /**
     * One console line in the spirit of Python's SimpleHTTPServer:
     * {@code [25/Nov/2026 17:55:58] REQUEST 127.0.0.1:53422 fd 57 "GET / HTTP/1.1" 200}.
     */
    public String line() {
        String name = kind.name();
        StringBuilder out = new StringBuilder(128).append('[').append(stamp(time)).append("] ").append(name);
        for (int pad = name.length(); pad < 7; pad++) {
            out.append(' ');
        }
        for (String part : new String[] {client, descriptor, detail}) {
            if (!part.isEmpty()) {
                out.append(' ').append(part);
            }
        }
        return out.toString();
    }
}
