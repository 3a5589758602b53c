package io.socketscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.CloseReason;
import io.socketscope.server.ConnectionRef;
import io.socketscope.server.Descriptor;
import io.socketscope.server.Endpoint;
import io.socketscope.server.ListeningSocket;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.Traffic;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model folds events on the test thread: no FX thread anywhere. */
class ScopeModelTest {

    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    private static ServerEvent.Listening listening(long run, int port, int fd) throws Exception {
        return new ServerEvent.Listening(run, T, BindMode.ALL, port,
                List.of(new ListeningSocket(new Endpoint(InetAddress.getByName("::"), port), Descriptor.os(fd))));
    }

    private static ConnectionRef conn(long id, String ip, int clientPort, int fd) throws Exception {
        return new ConnectionRef(id, new Endpoint(InetAddress.getByName(ip), clientPort),
                new Endpoint(InetAddress.getByName("192.168.1.245"), 8080), Descriptor.os(fd));
    }

    @Test
    void acceptsAndClosesFoldIntoOpenSocketsAndCounters() throws Exception {
        ScopeModel model = new ScopeModel();
        ConnectionRef a = conn(1, "192.168.1.251", 53422, 57);
        ConnectionRef b = conn(2, "192.168.1.251", 53423, 58);
        ConnectionRef c = conn(3, "127.0.0.1", 40000, 59);
        ScopeModel.Change change = model.apply(List.of(listening(1, 8080, 41),
                new ServerEvent.Accepted(1, T, a), new ServerEvent.Accepted(1, T, b),
                new ServerEvent.Accepted(1, T, c), new ServerEvent.Request(1, T, a, "GET / HTTP/1.1", 200, "")));
        assertEquals(3, change.opened().size());
        assertTrue(change.phaseChanged());
        assertEquals(5, change.logged().size());
        assertEquals(3, model.openCount());
        assertEquals(List.of("192.168.1.251", "127.0.0.1"), List.copyOf(model.socketsByHost().keySet()));
        assertEquals(2, model.socketsByHost().get("192.168.1.251").size());
        assertEquals("Listening on all interfaces, TCP port 8080 · listening socket fd 41 · 3 open sockets · 3 accepted",
                model.statusLine());
        assertEquals("192.168.1.251:53422 · fd 57", model.socketsByHost().get("192.168.1.251").get(0).label());
        assertEquals(1, model.socketsByHost().get("192.168.1.251").get(0).requests());

        ScopeModel.Change closing = model.apply(List.of(new ServerEvent.Closed(1, T, b, CloseReason.PEER_CLOSED)));
        assertEquals(List.of(2L), closing.closed().stream().map(SocketInfo::id).toList());
        assertEquals(2, model.openCount());
        assertEquals(3, model.acceptedTotal());
        assertEquals(1, model.closedTotal());
    }

    @Test
    void acceptAndCloseInOneBatchBothReachLogAndCounters() throws Exception {
        ScopeModel model = new ScopeModel();
        ConnectionRef a = conn(1, "127.0.0.1", 1234, 9);
        ScopeModel.Change change = model.apply(List.of(listening(1, 8080, 8), new ServerEvent.Accepted(1, T, a),
                new ServerEvent.Closed(1, T, a, CloseReason.RESET)));
        assertEquals(1, change.opened().size());
        assertEquals(1, change.closed().size());
        assertEquals(0, model.openCount());
        assertEquals(1, model.acceptedTotal());
        assertEquals(List.of(LogEntry.Kind.LISTEN, LogEntry.Kind.ACCEPT, LogEntry.Kind.CLOSE),
                change.logged().stream().map(LogEntry::kind).toList());
        assertTrue(change.logged().get(2).detail().startsWith("reset"));
    }

    @Test
    void eventsOfAStoppedRunAreDropped() throws Exception {
        ScopeModel model = new ScopeModel();
        ConnectionRef old = conn(1, "127.0.0.1", 1111, 9);
        model.apply(List.of(listening(1, 8080, 8), new ServerEvent.Accepted(1, T, old)));
        model.apply(List.of(new ServerEvent.Stopped(1, T, 8080)));
        assertEquals(ScopeModel.Phase.STOPPED, model.phase());
        assertEquals(0, model.openCount(), "stop leaves no socket behind");

        ConnectionRef fresh = conn(2, "127.0.0.1", 2222, 10);
        ScopeModel.Change change = model.apply(List.of(
                new ServerEvent.Request(1, T, old, "GET / HTTP/1.1", 200, ""),    // late event of run 1
                listening(2, 9090, 8),
                new ServerEvent.Accepted(1, T, conn(3, "10.0.0.9", 3333, 11)), // stale run
                new ServerEvent.Accepted(2, T, fresh),
                listening(1, 8080, 8)));                                      // an old run cannot come back
        assertEquals(List.of(2L), change.opened().stream().map(SocketInfo::id).toList());
        assertEquals(3, model.droppedEvents());
        assertEquals(9090, model.port());
        assertEquals(1, model.openCount());
        assertEquals(ScopeModel.Phase.LISTENING, model.phase());
    }

