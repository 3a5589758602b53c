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

/**
 * How the model folds the kernel's word on each connection: the state of open sockets, the ghosts of closed
 * ones (whichever of the CLOSE and the kernel's read comes first), their log lines, and Stop. The kernel's
 * side is tested against {@code ss} in {@code KernelStatesTest}; here the events are written out.
 */
class GhostsTest {

    private static final Instant T = Instant.parse("2026-12-05T12:00:00Z");

    private static ConnectionRef conn(long id, int clientPort, int fd) throws Exception {
        return new ConnectionRef(id, new Endpoint(InetAddress.getByName("127.0.0.1"), clientPort),
                new Endpoint(InetAddress.getByName("127.0.0.1"), 8080), Descriptor.os(fd));
    }

    private static ScopeModel listening() throws Exception {
        ScopeModel model = new ScopeModel();
        model.apply(List.of(new ServerEvent.Listening(1, T, BindMode.LOCAL, 8080, List.of(new ListeningSocket(
                new Endpoint(InetAddress.getByName("127.0.0.1"), 8080), Descriptor.os(28))))));
        return model;
    }

    private static ServerEvent.KernelState kernel(ConnectionRef c, TcpState state, long left, boolean fd) {
        return new ServerEvent.KernelState(1, T, c, state, left, fd);
    }

    @Test
    void anOpenSocketTakesTheKernelsStateQuietlyAndItsChangesWithALine() throws Exception {
        ScopeModel model = listening();
        ConnectionRef c = conn(7, 51234, 34);
        model.apply(List.of(new ServerEvent.Accepted(1, T, c)));
        ScopeModel.Change up = model.apply(List.of(kernel(c, TcpState.ESTABLISHED, -1, true)));
        assertEquals(TcpState.ESTABLISHED, model.find(7).kernel());
        assertEquals(1, up.updated().size());
        assertTrue(up.logged().isEmpty(), "every socket is ESTABLISHED once accepted: no line for it");
        ScopeModel.Change half = model.apply(List.of(kernel(c, TcpState.CLOSE_WAIT, -1, true)));
        assertEquals(TcpState.CLOSE_WAIT, model.find(7).kernel());
        assertEquals("[" + LogEntry.stamp(T) + "] KERNEL  127.0.0.1:51234 fd 34 CLOSE_WAIT: the client closed its side"
                + " (FIN received); the server has not closed yet", half.logged().get(0).line());
        assertTrue(model.ghosts().isEmpty(), "an open socket is no ghost");
        assertTrue(model.find(7).summary(T).endsWith("\nkernel: CLOSE_WAIT (the client closed its side (FIN received);"
                + " the server has not closed yet)"), model.find(7).summary(T));
    }

    @Test
    void aTimeWaitAfterTheCloseIsAGhostUntilTheKernelDropsIt() throws Exception {
        ScopeModel model = listening();
        ConnectionRef c = conn(7, 51234, 34);
        model.apply(List.of(new ServerEvent.Accepted(1, T, c), new ServerEvent.Closed(1, T, c, CloseReason.RESPONSE_DONE)));
        ScopeModel.Change kept = model.apply(List.of(kernel(c, TcpState.TIME_WAIT, 59_870, false)));
        assertEquals(1, kept.ghosted().size());
        Ghost ghost = model.ghosts().iterator().next();
        assertEquals("TIME_WAIT 60 s", ghost.label(0));
        assertEquals("TIME_WAIT 43 s", ghost.label(16_900));
        assertEquals("[" + LogEntry.stamp(T) + "] TIMEWAIT 127.0.0.1:51234 -> 127.0.0.1:8080 (fd 34 closed) kept by the"
                + " kernel 60 s: the server closed first", kept.logged().get(0).line());
        assertTrue(ghost.words().contains("fd 34 closed; the kernel keeps this connection's 4-tuple"), ghost.words());

        ScopeModel.Change gone = model.apply(List.of(kernel(c, TcpState.GONE, -1, false)));
        assertEquals(List.of(ghost), gone.unghosted());
        assertTrue(model.ghosts().isEmpty());
        assertEquals("[" + LogEntry.stamp(T) + "] KERNEL  127.0.0.1:51234 -> 127.0.0.1:8080 (fd 34 closed) dropped by"
                + " the kernel: its 4-tuple is free again", gone.logged().get(0).line());
    }

    @Test
    void theKernelsWordBeforeTheCloseWaitsForIt() throws Exception {
        ScopeModel model = listening();
        ConnectionRef c = conn(7, 51234, 34);
        model.apply(List.of(new ServerEvent.Accepted(1, T, c)));
        // Read between the server's close() and its CLOSE event reaching the model.
        ScopeModel.Change early = model.apply(List.of(kernel(c, TcpState.TIME_WAIT, 60_000, false)));
        assertTrue(early.ghosted().isEmpty(), "still open in the model: not yet a ghost");
        ScopeModel.Change closed = model.apply(List.of(new ServerEvent.Closed(1, T, c, CloseReason.RESPONSE_DONE)));
        assertEquals(1, closed.ghosted().size(), "a ghost from its CLOSE on");
        assertEquals(TcpState.TIME_WAIT, closed.ghosted().get(0).state());
    }

    @Test
    void stopTakesTheGhostsOfItsRunAlong() throws Exception {
        ScopeModel model = listening();
        ConnectionRef c = conn(7, 51234, 34);
        model.apply(List.of(new ServerEvent.Accepted(1, T, c), new ServerEvent.Closed(1, T, c, CloseReason.RESPONSE_DONE),
                kernel(c, TcpState.FIN_WAIT2, -1, false)));
        assertEquals("FIN_WAIT2", model.ghosts().iterator().next().label(0));
        ScopeModel.Change stop = model.apply(List.of(new ServerEvent.Stopped(1, T, 8080)));
        assertEquals(1, stop.unghosted().size());
        assertEquals(0, model.ghostCount());
    }
}
