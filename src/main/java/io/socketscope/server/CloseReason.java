package io.socketscope.server;

/** Why a socket closed (or a UDP flow ended), with the short code used in logs and headless output. */
public enum CloseReason {
    PEER_CLOSED("peer-closed", "the client closed it", true),
    PEER_HALF_CLOSED("peer-half-closed",
            "the client shut its sending side (FIN) but still read the goodbye; then the server closed", true),
    RESET("reset", "the client reset it (RST)", true),
    IDLE_TIMEOUT("idle-timeout", "idle too long, closed by the server", false),
    RESPONSE_DONE("response-done", "closed by the server after its answer", false),
    HEADER_TIMEOUT("header-timeout", "the request took too long to arrive, closed by the server", false),
    TLS_CLIENT("tls-client", "a TLS (https://) client: SocketScope speaks plain http, so the server closed it",
            false),
    REFUSED_LIMIT("refused-limit", "refused: the open-socket limit was reached", false),
    HOLD_ENDED("hold-ended", "held by the phone page for the longest time it may be, then answered and closed by the"
            + " server", false),
    USER_CLOSE("user-close", "closed from SocketScope by its user", false),
    SERVER_STOP("server-stop", "the server stopped", false),
    QUIET("quiet", "no datagram for a while; UDP has no close, so the flow is simply forgotten", true),
    ERROR("error", "closed after an error", false);

    private final String code;
    private final String words;
    private final boolean byPeer;

    CloseReason(String code, String words, boolean byPeer) {
        this.code = code;
        this.words = words;
        this.byPeer = byPeer;
    }

    public String code() {
        return code;
    }

    /** A plain-words explanation for people. */
    public String words() {
        return words;
    }

    /** Whether the client ended it (rather than the server). */
    public boolean byPeer() {
        return byPeer;
    }
}
