package io.socketscope.ui.graph;

import io.socketscope.layout.Box;
import io.socketscope.layout.HostPlace;
import io.socketscope.layout.Metrics;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;

/**
 * The three pieces of one drawn edge (a socket's or a bundle's): a line from its host to its label, the
 * label, and a line from the label to its port. Without a slot for the label, one line goes from the host
 * straight to the port and the label is hidden.
 */
final class EdgeItem {

    final CubicCurve toLabel = curve();
    final Path toPort = path();
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

    /**
     * Places the label in its slot (a full label's or a mark's) and draws both lines: from the host to where
     * the label takes the edge in, and from where it lets it out to the port. A mark's lane runs under it.
     */
    void place(Box slot, HostPlace.Point host, HostPlace.Point labelIn, HostPlace.Point labelOut, double turn,
               HostPlace.Point port) {
        if (label.getMaxWidth() != slot.width() || label.getMaxHeight() != slot.height()) {
            label.setMinSize(slot.width(), slot.height());
            label.setMaxSize(slot.width(), slot.height());
        }
        label.resizeRelocate(slot.x(), slot.y(), slot.width(), slot.height());
        connect(toLabel, host.x(), host.y(), labelIn.x(), labelIn.y());
        route(toPort, labelOut.x(), labelOut.y(), turn, port.x(), port.y());
    }

    /** A line that runs level, then curves: see {@link #route}. */
    static Path path() {
        Path p = new Path(new MoveTo(), new LineTo(), new CubicCurveTo());
        p.getStyleClass().add("socket-line");
        p.setFill(null);
        p.setMouseTransparent(true);
        return p;
    }

    /**
     * Level from ({@code x1}, {@code y1}) to x {@code turn} (where every edge of the side turns), then a curve
     * arriving level at ({@code x2}, {@code y2}): the edges of one side to one port nest and never cross.
     */
    static void route(Path p, double x1, double y1, double turn, double x2, double y2) {
        MoveTo move = (MoveTo) p.getElements().get(0);
        LineTo lead = (LineTo) p.getElements().get(1);
        CubicCurveTo curve = (CubicCurveTo) p.getElements().get(2);
        move.setX(x1);
        move.setY(y1);
        lead.setX(turn);
        lead.setY(y1);
        double bend = (x2 - turn) / 2;
        curve.setControlX1(turn + bend);
        curve.setControlY1(y1);
        curve.setControlX2(x2 - bend);
        curve.setControlY2(y2);
        curve.setX(x2);
        curve.setY(y2);
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
