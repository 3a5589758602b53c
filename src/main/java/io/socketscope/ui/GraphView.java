package io.socketscope.ui;

import io.socketscope.layout.BundlePolicy;
import io.socketscope.layout.GraphLayout;
import io.socketscope.layout.HostDemand;
import io.socketscope.layout.HostPlace;
import io.socketscope.layout.Layout;
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
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The port/socket graph, built in code: each open port as a node, each client host as a node, and each
 * accepted socket (or UDP flow) as its own labeled edge from its host to its port. Where the graph goes
 * is decided by {@link GraphLayout} (pure arithmetic, the most detail that fits legibly), when a host
 * bundles by {@link BundlePolicy}, and zoom and pan by {@link ZoomPan}; this class keeps the scene nodes
 * in step with the sockets.
 *
 * <p>Scene-graph nodes, not a Canvas, chosen by measurement: with bundling the scene holds at most a few
 * hundred edges however many sockets are open (10,000 sockets from 10 hosts are 10 bundles), so a pulse's
 * CSS and layout stay a few milliseconds (see the benchmark in {@code bench/}), while every piece keeps
 * its CSS look, its click, tooltip and accessible text, and can be found by tests.
 */
public final class GraphView extends Region {

    private static final PseudoClass FAR = PseudoClass.getPseudoClass("far");
    /** Below this zoom, socket labels would be under 8 px on screen: their text is not drawn. */
    static final double LABELS_FROM_SCALE = 0.75;

    private final Pane content = new Pane();
    private final Pane lines = new Pane();
    private final Pane labels = new Pane();
    private final Pane portLayer = new Pane();
    private final Label placeholder = new Label("Press Start: the port you listen on appears here,\n"
            + "and every connection to it as its own socket.");
    private final GraphCaption caption = new GraphCaption();
    private final GroupNode group = new GroupNode(lines);
    private final Map<Long, PortNode> ports = new LinkedHashMap<>();
    private final Map<String, HostNode> hosts = new LinkedHashMap<>();
    private final Map<Long, SocketEdge> edges = new LinkedHashMap<>();
    private final BundlePolicy policy = new BundlePolicy(System::nanoTime);
    private final io.socketscope.layout.PlaceBook places = new io.socketscope.layout.PlaceBook();
    private final HostGlide glide = new HostGlide(this::requestLayout);
    private final ZoomPan zoom;
    private LongConsumer onSocketClicked = id -> { };
    private Consumer<String> onHostClicked = ip -> { };
    private LongFunction<String> summaries = id -> null;
    private LongConsumer onSocketShown = id -> { };
    private long selectedId = -1;
    /** One tooltip for every edge (a Tooltip is a window of its own: one per edge made each accept slow). */
    private final Tooltip edgeTip = new Tooltip();
    private int fading;
    private long hoveredId = -1;
    /** Bumped whenever a node is added to or taken off the graph (a listener on the layers): what needs a new layout. */
    private int shape;
    private long textsAt;
    private Layout layout;

    public GraphView() {
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("graph-view.css").toExternalForm());
        for (Pane layer : new Pane[] {lines, labels, portLayer}) {
            // Layers only group; a click must reach the edge or node under the pointer, never a layer.
            layer.setManaged(false);
            layer.setPickOnBounds(false);
        }
        content.setManaged(false);
        content.setPickOnBounds(false);
        placeholder.getStyleClass().add("graph-placeholder");
        placeholder.setManaged(false);
        labels.getChildren().add(group);
        content.getChildren().addAll(lines, labels, portLayer, caption);
        getChildren().addAll(content, placeholder);
        zoom = new ZoomPan(this, content);
        zoom.scaleProperty().addListener((o, was, now) ->
                content.pseudoClassStateChanged(FAR, now.doubleValue() < LABELS_FROM_SCALE));
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

    /** Where a click on a host goes (its address). */
    public void setOnHostClicked(Consumer<String> handler) {
        this.onHostClicked = handler;
    }

    /** Told the id of each socket as it is put on screen (as its own edge or in a bundle's count). */
    public void setOnSocketShown(LongConsumer listener) {
        this.onSocketShown = listener;
    }

    /** Where a socket's tooltip text comes from, read when the tooltip shows. */
    public void setSummaries(LongFunction<String> summaries) {
        this.summaries = summaries;
    }

    ZoomPan zoom() {
        return zoom;
    }

