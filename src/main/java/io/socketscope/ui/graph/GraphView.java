package io.socketscope.ui.graph;

import io.socketscope.layout.BundlePolicy;
import io.socketscope.layout.GraphLayout;
import io.socketscope.layout.HostDemand;
import io.socketscope.layout.HostPlace;
import io.socketscope.layout.Layout;
import io.socketscope.model.PortInfo;
import io.socketscope.model.SocketInfo;
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
import javafx.scene.control.Label;
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

    private final Pane content = new Pane();
    /**
     * Holds the content at the presenter's magnification: the layout is computed for the area divided by
     * it and drawn that much larger, so text and lines grow and the layout still never overlaps.
     */
    private final javafx.scene.Group magnified = new javafx.scene.Group(content);
    private final javafx.scene.transform.Scale magnification = new javafx.scene.transform.Scale(1, 1, 0, 0);
    private final Pane lines = new Pane();
    private final Pane labels = new Pane();
    private final Pane portLayer = new Pane();
    private final Label placeholder = new Label("Press Start: the port you listen on appears here,\n"
            + "and every connection to it as its own socket.");
    private final GraphCaption caption = new GraphCaption();
    private final GroupNode group = new GroupNode(lines);
    private final PortNodes ports = new PortNodes(portLayer);
    private final HostEdges sockets = new HostEdges(lines, labels, caption, this::requestLayout);
    private final HostGlide glide = new HostGlide(this::requestLayout);
    private final GhostMarks ghosts = new GhostMarks(sockets, caption, this::requestLayout);
    private final ZoomPan zoom;
    private Layout layout;
    /**
     * How long one pulse spends bringing new host nodes into the scene; the others wait for the next pulses.
     * A node entering the scene is styled and measured (CSS, skins, text), and that costs much more while the
     * JIT has not compiled it yet: 300 phones arriving at once, or a group of hosts uncovered when others
     * leave, would cost one pulse 100-190 ms of that work. Each entering host is styled right here (not in the
     * next pulse's CSS pass), so the time box holds its whole cost; at least one host enters a pulse.
     */
    static final long ENTERING_NANOS = 6_000_000L;
    /** Hosts that have a place but wait for a later pulse to enter the scene. */
    private boolean hostsWaiting;
    /** The host opened by a click: drawn with its full labels if at all possible (null: none). */
    private String opened;
    private Consumer<String> onHostClicked = ip -> { };
    private boolean countedBefore;

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
        content.getChildren().addAll(lines, labels, portLayer);
        content.getTransforms().add(magnification);
        magnified.setManaged(false);
        javafx.scene.Group captionLayer = new javafx.scene.Group(caption);
        captionLayer.setManaged(false);
        captionLayer.getTransforms().add(magnification);
        getChildren().addAll(magnified, captionLayer, placeholder);
        zoom = new ZoomPan(this, magnified, this::requestLayout);
        zoom.setOnFit(() -> open(null));
        zoom.setOnClose(() -> open(null));
        zoom.setAnchors(new HostAnchors(() -> layout, magnification::getX));
        // Any node added to or taken off the graph needs a new layout; counts alone do not.
        sockets.onHostGone = ip -> {
            glide.forget(ip);
            if (ip.equals(opened)) {
                open(null);
            }
        };
        sockets.onHostClicked = ip -> {
            open(ip.equals(opened) ? null : ip);
            onHostClicked.accept(ip);
        };
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** Where a click on a socket's label goes (its id). */
    public void setOnSocketClicked(LongConsumer handler) {
        sockets.onSocketClicked = handler;
    }

    /**
     * Where a click on a host goes (its address), besides opening it in the graph (or closing it, when it
     * was the one open).
     */
    public void setOnHostClicked(Consumer<String> handler) {
        onHostClicked = handler;
    }

    /**
     * Opens a host in the graph (null: closes the one open): its sockets drawn with their full labels where
     * it stands, the others compacted to make room, the host marked.
     */
    public void open(String ip) {
        if (java.util.Objects.equals(ip, opened)) {
            return;
        }
        sockets.markOpened(opened, false);
        opened = ip;
        sockets.markOpened(opened, true);
        caption.stale();
        requestLayout();
    }

    /** The host open in the graph, or null. */
    public String openedHost() {
        return opened;
    }

    /**
     * Told the id of each socket in the pulse it is put on screen: its own edge, or its host's, bundle's or
     * group's count including it (see {@link #settle}).
     */
    public void setOnSocketShown(LongConsumer listener) {
        sockets.onSocketShown = listener;
    }

    /** Where a socket's tooltip text comes from, read when the tooltip shows. */
    public void setSummaries(LongFunction<String> summaries) {
        sockets.summaries = summaries;
    }

    /**
     * Whether the graph shows {@code hosts} hosts (drawn or in the group), laid out and still: no layout
     * pending and no host gliding. For the benchmark's "time to a settled layout".
     */
    public boolean settled(int hosts) {
        return layout != null && !isNeedsLayout() && !glide.moving() && !hostsWaiting && zoom.settled()
                && layout.hosts().size() + (layout.group() == null ? 0 : layout.group().keys().size()) == hosts;
    }

    /** Draws everything {@code factor} times larger (presenter mode: 1.6), laid out again for the room left. */
    public void setMagnification(double factor) {
        magnification.setX(factor);
        magnification.setY(factor);
        zoom.fit();
        requestLayout();
    }

    public ZoomPan zoom() {
        return zoom;
    }

    /** The layout on screen now (null before the first), for tests. */
    public Layout currentLayout() {
        return layout;
    }

    /** Shows exactly these ports (open, or just stopped), in this order. */
    public void showPorts(List<PortInfo> now) {
        if (ports.show(now)) {
            requestLayout();
        }
        placeholder.setVisible(ports.isEmpty());
        caption.stale();
    }

    /** The text on each port node, top to bottom. */
    public List<String> portTexts() {
        return ports.all().stream().map(PortNode::describe).toList();
    }

    /** Marks the socket whose details are shown (-1 for none). */
    public void select(long socketId) {
        sockets.select(socketId);
    }

    /** A socket that opened and closed within one batch: counted, never drawn. */
    public void socketCameAndWent(SocketInfo info) {
        sockets.socketCameAndWent(info);
    }

    public void socketOpened(SocketInfo info) {
        sockets.socketOpened(info);
    }

    /** A socket changed: new state (half-closed), a new datagram count, or a device guess for its host. */
    public void socketUpdated(SocketInfo info) {
        sockets.socketUpdated(info);
    }

    public void socketClosed(SocketInfo info) {
        sockets.socketClosed(info);
    }

    /** The kernel's ghosts on the graph: the connections it keeps after their fd closed (TIME_WAIT...). */
    public GhostMarks ghosts() {
        return ghosts;
    }

    /** Called on a timer: hosts whose storm has passed lose their bundles (a storm ends with silence). */
    public void sweep() {
        sockets.sweep();
    }

    /** Shows the host name found by reverse DNS (empty: none). */
    public void hostNamed(String ip, String name) {
        sockets.hostNamed(ip, name);
    }

    /** The text shown on a host node (address, name, socket count, device guess), for tests and tooltips. */
    public String hostText(String ip) {
        return sockets.hostText(ip);
    }

    /** Bundled edges and their counts, for tests: {@code 127.0.0.2: 1240}. */
    public List<String> bundleTexts() {
        return BundleEdge.texts(sockets.hosts());
    }

    /** Labels of the sockets drawn as open (not fading out), in display order. */
    public List<String> openSocketLabels() {
        return sockets.edges().stream().filter(e -> !e.isClosing()).map(SocketEdge::text).toList();
    }

    /** Every edge on screen, fading ones included. */
    public int drawnEdges() {
        return sockets.drawnEdges();
    }

    /** Whether this socket's edge has its lines and label made, for tests. */
    public boolean socketHasNodes(long socketId) {
        return sockets.hasNodes(socketId);
    }

    /**
     * Every pulse, before its CSS pass (see {@code MainView}): writes the counts that changed, lays the graph
     * out if it must, and hands on the sockets that are now on screen ({@link #setOnSocketShown}). A new
     * socket is on screen in the pulse its event is applied: its own edge, or the count of its host, bundle
     * or group, which is written then, not at a later refresh.
     */
    public void settle() {
        refreshTexts(false);
        layout();
        sockets.handOnShown(host -> host.getParent() != null || (layout != null && layout.host(host.ip()) == null));
    }

    /**
     * Writes the counts on host nodes and bundles when a count changed; with {@code now} (the refresh ten
     * times a second) also the bundles' rates of new sockets and the caption under the graph.
     */
    public void refreshTexts(boolean now) {
        if (!now && !sockets.textsDue) {
            return;
        }
        sockets.textsDue = false;
        for (HostNode host : sockets.hosts()) {
            host.refreshCount();
            long perSecond = sockets.busyRate(host.ip());
            for (BundleEdge bundle : host.bundles.values()) {
                PortNode port = ports.get(bundle.runId);
                bundle.refreshText(perSecond, host.ip(), port == null ? "a stopped port" : "port " + port.info().port());
            }
        }
        if (now) {
            ghosts.refresh();
            // The caption sums up the whole graph: the counts on the hosts are what show each socket.
            caption.refresh(ports.all().stream().map(PortNode::info).toList(), liveHosts(), counted(), opened);
        }
    }

    /** Whether some host on screen counts its sockets instead of drawing them (or some are in the group). */
    private boolean counted() {
        return layout != null && layout.counted();
    }

    private long liveHosts() {
        long live = 0;
        for (HostNode h : sockets.hosts()) {
            live += h.open.isEmpty() ? 0 : 1;
        }
        return live;
    }

    private int portIndex(long runId) {
        return ports.index(runId);
    }

    @Override
    protected void layoutChildren() {
        double z = zoom.zoomToLayOut();
        double m = magnification.getX();
        double w = getWidth() * z / m;
        double h = getHeight() * z / m;
        content.resizeRelocate(0, 0, w, h);
        List<HostDemand> demands = new ArrayList<>(sockets.hosts().size());
        boolean anyGhosts = ghosts.shown() && ghosts.total() > 0;
        List<HostDemand> withGhosts = new ArrayList<>(anyGhosts ? sockets.hosts().size() : 0);
        for (HostNode host : sockets.hosts()) {
            if (!ghosts.hiddenHost(host)) {
                // A host with only ghosts shows them in both: they are all it has to draw.
                demands.add(host.demand(sockets.placeOf(host.ip()), this::portIndex, ghosts.shown() && host.onlyGhosts()));
                if (anyGhosts) {
                    withGhosts.add(host.demand(sockets.placeOf(host.ip()), this::portIndex, true));
                }
            }
        }
        Layout before = layout;
        layout = GraphLayout.compute(w, h, Math.max(1, ports.size()), demands, opened);
        if (anyGhosts) {
            // Ghosts take a slot each only where the sockets keep their detail: 30 phones' marks are the lesson,
            // their TIME_WAITs are said by the caption when there is no room for both.
            Layout ghosted = GraphLayout.compute(w, h, Math.max(1, ports.size()), withGhosts, opened);
            if (ghosted.detail() == layout.detail() && ghosted.counted() == layout.counted()) {
                layout = ghosted;
            }
        }
        boolean counted = counted();
        if (before == null || before.detail() != layout.detail() || counted != countedBefore) {
            caption.stale();
        }
        countedBefore = counted;
        int p = 0;
        for (PortNode node : ports.all()) {
            node.place(layout.ports().get(p++));
        }
        int grouped = 0;
        Set<Integer> groupPorts = new TreeSet<>();
        long enteringUntil = System.nanoTime() + ENTERING_NANOS;
        boolean entered = false;
        boolean waiting = false;
        for (HostNode host : sockets.hosts()) {
            HostPlace at = layout.host(host.ip());
            if (ghosts.hiddenHost(host)) {
                host.hide();
                continue;
            }
            if (at == null) {
                host.hide();
                grouped += host.tcp + host.udp;
                host.open.values().forEach(s -> groupPorts.add(portIndex(s.runId())));
                continue;
            }
            boolean entering = host.getParent() == null;
            if (entering && entered && System.nanoTime() - enteringUntil > 0) {
                waiting = true; // its place is kept: it enters at a next pulse
                continue;
            }
            double dy = glide.offset(host.ip(), before, at, layout);
            host.place(at, layout, dy, this::portIndex);
            if (entering) {
                host.applyCss();
                entered = true;
            }
        }
        hostsWaiting = waiting;
        if (waiting) {
            javafx.application.Platform.runLater(this::requestLayout);
        }
        group.show(layout, grouped, List.copyOf(groupPorts));
        refreshTexts(false);
        placeholder.autosize();
        placeholder.relocate((getWidth() - placeholder.getWidth()) / 2, (getHeight() - placeholder.getHeight()) / 2);
        zoom.laidOutAt(z);
        // The caption stays along the viewport's foot whatever the zoom and pan (it is not in the content): the
        // layout's band, moved up and narrowed by what the zoom added to the area.
        io.socketscope.layout.Box band = layout.caption();
        caption.place(new io.socketscope.layout.Box(band.x(), band.y() - (h - getHeight() / m),
                band.width() - (w - getWidth() / m), band.height()));
    }
}
