package io.socketscope.ui;

import io.socketscope.model.DeviceKind;
import io.socketscope.model.SocketInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * The port/socket graph, built in code: the listening port as a node, each client host as a node, and each
 * accepted socket as its own labeled edge from its host to the port. Scene-graph nodes (not a Canvas)
 * because every piece is styled with CSS, looked up by tests, and at this scale cheap enough to lay out.
 */
public final class GraphView extends Region {

    private static final PseudoClass LISTENING = PseudoClass.getPseudoClass("listening");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");

    private final Pane lines = new Pane();
    private final Pane labels = new Pane();
    private final StackPane portNode = new StackPane();
    private final Label portTitle = new Label();
    private final Label portDescriptor = new Label();
    private final Label portState = new Label();
    private final Label portService = new Label();
    private final Label placeholder = new Label("Press Start: the port you listen on appears here,\n"
            + "and every connection to it as its own socket.");
    private final Label caption = new Label();
    private final Map<String, HostNode> hosts = new LinkedHashMap<>();
    private final Map<Long, SocketEdge> edges = new LinkedHashMap<>();
    private int port = -1;

    public GraphView() {
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("graph-view.css").toExternalForm());
        lines.setManaged(false);
        labels.setManaged(false);
        Circle disc = new Circle(GraphLayout.PORT_RADIUS);
        disc.getStyleClass().add("port-disc");
        VBox portText = new VBox(0, portTitle, portState, portDescriptor, portService);
        portText.setAlignment(Pos.CENTER);
        portTitle.getStyleClass().add("port-title");
        portDescriptor.getStyleClass().add("port-descriptor");
        portState.getStyleClass().add("port-state");
        portService.getStyleClass().add("port-state");
        portService.managedProperty().bind(portService.visibleProperty());
        portNode.getChildren().addAll(disc, portText);
        portNode.getStyleClass().add("port-node");
        portNode.setManaged(false);
        portNode.setVisible(false);
        placeholder.getStyleClass().add("graph-placeholder");
        placeholder.setManaged(false);
        caption.getStyleClass().add("graph-caption");
        caption.setManaged(false);
        getChildren().addAll(lines, labels, portNode, placeholder, caption);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** Shows the listening port node. */
    public void showListening(int port, String descriptors) {
        this.port = port;
        String service = io.socketscope.server.PortInput.wellKnownName(port);
        portTitle.setText("TCP :" + port);
        portState.setText("listening");
        portDescriptor.setText(descriptors);
        portService.setText(service == null ? "" : service);
        portService.setVisible(service != null);
        portNode.pseudoClassStateChanged(STOPPED, false);
        portNode.pseudoClassStateChanged(LISTENING, true);
        portNode.setVisible(true);
        placeholder.setVisible(false);
        updateCaption();
        requestLayout();
    }

    /** Shows the port as closed; its edges fade as their close events arrive. */
    public void showStopped() {
        portState.setText("closed");
        portNode.pseudoClassStateChanged(LISTENING, false);
        portNode.pseudoClassStateChanged(STOPPED, true);
        updateCaption();
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
        edge.highlight();
        host.updateCount();
        updateCaption();
        requestLayout();
    }

    /** A socket told us more about its device (its User-Agent): show the guess on its host. */
    public void socketUpdated(SocketInfo info) {
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

    public void socketClosed(SocketInfo info) {
        SocketEdge edge = edges.get(info.id());
        if (edge == null) {
            return;
        }
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
        edges.remove(edge.info.id());
        lines.getChildren().removeAll(edge.toLabel, edge.toPort);
        labels.getChildren().remove(edge.label);
        HostNode host = hosts.get(edge.info.host());
        host.sockets.remove(edge);
        if (host.sockets.isEmpty()) {
            hosts.remove(edge.info.host());
            labels.getChildren().remove(host);
        }
        updateCaption();
        requestLayout();
    }

    private void updateCaption() {
        long open = edges.values().stream().filter(e -> !e.isClosing()).count();
        long liveHosts = hosts.values().stream().filter(h -> h.openCount() > 0).count();
        caption.setText(port < 0 ? "" : "1 port, " + open + (open == 1 ? " socket" : " sockets") + " from "
                + liveHosts + (liveHosts == 1 ? " host" : " hosts")
                + ". Every connection to port " + port + " is its own socket with its own descriptor.");
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        List<Integer> counts = new ArrayList<>();
        List<SocketEdge> ordered = new ArrayList<>();
        for (HostNode host : hosts.values()) {
            counts.add(host.sockets.size());
            ordered.addAll(host.sockets);
        }
        GraphLayout.Result layout = GraphLayout.compute(w, h - 24, counts);
        int slot = 0;
        int index = 0;
        for (HostNode host : hosts.values()) {
            GraphLayout.Box box = layout.hosts().get(index++);
            host.resizeRelocate(box.x(), box.y(), box.width(), box.height());
            for (SocketEdge edge : host.sockets) {
                edge.place(box, layout.slots().get(slot++), layout.portX() - GraphLayout.PORT_RADIUS, layout.portY());
            }
        }
        double d = 2 * GraphLayout.PORT_RADIUS;
        portNode.resizeRelocate(layout.portX() - GraphLayout.PORT_RADIUS, layout.portY() - GraphLayout.PORT_RADIUS, d, d);
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
            long n = openCount();
            String guess = device == DeviceKind.UNKNOWN ? "" : " · " + device.words() + "?";
            count.setText((n == 1 ? "1 socket" : n + " sockets") + guess);
            tooltip.setText(address.getText() + (name.getText().isEmpty() ? "" : " (" + name.getText() + ")")
                    + "\n" + (n == 1 ? "1 socket" : n + " sockets") + " open on this port"
                    + "\nDevice: " + device.words() + (device == DeviceKind.UNKNOWN ? "" : " (a guess from its User-Agent)"));
        }
    }
}
