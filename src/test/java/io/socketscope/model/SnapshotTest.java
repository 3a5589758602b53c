package io.socketscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.CloseReason;
import io.socketscope.server.ConnectionRef;
import io.socketscope.server.Descriptor;
import io.socketscope.server.Endpoint;
import io.socketscope.server.ListeningSocket;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.TcpState;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model told its own snapshot holds the same picture: what a recording started mid-way begins with. */
class SnapshotTest {

    private static final Instant T = Instant.parse("2026-12-05T12:00:00Z");

    private static ConnectionRef conn(long id, int clientPort, int fd) throws Exception {
        return new ConnectionRef(id, new Endpoint(InetAddress.getByName("127.0.0.1"), clientPort),
                new Endpoint(InetAddress.getByName("127.0.0.1"), 8080), Descriptor.os(fd));
    }

    @Test
    void theSnapshotRebuildsTheLivePortItsSocketsTheirKernelStatesAndTheGhosts() throws Exception {
        ScopeModel model = new ScopeModel();
        ConnectionRef open = conn(7, 51234, 34);
        ConnectionRef halfClosed = conn(8, 51235, 35);
        ConnectionRef closed = conn(9, 51236, 36);
        model.apply(List.of(
                new ServerEvent.Listening(1, T, BindMode.LOCAL, 8080, List.of(new ListeningSocket(
                        new Endpoint(InetAddress.getByName("127.0.0.1"), 8080), Descriptor.os(28)))),
                new ServerEvent.Accepted(1, T, open), new ServerEvent.Accepted(1, T, halfClosed),
                new ServerEvent.Accepted(1, T, closed),
                new ServerEvent.KernelState(1, T, halfClosed, TcpState.CLOSE_WAIT, -1, true),
                new ServerEvent.Closed(1, T, closed, CloseReason.RESPONSE_DONE),
                new ServerEvent.KernelState(1, T.plusSeconds(1), closed, TcpState.TIME_WAIT, 59_000, false)));

        List<ServerEvent> told = Snapshot.events(model, T.plusSeconds(5));
        assertTrue(told.get(0) instanceof ServerEvent.Listening l && l.port() == 8080, "the port first: " + told);
        ScopeModel again = new ScopeModel();
        again.apply(told);

        assertEquals(model.ports().stream().map(p -> p.port() + " " + p.descriptors() + " " + p.live()).toList(),
                again.ports().stream().map(p -> p.port() + " " + p.descriptors() + " " + p.live()).toList());
        assertEquals(List.of("7 fd 34 null", "8 fd 35 CLOSE_WAIT"), again.openSockets().stream()
                .map(s -> s.id() + " " + s.connection().descriptor().label() + " " + s.kernel()).toList());
        assertEquals(List.of(model.ghosts().iterator().next()), List.copyOf(again.ghosts()),
                "the ghost with its state, its time and the kernel's timer as read");
        assertEquals("TIME_WAIT 59 s", again.ghosts().iterator().next().label(0));
    }

    @Test
    void aStoppedPortLeavesNothingToTell() throws Exception {
        ScopeModel model = new ScopeModel();
        model.apply(List.of(new ServerEvent.Listening(1, T, BindMode.LOCAL, 8080, List.of()),
                new ServerEvent.Stopped(1, T, 8080)));
        assertEquals(List.of(), Snapshot.events(model, T));
    }
}
