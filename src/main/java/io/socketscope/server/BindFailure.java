package io.socketscope.server;

/** Binding a port failed; the message says why in plain words and what to do next. */
public final class BindFailure extends Exception {

    /** What kind of failure it was. */
    public enum Kind { IN_USE, PERMISSION_DENIED, ADDRESS_UNAVAILABLE, OTHER }

    private final Kind kind;
    private final int port;
    private final int suggestedPort;

    public BindFailure(Kind kind, int port, int suggestedPort, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.port = port;
        this.suggestedPort = suggestedPort;
    }

    public Kind kind() {
        return kind;
    }

    public int port() {
        return port;
    }

    /** A port that was free when the failure was explained, or -1. */
    public int suggestedPort() {
        return suggestedPort;
    }
}
