package io.socketscope.ui.graph;

import io.socketscope.layout.Box;
import io.socketscope.layout.Detail;
import io.socketscope.layout.Metrics;
import io.socketscope.layout.HostPlace;
import io.socketscope.layout.Layout;
import io.socketscope.layout.Side;
import io.socketscope.model.DeviceKind;
import io.socketscope.model.SocketInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A client host: its IP, its name, a guess at its device, and how many sockets it has open; it also keeps
 * its sockets' edges and bundles and places them beside itself. In a compact layout it is one line and its
 * sockets are counted on it (their descriptors listed in its tooltip) instead of labeled one by one.
 */
final class HostNode extends HBox {

    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass MARKS = PseudoClass.getPseudoClass("marks");
    private static final PseudoClass OPENED = PseudoClass.getPseudoClass("opened");
    private static final int FDS_LISTED = 40;

    final List<SocketEdge> sockets = new ArrayList<>();
    /** Every open socket of the host, drawn or bundled. */
    final Map<Long, SocketInfo> open = new LinkedHashMap<>();
    final Map<Long, BundleEdge> bundles = new LinkedHashMap<>();
    /** The connections the kernel keeps after their fd closed, one edge per port (by run id). */
    final Map<Long, GhostEdge> ghosts = new LinkedHashMap<>();
    /** Whether its ghosts are drawn (the graph's toggle). */
    boolean ghostsDrawn = true;
    boolean bundled;
    boolean expanded;
    /** Open sockets by protocol, kept as they change (a host may have thousands). */
    int tcp;
    int udp;
    final Label address;
    private final Label name = new Label();
    private final Label count = new Label();
    private final StackPane iconHolder = new StackPane();
    private final Pane lines;
    private final Pane labels;
    /** In a compact layout: one line per port the host's sockets go to, by the port's index. */
    private final Map<Integer, javafx.scene.shape.Path> links = new HashMap<>();
    private DeviceKind device = DeviceKind.UNKNOWN;
    private boolean countDirty = true;
    private boolean compact;
    private boolean marks;

    /**
     * @param lines  the layer its edges' lines go in
     * @param labels the layer it and its labels go in
     * @param tip    the tooltip every host shares (one per host would be a window each)
     */
    HostNode(String ip, Pane lines, Pane labels, Tooltip tip) {
        this.lines = lines;
        this.labels = labels;
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
        setAccessibleRole(AccessibleRole.TEXT);
        setId("host-" + ip.replace(':', '-').replace('.', '-'));
        Tooltip.install(this, tip);
    }

    String ip() {
        return address.getText();
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
        return ip() + (name.getText().isEmpty() ? "" : " " + name.getText()) + " · " + countText();
    }

    /** Drawn edges that are not fading out. */
    long openCount() {
        long n = 0;
        for (SocketEdge e : sockets) {
            n += e.isClosing() ? 0 : 1;
        }
        return n;
    }

    /** Marks the count stale; it is written once per layout or tick, however many sockets changed. */
    void updateCount() {
        countDirty = true;
    }

    void refreshCount() {
        if (!countDirty) {
            return;
        }
        countDirty = false;
        // One line has no room for the device guess: the icon shows it, the tooltip says it.
        count.setText(compact ? counts() : countText());
        setAccessibleText("client host " + ip() + (name.getText().isEmpty() ? "" : " (" + name.getText() + ")")
                + ", " + countText());
    }

    private String counts() {
        return (udp == 0 || tcp > 0 ? (tcp == 1 ? "1 socket" : String.format("%,d sockets", tcp)) : "")
                + (udp == 0 ? "" : (tcp > 0 ? ", " : "") + (udp == 1 ? "1 UDP flow" : udp + " UDP flows"))
                + ghostCounts();
    }

    /**
     * {@code , 3 in TIME_WAIT} (or {@code kept by the kernel} when their states differ) for the ghosts that have
     * no label of their own on screen; empty without.
     */
    private String ghostCounts() {
        int all = 0;
        int timeWait = 0;
        for (GhostEdge g : ghosts.values()) {
            if (g.isInScene() || !ghostsDrawn || compact) {
                continue; // drawn, hidden, or a one-line row with no room (the caption counts them)
            }
            all += g.count();
            timeWait += g.count(io.socketscope.server.TcpState.TIME_WAIT);
        }
        return all == 0 ? "" : String.format(", %,d %s", all, all == timeWait ? "in TIME_WAIT" : "kept by the kernel");
    }

