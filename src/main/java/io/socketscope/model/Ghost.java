package io.socketscope.model;

import io.socketscope.server.ConnectionRef;
import io.socketscope.server.TcpState;
import java.time.Instant;

/**
 * A connection the kernel keeps after the server closed its fd (TIME_WAIT, FIN_WAIT2, LAST_ACK...), as the
 * kernel last said it: drawn as a faint ghost edge until the kernel drops it.
 *
 * @param since           when the kernel was read in this state
 * @param remainingMillis the kernel's timer at {@code since} (TIME_WAIT), or -1 when it has none
 */
public record Ghost(ConnectionRef connection, long runId, TcpState state, Instant since, long remainingMillis) {

    public long id() {
        return connection.id();
    }

    public String host() {
        return connection.client().ip();
    }

    /**
     * {@code TIME_WAIT 43 s} with the time the kernel still gives it {@code elapsedMillis} after it was read,
     * or the state alone when the kernel has no timer for it.
     */
    public String label(long elapsedMillis) {
        String left = left(elapsedMillis);
        return left.isEmpty() ? state.toString() : state + " " + left;
    }

    /**
     * {@code 43 s}: the time the kernel still gives it {@code elapsedMillis} after it was read; empty when the
     * kernel has no timer for it (or the system gives none: OSHI's tables).
     */
    public String left(long elapsedMillis) {
        return remainingMillis < 0 ? "" : EventLines.seconds(Math.max(0, remainingMillis - elapsedMillis));
    }

    /** What a screen reader and the tooltip say of it. */
    public String words() {
        return "TCP " + connection.client() + " → " + connection.server() + ", " + state + ": "
                + connection.descriptor().label() + " closed; the kernel keeps this connection's 4-tuple ("
                + state.words() + ")";
    }
}