    @Test
    void stoppedStatusSaysSo() throws Exception {
        ScopeModel model = new ScopeModel();
        assertEquals("Not listening. Choose a port and press Start.", model.statusLine());
        model.apply(List.of(listening(4, 8080, 8), new ServerEvent.Accepted(4, T, conn(1, "127.0.0.1", 5, 9)),
                new ServerEvent.Stopped(4, T, 8080)));
        assertEquals("Stopped. Port 8080 is closed · 1 accepted while it listened.", model.statusLine());
    }

    @Test
    void refusedConnectionsShowThatTheCapWasReached() throws Exception {
        ScopeModel model = new ScopeModel();
        ConnectionRef a = conn(1, "127.0.0.1", 5, 9);
        model.apply(List.of(listening(1, 8080, 8), new ServerEvent.Accepted(1, T, a),
                new ServerEvent.Closed(1, T, a, CloseReason.REFUSED_LIMIT)));
        assertEquals(1, model.refusedTotal());
        assertEquals(0, model.openCount());
        assertTrue(model.statusLine().endsWith("· 1 refused: the open-socket limit was reached"), model.statusLine());
    }

    @Test
    void logKeepsABoundedWindow() throws Exception {
        ScopeModel model = new ScopeModel(3);
        model.apply(List.of(listening(1, 8080, 8)));
        for (int i = 0; i < 10; i++) {
            model.apply(List.of(new ServerEvent.Accepted(1, T, conn(i + 1, "127.0.0.1", 1000 + i, 9 + i))));
        }
        assertEquals(3, model.log().size());
        assertEquals(10, model.acceptedTotal(), "counters stay exact");
        assertTrue(model.log().get(2).client().endsWith(":1009"));
    }

    @Test
    void clientTextIsEscapedForDisplay() throws Exception {
        ConnectionRef a = conn(1, "127.0.0.1", 1234, 9);
        LogEntry e = EventLines.entry(new ServerEvent.Request(1, T, a, "GET /\u001b[2J\r\nINFO forged HTTP/1.1", 200, ""));
        assertFalse(e.line().contains("\u001b"));
        assertFalse(e.line().contains("\n"));
        assertTrue(e.detail().contains("\\u001b[2J\\u000d\\u000aINFO forged"), e.detail());
    }

    @Test
    void consoleLineReadsLikeSimpleHttpServer() throws Exception {
        LogEntry e = EventLines.entry(new ServerEvent.Request(1, T, conn(1, "192.168.1.251", 53422, 57),
                "GET / HTTP/1.1", 200, ""));
        assertTrue(e.line().matches("\\[\\d\\d/Nov/2026 \\d\\d:\\d\\d:\\d\\d] REQUEST 192\\.168\\.1\\.251:53422 fd 57 "
                + "\"GET / HTTP/1\\.1\" 200"), e.line());
    }

    @Test
    void aGreetingUpdatesTheSocketsBytesAndIsLogged() throws Exception {
        ScopeModel model = new ScopeModel();
        ConnectionRef a = conn(1, "127.0.0.1", 40000, 9);
        model.apply(List.of(listening(1, 8080, 41), new ServerEvent.Accepted(1, T, a, 0),
                new ServerEvent.Greeted(1, T.plusMillis(1500), a, true, new Traffic(0, 151))));
        assertEquals(151, model.find(a.id()).traffic().sent(), "current before any request or close");
        LogEntry line = EventLines.entry(new ServerEvent.Greeted(1, T, a, true, new Traffic(0, 151)));
        assertEquals(LogEntry.Kind.GREET, line.kind());
        assertTrue(line.detail().startsWith("said nothing for the banner delay: greeted as a text client"), line.detail());
        assertTrue(line.detail().endsWith("151 B sent"), line.detail());
    }
}