    private String countText() {
        return counts() + (device == DeviceKind.UNKNOWN ? "" : " · " + device.words() + "?");
    }

    /** Written when the tooltip shows: the host, its sockets' descriptors (the first 40), its device guess. */
    String tooltipText() {
        StringBuilder fds = new StringBuilder();
        int listed = 0;
        for (SocketInfo info : open.values()) {
            if (listed++ == FDS_LISTED) {
                fds.append(", …");
                break;
            }
            fds.append(listed == 1 ? "" : ", ").append(info.connection().client().port()).append(" → ")
                    .append(info.connection().descriptor().label());
        }
        return ip() + (name.getText().isEmpty() ? "" : " (" + name.getText() + ")") + "\n" + counts() + " open"
                + (fds.length() == 0 ? "" : "\nclient port → descriptor: " + fds)
                + "\nDevice: " + device.words() + (device == DeviceKind.UNKNOWN ? "" : " (a guess from its User-Agent)");
    }

    /**
     * Two lines with the name and the count beside full labels; one line with the count as a counted row; one
     * line with the address alone beside its marks (the marks show the sockets; the tooltip counts them).
     */
    void setLevel(Detail level) {
        boolean marks = level == Detail.MARKS;
        if (marks != this.marks) {
            this.marks = marks;
            pseudoClassStateChanged(MARKS, marks);
            count.setVisible(!marks);
            count.setManaged(!marks);
        }
        setCompact(level != Detail.FULL);
    }

    private void setCompact(boolean on) {
        if (on == compact) {
            return;
        }
        compact = on;
        countDirty = true;
        pseudoClassStateChanged(COMPACT, on);
        name.setVisible(!on);
        name.setManaged(!on);
        HBox firstLine = (HBox) name.getParent();
        VBox text = (VBox) firstLine.getParent();
        if (on) {
            text.getChildren().remove(count);
            firstLine.getChildren().add(count);
        } else {
            firstLine.getChildren().remove(count);
            text.getChildren().add(count);
        }
        refreshCount();
    }

    void setSelected(boolean on) {
        pseudoClassStateChanged(SELECTED, on);
    }

    /** Marks the host as the one opened in the graph (its sockets drawn with full labels). */
    void setOpened(boolean on) {
        pseudoClassStateChanged(OPENED, on);
    }

    /** Takes the host and all its edges out of the scene (it left, or it is counted in the group). */
    void hide() {
        if (getParent() != null) {
            labels.getChildren().remove(this);
        }
        for (SocketEdge edge : sockets) {
            edge.detach();
        }
        for (BundleEdge bundle : bundles.values()) {
            bundle.item().detach();
        }
        for (GhostEdge ghost : ghosts.values()) {
            ghost.detach();
        }
        dropLinks(Set.of());
    }

