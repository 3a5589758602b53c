package io.socketscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFilterTest {

    private static final List<LogEntry> LOG = List.of(
            new LogEntry(Instant.EPOCH, LogEntry.Kind.ACCEPT, "127.0.0.2:40001", "fd 57", "-> 127.0.0.1:8080"),
            new LogEntry(Instant.EPOCH, LogEntry.Kind.REQUEST, "127.0.0.2:40001", "fd 57", "\"GET / HTTP/1.1\" 200"),
            new LogEntry(Instant.EPOCH, LogEntry.Kind.CLOSE, "127.0.0.2:40001", "fd 57", "reset: the client reset it (RST)"),
            new LogEntry(Instant.EPOCH, LogEntry.Kind.ACCEPT, "127.0.0.3:40002", "fd 5", "-> 127.0.0.1:8080"),
            new LogEntry(Instant.EPOCH, LogEntry.Kind.CLOSE, "127.0.0.3:40002", "fd 5", "peer-closed: the client closed it"));

    private static int count(String filter) {
        return (int) LOG.stream().filter(LogFilter.matching(filter)).count();
    }

    @Test
    void everyWordMustMatchSomewhereIgnoringCase() {
        assertEquals(5, count(""));
        assertEquals(2, count("close"));
        assertEquals(1, count("127.0.0.2 close"));
        assertEquals(1, count("RESET"));
        assertEquals(3, count("40001"));
        assertEquals(2, count("accept 8080"));
        assertEquals(0, count("udp"));
    }

    @Test
    void aDescriptorIsMatchedWhole() {
        assertEquals(2, count("fd 5"), "fd 5, not fd 57");
        assertEquals(3, count("fd 57"));
    }
}
