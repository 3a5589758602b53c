package io.socketscope.server;

/**
 * What a socket is for, when the phone page made it on purpose: the page's live view (one long answer of
 * Server-Sent Events) or a connection it holds open (a request the server keeps answering). Every other
 * socket is {@link #NONE}.
 */
public enum SocketRole {
    NONE("", ""),
    LIVE_VIEW("live view", "the phone page's live view: one long answer of Server-Sent Events on its own socket"),
    HELD("held", "held open on purpose by the phone page: the server keeps its answer open");

    private final String shortWords;
    private final String words;

    SocketRole(String shortWords, String words) {
        this.shortWords = shortWords;
        this.words = words;
    }

    /** {@code live view}, {@code held}: a label's few words. */
    public String shortWords() {
        return shortWords;
    }

    /** A sentence for details and the log. */
    public String words() {
        return words;
    }
}
