package io.socketscope.ui.graph;

import io.socketscope.model.PortInfo;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.layout.Pane;

/** The graph's port nodes, one per open (or just stopped) port, in the order the ports started. */
final class PortNodes {

    private final Map<Long, PortNode> ports = new LinkedHashMap<>();
    private final Pane layer;

    PortNodes(Pane layer) {
        this.layer = layer;
    }

    /** Shows exactly these ports, in this order; true if a node came or went (the graph is laid out again). */
    boolean show(List<PortInfo> now) {
        boolean changed = false;
        Set<Long> keep = new HashSet<>();
        for (PortInfo info : now) {
            keep.add(info.runId());
            PortNode node = ports.get(info.runId());
            if (node == null) {
                node = new PortNode(info);
                ports.put(info.runId(), node);
                layer.getChildren().add(node);
                changed = true;
            } else {
                node.update(info);
            }
        }
        for (var it = ports.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!keep.contains(e.getKey())) {
                layer.getChildren().remove(e.getValue());
                it.remove();
                changed = true;
            }
        }
        return changed;
    }

    PortNode get(long runId) {
        return ports.get(runId);
    }

    Collection<PortNode> all() {
        return ports.values();
    }

    int size() {
        return ports.size();
    }

    boolean isEmpty() {
        return ports.isEmpty();
    }

    /** Where a run's port stands among the ports (0 for one that is gone). */
    int index(long runId) {
        int i = 0;
        for (Long id : ports.keySet()) {
            if (id == runId) {
                return i;
            }
            i++;
        }
        return 0;
    }
}
