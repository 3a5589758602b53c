package io.socketscope.server;

/**
 * A TCP connection's state as the kernel keeps it (the {@code st} column of Linux's {@code /proc/net/tcp},
 * the names {@code ss} and {@code netstat} print), with what each means for a server in plain words.
 * {@link #GONE}: the kernel no longer has the connection at all.
 */
public enum TcpState {
    ESTABLISHED(1, "the connection is up: both sides can send"),
    SYN_SENT(2, "a connect() is waiting for its answer"),
    SYN_RECV(3, "a handshake half done: the server's answer sent, the client's last step awaited"),
    FIN_WAIT1(4, "the server closed; its FIN is not yet acknowledged"),
    FIN_WAIT2(5, "the server closed and the client acknowledged it; the client has not closed its side yet"),
    TIME_WAIT(6, "closed on both sides; the server closed first, so the kernel keeps the 4-tuple a while"
            + " (for late packets) after the fd is gone"),
    CLOSE(7, "closed"),
    CLOSE_WAIT(8, "the client closed its side (FIN received); the server has not closed yet"),
    LAST_ACK(9, "the client closed first, then the server; its FIN waits for the client's last ACK"),
    LISTEN(10, "listening"),
    CLOSING(11, "both sides closed at the same moment; each waits for the other's ACK"),
    NEW_SYN_RECV(12, "a handshake half done"),
    GONE(0, "dropped by the kernel: the 4-tuple is free again");

    private final int code;
    private final String words;

    TcpState(int code, String words) {
        this.code = code;
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The state of Linux's numbering ({@code include/net/tcp_states.h}), or null for a code it does not know. */
    public static TcpState ofCode(int code) {
        for (TcpState s : values()) {
            if (s.code == code && s != GONE) {
                return s;
            }
        }
        return null;
    }

    /**
     * A state the kernel can keep after the server's fd is closed: the connection lives on without a
     * descriptor (drawn as a ghost).
     */
    public boolean outlivesFd() {
        return this == FIN_WAIT1 || this == FIN_WAIT2 || this == CLOSING || this == LAST_ACK || this == TIME_WAIT;
    }

    /** A state in which no descriptor can point at the connection any more. */
    public boolean neverHasFd() {
        return this == TIME_WAIT || this == LAST_ACK || this == CLOSING || this == GONE;
    }
}
