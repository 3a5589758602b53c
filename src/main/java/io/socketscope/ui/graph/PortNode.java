package io.socketscope.ui.graph;

import io.socketscope.model.PortInfo;
import io.socketscope.server.Protocol;
import javafx.css.PseudoClass;
import io.socketscope.layout.Box;
import io.socketscope.layout.Metrics;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * One open port drawn as a disc: protocol and number, its state, its listening (TCP) or only (UDP)
 * socket's descriptor, and the service conventionally found there.
 */
final class PortNode extends StackPane {

    private static final PseudoClass LISTENING = PseudoClass.getPseudoClass("listening");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");
    private static final PseudoClass UDP = PseudoClass.getPseudoClass("udp");

    private static final PseudoClass PILL = PseudoClass.getPseudoClass("pill");

    private final Circle disc = new Circle(Metrics.DISC_MAX / 2);
    private final Rectangle pill = new Rectangle();
    private final Label title = new Label();
    private final Label state = new Label();
    private final Label descriptor = new Label();
    private final Label service = new Label();
    private final Tooltip tooltip = new Tooltip();
    private PortInfo info;

    PortNode(PortInfo info) {
        disc.getStyleClass().add("port-disc");
        title.getStyleClass().add("port-title");
        descriptor.getStyleClass().add("port-descriptor");
        state.getStyleClass().add("port-state");
        service.getStyleClass().add("port-state");
        service.managedProperty().bind(service.visibleProperty());
        state.managedProperty().bind(state.visibleProperty());
        VBox text = new VBox(0, title, state, descriptor, service);
        text.setAlignment(Pos.CENTER);
        pill.getStyleClass().add("port-disc");
        pill.setArcWidth(16);
        pill.setArcHeight(16);
        pill.setVisible(false);
        getChildren().addAll(disc, pill, text);
        setAccessibleRole(AccessibleRole.TEXT);
        getStyleClass().add("port-node");
        setId("port-" + info.spec().toString().replace(':', '-'));
        setManaged(false);
        Tooltip.install(this, tooltip);
        update(info);
    }

    PortInfo info() {
        return info;
    }

    void update(PortInfo now) {
        if (now.equals(info)) {
            return;
        }
        this.info = now;
        boolean udp = now.protocol() == Protocol.UDP;
        title.setText(now.protocol() + " :" + now.port());
        state.setText(!now.live() ? "closed" : udp ? "receiving" : "listening");
        descriptor.setText(now.descriptors());
        String name = now.service();
        service.setText(name == null ? "" : name);
        service.setVisible(name != null && !isPill());
        pseudoClassStateChanged(UDP, udp);
        pseudoClassStateChanged(LISTENING, now.live());
        pseudoClassStateChanged(STOPPED, !now.live());
        tooltip.setText(now.protocol() + " port " + now.port() + (name == null ? "" : " (" + name + ")") + "\n"
                + (udp ? "One socket (" + now.descriptors() + ") receives every peer's datagrams: no accept, no"
                        + " connections.\n" + now.accepted() + " peers so far, " + now.open() + " sending lately."
                        : "Listening socket " + now.descriptors() + ": accept() gives each connection its own socket.\n"
                        + now.accepted() + " accepted so far, " + now.open() + " open now.")
                + (now.port() < 1024 ? "\nBelow 1024: a privileged port." : ""));
        setAccessibleText(now.protocol() + " port " + now.port() + ", " + state.getText() + ", socket "
                + now.descriptors() + ", " + now.open() + (udp ? " peers sending lately" : " open"));
    }

    private boolean isPill() {
        return pill.isVisible();
    }

    /**
     * Puts the port in the box the layout chose: a disc with every line when the box is square, else a
     * rounded box with its number and descriptor only (the rest is in the tooltip).
     */
    void place(Box box) {
        boolean asPill = box.width() != box.height();
        if (asPill != isPill()) {
            pill.setVisible(asPill);
            disc.setVisible(!asPill);
            pseudoClassStateChanged(PILL, asPill);
            state.setVisible(!asPill);
            service.setVisible(!asPill && info.service() != null);
        }
        disc.setRadius(box.width() / 2);
        pill.setWidth(box.width());
        pill.setHeight(box.height());
        resizeRelocate(box.x(), box.y(), box.width(), box.height());
    }

    String describe() {
        return title.getText() + " " + state.getText() + " " + descriptor.getText()
                + (info.service() == null ? "" : " " + info.service());
    }
}
