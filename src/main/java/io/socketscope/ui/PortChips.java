package io.socketscope.ui;

import io.socketscope.ui.viewmodel.MainViewModel;

import io.socketscope.model.PortInfo;
import io.socketscope.server.PortListener;
import io.socketscope.server.Protocol;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The open ports above the graph: one chip per port with its descriptors, its sockets and its own Stop. */
final class PortChips {

    private final MainViewModel viewModel;
    private final HBox portsBar;
    private final Map<Long, Label> chips = new HashMap<>();
    private String none = "No port open. Pick TCP or UDP and a port, then Start; open several to compare.";

    PortChips(MainViewModel viewModel, HBox portsBar) {
        this.viewModel = viewModel;
        this.portsBar = portsBar;
        viewModel.listeners().addListener((ListChangeListener<PortListener>) c -> rebuild());
        rebuild();
    }

    /** One chip per open port, each with its own Stop. */
    /** What the bar says while no port is open. */
    void setNoneText(String text) {
        none = text;
        rebuild();
    }

    private void rebuild() {
        portsBar.getChildren().clear();
        chips.clear();
        if (viewModel.listeners().isEmpty()) {
            Label empty = new Label(none);
            empty.getStyleClass().add("ports-none");
            portsBar.getChildren().add(empty);
            return;
        }
        Label heading = new Label("Open ports:");
        heading.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        heading.getStyleClass().add("ports-heading");
        portsBar.getChildren().add(heading);
        for (PortListener l : viewModel.listeners()) {
            Label text = new Label();
            Button stop = new Button("Stop");
            String id = l.protocol().option() + "-" + l.port();
            stop.setId("stop-" + id);
            stop.setOnAction(e -> viewModel.stop(l));
            text.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            stop.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox chip = new HBox(6, text, stop);
            chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            chip.getStyleClass().addAll("port-chip", "port-chip-" + l.protocol().option());
            chip.setId("chip-" + id);
            portsBar.getChildren().add(chip);
            chips.put(l.runId(), text);
        }
        update();
    }

    void update() {
        for (Map.Entry<Long, Label> chip : chips.entrySet()) {
            PortInfo info = viewModel.model().port(chip.getKey());
            if (info != null) {
                boolean tcp = info.protocol() == Protocol.TCP;
                String service = info.service();
                String text = info.protocol() + " :" + info.port() + (service == null ? "" : " " + service)
                        + " · " + info.descriptors() + " · " + info.open() + (tcp ? " open" : info.open() == 1 ? " peer" : " peers");
                if (!text.equals(chip.getValue().getText())) {
                    chip.getValue().setText(text);
                }
            }
        }
    }
}
