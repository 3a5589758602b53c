package io.socketscope.ui.graph;

import io.socketscope.model.SocketInfo;
import io.socketscope.model.SocketState;
import io.socketscope.server.Protocol;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * One accepted socket drawn as an edge: a line from its client host to its label, a line from the label
 * to the port, and the label {@code 192.168.1.251:53422 · fd 57}. New edges glow for a moment; closed ones
 * turn the "closed" colour and fade out. A half-closed socket and a UDP flow (label {@code ... · fd 7 ×3}:
 * the port's one descriptor, and the datagrams so far) each have a look of their own.
 */
public final class SocketEdge {

    static final PseudoClass NEW = PseudoClass.getPseudoClass("new");
    static final PseudoClass CLOSING = PseudoClass.getPseudoClass("closing");
    static final PseudoClass HALF_CLOSED = PseudoClass.getPseudoClass("half-closed");
    static final PseudoClass UDP = PseudoClass.getPseudoClass("udp");
    /** The phone page's live view: its answer (a stream of updates) stays open. */
    public static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    /** Held open on purpose by the phone page. */
    public static final PseudoClass HELD = PseudoClass.getPseudoClass("held");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** Drawn as a small mark beside its host ({@code fd 34}) instead of a full label. */
    static final PseudoClass MARK = PseudoClass.getPseudoClass("mark");
    static final Duration HIGHLIGHT = Duration.millis(1500);
    /** A closed edge keeps its "closed" colour at full strength for a moment, then fades. */
    static final Duration HOLD = Duration.millis(350);
    static final Duration FADE = Duration.millis(1000);

    private static final PseudoClass[] STATES = {NEW, CLOSING, HALF_CLOSED, UDP, SELECTED, MARK, LIVE, HELD};

    private SocketInfo info;
    /**
     * Its lines and label, made when the edge is first put in the scene: a socket whose host counts its
     * sockets (a classroom's phones are rows) never is, and 900 of them held 5.9 MB of nodes that every
     * young collection copied.
     */
    private EdgeItem item;
    /** Handlers the owner puts on the label once it is made. */
    private final Consumer<Label> onLabelMade;
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 1);
    /** Which of {@link #STATES} are on, a bit each, kept while there are no nodes to carry them. */
    private int states;
    private boolean closing;
    /** Drawn as a mark, and a wide one (with the client's port). */
    private boolean mark;
    private boolean wide;
    /** Until when (nanoTime) the edge shows as new once it is drawn; 0 once that started. */
    private long glowUntil;

    SocketEdge(SocketInfo info, Consumer<Label> onLabelMade) {
        this.info = info;
        this.onLabelMade = onLabelMade;
        setState(UDP, info.protocol() == Protocol.UDP);
        setState(HALF_CLOSED, halfClosed(info));
        setState(LIVE, info.state() == SocketState.LIVE_VIEW);
        setState(HELD, info.state() == SocketState.HELD);
    }

    SocketInfo info() {
        return info;
    }

    /** Its nodes, made now if they were not yet. */
    EdgeItem item() {
        if (item == null) {
            item = new EdgeItem();
            Label label = item.label;
            label.setText(shownText());
            label.getStyleClass().add("socket-edge");
            label.setId("socket-" + info.id());
            label.setUserData(info.id());
            label.setAccessibleRole(AccessibleRole.BUTTON);
            label.setAccessibleText(spoken(info, info.isOpen() ? stateWord(info) : "closed"));
            for (Node n : nodes()) {
                n.opacityProperty().bind(opacity);
                for (int i = 0; i < STATES.length; i++) {
                    n.pseudoClassStateChanged(STATES[i], (states & (1 << i)) != 0);
                }
            }
            onLabelMade.accept(label);
        }
        return item;
    }

    boolean hasNodes() {
        return item != null;
    }

    boolean isInScene() {
        return item != null && item.label.getParent() != null;
    }

    /** Takes the edge out of the scene, if it is there. */
    void detach() {
        if (item != null) {
            item.detach();
        }
    }

    /** Its label's text ({@code 127.0.0.1:51234 · fd 23}), whether or not it is drawn. */
    String text() {
        return text(info);
    }

    /**
     * What a screen reader says: {@code socket fd 23, 127.0.1.7:51359 to port 8080, open, kernel state
     * ESTABLISHED}.
     */
    private static String spoken(SocketInfo info, String state) {
        return (info.protocol() == Protocol.UDP ? "UDP flow on " : "socket ") + info.connection().descriptor().label()
                + ", " + info.connection().client() + " to port " + info.connection().server().port() + ", " + state
                + (info.kernel() == null || !info.isOpen() ? "" : ", kernel state " + info.kernel());
    }

    /** Shows what changed: the half-closed state, or a UDP flow's datagram count. */
    void update(SocketInfo now) {
        info = now;
        setState(HALF_CLOSED, halfClosed(now));
        setState(LIVE, now.state() == SocketState.LIVE_VIEW);
        setState(HELD, now.state() == SocketState.HELD);
        if (item != null) {
            item.label.setText(shownText());
            item.label.setAccessibleText(spoken(now, now.isOpen() ? stateWord(now) : "closed"));
        }
    }

    /**
     * Drawn as a full label ({@code 127.0.1.7:51359 · fd 23}) or as a mark beside its host: {@code fd 23}, or
     * {@code :51359 · fd 23} where the mark has room for the client's port.
     */
    void look(boolean asMark, boolean withPort) {
        if (asMark == mark && withPort == wide) {
            return;
        }
        mark = asMark;
        wide = withPort;
        setState(MARK, asMark);
        if (item != null) {
            item.label.setText(shownText());
        }
    }

    private String shownText() {
        if (!mark) {
            return text(info);
        }
        String fd = info.connection().descriptor().label()
                + (info.protocol() == Protocol.UDP && info.requests() > 0 ? " ×" + info.requests() : "");
        return wide ? ":" + info.connection().client().port() + " · " + fd : fd;
    }

    /**
     * Half-closed as the server saw it (its read ended), or as the kernel says it (CLOSE_WAIT: the client's FIN
     * is in, the server has not closed): the kernel's word is the fact, even before the server reads its end.
     */
    private static boolean halfClosed(SocketInfo info) {
        return info.state() == SocketState.HALF_CLOSED
                || (info.isOpen() && info.kernel() == io.socketscope.server.TcpState.CLOSE_WAIT);
    }

    private static String stateWord(SocketInfo info) {
        return switch (info.state()) {
            case HALF_CLOSED -> "half-closed by the peer";
            case LIVE_VIEW -> "open, the phone page's live view";
            case HELD -> "open, held by the phone page";
            default -> "open";
        };
    }

    void setSelected(boolean on) {
        setState(SELECTED, on);
    }

    private static String text(SocketInfo info) {
        if (info.state() == SocketState.LIVE_VIEW || info.state() == SocketState.HELD) {
            // What it is in place of the client's address, which its host stands beside: the label keeps its
            // width (the client's port and the descriptor stay).
            return (info.state() == SocketState.LIVE_VIEW ? "live view :" : "held :") + info.connection().client().port()
                    + " · " + info.connection().descriptor().label();
        }
        return info.protocol() == Protocol.UDP && info.requests() > 0 ? info.label() + " ×" + info.requests()
                : info.label();
    }

    private Node[] nodes() {
        return new Node[] {item.toLabel, item.toPort, item.label};
    }

    boolean isClosing() {
        return closing;
    }

    /**
     * Glows as new for a moment: from when it is first drawn, since an edge whose host counts its sockets
     * may never be (and then needs no animation running for it).
     */
    void highlight() {
        glowUntil = System.nanoTime() + (long) HIGHLIGHT.toMillis() * 1_000_000L;
    }

    /** Called as the edge is put in the scene: starts what is left of its glow. */
    void shown() {
        long left = glowUntil - System.nanoTime();
        if (left <= 0 || closing) {
            return;
        }
        glowUntil = 0;
        setState(NEW, true);
        PauseTransition glow = new PauseTransition(Duration.millis(left / 1_000_000.0));
        glow.setOnFinished(e -> setState(NEW, false));
        glow.play();
    }

    /** Turns the closed colour, fades out, then calls {@code gone}. */
    void close(Runnable gone) {
        if (closing) {
            return;
        }
        closing = true;
        setState(NEW, false);
        setState(CLOSING, true);
        Timeline fade = new Timeline(new KeyFrame(HOLD, new KeyValue(opacity, 1)),
                new KeyFrame(HOLD.add(FADE), new KeyValue(opacity, 0)));
        fade.setOnFinished(e -> gone.run());
        fade.play();
    }

    private void setState(PseudoClass state, boolean on) {
        int bit = 1 << java.util.Arrays.asList(STATES).indexOf(state);
        states = on ? states | bit : states & ~bit;
        if (item != null) {
            for (Node n : nodes()) {
                n.pseudoClassStateChanged(state, on);
            }
        }
    }
}
