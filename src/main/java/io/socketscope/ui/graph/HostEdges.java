package io.socketscope.ui.graph;

import io.socketscope.layout.BundlePolicy;
import io.socketscope.layout.PlaceBook;
import io.socketscope.model.DeviceKind;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.Protocol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import javafx.scene.layout.Pane;

/**
 * Keeps each client host's sockets in the scene as edges, or as bundles when {@link BundlePolicy} says
 * so: opens, updates, fades and closes them in the graph's two layers, and gives each host its place in
 * the drawing order ({@link PlaceBook}). Where things stand is {@link GraphView}'s job.
 */
final class HostEdges {

    private final Pane lines;
    private final Pane labels;
    private final GraphCaption caption;
    private final Runnable relayout;
    private final Map<String, HostNode> hosts = new LinkedHashMap<>();
    private final Map<Long, SocketEdge> edges = new LinkedHashMap<>();
    private final BundlePolicy policy = new BundlePolicy(System::nanoTime);
    private final PlaceBook places = new PlaceBook();
    /** Reverse-DNS names by address, kept for hosts that leave and come back (at most {@link #MAX_NAMES}). */
    private final Map<String, String> names = new java.util.HashMap<>();
    private static final int MAX_NAMES = 10_000;
    LongConsumer onSocketClicked = id -> { };
    Consumer<String> onHostClicked = ip -> { };
    LongFunction<String> summaries = id -> null;
    LongConsumer onSocketShown = id -> { };
    /** Sockets applied but not yet handed to {@link #onSocketShown}: their host has not entered the scene yet. */
    private final List<SocketInfo> unseen = new ArrayList<>();
    Consumer<String> onHostGone = ip -> { };
    /** Set when a count changes or a host or bundle appears, so that the texts are written this pulse. */
    boolean textsDue;
    private long selectedId = -1;
    private int fading;
    private final HoverTips tips = new HoverTips(id -> summaries.apply(id));

    HostEdges(Pane lines, Pane labels, GraphCaption caption, Runnable relayout) {
        this.lines = lines;
        this.labels = labels;
        this.caption = caption;
        this.relayout = relayout;
    }

    Collection<HostNode> hosts() {
        return hosts.values();
    }

    /** The host of this address, made (not yet in the scene) if it has no node. */
    HostNode hostFor(String ip) {
        return hosts.computeIfAbsent(ip, this::newHost);
    }

    HostNode host(String ip) {
        return hosts.get(ip);
    }

    /** Takes the host off the graph if nothing of it is left (no socket, bundle or ghost). */
    void leaveIfEmpty(HostNode host) {
        removeIfEmpty(host);
    }

    int placeOf(String ip) {
        return places.placeOf(ip);
    }

    long busyRate(String ip) {
        return policy.busyRate(ip);
    }

    /**
     * Marks the socket whose details are shown (-1 for none): its edge, and its host (which is all there
     * is to see of it when the host's sockets are counted rather than labeled).
     */
    void select(long socketId) {
        SocketEdge old = edges.get(selectedId);
        if (old != null) {
            old.setSelected(false);
        }
        for (HostNode host : hosts.values()) {
            host.setSelected(host.open.containsKey(socketId));
        }
        selectedId = socketId;
        SocketEdge now = edges.get(socketId);
        if (now != null) {
            now.setSelected(true);
        }
    }

    /** Marks (or unmarks) the host opened in the graph; null: none. */
    void markOpened(String ip, boolean on) {
        HostNode host = ip == null ? null : hosts.get(ip);
        if (host != null) {
            host.setOpened(on);
        }
    }

    /**
     * A socket that opened and closed within one batch: counted (the log and the counters have it), but
     * never drawn, so that a storm of short connections costs the scene nothing.
     */
    void socketCameAndWent(SocketInfo info) {
        onSocketShown.accept(info.id());
        policy.opened(info.host());
    }

    void socketOpened(SocketInfo info) {
        HostNode host = hosts.computeIfAbsent(info.host(), this::newHost);
        if (host.open.putIfAbsent(info.id(), info) != null) {
            return;
        }
        count(info, 1);
        unseen.add(info);
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
    }

