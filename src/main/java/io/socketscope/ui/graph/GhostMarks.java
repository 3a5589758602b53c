package io.socketscope.ui.graph;

import io.socketscope.model.Ghost;
import io.socketscope.server.TcpState;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's ghosts in the graph: each host's connections that outlive their fd (TIME_WAIT...), one faint
 * edge per host and port ({@link GhostEdge}). A host with ghosts stays on the graph after its last socket
 * closed, until the kernel drops them. One toggle hides them all (they then ask the layout for nothing).
 */
public final class GhostMarks {

    private final HostEdges hosts;
    private final GraphCaption caption;
    private final Runnable relayout;
    private boolean shown = true;
    private int total;

    GhostMarks(HostEdges hosts, GraphCaption caption, Runnable relayout) {
        this.hosts = hosts;
        this.caption = caption;
        this.relayout = relayout;
    }

    /** The kernel keeps this connection (new, or in a new state). */
    public void appeared(Ghost ghost) {
        HostNode host = hosts.hostFor(ghost.host());
        host.ghostsDrawn = shown;
        GhostEdge edge = host.ghosts.get(ghost.runId());
        if (edge == null) {
            edge = new GhostEdge(ghost.runId(), host.ip());
            host.ghosts.put(ghost.runId(), edge);
            relayout.run();
        }
        int before = edge.count();
        int timeWaitBefore = edge.count(TcpState.TIME_WAIT);
        edge.put(ghost, System.nanoTime());
        counted(edge, before, timeWaitBefore);
        edge.refresh(System.nanoTime());
        host.updateCount();
        hosts.textsDue = true;
    }

    /** The kernel dropped it (or its port stopped). */
    public void gone(Ghost ghost) {
        HostNode host = hosts.host(ghost.host());
        GhostEdge edge = host == null ? null : host.ghosts.get(ghost.runId());
        if (edge == null) {
            return;
        }
        int before = edge.count();
        int timeWaitBefore = edge.count(TcpState.TIME_WAIT);
        if (!edge.remove(ghost.id())) {
            return;
        }
        counted(edge, before, timeWaitBefore);
        if (edge.count() == 0) {
            host.ghosts.remove(ghost.runId());
            edge.detach();
            relayout.run();
        } else {
            edge.refresh(System.nanoTime());
        }
        host.updateCount();
        hosts.textsDue = true;
        hosts.leaveIfEmpty(host);
    }

    /** The edge's counts changed from these: the total and the caption follow. */
    private void counted(GhostEdge edge, int before, int timeWaitBefore) {
        total += edge.count() - before;
        caption.ghosts = total;
        caption.ghostsInTimeWait += edge.count(TcpState.TIME_WAIT) - timeWaitBefore;
        caption.stale();
    }

    /** Rewrites the time left on single ghosts (a few times a second); words only change once a second. */
    void refresh() {
        boolean onScreen = false;
        if (total > 0 && shown) {
            long now = System.nanoTime();
            for (HostNode host : hosts.hosts()) {
                for (GhostEdge edge : host.ghosts.values()) {
                    edge.refresh(now);
                    onScreen |= edge.isInScene();
                }
            }
        }
        if (onScreen != caption.ghostsOnScreen) {
            caption.ghostsOnScreen = onScreen;
            caption.stale();
        }
    }

    /** Shows or hides every ghost. */
    public void setShown(boolean on) {
        if (on == shown) {
            return;
        }
        shown = on;
        for (HostNode host : hosts.hosts()) {
            host.ghostsDrawn = on;
            host.updateCount();
            if (!on) {
                host.ghosts.values().forEach(GhostEdge::detach);
            }
        }
        hosts.textsDue = true;
        relayout.run();
    }

    boolean shown() {
        return shown;
    }

    /** Whether the host is on the graph only for its ghosts, which are hidden: then it is not drawn at all. */
    boolean hiddenHost(HostNode host) {
        return !shown && host.onlyGhosts();
    }

    public int total() {
        return total;
    }

    /** {@code 127.0.0.1: TIME_WAIT 43 s} for each ghost edge on screen, for tests. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (HostNode host : hosts.hosts()) {
            for (GhostEdge edge : host.ghosts.values()) {
                if (edge.item().label.getParent() != null) {
                    out.add(host.ip() + ": " + edge.text());
                }
            }
        }
        return out;
    }
}
