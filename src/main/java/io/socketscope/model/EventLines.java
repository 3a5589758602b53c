package io.socketscope.model;

import io.socketscope.server.ListeningSocket;
import io.socketscope.server.ServerEvent;
import java.util.stream.Collectors;

/** Turns a server event into the log entry people read. */
public final class EventLines {

    private EventLines() {
    }

    public static LogEntry entry(ServerEvent event) {
        if (event instanceof ServerEvent.Listening e) {
            String sockets = ListeningSocket.descriptorLabels(e.sockets());
            String where = e.sockets().stream().map(s -> s.local().toString()).collect(Collectors.joining(", "));
            return new LogEntry(e.time(), LogEntry.Kind.LISTEN, where, sockets,
                    "TCP port " + e.port() + " on " + e.bind().description());
        }
        if (event instanceof ServerEvent.Accepted e) {
            return new LogEntry(e.time(), LogEntry.Kind.ACCEPT, e.connection().client().toString(),
                    e.connection().descriptor().label(), "-> " + e.connection().server());
        }
        if (event instanceof ServerEvent.Request e) {
            String detail = e.isHttp() ? "\"" + e.line() + "\" " + e.status() : "text \"" + e.line() + "\" echoed";
            return new LogEntry(e.time(), LogEntry.Kind.REQUEST, e.connection().client().toString(),
                    e.connection().descriptor().label(), detail);
        }
        if (event instanceof ServerEvent.Closed e) {
            return new LogEntry(e.time(), LogEntry.Kind.CLOSE, e.connection().client().toString(),
                    e.connection().descriptor().label(), e.reason().code() + ": " + e.reason().words());
        }
        if (event instanceof ServerEvent.Failed e) {
            return new LogEntry(e.time(), LogEntry.Kind.ERROR,
                    e.connection() == null ? "" : e.connection().client().toString(),
                    e.connection() == null ? "" : e.connection().descriptor().label(), e.message());
        }
        ServerEvent.Stopped e = (ServerEvent.Stopped) event;
        return new LogEntry(e.time(), LogEntry.Kind.STOP, "", "", "stopped listening on TCP port " + e.port());
    }
}
