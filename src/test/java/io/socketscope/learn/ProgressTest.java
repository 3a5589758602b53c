package io.socketscope.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketscope.model.ScopeModel;
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

/** The checks one rule at a time, from events as the server sends them (no FX thread, no sockets). */
class ProgressTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static ConnectionRef conn(long id, int clientPort, int fd) throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        return new ConnectionRef(id, new Endpoint(lo, clientPort), new Endpoint(lo, 8080), Descriptor.os(fd));
    }

    /** TCP port 8080 on 127.0.0.1, listening socket fd 4 (run 1). */
    private static ServerEvent listening8080() throws Exception {
        return new ServerEvent.Listening(1, T, BindMode.LOCAL, 8080,
                List.of(new ListeningSocket(new Endpoint(InetAddress.getByName("127.0.0.1"), 8080), Descriptor.os(4))));
    }

    @Test
    void sixteenBitsIsSeenOnlyPastTheLargestPortWithItsBinary() {
        Progress p = new Progress();
        p.update(new ScopeModel(), "65535");
        assertFalse(p.finding(Step.SIXTEEN_BITS).done(), "65535 fits");
        p.update(new ScopeModel(), "70000");
        assertTrue(p.finding(Step.SIXTEEN_BITS).text().startsWith("70000 is 1 0001 0001 0111 0000 in binary: 17 bits"),
                p.finding(Step.SIXTEEN_BITS).text());
    }

    @Test
    void aDescriptorIsReusedOnlyWhenAnAcceptGetsANumberAClosedSocketHad() throws Exception {
        ScopeModel model = new ScopeModel();
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        model.apply(List.of(listening8080(),
                new ServerEvent.Accepted(1, T, conn(1, 50000, 5), 0),
                new ServerEvent.Accepted(1, T, conn(2, 50002, 6), 0)));
        Progress p = new Progress();
        p.update(model, "8080");
        assertTrue(p.finding(Step.MANY_SOCKETS).done());
        assertEquals("The listening socket keeps fd 4; the accepted sockets got fd 5 and fd 6, each its own.",
                p.finding(Step.NEW_DESCRIPTOR).text());
        assertFalse(p.finding(Step.REUSED).done());
        model.apply(List.of(new ServerEvent.Closed(1, T, conn(1, 50000, 5), CloseReason.PEER_CLOSED),
                new ServerEvent.Accepted(1, T, conn(3, 50004, 7), 0)));
        p.update(model, "8080");
        assertFalse(p.finding(Step.REUSED).done(), "fd 7 is a new number");
        model.apply(List.of(new ServerEvent.Accepted(1, T, conn(4, 50006, 5), 0)));
        p.update(model, "8080");
        assertTrue(p.finding(Step.REUSED).text().startsWith("fd 5 again"), p.finding(Step.REUSED).text());
    }

    @Test
    void theEphemeralRangeIsSaidFromTheFactsAndNotGuessed() throws Exception {
        ScopeModel model = new ScopeModel();
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        model.apply(List.of(listening8080(),
                new ServerEvent.Accepted(1, T, conn(1, 40000, 5), 0)));
        Progress p = new Progress();
        p.setFacts(new Facts(1024, 50000, 60999, false, "Linux"));
        p.update(model, "8080");
        assertFalse(p.finding(Step.EPHEMERAL).done(), "40000 is outside 50000-60999: not claimed");
        p.setFacts(new Facts(1024, 32768, 60999, false, "Linux"));
        p.update(model, "8080");
        assertTrue(p.finding(Step.EPHEMERAL).text().contains("port 40000, inside this machine's ephemeral range 32768-60999"));
    }

    @Test
    void oneSocketIsNotManyAndTcpAndUdpOnOneNumberNeedADatagram() throws Exception {
        ScopeModel model = new ScopeModel();
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        model.apply(List.of(listening8080(),
                new ServerEvent.Listening(2, T, io.socketscope.server.Protocol.UDP, BindMode.LOCAL, 8080,
                        List.of(new ListeningSocket(new Endpoint(lo, 8080), Descriptor.os(9)))),
                new ServerEvent.Accepted(1, T, conn(1, 50000, 5), 0)));
        Progress p = new Progress();
        p.update(model, "8080");
        assertFalse(p.finding(Step.MANY_SOCKETS).done(), "one socket");
        assertFalse(p.finding(Step.NEW_DESCRIPTOR).done());
        assertFalse(p.finding(Step.PROTOCOL).done(), "no peer has sent a datagram yet");
        ConnectionRef flow = new ConnectionRef(7, new Endpoint(lo, 40001), new Endpoint(lo, 8080), Descriptor.os(9),
                io.socketscope.server.Protocol.UDP);
        model.apply(List.of(new ServerEvent.Accepted(2, T, flow, 0),
                new ServerEvent.Datagram(2, T, flow, 2, "hi", 1, io.socketscope.server.Traffic.NONE)));
        p.update(model, "8080");
        assertTrue(p.finding(Step.PROTOCOL).done(), p.finding(Step.PROTOCOL).text());
        assertTrue(p.finding(Step.PROTOCOL).text().contains("UDP 8080 (fd 9, one socket for its 1 peer)"),
                p.finding(Step.PROTOCOL).text());
    }

    @Test
    void theStepsThatAskTheOsAreNotSeenUntilItAnswered() {
        Progress p = new Progress();
        p.update(new ScopeModel(), "");
        assertFalse(p.finding(Step.PRIVILEGED).done());
        assertFalse(p.finding(Step.WELL_KNOWN).done());
        p.setAfterlife("0 sockets of port 8080 in TIME_WAIT right now", false);
        assertFalse(p.finding(Step.AFTERLIFE).done(), "nothing in TIME_WAIT is not an afterlife seen");
        p.setAfterlife("1 socket of port 8080 in TIME_WAIT right now", true);
        assertTrue(p.finding(Step.AFTERLIFE).done());
        p.reset();
        assertEquals(0, p.doneCount());
    }
    /**
     * The afterlife seen from the kernel's ghost: with the time left where the kernel gives a timer (Linux), and
     * without where it gives none (OSHI's tables on macOS and Windows).
     */
    @Test
    void theAfterlifeIsSeenFromATimeWaitGhostWithOrWithoutTheKernelsTimer() throws Exception {
        for (long timer : new long[] {42_300, -1}) {
            ScopeModel model = new ScopeModel();
            model.apply(List.of(listening8080(), new ServerEvent.Accepted(1, T, conn(1, 50000, 5), 0),
                    new ServerEvent.Closed(1, T, conn(1, 50000, 5), CloseReason.RESPONSE_DONE),
                    new ServerEvent.KernelState(1, T, conn(1, 50000, 5), TcpState.TIME_WAIT, timer, false)));
            Progress p = new Progress();
            p.update(model, "8080");
            assertEquals("fd 5 is closed, and the kernel keeps its connection (127.0.0.1:50000 → 127.0.0.1:8080) in"
                    + " TIME_WAIT" + (timer < 0 ? "" : ", 43 s left when it was read") + ": the faint edge in the graph.",
                    p.finding(Step.AFTERLIFE).text());
        }
    }
}
