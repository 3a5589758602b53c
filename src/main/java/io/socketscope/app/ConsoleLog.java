package io.socketscope.app;

import io.socketscope.model.EventLines;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.ServerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every server event to the console through SLF4J, as the same line the window's log shows. */
public final class ConsoleLog implements ServerListener {

    private static final Logger EVENTS = LoggerFactory.getLogger("socketscope.events");

    @Override
    public void onEvent(ServerEvent event) {
        if (EVENTS.isInfoEnabled()) {
            EVENTS.info(EventLines.entry(event).line());
        }
    }
}
