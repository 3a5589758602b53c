package io.socketscope.ui.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.model.ScopeModel;
import io.socketscope.server.BindMode;
import io.socketscope.server.CloseReason;
import io.socketscope.server.ConnectionRef;
import io.socketscope.server.Descriptor;
import io.socketscope.server.Endpoint;
import io.socketscope.server.ListeningSocket;
import io.socketscope.server.ServerEvent;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Sockets table's view-model, driven by a real model and a clock the test moves: no toolkit, no window. */
class SocketsTableModelTest {

    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SocketsTableModel table = new SocketsTableModel(now::get);
    private final ScopeModel model = new ScopeModel();

    private static ConnectionRef conn(long id, String ip, int clientPort, int fd) throws Exception {
        return new ConnectionRef(id, new Endpoint(InetAddress.getByName(ip), clientPort),
                new Endpoint(InetAddress.getByName("127.0.0.1"), 8080), Descriptor.os(fd));
    }

    private void feed(ServerEvent... events) {
        table.apply(model.apply(List.of(events)));
    }

    private void listen() throws Exception {
        feed(new ServerEvent.Listening(1, T, BindMode.LOCAL, 8080,
                List.of(new ListeningSocket(new Endpoint(InetAddress.getByName("127.0.0.1"), 8080), Descriptor.os(18)))));
    }

    @Test
    void aShownTableMarksNewRowsThenClosedOnesThenLetsThemGo() throws Exception {
        listen();
        table.setLive(true);
        ConnectionRef a = conn(1, "127.0.1.2", 50000, 23);
        ConnectionRef b = conn(2, "127.0.1.3", 50001, 24);
        feed(new ServerEvent.Accepted(1, T, a), new ServerEvent.Accepted(1, T, b));
        assertEquals(2, table.shown().size());
        assertEquals(SocketRow.Status.NEW, table.row(1).status());
        now.addAndGet(SocketsTableModel.NEW_NANOS);
        table.tick();
        assertEquals(SocketRow.Status.OPEN, table.row(1).status(), "new for a second, then just open");

        feed(new ServerEvent.Closed(1, T, a, CloseReason.RESET));
        SocketRow closed = table.shown().stream().filter(r -> r.id() == 1).findFirst().orElseThrow();
        assertEquals(SocketRow.Status.CLOSED, closed.status(), "a closed row stays for a moment, marked");
        assertEquals("reset", closed.stateProperty().get());
        assertEquals(2, table.shown().size());
        now.addAndGet(SocketsTableModel.CLOSED_NANOS);
        table.tick();
        assertEquals(List.of(2L), table.shown().stream().map(SocketRow::id).toList(), "then it goes");
    }

    @Test
    void aHiddenTableKeepsNoRowsAndShowingItBuildsThemFromTheOpenSockets() throws Exception {
        listen();
        List<ServerEvent> opens = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            opens.add(new ServerEvent.Accepted(1, T, conn(i, "127.0.1." + (2 + i % 30), 40000 + i, 30 + i)));
        }
        feed(opens.toArray(ServerEvent[]::new));
        assertEquals(0, table.rows().size(), "hidden: no rows");
        assertEquals(500, table.openCount());
        List<ServerEvent> closes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            closes.add(new ServerEvent.Closed(1, T, conn(i, "127.0.1." + (2 + i % 30), 40000 + i, 30 + i),
                    CloseReason.PEER_CLOSED));
        }
        feed(closes.toArray(ServerEvent[]::new));
        table.setLive(true);
        assertEquals(100, table.rows().size(), "shown: one row per socket still open");
        assertTrue(table.rows().stream().allMatch(r -> r.status() == SocketRow.Status.OPEN));
        assertEquals(400, table.rows().get(0).id(), "in the order they opened");

        table.filterProperty().set("fd 431");
        assertEquals(List.of(401L), table.shown().stream().map(SocketRow::id).toList(), "fd 431 is that one descriptor");
        table.filterProperty().set("127.0.1.2 open");
        assertTrue(table.shown().stream().allMatch(r -> r.client().startsWith("127.0.1.2")));
        long expected = java.util.stream.IntStream.range(400, 500).filter(i -> ("127.0.1." + (2 + i % 30)).startsWith("127.0.1.2"))
                .count();
        assertEquals(expected, table.shown().size(), "127.0.1.2 and 127.0.1.20-29 (every word must appear)");

        table.setLive(false);
        assertEquals(0, table.rows().size());
    }
}
