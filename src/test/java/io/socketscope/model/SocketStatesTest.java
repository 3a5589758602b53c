package io.socketscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.server.BindMode;
import io.socketscope.server.CloseReason;
import io.socketscope.server.ConnectionRef;
import io.socketscope.server.Descriptor;
import io.socketscope.server.Endpoint;
import io.socketscope.server.ListeningSocket;
import io.socketscope.server.Protocol;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.Traffic;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Socket states, final figures, several ports and UDP flows, folded with no FX thread. */
class SocketStatesTest {

    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    private static ServerEvent.Listening listening(long run, Protocol protocol, int port, int fd) throws Exception {
        return new ServerEvent.Listening(run, T, protocol, BindMode.ALL, port,
                List.of(new ListeningSocket(new Endpoint(InetAddress.getByName("::"), port), Descriptor.os(fd))));
    }

    private static ConnectionRef conn(long id, int clientPort, int port, int fd, Protocol protocol) throws Exception {
        return new ConnectionRef(id, new Endpoint(InetAddress.getByName("127.0.0.1"), clientPort),
                new Endpoint(InetAddress.getByName("127.0.0.1"), port), Descriptor.os(fd), protocol);
    }

    @Test
    void aSocketGoesOpenThenHalfClosedThenClosedAndKeepsItsFinalFigures() throws Exception {
        ScopeModel model = new ScopeModel();
        ConnectionRef c = conn(1, 5000, 8080, 9, Protocol.TCP);
        model.apply(List.of(listening(1, Protocol.TCP, 8080, 8), new ServerEvent.Accepted(1, T, c),
                new ServerEvent.Request(1, T, c, "hello", 0, "", new Traffic(6, 120))));
        assertEquals(SocketState.OPEN, model.find(1).state());
        ScopeModel.Change fin = model.apply(List.of(new ServerEvent.HalfClosed(1, T.plusSeconds(1), c, new Traffic(6, 120))));
        assertEquals(SocketState.HALF_CLOSED, fin.updated().get(0).state());
        assertEquals(LogEntry.Kind.FIN, fin.logged().get(0).kind());
        assertEquals(1, fin.logged().get(0).socketId());

        ScopeModel.Change end = model.apply(List.of(new ServerEvent.Closed(1, T.plusSeconds(2), c,
                CloseReason.PEER_HALF_CLOSED, new Traffic(6, 190))));
        SocketInfo last = end.closed().get(0);
        assertEquals(SocketState.CLOSED_BY_PEER, last.state());
        assertEquals(new Traffic(6, 190), last.traffic());
        assertEquals(List.of("hello"), last.requestLines());
        assertEquals(2, last.age(Instant.MAX).toSeconds(), "a closed socket's age stops at its close");
        assertEquals(List.of(last), model.recentlyClosed());
        assertEquals(last, model.find(1), "a closed socket can still be looked at");
        assertTrue(end.logged().get(0).detail().startsWith("peer-half-closed"), end.logged().get(0).detail());
    }

    @Test
    void closeReasonsMapToWhoEndedIt() {
        assertEquals(SocketState.RESET, SocketState.after(CloseReason.RESET));
        assertEquals(SocketState.CLOSED_BY_PEER, SocketState.after(CloseReason.PEER_CLOSED));
        assertEquals(SocketState.CLOSED_BY_SERVER, SocketState.after(CloseReason.USER_CLOSE));
        assertEquals(SocketState.CLOSED_BY_SERVER, SocketState.after(CloseReason.IDLE_TIMEOUT));
        assertEquals(SocketState.CLOSED_BY_SERVER, SocketState.after(CloseReason.SERVER_STOP));
        assertEquals(SocketState.ERROR, SocketState.after(CloseReason.ERROR), "an error is not the server's choice");
        assertFalse(SocketState.ERROR.words().contains("closed by the server"));
        assertEquals(SocketState.FLOW_ENDED, SocketState.after(CloseReason.QUIET));
    }

