package io.socketscope.server;

/** Binding a port failed; the message says why in plain words and what to do next. */
public final class BindFailure extends Exception {

    /** What kind of failure it was. */
    public enum Kind { IN_USE, PERMISSION_DENIED, ADDRESS_UNAVAILABLE, OTHER }

    private final Kind kind;
    private final int port;
    private final int suggestedPort;
    private final Protocol protocol;

    public BindFailure(Kind kind, int port, int suggestedPort, String message, Throwable cause) {
        this(kind, Protocol.TCP, port, suggestedPort, message, cause);
    }

    public BindFailure(Kind kind, Protocol protocol, int port, int suggestedPort, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.protocol = protocol;
        this.port = port;
        this.suggestedPort = suggestedPort;
    }

    /**
     * The same failure, saying who holds the port ({@code `python3` (pid 4242)}) where the message said
     * "another program"; {@code holder} comes from what the operating system told.
     */
    public BindFailure namingHolder(String holder) {
        String named = getMessage().replace(IN_USE_WORDS, "is in use by " + holder);
        return new BindFailure(kind, protocol, port, suggestedPort, named, getCause());
    }

    /** The words of an in-use message that {@link #namingHolder} replaces. */
    static final String IN_USE_WORDS = "is already in use by another program";

    public Protocol protocol() {
        return protocol;
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
