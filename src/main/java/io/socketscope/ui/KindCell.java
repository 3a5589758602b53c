package io.socketscope.ui;

import io.socketscope.model.LogEntry;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;

/**
 * The event-kind cell, coloured by kind through a pseudo-class ({@code .event-log .kind-cell:accept}):
 * switching a pseudo-class is a light CSS update, where switching style classes rebuilt each cell's style.
 */
final class KindCell extends TableCell<LogEntry, String> {
    private static final Map<String, PseudoClass> KINDS = new HashMap<>();
    private PseudoClass shown;

    KindCell() {
        getStyleClass().add("kind-cell");
    }

    @Override
    protected void updateItem(String kind, boolean empty) {
        super.updateItem(kind, empty);
        PseudoClass now = empty || kind == null ? null
                : KINDS.computeIfAbsent(kind, k -> PseudoClass.getPseudoClass(k.toLowerCase(Locale.ROOT)));
        if (now != shown) {
            if (shown != null) {
                pseudoClassStateChanged(shown, false);
            }
            if (now != null) {
                pseudoClassStateChanged(now, true);
            }
            shown = now;
        }
        setText(empty ? null : kind);
    }
}
