package io.socketscope.model;

import io.socketscope.server.CloseReason;

/** Where a socket is in its life, as the server sees it, in words for people. */
public enum SocketState {
    OPEN("open"),
    LIVE_VIEW("open: the phone page's live view, one long answer (Server-Sent Events) that stays open while the page"
            + " is shown"),
    HELD("open: held on purpose by the phone page, the server keeps its answer open (up to its hold time)"),
    HALF_CLOSED("half-closed by the peer (FIN received: the client has shut its sending side)"),
    RESET("reset by the peer (RST)"),
    CLOSED_BY_SERVER("closed by the server"),
    CLOSED_BY_PEER("closed by the peer"),
    ERROR("ended by an error (its ERROR line in the log says which)"),
    FLOW("datagrams arriving (UDP: no connection, the port's one socket receives them)"),
    FLOW_ENDED("quiet: no datagram for a while, so the flow is forgotten");

    private final String words;

    SocketState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** Still drawn as live: open, half-closed, or a UDP flow that is not quiet. */
    public boolean isLive() {
        return this == OPEN || this == LIVE_VIEW || this == HELD || this == HALF_CLOSED || this == FLOW;
    }

    /** The state an answer that made the socket a live view or a held connection puts it in. */
    public static SocketState of(io.socketscope.server.SocketRole role) {
        return switch (role) {
            case LIVE_VIEW -> LIVE_VIEW;
            case HELD -> HELD;
            case NONE -> OPEN;
        };
    }

    /** The state a close leaves a socket in. */
    public static SocketState after(CloseReason reason) {
        if (reason == CloseReason.RESET) {
            return RESET;
        }
        if (reason == CloseReason.QUIET) {
            return FLOW_ENDED;
        }
        if (reason == CloseReason.ERROR) {
            return ERROR;
        }
        return reason.byPeer() ? CLOSED_BY_PEER : CLOSED_BY_SERVER;
    }
}
