package io.socketscope.ui;

import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * Many sockets of one host on one port, drawn as one thick edge with a count ({@code 1,240 sockets}), so
 * that ten thousand connections stay readable and cheap to draw. A click expands it.
 */
final class BundleEdge {

    final long runId;
    final CubicCurve toLabel = SocketEdge.curve();
    final CubicCurve toPort = SocketEdge.curve();
    final Label label = new Label();
    private int count;

    BundleEdge(long runId) {
        this.runId = runId;
        label.getStyleClass().addAll("socket-edge", "socket-bundle");
        label.setMinSize(GraphLayout.SLOT_WIDTH, GraphLayout.SLOT_HEIGHT);
        label.setMaxSize(GraphLayout.SLOT_WIDTH, GraphLayout.SLOT_HEIGHT);
        toLabel.getStyleClass().add("bundle-line");
        toPort.getStyleClass().add("bundle-line");
    }

    int count() {
        return count;
    }

    /** Changes the count; the label is written at the next layout, once however many changed. */
    void add(int delta) {
        count += delta;
    }

    /** @param perSecond new sockets a second when the host is busy, else 0 */
    void refreshText(long perSecond) {
        String text = perSecond > 0 ? String.format("%,d open · %,d new/s", count, perSecond)
                : String.format("%,d sockets · expand", count);
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    void place(GraphLayout.Box host, GraphLayout.Box slot, double portLeftX, double portY) {
        label.resizeRelocate(slot.x(), slot.y(), slot.width(), slot.height());
        SocketEdge.connect(toLabel, host.right(), host.centerY(), slot.x(), slot.centerY());
        SocketEdge.connect(toPort, slot.right(), slot.centerY(), portLeftX, portY);
    }
}
