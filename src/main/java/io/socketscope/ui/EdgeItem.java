package io.socketscope.ui;

import io.socketscope.layout.Box;
import io.socketscope.layout.HostPlace;
import io.socketscope.layout.Metrics;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;

/**
 * The three pieces of one drawn edge (a socket's or a bundle's): a line from its host to its label, the
 * label, and a line from the label to its port. Without a slot for the label, one line goes from the host
 * straight to the port and the label is hidden.
 */
final class EdgeItem {

    final CubicCurve toLabel = curve();
    final CubicCurve toPort = curve();
    final Label label = new Label();

    EdgeItem() {
        label.setMinSize(Metrics.SLOT_WIDTH, Metrics.SLOT_HEIGHT);
        label.setMaxSize(Metrics.SLOT_WIDTH, Metrics.SLOT_HEIGHT);
    }

    /**
     * Puts the edge in the scene (its lines under every label, its label with the labels) and styles it
     * there and then, so that it is drawn whole in the pulse it enters (an unstyled label has no skin and
     * draws nothing). Only edges with a slot are in the scene: one that is counted on its host, not
     * labeled, costs the scene nothing.
     */
    void attach(Pane lines, Pane labels) {
        if (label.getParent() == null) {
            lines.getChildren().addAll(toLabel, toPort);
            labels.getChildren().add(label);
            toLabel.applyCss();
            toPort.applyCss();
            label.applyCss();
        }
    }

    /** Takes the edge out of the scene. */
    void detach() {
        if (label.getParent() instanceof Pane layer) {
            layer.getChildren().remove(label);
        }
        if (toPort.getParent() instanceof Pane layer) {
            layer.getChildren().removeAll(toLabel, toPort);
        }
    }

    /** Places the label in its slot and draws both lines to it. */
    void place(Box slot, HostPlace.Point host, HostPlace.Point labelIn, HostPlace.Point labelOut, HostPlace.Point port) {
        label.resizeRelocate(slot.x(), slot.y(), slot.width(), slot.height());
        connect(toLabel, host.x(), host.y(), labelIn.x(), labelIn.y());
        connect(toPort, labelOut.x(), labelOut.y(), port.x(), port.y());
    }


    static CubicCurve curve() {
        CubicCurve c = new CubicCurve();
        c.getStyleClass().add("socket-line");
        c.setFill(null);
        c.setMouseTransparent(true);
        return c;
    }

    /** A curve leaving and arriving level: edges of one side to one port nest and never cross. */
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
