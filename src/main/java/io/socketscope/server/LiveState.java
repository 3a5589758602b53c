package io.socketscope.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;

/**
 * The words of the live page's stream, as Server-Sent Events: a {@code state} event with what one phone
 * sees (the port's open sockets and devices, the phone's own sockets with their descriptors, what just
 * happened), a {@code bye} when the port stops, and a comment that keeps a quiet stream alive. Made on the
 * live hub's thread, never on a server thread.
 */
final class LiveState {

    /** A phone's own sockets listed at most; more are counted. */
    static final int MINE_LISTED = 50;
    /** What just happened, newest first, at most. */
    static final int RECENT = 5;

    /** The port-wide part of one update: the same for every phone. */
    record Port(int port, int open, int devices, String recentJson) {
    }

    private LiveState() {
    }

    /** One happening in words: {@code 127.0.1.7 opened fd 41}; null for events a page does not show. */
    static String happening(ServerEvent event) {
        if (event instanceof ServerEvent.Accepted e) {
            return e.connection().client().ip() + " opened " + e.connection().descriptor().label();
        }
        if (event instanceof ServerEvent.Closed e) {
            return e.connection().client().ip() + "'s " + e.connection().descriptor().label() + " closed ("
                    + e.reason().code() + ")";
        }
        if (event instanceof ServerEvent.Request e && e.role() != SocketRole.NONE) {
            return e.connection().client().ip() + (e.role() == SocketRole.LIVE_VIEW ? " watches live on "
                    : " holds ") + e.connection().descriptor().label();
        }
        return null;
    }

    /** The JSON array of the newest happenings, newest first. */
    static String recentJson(ArrayDeque<String> recent) {
        StringBuilder out = new StringBuilder(64 * recent.size() + 2).append('[');
        boolean first = true;
        for (var it = recent.descendingIterator(); it.hasNext(); ) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(TextEscapes.json(it.next()));
        }
        return out.append(']').toString();
    }

    /**
     * The part of an update shared by every stream of one client address: that address and its sockets,
     * oldest first (at most {@value #MINE_LISTED} listed).
     */
    static String client(String ip, List<TcpConnection> mine) {
        mine.sort(Comparator.comparingLong(c -> c.ref.id()));
        StringBuilder out = new StringBuilder(80 + 90 * Math.min(mine.size(), MINE_LISTED))
                .append("\"you\":").append(TextEscapes.json(ip))
                .append(",\"mineCount\":").append(mine.size())
                .append(",\"mine\":[");
        for (int i = 0; i < mine.size() && i < MINE_LISTED; i++) {
            TcpConnection c = mine.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"fd\":").append(TextEscapes.json(c.ref.descriptor().label()))
                    .append(",\"port\":").append(c.ref.client().port())
                    .append(",\"role\":").append(TextEscapes.json(c.role.shortWords()))
                    .append(",\"state\":\"").append(c.finSeen() ? "half-closed" : "open").append("\"}");
        }
        return out.append(']').toString();
    }

    /** One {@code state} event for the stream on {@code self}, sequence number {@code id}. */
    static byte[] update(long id, TcpConnection self, String client, Port port, LiveLimits limits) {
        String text = "id: " + id + "\nevent: state\ndata: {\"self\":{\"fd\":"
                + TextEscapes.json(self.ref.descriptor().label()) + ",\"port\":" + self.ref.client().port() + "},"
                + client + ",\"port\":" + port.port() + ",\"open\":" + port.open() + ",\"devices\":" + port.devices()
                + ",\"recent\":" + port.recentJson() + ",\"perClient\":" + limits.perClient()
                + ",\"holdSeconds\":" + limits.holdFor().toSeconds() + "}\n\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What a stream hears when the port stops; the page then stops reconnecting. */
    static byte[] bye(int port) {
        return ("event: bye\ndata: {\"port\":" + port + ",\"text\":\"SocketScope stopped listening on port " + port
                + ": every socket on it, this live view too, is closed.\"}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line: nothing for the page, bytes that show the stream is alive. */
    static final byte[] HEARTBEAT = ": still here\n\n".getBytes(StandardCharsets.US_ASCII);
}
