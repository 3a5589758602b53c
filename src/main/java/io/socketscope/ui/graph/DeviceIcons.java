package io.socketscope.ui.graph;

import io.socketscope.model.DeviceKind;
import java.util.Locale;
import javafx.scene.shape.SVGPath;

/** Small outline icons for the guessed kind of a client device. */
final class DeviceIcons {

    private DeviceIcons() {
    }

    static SVGPath icon(DeviceKind kind) {
        SVGPath path = new SVGPath();
        path.setContent(switch (kind) {
            case PHONE -> "M4 1 h8 a2 2 0 0 1 2 2 v14 a2 2 0 0 1 -2 2 h-8 a2 2 0 0 1 -2 -2 v-14 a2 2 0 0 1 2 -2 z M7 16 h2";
            case TABLET -> "M2 2 h14 a1 1 0 0 1 1 1 v14 a1 1 0 0 1 -1 1 h-14 a1 1 0 0 1 -1 -1 v-14 a1 1 0 0 1 1 -1 z M8 15 h2";
            case COMPUTER -> "M3 3 h14 v10 h-14 z M0 16 h20";
            case COMMAND_LINE -> "M1 2 h18 v15 h-18 z M4 6 l3 3 l-3 3 M9 13 h5";
            case UNKNOWN -> "M10 1 a9 9 0 1 0 0.01 0 z M7 7 a3 3 0 1 1 3 3 v2 M10 15 v1";
        });
        path.getStyleClass().addAll("device-icon", "device-icon-" + kind.name().toLowerCase(Locale.ROOT));
        return path;
    }
}
