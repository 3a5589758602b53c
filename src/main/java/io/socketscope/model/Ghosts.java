package io.socketscope.model;

import io.socketscope.server.ServerEvent;
import io.socketscope.server.TcpState;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections the kernel keeps after their fd closed, folded from {@link ServerEvent.KernelState}
 * events. The kernel may be read between the server's close and its CLOSE event reaching the model: such
 * an early word waits here until the socket's CLOSE, then becomes its ghost.
 */
final class Ghosts {

    private final Map<Long, Ghost> ghosts = new LinkedHashMap<>();
    /** What the kernel said of sockets the model still has open, with their fd closed. */
    private final Map<Long, ServerEvent.KernelState> early = new HashMap<>();

    /** The kernel spoke of a socket that is closed in the model (or closing: {@code open}). */
    void kernelSaid(ServerEvent.KernelState e, boolean open, List<Ghost> changed, List<Ghost> gone) {
        long id = e.connection().id();
        if (e.state() == TcpState.GONE || !e.state().outlivesFd()) {
            early.remove(id);
            Ghost was = ghosts.remove(id);
            if (was != null) {
                gone.add(was);
            }
            return;
        }
        if (open) {
            early.put(id, e);
            return;
        }
        Ghost ghost = new Ghost(e.connection(), e.runId(), e.state(), e.time(), e.remainingMillis());
        ghosts.put(id, ghost);
        changed.add(ghost);
    }

    /** A socket closed: if the kernel already said it keeps it, it is a ghost from now on. */
    void closed(long id, List<Ghost> changed, List<Ghost> gone) {
        ServerEvent.KernelState e = early.remove(id);
        if (e != null) {
            kernelSaid(e, false, changed, gone);
        }
    }

    /** A run stopped: its ghosts are no longer watched, so they leave the picture. */
    void stopped(long runId, List<Ghost> gone) {
        ghosts.values().removeIf(g -> {
            if (g.runId() == runId) {
                gone.add(g);
                return true;
            }
            return false;
        });
        early.values().removeIf(e -> e.runId() == runId);
    }

    Collection<Ghost> all() {
        return Collections.unmodifiableCollection(ghosts.values());
    }

    int size() {
        return ghosts.size();
    }
}
