package io.socketscope.ui;

import io.socketscope.model.SocketInfo;
import io.socketscope.model.SocketState;
import io.socketscope.server.Protocol;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.util.Duration;

/**
 * One accepted socket drawn as an edge: a line from its client host to its label, a line from the label
 * to the port, and the label {@code 192.168.1.251:53422 · fd 57}. New edges glow for a moment; closed ones
 * turn the "closed" colour and fade out. A half-closed socket and a UDP flow (label {@code ... · fd 7 ×3}:
 * the port's one descriptor, and the datagrams so far) each have a look of their own.
 */
final class SocketEdge {

    static final PseudoClass NEW = PseudoClass.getPseudoClass("new");
    static final PseudoClass CLOSING = PseudoClass.getPseudoClass("closing");
    static final PseudoClass HALF_CLOSED = PseudoClass.getPseudoClass("half-closed");
    static final PseudoClass UDP = PseudoClass.getPseudoClass("udp");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final Duration HIGHLIGHT = Duration.millis(1500);
    /** A closed edge keeps its "closed" colour at full strength for a moment, then fades. */
    static final Duration HOLD = Duration.millis(350);
    static final Duration FADE = Duration.millis(1000);

    private SocketInfo info;
    final CubicCurve toLabel = curve();
    final CubicCurve toPort = curve();
    final Label label;
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 1);
    private boolean closing;

    SocketEdge(SocketInfo info) {
        this.info = info;
        this.label = new Label(text(info));
        label.getStyleClass().add("socket-edge");
        label.setId("socket-" + info.id());
        label.setMinSize(GraphLayout.SLOT_WIDTH, GraphLayout.SLOT_HEIGHT);
        label.setMaxSize(GraphLayout.SLOT_WIDTH, GraphLayout.SLOT_HEIGHT);
        label.setUserData(info.id());
        for (Node n : nodes()) {
            n.opacityProperty().bind(opacity);
        }
        setState(UDP, info.protocol() == Protocol.UDP);
    }

    SocketInfo info() {
        return info;
    }

    /** Shows what changed: the half-closed state, or a UDP flow's datagram count. */
    void update(SocketInfo now) {
        info = now;
        label.setText(text(now));
        setState(HALF_CLOSED, now.state() == SocketState.HALF_CLOSED);
    }

    void setSelected(boolean on) {
        setState(SELECTED, on);
    }

    private static String text(SocketInfo info) {
        return info.protocol() == Protocol.UDP && info.requests() > 0 ? info.label() + " ×" + info.requests()
                : info.label();
    }

    Node[] nodes() {
        return new Node[] {toLabel, toPort, label};
    }

    boolean isClosing() {
        return closing;
    }

    /** Glows as new for a moment. */
    void highlight() {
        setState(NEW, true);
        PauseTransition glow = new PauseTransition(HIGHLIGHT);
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

    /** Places the label in its slot and draws both lines to it. */
    void place(GraphLayout.Box host, GraphLayout.Box slot, double portLeftX, double portY) {
        label.resizeRelocate(slot.x(), slot.y(), slot.width(), slot.height());
        connect(toLabel, host.right(), host.centerY(), slot.x(), slot.centerY());
        connect(toPort, slot.right(), slot.centerY(), portLeftX, portY);
    }

    private void setState(PseudoClass state, boolean on) {
        for (Node n : nodes()) {
            n.pseudoClassStateChanged(state, on);
        }
    }

    static CubicCurve curve() {
        CubicCurve c = new CubicCurve();
        c.getStyleClass().add("socket-line");
        c.setFill(null);
        c.setMouseTransparent(true);
        return c;
    }

    static void connect(CubicCurve c, double x1, double y1, double x2, double y2) {
        double bend = (x2 - x1) / 2;
        c.setStartX(x1);
        c.setStartY(y1);
        c.setControlX1(x1 + bend);
        c.setControlY1(y1);
        c.setControlX2(x2 - bend);
        c.setControlY2(y2);
        c.setEndX(x2);
        c.setEndY(y2);
    }
}
