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
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
 * accepted socket (or UDP flow) as its own labeled edge from its host to its port. A host with more than
 * {@link #BUNDLE_AT} open sockets has them drawn as one bundled edge per port, with a count, which expands
 * on click.
 *
 * <p>Scene-graph nodes, not a Canvas, chosen by measurement: with bundling the scene holds at most a few
 * hundred edges however many sockets are open (10,000 sockets from 10 hosts are 10 bundles), so a pulse's
 * CSS and layout stay a few milliseconds (see the benchmark in {@code bench/}), while every piece keeps
 * its CSS look, its click and tooltip, and can be found by tests. A Canvas would have to redraw all of it
 * on every change and re-implement picking.
 */
public final class GraphView extends Region {

    /** Past this many open sockets, a host's sockets are drawn as one bundled edge per port. */
    static final int BUNDLE_AT = 12;
    /** An expanded bundle still draws at most this many edges; the rest stay counted in a bundle. */
    static final int EXPANDED_MAX = 120;
    /**
     * Closing edges fade out; past this many fading at once, further ones go at once. A fading edge is
     * repainted every frame, and with software rendering dozens of them cost more than everything else.
     */
    static final int MAX_FADING = 16;
    /**
     * A host opening more sockets than this in a second is drawn as a bundle whatever its open count: a
     * storm of short connections would otherwise build and tear down edges every frame.
     */
    static final int CHURN_AT = 60;

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
    private LongConsumer onSocketShown = id -> { };
    private long selectedId = -1;
    /** One tooltip for every edge (a Tooltip is a window of its own: one per edge made each accept slow). */
    private final Tooltip edgeTip = new Tooltip();
    private int fading;
    private long hoveredId = -1;
    private boolean captionStale;
    /** Bumped whenever a node is added to or taken off the graph (a listener on the layers): what needs a new layout. */
    private int shape;
    private long textsAt;
    /** Per client IP: opens in the current second, opens in the last full second, when this second began. */
    private final Map<String, long[]> churn = new java.util.HashMap<>();
    private long openTcp;
    private long openUdp;

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
        // Any node added to or taken off the graph needs a new layout; counts alone do not.
        ListChangeListener<Node> reshaped = change -> shape++;
        lines.getChildren().addListener(reshaped);
        labels.getChildren().addListener(reshaped);
        // The tooltip is shown for a window, not a node: the edge under the pointer says which socket it is.
        edgeTip.setOnShowing(e -> {
            String text = hoveredId < 0 ? null : summaries.apply(hoveredId);
            edgeTip.setText(text == null ? "" : text);
        });
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** Where a click on a socket's label goes (its id). */
    public void setOnSocketClicked(LongConsumer handler) {
        this.onSocketClicked = handler;
    }

    /** Told the id of each socket as it is put on screen (as its own edge or in a bundle's count). */
    public void setOnSocketShown(LongConsumer listener) {
        this.onSocketShown = listener;
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

    /**
     * A socket that opened and closed within one batch: counted (the log and the counters have it), but
     * never drawn, so that a storm of short connections costs the scene nothing.
     */
    public void socketCameAndWent(SocketInfo info) {
        onSocketShown.accept(info.id());
        churn(info.host(), true);
    }

    public void socketOpened(SocketInfo info) {
        int shapeBefore = shape;
        HostNode host = hosts.computeIfAbsent(info.host(), HostNode::new);
        if (host.getParent() == null) {
            labels.getChildren().add(host);
            textsAt = 0;
        }
        if (host.open.putIfAbsent(info.id(), info) != null) {
            return;
        }
        count(info, 1);
        if (info.protocol() == Protocol.TCP) {
            host.tcp++;
        } else {
            host.udp++;
        }
        onSocketShown.accept(info.id());
        boolean busy = !host.expanded && busyRate(churn(info.host(), true)) > 0;
        if (host.bundled || host.open.size() > host.limit() || busy) {
            if (!host.bundled) {
                bundle(host);
            } else {
                bundleFor(host, info.runId()).add(1);
            }
        } else {
            draw(host, info).highlight();
        }
        host.updateCount();
        captionStale = true;
        if (shape != shapeBefore) {
            requestLayout(); // only when a node came or went: a count alone is written by the tick
        }
    }

    private void count(SocketInfo info, int delta) {
        if (info.protocol() == Protocol.TCP) {
            openTcp += delta;
        } else {
            openUdp += delta;
        }
    }

    private SocketEdge draw(HostNode host, SocketInfo info) {
        SocketEdge edge = new SocketEdge(info);
        edges.put(info.id(), edge);
        host.sockets.add(edge);
        lines.getChildren().addAll(edge.toLabel, edge.toPort);
        labels.getChildren().add(edge.label);
        edge.label.setOnMouseClicked(e -> onSocketClicked.accept(info.id()));
        edge.label.setOnMouseEntered(e -> hoveredId = info.id());
        Tooltip.install(edge.label, edgeTip);
        edge.setSelected(info.id() == selectedId);
        return edge;
    }

    /** Replaces a host's open edges by one bundle per port (fading edges finish fading). */
    private void bundle(HostNode host) {
        host.bundled = true;
        for (SocketEdge edge : List.copyOf(host.sockets)) {
            if (!edge.isClosing()) {
                erase(edge);
            }
        }
        dropBundles(host);
        for (SocketInfo info : host.open.values()) {
            bundleFor(host, info.runId()).add(1);
        }
    }

    private void dropBundles(HostNode host) {
        for (BundleEdge bundle : host.bundles.values()) {
            lines.getChildren().removeAll(bundle.toLabel, bundle.toPort);
            labels.getChildren().remove(bundle.label);
        }
        host.bundles.clear();
    }

    /** A click on a bundle: draw its sockets one by one (up to {@link #EXPANDED_MAX}), or bundle them again. */
    private void toggle(HostNode host) {
        host.expanded = !host.expanded;
        if (host.expanded) {
            unbundle(host);
        } else if (host.open.size() > BUNDLE_AT) {
            bundle(host);
        }
        host.updateCount();
        requestLayout();
    }

    /** Draws a bundled host's sockets one by one again (few are left, or it was expanded). */
    private void unbundle(HostNode host) {
        host.bundled = false;
        dropBundles(host);
        int drawn = (int) host.openCount();
        for (SocketInfo info : host.open.values()) {
            if (edges.containsKey(info.id())) {
                continue;
            }
            if (drawn++ < host.limit()) {
                draw(host, info);
            } else {
                bundleFor(host, info.runId()).add(1);
                host.bundled = true;
            }
        }
    }

    private BundleEdge bundleFor(HostNode host, long runId) {
        return host.bundles.computeIfAbsent(runId, id -> {
            BundleEdge bundle = new BundleEdge(id);
            bundle.label.setOnMouseClicked(e -> toggle(host));
            lines.getChildren().addAll(bundle.toLabel, bundle.toPort);
            labels.getChildren().add(bundle.label);
            textsAt = 0;
            return bundle;
        });
    }

    /**
     * Called on a timer: hosts whose storm has passed lose their empty bundles, and busy bundles show the
     * current rate. Events alone cannot do it, since a storm ends with silence.
     */
    public void sweep() {
        for (HostNode host : List.copyOf(hosts.values())) {
            if (!host.bundles.isEmpty()) {
                removeIfEmpty(host);
                if (host.bundled && !host.expanded && host.open.size() <= BUNDLE_AT / 2 && !busy(host)) {
                    unbundle(host);
                }
                requestLayout();
            }
        }
    }

    /** Rolls the host's one-second window and counts an open if asked; returns {this second, last second}. */
    private long[] churn(String ip, boolean opened) {
        long now = System.nanoTime();
        if (churn.size() > 4096) {
            churn.clear();
        }
        long[] c = churn.computeIfAbsent(ip, k -> new long[] {0, 0, now});
        if (now - c[2] >= 1_000_000_000L) {
            c[1] = now - c[2] >= 2_000_000_000L ? 0 : c[0];
            c[0] = 0;
            c[2] = now;
        }
        if (opened) {
            c[0]++;
        }
        return c;
    }

    /** New sockets a second of a busy host (this second or the last, whichever is more), or 0 if it is not busy. */
    private static long busyRate(long[] window) {
        long rate = Math.max(window[0], window[1]);
        return rate > CHURN_AT ? rate : 0;
    }

    /** Whether the host opens sockets faster than {@link #CHURN_AT} a second (its window rolled to now). */
    private boolean busy(HostNode host) {
        return busyRate(churn(host.address.getText(), false)) > 0;
    }

    /** Bundled edges and their counts, for tests: {@code 127.0.0.2 → run 3: 1,240}. */
    public List<String> bundleTexts() {
        List<String> out = new ArrayList<>();
        for (HostNode host : hosts.values()) {
            for (BundleEdge b : host.bundles.values()) {
                out.add(host.address.getText() + ": " + b.count());
            }
        }
        return out;
    }

    /** A socket changed: new state (half-closed), a new datagram count, or a device guess for its host. */
    public void socketUpdated(SocketInfo info) {
        HostNode owner = hosts.get(info.host());
        if (owner != null) {
            owner.open.computeIfPresent(info.id(), (id, before) -> info);
        }
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
        int shapeBefore = shape;
        HostNode host = hosts.get(info.host());
        if (host == null || host.open.remove(info.id()) == null) {
            return;
        }
        count(info, -1);
        if (info.protocol() == Protocol.TCP) {
            host.tcp--;
        } else {
            host.udp--;
        }
        SocketEdge edge = edges.get(info.id());
        if (edge != null && fading >= MAX_FADING) {
            remove(edge);
        } else if (edge != null) {
            edge.update(info);
            fading++;
            edge.close(() -> {
                fading--;
                remove(edge);
            });
        } else {
            BundleEdge bundle = host.bundles.get(info.runId());
            if (bundle != null) {
                bundle.add(-1);
                if (bundle.count() <= 0 && !busy(host)) {
                    host.bundles.remove(info.runId());
                    lines.getChildren().removeAll(bundle.toLabel, bundle.toPort);
                    labels.getChildren().remove(bundle.label);
                }
            }
        }
        if (host.bundled && host.open.size() <= BUNDLE_AT / 2 && !busy(host)) {
            host.expanded = false;
            unbundle(host);
        }
        removeIfEmpty(host);
        host.updateCount();
        captionStale = true;
        if (shape != shapeBefore) {
            requestLayout();
        }
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
        erase(edge);
        HostNode host = hosts.get(edge.info().host());
        if (host != null) {
            removeIfEmpty(host);
        }
        updateCaption();
        requestLayout();
    }

    /** Takes an edge off the screen at once. */
    private void erase(SocketEdge edge) {
        edges.remove(edge.info().id());
        lines.getChildren().removeAll(edge.toLabel, edge.toPort);
        labels.getChildren().remove(edge.label);
        HostNode host = hosts.get(edge.info().host());
        if (host != null) {
            host.sockets.remove(edge);
        }
    }

    private void removeIfEmpty(HostNode host) {
        if (host.open.isEmpty() && !host.bundles.isEmpty() && !busy(host)) {
            dropBundles(host);
            host.bundled = false;
        }
        if (host.sockets.isEmpty() && host.bundles.isEmpty() && host.open.isEmpty()) {
            hosts.remove(host.address.getText());
            labels.getChildren().remove(host);
        }
    }

    /**
     * Writes the counts on host nodes, bundles and the caption: at most ten times a second unless
     * {@code now}, so that a storm does not repaint text every frame. Also called from a timer.
     */
    public void refreshTexts(boolean now) {
        long t = System.nanoTime();
        if (!now && t - textsAt < 100_000_000L) {
            return;
        }
        textsAt = t;
        for (HostNode host : hosts.values()) {
            host.refreshCount();
            long perSecond = busyRate(churn.getOrDefault(host.address.getText(), new long[3]));
            for (BundleEdge bundle : host.bundles.values()) {
                bundle.refreshText(perSecond);
            }
        }
        refreshCaption();
    }

    /** The caption is rewritten with the other counts, not once per socket. */
    private void updateCaption() {
        captionStale = true;
        requestLayout();
    }

    private void refreshCaption() {
        if (!captionStale) {
            return;
        }
        captionStale = false;
        if (ports.isEmpty()) {
            caption.setText("");
            return;
        }
        long tcp = openTcp;
        long udp = openUdp;
        long liveHosts = 0;
        for (HostNode h : hosts.values()) {
            liveHosts += h.open.isEmpty() ? 0 : 1;
        }
        boolean anyUdp = ports.values().stream().anyMatch(p -> p.info().protocol() == Protocol.UDP);
        boolean anyTcp = ports.values().stream().anyMatch(p -> p.info().protocol() == Protocol.TCP);
        StringBuilder text = new StringBuilder()
                .append(ports.size() == 1 ? "1 port, " : ports.size() + " ports, ")
                .append(tcp == 1 ? "1 socket" : String.format("%,d sockets", tcp))
                .append(anyUdp ? (udp == 1 ? " and 1 UDP peer" : String.format(" and %,d UDP peers", udp)) : "")
                .append(" from ").append(liveHosts).append(liveHosts == 1 ? " host. " : " hosts. ");
        if (anyTcp) {
            text.append(ports.size() == 1 ? "Every connection to port " + ports.values().iterator().next().info().port()
                    + " is its own socket with its own descriptor." : "TCP: a socket per connection.");
        }
        if (anyUdp) {
            text.append(anyTcp ? " " : "").append("UDP: one socket for every peer.");
        }
        if (!text.toString().equals(caption.getText())) {
            caption.setText(text.toString());
            caption.autosize(); // the caption is not laid out by its parent (it is unmanaged)
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        List<Integer> counts = new ArrayList<>();
        for (HostNode host : hosts.values()) {
            counts.add(host.sockets.size() + host.bundles.size());
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
            for (BundleEdge bundle : host.bundles.values()) {
                GraphLayout.Box port = portBoxes.getOrDefault(bundle.runId, fallback);
                bundle.place(box, layout.slots().get(slot++), port.x(), port.centerY());
            }
            for (SocketEdge edge : host.sockets) {
                GraphLayout.Box port = portBoxes.getOrDefault(edge.info().runId(), fallback);
                edge.place(box, layout.slots().get(slot++), port.x(), port.centerY());
            }
        }
        refreshTexts(false);
        placeholder.autosize();
        placeholder.relocate((w - placeholder.getWidth()) / 2, (h - placeholder.getHeight()) / 2);
        caption.autosize();
        caption.relocate(GraphLayout.MARGIN, h - caption.getHeight() - 6);
    }

    /** A client host: its IP, its name, a guess at its device, and how many sockets it has open. */
    private static final class HostNode extends HBox {
        final List<SocketEdge> sockets = new ArrayList<>();
        /** Every open socket of the host, drawn or bundled. */
        final Map<Long, SocketInfo> open = new LinkedHashMap<>();
        final Map<Long, BundleEdge> bundles = new LinkedHashMap<>();
        boolean bundled;
        boolean expanded;
        /** Open sockets by protocol, kept as they change (a host may have thousands). */
        int tcp;
        int udp;
        boolean countDirty;
        final Label address;
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
            if (kind == device) {
                return;
            }
            device = kind;
            iconHolder.getChildren().setAll(DeviceIcons.icon(kind));
            countDirty = true;
            refreshCount();
        }

        void setName(String hostName) {
            if (hostName.equals(name.getText())) {
                return;
            }
            name.setText(hostName);
            countDirty = true;
            refreshCount();
        }

        String describe() {
            refreshCount();
            return address.getText() + (name.getText().isEmpty() ? "" : " " + name.getText()) + " · " + count.getText();
        }

        /** Drawn edges that are not fading out. */
        long openCount() {
            long n = 0;
            for (SocketEdge e : sockets) {
                n += e.isClosing() ? 0 : 1;
            }
            return n;
        }

        /** How many edges this host draws one by one before it bundles. */
        int limit() {
            return expanded ? EXPANDED_MAX : BUNDLE_AT;
        }

        /** Marks the count label stale; it is written once per layout, however many sockets changed. */
        void updateCount() {
            countDirty = true;
        }

        void refreshCount() {
            if (!countDirty) {
                return;
            }
            countDirty = false;
            String guess = device == DeviceKind.UNKNOWN ? "" : " · " + device.words() + "?";
            String counts = (udp == 0 || tcp > 0 ? (tcp == 1 ? "1 socket" : String.format("%,d sockets", tcp)) : "")
                    + (udp == 0 ? "" : (tcp > 0 ? ", " : "") + (udp == 1 ? "1 UDP flow" : udp + " UDP flows"));
            count.setText(counts + guess);
            tooltip.setText(address.getText() + (name.getText().isEmpty() ? "" : " (" + name.getText() + ")")
                    + "\n" + counts + " open"
                    + "\nDevice: " + device.words() + (device == DeviceKind.UNKNOWN ? "" : " (a guess from its User-Agent)"));
        }
    }
}
