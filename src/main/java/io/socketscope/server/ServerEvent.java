package io.socketscope.server;

import java.time.Instant;
import java.util.List;

/**
 * What the server reports, as small immutable records. Each carries the id of the server run that
 * produced it, so that a consumer can drop events of a run that has already been stopped.
 */
public sealed interface ServerEvent {

    long runId();

    Instant time();

    /** The port is bound and listening. */
    record Listening(long runId, Instant time, BindMode bind, int port, List<ListeningSocket> sockets)
            implements ServerEvent {
        public Listening {
            sockets = List.copyOf(sockets);
        }
    }

    /** {@code accept()} returned a new connection. */
    record Accepted(long runId, Instant time, ConnectionRef connection) implements ServerEvent {
    }

    /**
     * The client sent something and was answered: an HTTP request line with its status and User-Agent
     * (empty if none), or a text line that was echoed ({@code status} 0).
     */
    record Request(long runId, Instant time, ConnectionRef connection, String line, int status, String userAgent)
            implements ServerEvent {
        public Request {
            userAgent = userAgent == null ? "" : userAgent;
        }

        public boolean isHttp() {
            return status != 0;
        }
    }

    /** A connection closed; exactly one per {@link Accepted}. */
    record Closed(long runId, Instant time, ConnectionRef connection, CloseReason reason)
            implements ServerEvent {
    }

    /** Something went wrong; {@code connection} is null when it concerns the listener itself. */
    record Failed(long runId, Instant time, ConnectionRef connection, String message) implements ServerEvent {
    }

    /** The listening sockets are closed and every connection of the run has had its {@link Closed}. */
    record Stopped(long runId, Instant time, int port) implements ServerEvent {
    }
}
