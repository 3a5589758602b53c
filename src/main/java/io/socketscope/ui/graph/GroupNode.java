package io.socketscope.ui.graph;

import io.socketscope.layout.GroupPlace;
import io.socketscope.layout.HostPlace;
import io.socketscope.layout.Layout;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;

/**
 * The hosts that did not fit at a legible size, as one node with their count ({@code + 240 more hosts ·
 * 720 sockets}) and one thick line to each port they use. The Sockets table lists every one of them.
 */
final class GroupNode extends Label {

    private final Pane lines;
    private final List<CubicCurve> curves = new ArrayList<>();
    private final Tooltip tooltip = new Tooltip();

    GroupNode(Pane lines) {
        this.lines = lines;
        getStyleClass().addAll("host-node", "host-group");
        setId("host-group");
        setAlignment(Pos.CENTER_LEFT);
        setManaged(false);
        setVisible(false);
        setAccessibleRole(AccessibleRole.TEXT);
        Tooltip.install(this, tooltip);
    }

    /**
     * Shows the group where the layout put it, or hides it when everything fit.
     *
     * @param sockets the grouped hosts' open sockets, in all
     * @param ports   the indexes of the ports their sockets go to
     */
    void show(Layout layout, int sockets, List<Integer> ports) {
        GroupPlace at = layout.group();
        setVisible(at != null);
        while (curves.size() > (at == null ? 0 : ports.size())) {
            lines.getChildren().remove(curves.remove(curves.size() - 1));
        }
        if (at == null) {
            return;
        }
        int hosts = at.keys().size();
        String text = String.format("+ %,d more %s · %,d sockets", hosts, hosts == 1 ? "host" : "hosts", sockets);
        setText(text);
        setAccessibleText(text + ", listed in the Sockets table");
        tooltip.setText(String.format("%,d hosts do not fit at a readable size: %s%s%nEvery socket is in the Sockets"
                + " table; zoom does not add them, a larger window does.", hosts,
                String.join(", ", at.keys().subList(0, Math.min(12, hosts))), hosts > 12 ? ", …" : ""));
        resizeRelocate(at.box().x(), at.box().y(), at.box().width(), at.box().height());
        while (curves.size() < ports.size()) {
            CubicCurve c = EdgeItem.curve();
            c.getStyleClass().add("bundle-line");
            curves.add(c);
            lines.getChildren().add(c);
        }
        HostPlace.Point from = at.anchor();
        for (int i = 0; i < ports.size(); i++) {
            HostPlace.Point to = layout.portAnchor(ports.get(i), at.side());
            EdgeItem.connect(curves.get(i), from.x(), from.y(), to.x(), to.y());
        }
    }
}
