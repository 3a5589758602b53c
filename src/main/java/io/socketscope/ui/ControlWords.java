package io.socketscope.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * Keeps the words of a bar's controls whole: no control is narrower than its text (a bare "…" button tells
 * nobody anything); the one flexible label of the bar gives up its room instead, wrapping onto a second line
 * and then cutting its text, which its tooltip then says in full.
 */
final class ControlWords {

    private ControlWords() {
    }

    /**
     * Lets the wheel (and a drag) move {@code scroll} sideways: a bar of chips wider than the window keeps each
     * chip whole and shows the rest as it scrolls, with no scroll bar to make the bar taller.
     */
    static void scrollSideways(javafx.scene.control.ScrollPane scroll) {
        scroll.setMinWidth(0);
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            double range = scroll.getContent().getBoundsInLocal().getWidth() - scroll.getViewportBounds().getWidth();
            if (range > 0 && delta != 0) {
                scroll.setHvalue(Math.max(0, Math.min(1, scroll.getHvalue() - delta / range)));
                e.consume();
            }
        });
    }

    /** Every control in {@code bar} at least as wide as its text; {@code flexible} (or null) takes what is left. */
    static void keep(Parent bar, Label flexible) {
        for (Node n : bar.getChildrenUnmodifiable()) {
            if (n == flexible || n instanceof javafx.scene.control.ScrollPane) {
                continue; // the flexible label, and a scrolling part, which shows its words by scrolling
            }
            if (n instanceof Control c) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        if (flexible != null) {
            flexible.setMinWidth(0);
            flexible.setMaxHeight(Double.MAX_VALUE);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(flexible.textProperty());
            flexible.textProperty().addListener((o, was, now) ->
                    flexible.setTooltip(now == null || now.isEmpty() ? null : tip));
        }
    }
}
