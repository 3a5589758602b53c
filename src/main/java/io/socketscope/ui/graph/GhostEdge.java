package io.socketscope.ui.graph;

import io.socketscope.model.Ghost;
import io.socketscope.server.TcpState;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;

/**
 * The connections of one host to one port that the kernel keeps after their fd closed (TIME_WAIT,
 * FIN_WAIT2...), drawn as one faint edge: {@code TIME_WAIT 43 s} with the kernel's own time left for one,
 * {@code + 240 in TIME_WAIT} for many. However many there are, a host has one such edge per port, so ten
 * thousand of them cost the scene what a few do.
 */
final class GhostEdge {

    private static final PseudoClass MARK = PseudoClass.getPseudoClass("mark");

    /** A ghost and when (nanoTime) the window heard of it: its time left counts down from there. */
    private record Heard(Ghost ghost, long atNanos) {
    }

    final long runId;
    private final EdgeItem item = new EdgeItem();
    private final Map<Long, Heard> ghosts = new LinkedHashMap<>();
    private final Map<TcpState, Integer> states = new EnumMap<>(TcpState.class);
    private boolean mark;
    /** One per ghost edge (a host has at most one per port): what the label stands for, in words. */
    private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

    GhostEdge(long runId, String hostKey) {
        this.runId = runId;
        item.label.getStyleClass().addAll("socket-edge", "ghost-edge");
        item.label.setId("ghost-" + hostKey.replace(':', '-').replace('.', '-') + "-" + runId);
        item.label.setAccessibleRole(AccessibleRole.TEXT);
        item.toLabel.getStyleClass().add("ghost-line");
        item.toPort.getStyleClass().add("ghost-line");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        javafx.scene.control.Tooltip.install(item.label, tip);
    }

    EdgeItem item() {
        return item;
    }

    void detach() {
        item.detach();
    }

    boolean isInScene() {
        return item.label.getParent() != null;
    }

    /** Adds or updates one ghost (a new state, a new timer). */
    void put(Ghost ghost, long now) {
        Heard before = ghosts.put(ghost.id(), new Heard(ghost, now));
        if (before != null) {
            states.merge(before.ghost().state(), -1, Integer::sum);
        }
        states.merge(ghost.state(), 1, Integer::sum);
    }

    /** Takes a ghost out; false if it was not here. */
    boolean remove(long id) {
        Heard was = ghosts.remove(id);
        if (was == null) {
            return false;
        }
        states.merge(was.ghost().state(), -1, Integer::sum);
        return true;
    }

    int count() {
        return ghosts.size();
    }

    /** How many of them are in {@code state}. */
    int count(TcpState state) {
        return states.getOrDefault(state, 0);
    }

    /** Drawn as a small mark beside its host (the classroom's detail) or as a full label. */
    void look(boolean asMark) {
        if (asMark != mark) {
            mark = asMark;
            item.label.pseudoClassStateChanged(MARK, asMark);
            refresh(System.nanoTime());
        }
    }

    /** Writes the label: the one ghost's time left now, or the count; only when the words change. */
    void refresh(long now) {
        String text;
        String spoken;
        if (ghosts.size() == 1) {
            Heard one = ghosts.values().iterator().next();
            text = one.ghost().label((now - one.atNanos()) / 1_000_000);
            if (mark) {
                text = text.replace("TIME_WAIT", "TW");
            }
            spoken = one.ghost().words();
        } else {
            TcpState only = onlyState();
            String what = only == null ? "kept by the kernel" : "in " + only;
            text = mark ? String.format("+%,d %s", ghosts.size(), only == TcpState.TIME_WAIT ? "TW" : "closed")
                    : String.format("+ %,d %s", ghosts.size(), what);
            spoken = String.format("%,d connections whose fd closed, %s: the kernel keeps their 4-tuples", ghosts.size(),
                    what);
        }
        if (!text.equals(item.label.getText())) {
            item.label.setText(text);
            item.label.setAccessibleText(spoken);
            tip.setText(spoken);
        }
    }

    /** The state all its ghosts are in, or null when they differ. */
    private TcpState onlyState() {
        TcpState only = null;
        for (Map.Entry<TcpState, Integer> e : states.entrySet()) {
            if (e.getValue() > 0) {
                if (only != null) {
                    return null;
                }
                only = e.getKey();
            }
        }
        return only;
    }

    String text() {
        return item.label.getText();
    }
}
