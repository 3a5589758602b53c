package io.socketscope.ui.graph;

import java.util.function.LongFunction;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The graph's tooltips: one for every socket label and one for every host, each written for what is under
 * the pointer when it shows. A Tooltip is a window of its own: one per edge made each accept slow.
 */
final class HoverTips {

    private final Tooltip edgeTip = new Tooltip();
    private final Tooltip hostTip = new Tooltip();
    private long hoveredId = -1;
    private HostNode hoveredHost;

    /** @param summaries a socket's summary by its id (null when it is gone) */
    HoverTips(LongFunction<String> summaries) {
        hostTip.setOnShowing(e -> hostTip.setText(hoveredHost == null ? "" : hoveredHost.tooltipText()));
        // The tooltip is shown for a window, not a node: the edge under the pointer says which socket it is.
        edgeTip.setOnShowing(e -> {
            String text = hoveredId < 0 ? null : summaries.apply(hoveredId);
            edgeTip.setText(text == null ? "" : text);
        });
    }

    /** The hosts' shared tooltip, for a new host to install. */
    Tooltip hostTip() {
        return hostTip;
    }

    void watch(HostNode host) {
        host.setOnMouseEntered(e -> hoveredHost = host);
    }

    void watch(Label label, long socketId) {
        label.setOnMouseEntered(e -> hoveredId = socketId);
        Tooltip.install(label, edgeTip);
    }
}
