package io.socketscope.ui;

import io.socketscope.model.DeviceKind;
import io.socketscope.model.PortInfo;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.Protocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The port/socket graph, built in code: each open port as a node, each client host as a node, and each
 * accepted socket (or UDP flow) as its own labeled edge from its host to its port. Scene-graph nodes (not
 * a Canvas) because every piece is styled with CSS, clickable, looked up by tests, and at this scale cheap
 * enough to lay out.
 */
public final class GraphView extends Region {

    private final Pane lines = new Pane();
    private final Pane labels = new Pane();
    private final Pane portLayer = new Pane();
    private final Label placeholder = new Label("Press Start: the port you listen on appears here,\n"
            + "and every connection to it as its own socket.");
    private final Label caption = new Label();
    private final Map<Long, PortNode> ports = new LinkedHashMap<>();
    private final Map<String, HostNode> hosts = new LinkedHashMap<>();
    private final Map<Long, SocketEdge> edges = new LinkedHashMap<>();
    private LongConsumer onSocketClicked = id -> { };
    private LongFunction<String> summaries = id -> null;
    private long selectedId = -1;

    public GraphView() {
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("graph-view.css").toExternalForm());
        for (Pane layer : new Pane[] {lines, labels, portLayer}) {
            // Layers only group; a click must reach the edge or node under the pointer, never a layer.
            layer.setManaged(false);
            layer.setPickOnBounds(false);
        }
        placeholder.getStyleClass().add("graph-placeholder");
        placeholder.setManaged(false);
        caption.getStyleClass().add("graph-caption");
        caption.setManaged(false);
        getChildren().addAll(lines, labels, portLayer, placeholder, caption);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** Where a click on a socket's label goes (its id). */
    public void setOnSocketClicked(LongConsumer handler) {
        this.onSocketClicked = handler;
    }

    /** Where a socket's tooltip text comes from, read when the tooltip shows. */
    public void setSummaries(LongFunction<String> summaries) {
        this.summaries = summaries;
    }

