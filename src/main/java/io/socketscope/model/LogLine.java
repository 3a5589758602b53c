package io.socketscope.model;

import io.socketscope.server.ServerEvent;
import java.util.AbstractList;
import java.util.List;

/**
 * A log line that is written only when someone reads it. Under a storm a batch holds thousands of events
 * of which the window shows the newest few; formatting only those keeps the FX thread's work per event small.
 */
final class LogLine {

    private final ServerEvent event;
    private LogEntry entry;

    LogLine(ServerEvent event) {
        this.event = event;
    }

    LogLine(LogEntry entry) {
        this.event = null;
        this.entry = entry;
    }

    LogEntry entry() {
        if (entry == null) {
            entry = EventLines.entry(event);
        }
        return entry;
    }

    /** A read-only list view that formats each line on first access. */
    static List<LogEntry> entries(List<LogLine> lines) {
        return new AbstractList<>() {
            @Override
            public LogEntry get(int index) {
                return lines.get(index).entry();
            }

            @Override
            public int size() {
                return lines.size();
            }
        };
    }
}
