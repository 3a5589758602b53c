package io.socketscope.server;

/**
 * Receives server events on the server's own threads. Implementations must return quickly and never
 * wait for anyone (least of all a UI thread): the server is not paced by its listeners.
 */
@FunctionalInterface
public interface ServerListener {

    void onEvent(ServerEvent event);

    /** A listener that hands each event to all of the given ones, in order. */
    static ServerListener all(ServerListener... listeners) {
        return event -> {
            for (ServerListener listener : listeners) {
                listener.onEvent(event);
            }
        };
    }
}