    /** Shows exactly these ports (open, or just stopped), in this order. */
    public void showPorts(List<PortInfo> now) {
        Set<Long> keep = new HashSet<>();
        for (PortInfo info : now) {
            keep.add(info.runId());
            PortNode node = ports.get(info.runId());
            if (node == null) {
                node = new PortNode(info);
                ports.put(info.runId(), node);
                portLayer.getChildren().add(node);
            } else {
                node.update(info);
            }
        }
        ports.entrySet().removeIf(e -> {
            if (!keep.contains(e.getKey())) {
                portLayer.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        placeholder.setVisible(ports.isEmpty());
        updateCaption();
        requestLayout();
    }

    /** Marks the socket whose details are shown (-1 for none). */
    public void select(long socketId) {
        SocketEdge old = edges.get(selectedId);
        if (old != null) {
            old.setSelected(false);
        }
        selectedId = socketId;
        SocketEdge now = edges.get(socketId);
        if (now != null) {
            now.setSelected(true);
        }
    }

    public void socketOpened(SocketInfo info) {
        if (edges.containsKey(info.id())) {
            return;
        }
        SocketEdge edge = new SocketEdge(info);
        edges.put(info.id(), edge);
        HostNode host = hosts.computeIfAbsent(info.host(), HostNode::new);
        if (host.getParent() == null) {
            labels.getChildren().add(host);
        }
        host.sockets.add(edge);
        lines.getChildren().addAll(edge.toLabel, edge.toPort);
        labels.getChildren().add(edge.label);
        edge.label.setOnMouseClicked(e -> onSocketClicked.accept(info.id()));
        Tooltip tip = new Tooltip();
        tip.setOnShowing(e -> {
            String text = summaries.apply(info.id());
            tip.setText(text == null ? edge.label.getText() : text);
        });
        Tooltip.install(edge.label, tip);
        edge.setSelected(info.id() == selectedId);
        edge.highlight();
        host.updateCount();
        updateCaption();
        requestLayout();
    }

    /** A socket changed: new state (half-closed), a new datagram count, or a device guess for its host. */
    public void socketUpdated(SocketInfo info) {
        SocketEdge edge = edges.get(info.id());
        if (edge != null) {
            edge.update(info);
        }
        HostNode host = hosts.get(info.host());
        if (host != null && info.device() != DeviceKind.UNKNOWN) {
            host.setDevice(info.device());
        }
    }

    /** Shows the host name found by reverse DNS (empty: none). */
    public void hostNamed(String ip, String name) {
        HostNode host = hosts.get(ip);
        if (host != null) {
            host.setName(name);
        }
    }

    /** The text shown on a host node (address, name, socket count, device guess), for tests and tooltips. */
    public String hostText(String ip) {
        HostNode host = hosts.get(ip);
        return host == null ? null : host.describe();
    }

    /** The text on each port node, top to bottom. */
    public List<String> portTexts() {
        return ports.values().stream().map(PortNode::describe).toList();
    }

    public void socketClosed(SocketInfo info) {
        SocketEdge edge = edges.get(info.id());
        if (edge == null) {
            return;
        }
        edge.update(info);
        edge.close(() -> remove(edge));
        hosts.get(info.host()).updateCount();
        updateCaption();
    }

    /** Labels of the sockets drawn as open (not fading out), in display order. */
    public List<String> openSocketLabels() {
        List<String> out = new ArrayList<>();
        for (SocketEdge e : edges.values()) {
            if (!e.isClosing()) {
                out.add(e.label.getText());
            }
        }
        return out;
    }

    /** Every edge on screen, fading ones included. */
    public int drawnEdges() {
        return edges.size();
    }

    private void remove(SocketEdge edge) {
        edges.remove(edge.info().id());
        lines.getChildren().removeAll(edge.toLabel, edge.toPort);
        labels.getChildren().remove(edge.label);
        HostNode host = hosts.get(edge.info().host());
        host.sockets.remove(edge);
        if (host.sockets.isEmpty()) {
            hosts.remove(edge.info().host());
            labels.getChildren().remove(host);
        }
        updateCaption();
        requestLayout();
    }

    private void updateCaption() {
        if (ports.isEmpty()) {
            caption.setText("");
            return;
        }
        long tcp = 0;
        long udp = 0;
        for (SocketEdge e : edges.values()) {
            if (!e.isClosing()) {
                if (e.info().protocol() == Protocol.TCP) {
                    tcp++;
                } else {
                    udp++;
                }
            }
        }
        long liveHosts = hosts.values().stream().filter(h -> h.openCount() > 0).count();
        boolean anyUdp = ports.values().stream().anyMatch(p -> p.info().protocol() == Protocol.UDP);
        boolean anyTcp = ports.values().stream().anyMatch(p -> p.info().protocol() == Protocol.TCP);
        StringBuilder text = new StringBuilder()
                .append(ports.size() == 1 ? "1 port, " : ports.size() + " ports, ")
                .append(tcp == 1 ? "1 socket" : tcp + " sockets")
                .append(anyUdp ? (udp == 1 ? " and 1 UDP peer" : " and " + udp + " UDP peers") : "")
                .append(" from ").append(liveHosts).append(liveHosts == 1 ? " host. " : " hosts. ");
        if (anyTcp) {
            text.append(ports.size() == 1 ? "Every connection to port " + ports.values().iterator().next().info().port()
                    + " is its own socket with its own descriptor." : "TCP: a socket per connection.");
        }
        if (anyUdp) {
            text.append(anyTcp ? " " : "").append("UDP: one socket for every peer.");
        }
        caption.setText(text.toString());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        List<Integer> counts = new ArrayList<>();
        for (HostNode host : hosts.values()) {
            counts.add(host.sockets.size());
        }
        GraphLayout.Result layout = GraphLayout.compute(w, h - 24, counts, ports.size());
        Map<Long, GraphLayout.Box> portBoxes = new LinkedHashMap<>();
        int p = 0;
        for (Map.Entry<Long, PortNode> e : ports.entrySet()) {
            GraphLayout.Box box = layout.ports().get(p++);
            e.getValue().setRadius(box.width() / 2);
            e.getValue().resizeRelocate(box.x(), box.y(), box.width(), box.height());
            portBoxes.put(e.getKey(), box);
        }
        GraphLayout.Box fallback = layout.ports().get(0);
        int slot = 0;
        int index = 0;
        for (HostNode host : hosts.values()) {
            GraphLayout.Box box = layout.hosts().get(index++);
            host.resizeRelocate(box.x(), box.y(), box.width(), box.height());
            for (SocketEdge edge : host.sockets) {
                GraphLayout.Box port = portBoxes.getOrDefault(edge.info().runId(), fallback);
                edge.place(box, layout.slots().get(slot++), port.x(), port.centerY());
            }
        }
        placeholder.autosize();
        placeholder.relocate((w - placeholder.getWidth()) / 2, (h - placeholder.getHeight()) / 2);
        caption.autosize();
        caption.relocate(GraphLayout.MARGIN, h - caption.getHeight() - 6);
    }

    /** A client host: its IP, its name, a guess at its device, and how many sockets it has open. */
    private static final class HostNode extends HBox {
        final List<SocketEdge> sockets = new ArrayList<>();
        private final Label address;
        private final Label name = new Label();
        private final Label count = new Label();
        private final StackPane iconHolder = new StackPane();
        private final Tooltip tooltip = new Tooltip();
        private DeviceKind device = DeviceKind.UNKNOWN;

        HostNode(String ip) {
            address = new Label(ip);
            address.getStyleClass().add("host-ip");
            address.setMinWidth(Region.USE_PREF_SIZE);
            name.getStyleClass().add("host-name");
            count.getStyleClass().add("host-count");
            HBox firstLine = new HBox(5, address, name);
            firstLine.setAlignment(Pos.BASELINE_LEFT);
            VBox text = new VBox(0, firstLine, count);
            text.setAlignment(Pos.CENTER_LEFT);
            iconHolder.setMinWidth(22);
            iconHolder.getChildren().setAll(DeviceIcons.icon(device));
            getChildren().addAll(iconHolder, text);
            setSpacing(6);
            getStyleClass().add("host-node");
            setAlignment(Pos.CENTER_LEFT);
            setManaged(false);
            Tooltip.install(this, tooltip);
        }

        void setDevice(DeviceKind kind) {
            device = kind;
            iconHolder.getChildren().setAll(DeviceIcons.icon(kind));
            updateCount();
        }

        void setName(String hostName) {
            name.setText(hostName);
            updateCount();
        }

        String describe() {
            return address.getText() + (name.getText().isEmpty() ? "" : " " + name.getText()) + " · " + count.getText();
        }

        long openCount() {
            return sockets.stream().filter(e -> !e.isClosing()).count();
        }

        void updateCount() {
            long tcp = sockets.stream().filter(e -> !e.isClosing() && e.info().protocol() == Protocol.TCP).count();
            long udp = openCount() - tcp;
            String guess = device == DeviceKind.UNKNOWN ? "" : " · " + device.words() + "?";
            String counts = (udp == 0 || tcp > 0 ? (tcp == 1 ? "1 socket" : tcp + " sockets") : "")
                    + (udp == 0 ? "" : (tcp > 0 ? ", " : "") + (udp == 1 ? "1 UDP flow" : udp + " UDP flows"));
            count.setText(counts + guess);
            tooltip.setText(address.getText() + (name.getText().isEmpty() ? "" : " (" + name.getText() + ")")
                    + "\n" + counts + " open"
                    + "\nDevice: " + device.words() + (device == DeviceKind.UNKNOWN ? "" : " (a guess from its User-Agent)"));
        }
    }
}