    private void dropLinks(Set<Integer> keep) {
        links.entrySet().removeIf(e -> {
            if (!keep.contains(e.getKey())) {
                lines.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
    }

    /**
     * What the host asks of the layout: a label for each bundle, then each socket, then (with {@code ghosts})
     * each port's ghost edge, each by the index of its port.
     */
    io.socketscope.layout.HostDemand demand(int place, ToIntFunction<Long> portIndex, boolean ghosts) {
        List<Integer> items = new ArrayList<>(bundles.size() + sockets.size() + this.ghosts.size());
        bundlesInOrder(portIndex).forEach(b -> items.add(portIndex.applyAsInt(b.runId)));
        socketsInOrder(portIndex).forEach(e -> items.add(portIndex.applyAsInt(e.info().runId())));
        if (ghosts) {
            this.ghosts.values().forEach(g -> items.add(portIndex.applyAsInt(g.runId)));
        }
        return new io.socketscope.layout.HostDemand(ip(), place, items, bundles.size());
    }

    /** Whether all it has left is ghosts: every socket closed, the kernel still keeps some of them. */
    boolean onlyGhosts() {
        return !ghosts.isEmpty() && open.isEmpty() && sockets.isEmpty() && bundles.isEmpty();
    }

    /** The host's bundles in the order of their ports, as the layout is asked for them. */
    List<BundleEdge> bundlesInOrder(ToIntFunction<Long> portIndex) {
        List<BundleEdge> out = new ArrayList<>(bundles.values());
        out.sort(java.util.Comparator.comparingInt(b -> portIndex.applyAsInt(b.runId)));
        return out;
    }

    /**
     * The host's socket edges in the order of their ports (oldest first on each), as the layout is asked for
     * them: the lanes and labels of one host then reach the ports without crossing each other.
     */
    List<SocketEdge> socketsInOrder(ToIntFunction<Long> portIndex) {
        List<SocketEdge> out = new ArrayList<>(sockets);
        out.sort(java.util.Comparator.comparingInt(e -> portIndex.applyAsInt(e.info().runId())));
        return out;
    }

    /**
     * Puts the host where the layout says, {@code dy} above or below it while it glides there, and draws
     * its edges: through their labels or marks where it has them, straight to their ports in a counted row.
     */
    void place(HostPlace at, Layout layout, double dy, ToIntFunction<Long> portIndex) {
        Box box = at.box();
        if (getParent() == null) {
            labels.getChildren().add(this);
        }
        setLevel(at.detail());
        resizeRelocate(box.x(), box.y() + dy, box.width(), box.height());
        HostPlace.Point from = new HostPlace.Point(at.anchor().x(), at.anchor().y() + dy);
        Side side = at.side();
        Set<Integer> linked = new TreeSet<>();
        int slot = 0;
        boolean marks = at.detail() == Detail.MARKS;
        for (BundleEdge bundle : bundlesInOrder(portIndex)) {
            int port = portIndex.applyAsInt(bundle.runId);
            EdgeItem item = bundle.item();
            slot = placeItem(() -> item, item::detach, at, slot, from, layout.portAnchor(port, side), dy, port, linked);
        }
        for (SocketEdge edge : socketsInOrder(portIndex)) {
            int port = portIndex.applyAsInt(edge.info().runId());
            if (slot < at.slots().size()) {
                if (!edge.isInScene()) {
                    edge.shown(); // it enters the scene now: marked new before it is styled there
                }
                edge.look(marks, at.slots().get(slot).width() >= Metrics.MARK_WIDE_WIDTH);
            }
            slot = placeItem(edge::item, edge::detach, at, slot, from, layout.portAnchor(port, side), dy, port, linked);
        }
        for (GhostEdge ghost : ghostsDrawn ? ghosts.values() : List.<GhostEdge>of()) {
            int port = portIndex.applyAsInt(ghost.runId);
            if (!ghost.isInScene() == slot < at.slots().size()) {
                updateCount(); // the count names the ghosts that have no label of their own
            }
            if (slot < at.slots().size()) {
                ghost.look(marks);
                slot = placeItem(ghost::item, ghost::detach, at, slot, from, layout.portAnchor(port, side), dy, port,
                        linked);
            } else {
                ghost.detach(); // counted on the host: a ghost draws no line of its own without a label
            }
        }
        // Sockets without a label are drawn as one line per port, from the host straight to it.
        dropLinks(linked);
        for (int port : linked) {
            javafx.scene.shape.Path link = links.computeIfAbsent(port, p -> {
                javafx.scene.shape.Path c = EdgeItem.path();
                c.getStyleClass().add("host-link");
                lines.getChildren().add(c);
                return c;
            });
            HostPlace.Point to = layout.portAnchor(port, side);
            EdgeItem.route(link, from.x(), from.y(), at.turn(), to.x(), to.y());
        }
    }

    /**
     * Puts an edge in its slot, if the host has one left for it ({@code item} makes its nodes if need be);
     * else takes it out of the scene ({@code detach}) and links the host to its port with one line.
     */
    private int placeItem(Supplier<EdgeItem> item, Runnable detach, HostPlace at, int slot, HostPlace.Point from,
                          HostPlace.Point port, double dy, int portIndex, Set<Integer> linked) {
        if (slot < at.slots().size()) {
            Box s = at.slots().get(slot);
            Box moved = s.movedTo(s.x(), s.y() + dy);
            EdgeItem placed = item.get();
            placed.attach(lines, labels);
            HostPlace.Point start = at.detail() == Detail.MARKS ? at.from(moved) : from;
            placed.place(moved, start, at.labelIn(moved), at.labelOut(moved), at.turn(), port);
        } else {
            detach.run();
            linked.add(portIndex);
        }
        return slot + 1;
    }
}