    @Test
    void recentlyClosedIsBoundedNewestFirst() throws Exception {
        ScopeModel model = new ScopeModel();
        model.apply(List.of(listening(1, Protocol.TCP, 8080, 8)));
        for (int i = 1; i <= ScopeModel.RECENTLY_CLOSED + 50; i++) {
            ConnectionRef c = conn(i, 1000 + i, 8080, 9, Protocol.TCP);
            model.apply(List.of(new ServerEvent.Accepted(1, T, c), new ServerEvent.Closed(1, T, c, CloseReason.PEER_CLOSED)));
        }
        assertEquals(ScopeModel.RECENTLY_CLOSED, model.recentlyClosed().size());
        assertEquals(ScopeModel.RECENTLY_CLOSED + 50, model.recentlyClosed().get(0).id());
        assertNull(model.find(1), "the oldest fell off the list");
        assertEquals(ScopeModel.RECENTLY_CLOSED + 50, model.closedTotal(), "counters stay exact");
    }

    @Test
    void tcpAndUdpOnOnePortNumberAreTwoPortsWithTheirOwnSockets() throws Exception {
        ScopeModel model = new ScopeModel();
        ConnectionRef tcp = conn(1, 5000, 8080, 9, Protocol.TCP);
        ConnectionRef flowA = conn(2, 6000, 8080, 7, Protocol.UDP);
        ConnectionRef flowB = conn(3, 6001, 8080, 7, Protocol.UDP);
        ScopeModel.Change change = model.apply(List.of(listening(1, Protocol.TCP, 8080, 8),
                listening(2, Protocol.UDP, 8080, 7), listening(3, Protocol.TCP, 9090, 10),
                new ServerEvent.Accepted(1, T, tcp),
                new ServerEvent.Datagram(2, T, flowA, 3, "abc", 1, new Traffic(3, 90)),
                new ServerEvent.Datagram(2, T, flowB, 2, "hi", 1, new Traffic(2, 90)),
                new ServerEvent.Datagram(2, T, flowA, 1, "d", 2, new Traffic(4, 180))));
        assertEquals(3, change.opened().size(), "one socket and two flows");
        assertEquals(3, model.ports().size());
        PortInfo udp = model.port(2);
        assertEquals(Protocol.UDP, udp.protocol());
        assertEquals(2, udp.open());
        assertEquals(1, model.port(1).open());
        assertEquals(0, model.port(3).open());
        SocketInfo a = model.find(2);
        assertEquals(2, a.requests(), "two datagrams from peer A");
        assertEquals(List.of("abc", "d"), a.requestLines());
        assertEquals(SocketState.FLOW, a.state());
        assertEquals("Listening on 3 ports: TCP 8080 (fd 8), UDP 8080 (fd 7), TCP 9090 (fd 10) · 1 open socket"
                + " · 1 accepted · 2 UDP peers · 3 datagrams", model.statusLine());

        model.apply(List.of(new ServerEvent.Closed(2, T, flowB, CloseReason.QUIET, new Traffic(2, 90)),
                new ServerEvent.Stopped(3, T, Protocol.TCP, 9090)));
        assertEquals(SocketState.FLOW_ENDED, model.find(3).state());
        assertNull(model.port(3), "a port stopped while others listen leaves the picture");
        assertEquals(2, model.ports().size());
        assertEquals(1, model.port(2).open());
        assertEquals(ScopeModel.Phase.LISTENING, model.phase());
        assertEquals(0, model.closedTotal(), "a UDP flow ending is not a TCP close");
        assertTrue(model.find(3).summary(T).startsWith("UDP 127.0.0.1:6001 → 127.0.0.1:8080 · fd 7"), model.find(3).summary(T));
    }

    @Test
    void stoppedPortsLeaveThePictureWhenANewOneStarts() throws Exception {
        ScopeModel model = new ScopeModel();
        model.apply(List.of(listening(1, Protocol.TCP, 8080, 8), listening(2, Protocol.UDP, 5353, 9),
                new ServerEvent.Stopped(1, T, 8080), new ServerEvent.Stopped(2, T, Protocol.UDP, 5353)));
        assertEquals("Stopped. Ports 8080, 5353 are closed · 0 accepted while they listened.", model.statusLine());
        model.apply(List.of(listening(3, Protocol.TCP, 9090, 8)));
        assertEquals(List.of(9090), model.ports().stream().map(PortInfo::port).toList());
    }
}
