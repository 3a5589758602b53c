package io.socketscope.session;

import io.socketscope.server.ServerEvent;
import java.time.Instant;
import java.util.List;

/**
 * A recorded session: what its first line says (app version, host, start, descriptor kind) and its events
 * in the order they happened.
 */
public record Session(String appVersion, String host, Instant started, String descriptorKind,
                      List<ServerEvent> events) {

    public static final String FORMAT = "socketscope-session";
    public static final int VERSION = 1;

    public Session {
        events = List.copyOf(events);
    }

    /** The time of the last event, or the start for an empty session. */
    public Instant ended() {
        return events.isEmpty() ? started : events.get(events.size() - 1).time();
    }
}
