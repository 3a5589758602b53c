package io.socketscope.learn;

import io.socketscope.model.Ghost;
import io.socketscope.model.PortInfo;
import io.socketscope.model.ScopeModel;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.Protocol;
import io.socketscope.server.TcpState;
import java.util.function.BiConsumer;

/**
 * The restart step's check, from the kernel's ghosts: a port bound again by a new run while a connection of
 * an earlier run sits in TIME_WAIT, and a socket open now with the descriptor number that connection had.
 */
final class Afterlife {

    private Afterlife() {
    }

    /** Past this many ghosts (a storm, not an experiment) the step is not looked for: the look would cost. */
    static final int MAX_GHOSTS = 2_000;

    static void restart(ScopeModel model, BiConsumer<Step, Progress.Finding> found) {
        if (model.ghostCount() == 0 || model.ghostCount() > MAX_GHOSTS) {
            return;
        }
        java.util.Map<Long, SocketInfo> closed = new java.util.HashMap<>();
        for (SocketInfo s : model.recentlyClosed()) {
            closed.put(s.id(), s);
        }
        Ghost rebound = null;
        PortInfo port = null;
        for (Ghost g : model.ghosts()) {
            SocketInfo was = closed.get(g.id());
            PortInfo now = model.port(g.runId());
            if (g.state() == TcpState.TIME_WAIT && was != null && was.runId() != g.runId() && now != null && now.live()) {
                rebound = g;
                port = now;
                break;
            }
        }
        if (rebound == null) {
            Ghost any = firstTimeWait(model);
            if (any != null) {
                found.accept(Step.RESTART, new Progress.Finding(false, any.connection().descriptor().label() + "'s"
                        + " connection is in TIME_WAIT: now stop port " + any.connection().server().port()
                        + " and start it again."));
            }
            return;
        }
        String bound = "Port " + port.port() + " was bound again (listening " + port.descriptors() + ") while the"
                + " kernel keeps " + rebound.connection().descriptor().label() + "'s old connection ("
                + rebound.connection().client() + " → " + rebound.connection().server() + ") in TIME_WAIT: SO_REUSEADDR.";
        java.util.Map<io.socketscope.server.Descriptor, Ghost> byFd = new java.util.HashMap<>();
        for (Ghost g : model.ghosts()) {
            if (g.state() == TcpState.TIME_WAIT) {
                byFd.putIfAbsent(g.connection().descriptor(), g);
            }
        }
        byFd.put(rebound.connection().descriptor(), rebound); // the one the first sentence names, where it is reused
        SocketInfo reuser = null;
        for (SocketInfo s : model.openSockets()) {
            Ghost g = byFd.get(s.connection().descriptor());
            if (g != null && s.protocol() == Protocol.TCP && s.id() != g.id()
                    && (reuser == null || g == rebound)) {
                reuser = s;
            }
        }
        if (reuser != null) {
            Ghost g = byFd.get(reuser.connection().descriptor());
            String fd = reuser.connection().descriptor().label();
            found.accept(Step.RESTART, new Progress.Finding(true, bound + " And " + fd + " is now "
                    + reuser.connection().client() + "'s, a new connection" + (reuser.kernel() == null ? ""
                    : " (" + reuser.kernel() + " in the kernel)") + ", while the kernel still keeps "
                    + (g == rebound ? "the old one that had that number." : "the old connection that had " + fd + " ("
                    + g.connection().client() + " → " + g.connection().server() + ") in TIME_WAIT."), reuser.id()));
            return;
        }
        found.accept(Step.RESTART, new Progress.Finding(false, bound + " Now open new connections: the next accept(2)"
                + " takes the lowest free descriptor, and " + rebound.connection().descriptor().label()
                + " is free."));
    }

    /** The first connection the kernel keeps in TIME_WAIT, or null. */
    static Ghost firstTimeWait(ScopeModel model) {
        for (Ghost g : model.ghosts()) {
            if (g.state() == TcpState.TIME_WAIT) {
                return g;
            }
        }
        return null;
    }
}
