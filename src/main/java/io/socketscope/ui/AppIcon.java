package io.socketscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * SocketScope's own icon (a port with its sockets fanning out; source {@code assets/icon.svg}) at the sizes a
 * desktop asks for, put on the window and on every dialog, so the task bar and the window switcher show it.
 */
final class AppIcon {

    static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static List<Image> images;

    private AppIcon() {
    }

    /** The icon at each size, loaded once. */
    static synchronized List<Image> images() {
        if (images == null) {
            List<Image> out = new ArrayList<>(SIZES.length);
            for (int size : SIZES) {
                var url = AppIcon.class.getResource("icons/icon-" + size + ".png");
                if (url != null) {
                    out.add(new Image(url.toExternalForm()));
                }
            }
            images = List.copyOf(out);
        }
        return images;
    }

    /** Puts the icon on a window. */
    static void dress(Window window) {
        if (window instanceof Stage stage) {
            stage.getIcons().setAll(images());
        }
    }

    /** Puts the icon on a dialog's own window. */
    static void dress(Dialog<?> dialog) {
        dress(dialog.getDialogPane().getScene().getWindow());
    }
}
