package io.socketscope.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How both servers hand events to their listener: a listener that fails (even for want of a class file when
 * descriptors run out) loses that event for itself, and the server's threads go on.
 */
final class SafeListener implements ServerListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final ServerListener listener;

    SafeListener(ServerListener listener) {
        this.listener = listener;
    }

    @Override
    public void onEvent(ServerEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("a server listener failed on {}", event, e);
        }
    }
}
