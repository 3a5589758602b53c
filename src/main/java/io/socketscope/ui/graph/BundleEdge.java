package io.socketscope.ui.graph;

import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * Many sockets of one host on one port, drawn as one thick edge with a count ({@code 1,240 sockets}), so
 * that ten thousand connections stay readable and cheap to draw. A click expands it.
 */
final class BundleEdge {

    final long runId;
    private final EdgeItem item = new EdgeItem();
    final CubicCurve toLabel = item.toLabel;
    final javafx.scene.shape.Path toPort = item.toPort;
    final Label label = item.label;
    private int count;

    BundleEdge(long runId) {
        this.runId = runId;
        label.getStyleClass().addAll("socket-edge", "socket-bundle");
        label.setAccessibleRole(AccessibleRole.BUTTON);
        toLabel.getStyleClass().add("bundle-line");
        toPort.getStyleClass().add("bundle-line");
    }

    EdgeItem item() {
        return item;
    }

    int count() {
        return count;
    }

    /** Changes the count; the label is written at the next layout, once however many changed. */
    void add(int delta) {
        count += delta;
    }

    /** @param perSecond new sockets a second when the host is busy, else 0 */
    void refreshText(long perSecond, String host, String port) {
        String text = perSecond > 0 ? String.format("%,d open · %,d new/s", count, perSecond)
                : String.format("%,d sockets · expand", count);
        if (!text.equals(label.getText())) {
            label.setText(text);
            label.setAccessibleText(String.format("%,d sockets of %s to %s drawn as one bundle%s", count, host, port,
                    perSecond > 0 ? String.format(", %,d new a second", perSecond) : ", press to draw them one by one"));
        }
    }

    /** Each host's bundles with their counts ({@code 127.0.0.2: 1240}), for tests. */
    static java.util.List<String> texts(java.util.Collection<HostNode> hosts) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (HostNode host : hosts) {
            for (BundleEdge b : host.bundles.values()) {
                out.add(host.ip() + ": " + b.count());
            }
        }
        return out;
    }
}
