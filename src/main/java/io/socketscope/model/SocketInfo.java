package io.socketscope.model;

import io.socketscope.server.CloseReason;
import io.socketscope.server.ConnectionRef;
import io.socketscope.server.Protocol;
import io.socketscope.server.TcpState;
import io.socketscope.server.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the model knows of one socket (or UDP flow), open or closed: keyed by the connection's own id,
 * never by descriptor. Immutable; each event makes a new one.
 *
 * @param runId        the listener run the socket belongs to
 * @param requests     requests answered (TCP) or datagrams received (UDP)
 * @param requestLines the latest request lines or datagram previews, oldest first (at most {@link #KEPT_LINES})
 * @param closeReason  null while open
 * @param closedAt     null while open
 * @param lastSeen     when the client last sent something
 * @param kernel       the connection's state as the kernel last said it (null: not read, or not on this system)
 */
public record SocketInfo(ConnectionRef connection, long runId, Instant openedAt, int requests, String userAgent,
                         List<String> requestLines, Traffic traffic, SocketState state, CloseReason closeReason,
                         Instant closedAt, Instant lastSeen, TcpState kernel) {

    /** How many request lines a socket keeps for its details. */
    public static final int KEPT_LINES = 20;

    public SocketInfo {
        requestLines = List.copyOf(requestLines);
    }

    static SocketInfo opened(ConnectionRef connection, long runId, Instant at) {
        return new SocketInfo(connection, runId, at, 0, "", List.of(), Traffic.NONE,
                connection.isTcp() ? SocketState.OPEN : SocketState.FLOW, null, null, at, null);
    }

    public long id() {
        return connection.id();
    }

    public Protocol protocol() {
        return connection.protocol();
    }

    /** The client host this socket comes from: its IP as people write it. */
    public String host() {
        return connection.client().ip();
    }

    /** {@code 192.168.1.251:53422 · fd 57}: the edge label. */
    public String label() {
        return connection.client() + " · " + connection.descriptor().label();
    }

    /** The guess from the last User-Agent this socket sent. */
    public DeviceKind device() {
        return DeviceKind.fromUserAgent(userAgent);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** How long it has been (or was) open. */
    public Duration age(Instant now) {
        return Duration.between(openedAt, closedAt != null ? closedAt : now);
    }

    /**
     * The short form for a tooltip: {@code TCP 127.0.0.1:5555 → 127.0.0.1:8080 · fd 57 · open 12 s · 3 requests
     * · 120 B in, 4.2 kB out}.
     */
    public String summary(Instant now) {
        String noun = protocol() == Protocol.TCP ? "request" : "datagram";
        return protocol() + " " + connection.client() + " → " + connection.server() + " · "
                + connection.descriptor().label() + "\n" + shortState() + " " + Sizes.duration(age(now)) + " · "
                + ScopeModel.plural(requests, noun) + " · " + Sizes.bytes(traffic.received()) + " in, "
                + Sizes.bytes(traffic.sent()) + " out"
                + (kernel == null || !isOpen() ? "" : "\nkernel: " + kernel + (kernel == TcpState.ESTABLISHED ? ""
                : " (" + kernel.words() + ")"));
    }

    private String shortState() {
        return switch (state) {
            case OPEN -> "open";
            case LIVE_VIEW -> "open (the phone page's live view)";
            case HELD -> "open (held by the phone page)";
            case HALF_CLOSED -> "half-closed (FIN received),";
            case RESET -> "reset after";
            case CLOSED_BY_SERVER -> "closed by the server after";
            case CLOSED_BY_PEER -> "closed by the client after";
            case ERROR -> "ended by an error after";
            case FLOW -> "datagrams for";
            case FLOW_ENDED -> "quiet after";
        };
    }

    SocketInfo withRequest(String line, String agent, Traffic now, Instant at) {
        List<String> lines = new ArrayList<>(requestLines);
        lines.add(line);
        if (lines.size() > KEPT_LINES) {
            lines.remove(0);
        }
        return new SocketInfo(connection, runId, openedAt, requests + 1, agent.isEmpty() ? userAgent : agent, lines,
                newer(now), state, closeReason, closedAt, at, kernel);
    }

    /** The answer made it the phone page's live view or a held connection. */
    SocketInfo as(SocketState role) {
        return new SocketInfo(connection, runId, openedAt, requests, userAgent, requestLines, traffic, role, closeReason,
                closedAt, lastSeen, kernel);
    }

    /** Bytes moved without a request (a banner): counts only. */
    SocketInfo withTraffic(Traffic now) {
        return new SocketInfo(connection, runId, openedAt, requests, userAgent, requestLines, newer(now), state,
                closeReason, closedAt, lastSeen, kernel);
    }

    SocketInfo halfClosed(Traffic now) {
        return new SocketInfo(connection, runId, openedAt, requests, userAgent, requestLines, newer(now),
                SocketState.HALF_CLOSED, closeReason, closedAt, lastSeen, kernel);
    }

    SocketInfo closed(CloseReason reason, Instant at, Traffic last) {
        return new SocketInfo(connection, runId, openedAt, requests, userAgent, requestLines, newer(last),
                SocketState.after(reason), reason, at, lastSeen, kernel);
    }

    /** The kernel said its state. */
    SocketInfo withKernel(TcpState now) {
        return new SocketInfo(connection, runId, openedAt, requests, userAgent, requestLines, traffic, state,
                closeReason, closedAt, lastSeen, now);
    }

    /**
     * The kernel's state and what it means, for the details: {@code CLOSE_WAIT: the client closed its side
     * (FIN received); ...}; empty when the kernel was not read.
     */
    public String kernelWords() {
        return kernel == null ? "" : kernel + ": " + kernel.words();
    }

    /** Counts only grow: a late snapshot never makes them smaller. */
    private Traffic newer(Traffic t) {
        return t.received() + t.sent() >= traffic.received() + traffic.sent() ? t : traffic;
    }
}
