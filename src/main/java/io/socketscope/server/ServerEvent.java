package io.socketscope.server;

import java.time.Instant;
import java.util.List;

/**
 * What the server reports, as small immutable records. Each carries the id of the listener run that
 * produced it, so that a consumer can drop events of a run that has already been stopped.
 */
public sealed interface ServerEvent {

    long runId();

    Instant time();

    /** The port is bound: listening (TCP) or receiving (UDP). */
    record Listening(long runId, Instant time, Protocol protocol, BindMode bind, int port,
                     List<ListeningSocket> sockets) implements ServerEvent {
        public Listening {
            sockets = List.copyOf(sockets);
        }

        /** A TCP port. */
        public Listening(long runId, Instant time, BindMode bind, int port, List<ListeningSocket> sockets) {
            this(runId, time, Protocol.TCP, bind, port, sockets);
        }

        public ListenSpec spec() {
            return new ListenSpec(protocol, port);
        }
    }

    /**
     * {@code accept()} returned a new connection; {@code acceptedAtNanos} is {@link System#nanoTime()} when
     * it returned, so that the time from accept to screen can be measured.
     */
    record Accepted(long runId, Instant time, ConnectionRef connection, long acceptedAtNanos) implements ServerEvent {
        public Accepted(long runId, Instant time, ConnectionRef connection) {
            this(runId, time, connection, System.nanoTime());
        }
    }

    /**
     * The client sent something and was answered: an HTTP request line with its status and User-Agent
     * (empty if none), or a text line that was echoed ({@code status} 0). {@code traffic} is the socket's
     * byte count after the answer; {@code role} says when the answer made the socket the phone page's live
     * view or a held connection (its answer then stays open).
     */
    record Request(long runId, Instant time, ConnectionRef connection, String line, int status, String userAgent,
                   Traffic traffic, SocketRole role) implements ServerEvent {
        public Request {
            userAgent = userAgent == null ? "" : userAgent;
            traffic = traffic == null ? Traffic.NONE : traffic;
            role = role == null ? SocketRole.NONE : role;
        }

        public Request(long runId, Instant time, ConnectionRef connection, String line, int status, String userAgent,
                       Traffic traffic) {
            this(runId, time, connection, line, status, userAgent, traffic, SocketRole.NONE);
        }

        public Request(long runId, Instant time, ConnectionRef connection, String line, int status, String userAgent) {
            this(runId, time, connection, line, status, userAgent, Traffic.NONE);
        }

        public boolean isHttp() {
            return status != 0;
        }
    }

    /**
     * A client that is not HTTP (it stayed silent for the banner delay, or its first line was not a request)
     * was greeted with the one-line banner; from now on its lines are echoed. {@code silent}: it had said
     * nothing. {@code traffic} counts the banner.
     */
    record Greeted(long runId, Instant time, ConnectionRef connection, boolean silent, Traffic traffic)
            implements ServerEvent {
    }

    /** The client shut its sending side (FIN received): the socket is half-closed, the server may still send. */
    record HalfClosed(long runId, Instant time, ConnectionRef connection, Traffic traffic) implements ServerEvent {
    }

    /** A connection closed (or a UDP flow ended); exactly one per {@link Accepted}, with the final byte count. */
    record Closed(long runId, Instant time, ConnectionRef connection, CloseReason reason, Traffic traffic)
            implements ServerEvent {
        public Closed {
            traffic = traffic == null ? Traffic.NONE : traffic;
        }

        public Closed(long runId, Instant time, ConnectionRef connection, CloseReason reason) {
            this(runId, time, connection, reason, Traffic.NONE);
        }
    }

    /**
     * A UDP datagram arrived on the port's one socket and was answered. {@code flow} names the peer (its
     * first datagram opens the flow); {@code number} counts the peer's datagrams, {@code traffic} its bytes.
     */
    record Datagram(long runId, Instant time, ConnectionRef flow, int size, String preview, long number,
                    Traffic traffic, String unanswered) implements ServerEvent {

        /** A datagram that was answered. */
        public Datagram(long runId, Instant time, ConnectionRef flow, int size, String preview, long number,
                        Traffic traffic) {
            this(runId, time, flow, size, preview, number, traffic, "");
        }

        /** Whether a reply went back; when not, {@link #unanswered} says why (a limit, a privileged port). */
        public boolean answered() {
            return unanswered.isEmpty();
        }
    }

    /**
     * The kernel's state of one of the port's connections changed (read from the kernel's own table, see
     * {@link KernelWatch}): {@code fdOpen} says whether the server still holds its descriptor (if not, the
     * kernel keeps the connection after its fd, as a TIME_WAIT does), {@code remainingMillis} how long the
     * kernel's timer gives it (TIME_WAIT; -1 when there is none). {@link TcpState#GONE}: the kernel dropped it.
     */
    record KernelState(long runId, Instant time, ConnectionRef connection, TcpState state, long remainingMillis,
                       boolean fdOpen) implements ServerEvent {
    }

    /** Something went wrong; {@code connection} is null when it concerns the listener itself. */
    record Failed(long runId, Instant time, ConnectionRef connection, String message) implements ServerEvent {
    }

    /** The port is closed and every socket (or flow) of the run has had its {@link Closed}. */
    record Stopped(long runId, Instant time, Protocol protocol, int port) implements ServerEvent {
        public Stopped(long runId, Instant time, int port) {
            this(runId, time, Protocol.TCP, port);
        }
    }
}
