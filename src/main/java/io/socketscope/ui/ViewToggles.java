package io.socketscope.ui;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;

/**
 * The toolbar's Log and Side panel toggles: each collapses a part of the window to give the graph the room,
 * on a small screen or a projector, and brings it back where it was.
 */
final class ViewToggles {

    private ViewToggles() {
    }

    /** Shows or hides {@code part} (the lower item of {@code split}), keeping the divider where it was. */
    static void bind(ToggleButton toggle, SplitPane split, Node part) {
        double[] divider = {split.getDividerPositions().length > 0 ? split.getDividerPositions()[0] : 0.68};
        toggle.selectedProperty().addListener((obs, was, on) -> {
            if (on && !split.getItems().contains(part)) {
                split.getItems().add(part);
                split.setDividerPositions(divider[0]);
            } else if (!on && split.getItems().contains(part)) {
                divider[0] = split.getDividerPositions()[0];
                split.getItems().remove(part);
            }
        });
        tip(toggle, "the event log, sockets and recently closed tables");
    }

    /** Shows or hides {@code part}, the right-hand side of {@code pane}. */
    static void bind(ToggleButton toggle, BorderPane pane, Node part) {
        toggle.selectedProperty().addListener((obs, was, on) -> pane.setRight(on ? part : null));
        tip(toggle, "the Connect and Socket panel");
    }

    /** Shows or hides the graph's ghosts: the connections the kernel keeps after their fd closed. */
    static void bindGhosts(ToggleButton toggle, java.util.function.Consumer<Boolean> show) {
        toggle.selectedProperty().addListener((obs, was, on) -> show.accept(on));
        tip(toggle, "the connections the kernel keeps after their fd closed (TIME_WAIT), drawn faint");
    }

    private static void tip(ToggleButton toggle, String what) {
        toggle.setTooltip(new javafx.scene.control.Tooltip("Show or hide " + what));
        toggle.setAccessibleHelp("Shows or hides " + what);
    }
}