    /** The layout on screen now (null before the first), for tests. */
    Layout currentLayout() {
        return layout;
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
                requestLayout();
            } else {
                node.update(info);
            }
        }
        ports.entrySet().removeIf(e -> {
            if (!keep.contains(e.getKey())) {
                portLayer.getChildren().remove(e.getValue());
                requestLayout();
                return true;
            }
            return false;
        });
        placeholder.setVisible(ports.isEmpty());
        caption.stale();
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
        policy.opened(info.host());
    }

    public void socketOpened(SocketInfo info) {
        int shapeBefore = shape;
        HostNode host = hosts.computeIfAbsent(info.host(), this::newHost);
        if (host.open.putIfAbsent(info.id(), info) != null) {
            return;
        }
        count(info, 1);
        onSocketShown.accept(info.id());
        policy.opened(info.host());
        if (host.bundled || policy.mustBundle(host.ip(), host.open.size(), host.expanded)) {
            if (!host.bundled) {
                bundle(host);
            } else {
                bundleFor(host, info.runId()).add(1);
            }
        } else {
            draw(host, info).highlight();
        }
        host.updateCount();
        caption.stale();
        if (shape != shapeBefore) {
            requestLayout(); // only when a node came or went: a count alone is written by the tick
        }
    }

    private HostNode newHost(String ip) {
        HostNode host = new HostNode(ip);
        host.setOnMouseClicked(e -> onHostClicked.accept(ip));
        labels.getChildren().add(host);
        textsAt = 0;
        return host;
    }

    private void count(SocketInfo info, int delta) {
        HostNode host = hosts.get(info.host());
        if (info.protocol() == Protocol.TCP) {
            caption.openTcp += delta;
            host.tcp += delta;
        } else {
            caption.openUdp += delta;
            host.udp += delta;
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

    /** A click on a bundle: draw its sockets one by one (up to {@link BundlePolicy#EXPANDED_MAX}), or bundle them again. */
    private void toggle(HostNode host) {
        host.expanded = !host.expanded;
        if (host.expanded) {
            unbundle(host);
        } else if (host.open.size() > BundlePolicy.BUNDLE_AT) {
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
            if (drawn++ < policy.limit(host.expanded)) {
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
                if (host.bundled && !host.expanded && policy.mayUnbundle(host.ip(), host.open.size())) {
                    unbundle(host);
                }
                requestLayout();
            }
        }
    }

    /** Bundled edges and their counts, for tests: {@code 127.0.0.2: 1240}. */
    public List<String> bundleTexts() {
        List<String> out = new ArrayList<>();
        for (HostNode host : hosts.values()) {
            for (BundleEdge b : host.bundles.values()) {
                out.add(host.ip() + ": " + b.count());
            }
        }
        return out;
    }

    /** A socket changed: new state (half-closed), a new datagram count, or a device guess for its host. */
    public void socketUpdated(SocketInfo info) {
        HostNode host = hosts.get(info.host());
        if (host != null) {
            host.open.computeIfPresent(info.id(), (id, before) -> info);
            if (info.device() != DeviceKind.UNKNOWN) {
                host.setDevice(info.device());
            }
        }
        SocketEdge edge = edges.get(info.id());
        if (edge != null) {
            edge.update(info);
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
        SocketEdge edge = edges.get(info.id());
        if (edge != null && !policy.mayFade(fading)) {
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
                if (bundle.count() <= 0 && !policy.busy(host.ip())) {
                    host.bundles.remove(info.runId());
                    lines.getChildren().removeAll(bundle.toLabel, bundle.toPort);
                    labels.getChildren().remove(bundle.label);
                }
            }
        }
        if (host.bundled && policy.mayUnbundle(host.ip(), host.open.size())) {
            host.expanded = false;
            unbundle(host);
        }
        removeIfEmpty(host);
        host.updateCount();
        caption.stale();
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
        caption.stale();
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
        if (host.open.isEmpty() && !host.bundles.isEmpty() && !policy.busy(host.ip())) {
            dropBundles(host);
            host.bundled = false;
        }
        if (host.sockets.isEmpty() && host.bundles.isEmpty() && host.open.isEmpty()) {
            hosts.remove(host.ip());
            places.release(host.ip());
            glide.forget(host.ip());
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
            long perSecond = policy.busyRate(host.ip());
            for (BundleEdge bundle : host.bundles.values()) {
                PortNode port = ports.get(bundle.runId);
                bundle.refreshText(perSecond, host.ip(), port == null ? "a stopped port" : "port " + port.info().port());
            }
        }
        caption.refresh(ports.values().stream().map(PortNode::info).toList(), liveHosts());
    }

    private long liveHosts() {
        long live = 0;
        for (HostNode h : hosts.values()) {
            live += h.open.isEmpty() ? 0 : 1;
        }
        return live;
    }

    private int portIndex(long runId) {
        int i = 0;
        for (Long id : ports.keySet()) {
            if (id == runId) {
                return i;
            }
            i++;
        }
        return 0;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        content.resizeRelocate(0, 0, w, h);
        List<HostDemand> demands = new ArrayList<>(hosts.size());
        for (HostNode host : hosts.values()) {
            List<Integer> items = new ArrayList<>(host.bundles.size() + host.sockets.size());
            host.bundles.values().forEach(b -> items.add(portIndex(b.runId)));
            host.sockets.forEach(e -> items.add(portIndex(e.info().runId())));
            demands.add(new HostDemand(host.ip(), places.placeOf(host.ip()), items));
        }
        Layout before = layout;
        layout = GraphLayout.compute(w, h, Math.max(1, ports.size()), demands);
        int p = 0;
        for (PortNode node : ports.values()) {
            node.place(layout.ports().get(p++));
        }
        int grouped = 0;
        Set<Integer> groupPorts = new TreeSet<>();
        for (HostNode host : hosts.values()) {
            HostPlace at = layout.host(host.ip());
            if (at == null) {
                host.hide();
                grouped += host.tcp + host.udp;
                host.open.values().forEach(s -> groupPorts.add(portIndex(s.runId())));
                continue;
            }
            double dy = glide.offset(host.ip(), before, at, layout);
            host.place(at, layout, dy, this::portIndex);
        }
        group.show(layout, grouped, List.copyOf(groupPorts));
        refreshTexts(false);
        placeholder.autosize();
        placeholder.relocate((w - placeholder.getWidth()) / 2, (h - placeholder.getHeight()) / 2);
        caption.place(layout.caption());
    }
}