    /**
     * A new host, not yet in the scene: the layout puts it there if it is drawn (a host counted in the
     * group costs the scene nothing).
     */
    private HostNode newHost(String ip) {
        HostNode host = new HostNode(ip, lines, labels, tips.hostTip());
        // The name is looked up once per address: a host that comes back gets it from here.
        host.setName(names.getOrDefault(ip, ""));
        host.setOnMouseClicked(e -> onHostClicked.accept(ip));
        tips.watch(host);
        textsDue = true;
        relayout.run();
        return host;
    }

    /**
     * Hands on the sockets now on screen: each one's own edge is in the scene, or its host's, bundle's or
     * group's count includes it. {@code drawn} says whether a host is (or is counted in the group); a
     * socket whose host still waits to enter the scene waits with it, one that closed meanwhile is dropped.
     */
    void handOnShown(java.util.function.Predicate<HostNode> drawn) {
        unseen.removeIf(info -> {
            HostNode host = hosts.get(info.host());
            if (host == null || !host.open.containsKey(info.id())) {
                return true;
            }
            if (drawn.test(host)) {
                onSocketShown.accept(info.id());
                return true;
            }
            return false;
        });
    }

    private void count(SocketInfo info, int delta) {
        textsDue = true;
        HostNode host = hosts.get(info.host());
        if (info.protocol() == Protocol.TCP) {
            caption.openTcp += delta;
            host.tcp += delta;
        } else {
            caption.openUdp += delta;
            host.udp += delta;
        }
    }

    /**
     * A socket's own edge, put in the scene by the layout only if its host has room for its label (else
     * its host's count says it is there).
     */
    private SocketEdge draw(HostNode host, SocketInfo info) {
        SocketEdge edge = new SocketEdge(info, label -> {
            label.setOnMouseClicked(e -> onSocketClicked.accept(info.id()));
            tips.watch(label, info.id());
        });
        edges.put(info.id(), edge);
        host.sockets.add(edge);
        relayout.run();
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
            bundle.item().detach();
        }
        if (!host.bundles.isEmpty()) {
            host.bundles.clear();
            relayout.run();
        }
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
        relayout.run();
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
            textsDue = true;
            relayout.run();
            return bundle;
        });
    }

    /**
     * Called on a timer: hosts whose storm has passed lose their empty bundles, and busy bundles show the
     * current rate. Events alone cannot do it, since a storm ends with silence.
     */
    void sweep() {
        for (HostNode host : List.copyOf(hosts.values())) {
            if (!host.bundles.isEmpty()) {
                removeIfEmpty(host);
                if (host.bundled && !host.expanded && policy.mayUnbundle(host.ip(), host.open.size())) {
                    unbundle(host);
                }
                relayout.run();
            }
        }
    }

    /** A socket changed: new state (half-closed), a new datagram count, or a device guess for its host. */
    void socketUpdated(SocketInfo info) {
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
    void hostNamed(String ip, String name) {
        if (names.size() > MAX_NAMES) {
            names.clear();
        }
        names.put(ip, name);
        HostNode host = hosts.get(ip);
        if (host != null) {
            host.setName(name);
        }
    }

    /** The text shown on a host node (address, name, socket count, device guess), for tests and tooltips. */
    String hostText(String ip) {
        HostNode host = hosts.get(ip);
        return host == null ? null : host.describe();
    }

    void socketClosed(SocketInfo info) {
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
                    bundle.item().detach();
                    relayout.run();
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
    }

    /** The socket edges on screen (fading ones included), in the order they were drawn. */
    Collection<SocketEdge> edges() {
        return edges.values();
    }

    /** Every edge on screen, fading ones included. */
    int drawnEdges() {
        return edges.size();
    }

    /** Whether the socket's edge has its lines and label (it was put in the scene at least once). */
    boolean hasNodes(long socketId) {
        SocketEdge e = edges.get(socketId);
        return e != null && e.hasNodes();
    }

    private void remove(SocketEdge edge) {
        erase(edge);
        HostNode host = hosts.get(edge.info().host());
        if (host != null) {
            removeIfEmpty(host);
        }
        caption.stale();
        relayout.run();
    }

    /** Takes an edge off the screen at once. */
    private void erase(SocketEdge edge) {
        edges.remove(edge.info().id());
        edge.detach();
        relayout.run();
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
        if (host.sockets.isEmpty() && host.bundles.isEmpty() && host.open.isEmpty() && host.ghosts.isEmpty()) {
            hosts.remove(host.ip());
            places.release(host.ip());
            onHostGone.accept(host.ip());
            host.hide();
            relayout.run();
        }
    }
}
