package io.socketscope.server;

/** Why a socket closed, with the short code used in logs and headless output. */
public enum CloseReason {
    PEER_CLOSED("peer-closed", "the client closed it"),
    RESET("reset", "the client reset it (RST)"),
    IDLE_TIMEOUT("idle-timeout", "idle too long, closed by the server"),
    RESPONSE_DONE("response-done", "closed by the server after its answer"),
    HEADER_TIMEOUT("header-timeout", "the request took too long to arrive, closed by the server"),
    REFUSED_LIMIT("refused-limit", "refused: the open-socket limit was reached"),
    SERVER_STOP("server-stop", "the server stopped"),
    ERROR("error", "closed after an error");

    private final String code;
    private final String words;

    CloseReason(String code, String words) {
        this.code = code;
        this.words = words;
    }

    public String code() {
        return code;
    }

    /** A plain-words explanation for people. */
    public String words() {
        return words;
    }
}
