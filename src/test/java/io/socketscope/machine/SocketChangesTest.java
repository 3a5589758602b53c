package io.socketscope.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCPView's convention, one rule per test, with the clock passed in: new for a moment, gone for a moment. */
class SocketChangesTest {

    private static final long MARK = 1_000;

    private static HostSocket listener(int port) {
        return new HostSocket(Protocol.TCP, false, "0.0.0.0", port, "0.0.0.0", 0, "LISTEN", 10, "sshd");
    }

    private static HostSocket accepted(int port, int clientPort) {
        return new HostSocket(Protocol.TCP, false, "127.0.0.1", port, "127.0.0.1", clientPort, "ESTABLISHED", 10, "sshd");
    }

    @Test
    void aSocketThatAppearsIsNewThenPlainAfterTheMark() {
        SocketChanges changes = new SocketChanges(MARK);
        SocketChanges.Changes first = changes.update(List.of(listener(22)), 0);
        assertEquals(1, first.added().size());
        assertEquals(SocketChanges.Mark.NEW, first.added().get(0).mark());
        assertTrue(changes.update(List.of(listener(22)), MARK - 1).isEmpty(), "still new, nothing to redraw");
        SocketChanges.Changes later = changes.update(List.of(listener(22)), MARK);
        assertEquals(SocketChanges.Mark.SAME, later.changed().get(0).mark());
    }

    @Test
    void aSocketThatGoesIsMarkedGoneThenRemovedAfterTheMark() {
        SocketChanges changes = new SocketChanges(MARK);
        changes.update(List.of(listener(22), accepted(22, 50000)), 0);
        SocketChanges.Changes gone = changes.update(List.of(listener(22)), 10);
        assertEquals(List.of(SocketChanges.Mark.GONE), gone.changed().stream().map(SocketChanges.Row::mark).toList());
        assertEquals(0, gone.removed().size(), "kept (red) for a moment");
        assertEquals(0, changes.update(List.of(listener(22)), 10 + MARK - 1).removed().size());
        SocketChanges.Changes removed = changes.update(List.of(listener(22)), 10 + MARK);
        assertEquals(50000, removed.removed().get(0).socket().remotePort());
        assertEquals(1, changes.rows().size());
    }

    @Test
    void aSocketBackBeforeItsGoneMarkEndedIsNewAgainNotAddedTwice() {
        SocketChanges changes = new SocketChanges(MARK);
        changes.update(List.of(accepted(22, 50000)), 0);
        changes.update(List.of(), 5);
        SocketChanges.Changes back = changes.update(List.of(accepted(22, 50000)), 6);
        assertEquals(0, back.added().size());
        assertEquals(SocketChanges.Mark.NEW, back.changed().get(0).mark());
    }

    @Test
    void connectionsSitUnderTheirListeningPortAndMoveWhenThePortStartsListening() {
        SocketChanges changes = new SocketChanges(MARK);
        SocketChanges.Changes alone = changes.update(List.of(accepted(8080, 50000)), 0);
        assertEquals(SocketGroups.OUTGOING, alone.added().get(0).group());
        SocketChanges.Changes moved = changes.update(List.of(listener(8080), accepted(8080, 50000)), 1);
        assertEquals("TCP 8080", moved.added().stream().filter(r -> r.socket().remotePort() == 50000)
                .findFirst().orElseThrow().group());
        assertEquals(SocketGroups.OUTGOING, moved.removed().get(0).group(), "it left the outgoing group");
    }

    @Test
    void aChangedStateIsReportedKeepingItsMark() {
        SocketChanges changes = new SocketChanges(MARK);
        changes.update(List.of(accepted(22, 50000)), 0);
        HostSocket closing = new HostSocket(Protocol.TCP, false, "127.0.0.1", 22, "127.0.0.1", 50000, "CLOSE_WAIT", 10, "sshd");
        SocketChanges.Changes changed = changes.update(List.of(closing), 1);
        assertEquals("CLOSE_WAIT", changed.changed().get(0).socket().state());
        assertEquals(SocketChanges.Mark.NEW, changed.changed().get(0).mark());
    }

    @Test
    void holderWordsNameEveryOwnerOrSayTheOsDidNotTell() {
        HostSocket v4 = listener(8080);
        HostSocket v6 = new HostSocket(Protocol.TCP, true, "::", 8080, "::", 0, "LISTEN", 11, "nginx");
        assertEquals("`sshd` (pid 10) and `nginx` (pid 11)",
                PortHolders.holderOf(List.of(v4, v6, accepted(8080, 1)), Protocol.TCP, 8080).orElseThrow());
        HostSocket hidden = new HostSocket(Protocol.TCP, false, "0.0.0.0", 9090, "0.0.0.0", 0, "LISTEN", -1, "");
        assertTrue(PortHolders.holderOf(List.of(hidden), Protocol.TCP, 9090).orElseThrow().contains("does not name"));
        assertTrue(PortHolders.holderOf(List.of(v4), Protocol.UDP, 8080).isEmpty(), "UDP 8080 is another port");
        assertTrue(PortHolders.holderOf(List.of(accepted(7070, 1)), Protocol.TCP, 7070).isEmpty(),
                "a connection does not hold a port: only a listener does");
    }
}
