package io.socketscope.ui.graph;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;

/**
 * The graph's zoom controls, in its top-right corner: zoom out, the zoom in percent, Fit, zoom in; and the
 * same on the keyboard (Ctrl+0 fit, Ctrl+= / Ctrl++ in, Ctrl+- out) once the graph is in a scene.
 */
public final class ZoomBar extends HBox {

    public ZoomBar(ZoomPan zoom) {
        Button out = button("−", "zoom-out", "Zoom out (Ctrl+-)", zoom::zoomOut);
        Button fit = button("Fit", "zoom-fit", "Show the whole graph (Ctrl+0)", zoom::fit);
        Button in = button("+", "zoom-in", "Zoom in (Ctrl+=); the mouse wheel zooms around the pointer, a drag pans",
                zoom::zoomIn);
        Label percent = new Label();
        percent.setId("zoom-percent");
        percent.setMinWidth(40);
        percent.setAlignment(Pos.CENTER);
        percent.textProperty().bind(zoom.scaleProperty().multiply(100).asString("%.0f%%"));
        getChildren().addAll(out, percent, fit, in);
        setSpacing(2);
        setAlignment(Pos.CENTER);
        getStyleClass().add("zoom-bar");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                keys(scene, zoom);
            }
        });
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static void keys(Scene scene, ZoomPan zoom) {
        // Esc closes a host opened in the graph (a control with a use for Esc, a menu or a field, has it first).
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), zoom::closeOpened);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), zoom::fit);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN), zoom::fit);
        for (KeyCode in : new KeyCode[] {KeyCode.EQUALS, KeyCode.PLUS, KeyCode.ADD}) {
            scene.getAccelerators().put(new KeyCodeCombination(in, KeyCombination.SHORTCUT_DOWN), zoom::zoomIn);
        }
        for (KeyCode out : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
            scene.getAccelerators().put(new KeyCodeCombination(out, KeyCombination.SHORTCUT_DOWN), zoom::zoomOut);
        }
    }
}
