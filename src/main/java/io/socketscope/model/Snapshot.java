package io.socketscope.model;

import io.socketscope.server.ServerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture a model holds, told as the events that rebuild it: a recording started while ports are open
 * begins with these, so that its replay starts from the same picture (the live ports, their open sockets
 * and the kernel's word on them, and the connections the kernel still keeps after their fd).
 */
public final class Snapshot {

    private Snapshot() {
    }

    /** {@code now} dates the ports; sockets and ghosts keep their own times. */
    public static List<ServerEvent> events(ScopeModel model, Instant now) {
        List<ServerEvent> events = new ArrayList<>();
        for (PortInfo p : model.ports()) {
            if (p.live()) {
                events.add(new ServerEvent.Listening(p.runId(), now, p.protocol(), p.bind(), p.port(), p.sockets()));
            }
        }
        for (SocketInfo s : model.openSockets()) {
            events.add(new ServerEvent.Accepted(s.runId(), s.openedAt(), s.connection(), 0));
            if (s.kernel() != null) {
                events.add(new ServerEvent.KernelState(s.runId(), now, s.connection(), s.kernel(), -1, true));
            }
        }
        for (Ghost g : model.ghosts()) {
            events.add(new ServerEvent.KernelState(g.runId(), g.since(), g.connection(), g.state(),
                    g.remainingMillis(), false));
        }
        return events;
    }
}
