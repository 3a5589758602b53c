package io.socketscope.ui;

import io.socketscope.model.PortInfo;
import io.socketscope.server.Protocol;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * One open port drawn as a disc: protocol and number, its state, its listening (TCP) or only (UDP)
 * socket's descriptor, and the service conventionally found there.
 */
final class PortNode extends StackPane {

    private static final PseudoClass LISTENING = PseudoClass.getPseudoClass("listening");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");
    private static final PseudoClass UDP = PseudoClass.getPseudoClass("udp");

    private final Circle disc = new Circle(GraphLayout.PORT_RADIUS);
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
        VBox text = new VBox(0, title, state, descriptor, service);
        text.setAlignment(Pos.CENTER);
        getChildren().addAll(disc, text);
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
        service.setVisible(name != null);
        pseudoClassStateChanged(UDP, udp);
        pseudoClassStateChanged(LISTENING, now.live());
        pseudoClassStateChanged(STOPPED, !now.live());
        tooltip.setText(now.protocol() + " port " + now.port() + (name == null ? "" : " (" + name + ")") + "\n"
                + (udp ? "One socket (" + now.descriptors() + ") receives every peer's datagrams: no accept, no"
                        + " connections.\n" + now.accepted() + " peers so far, " + now.open() + " sending lately."
                        : "Listening socket " + now.descriptors() + ": accept() gives each connection its own socket.\n"
                        + now.accepted() + " accepted so far, " + now.open() + " open now.")
                + (now.port() < 1024 ? "\nBelow 1024: a privileged port." : ""));
    }

    /** Sizes the disc to the radius the layout chose. */
    void setRadius(double radius) {
        disc.setRadius(radius);
    }

    String describe() {
        return title.getText() + " " + state.getText() + " " + descriptor.getText()
                + (service.isVisible() ? " " + service.getText() : "");
    }
}
