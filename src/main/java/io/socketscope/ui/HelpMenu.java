package io.socketscope.ui;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;

/** The Help menu of the window: About SocketScope, with its version, its license and the page phones open. */
final class HelpMenu {

    private final MenuButton button = new MenuButton("Help");
    private final Supplier<String> phoneUrl;
    private String appVersion = "unknown";

    /** @param phoneUrl the address phones open now, or null when no port is open */
    HelpMenu(Supplier<String> phoneUrl) {
        this.phoneUrl = phoneUrl;
        button.setId("helpMenu");
        button.getStyleClass().add("view-toggle");
        button.setMinWidth(Region.USE_PREF_SIZE);
        MenuItem about = new MenuItem("About SocketScope");
        about.setId("aboutItem");
        about.setOnAction(e -> about().show());
        button.getItems().add(about);
    }

    MenuButton button() {
        return button;
    }

    void setAppVersion(String version) {
        appVersion = version;
    }

    /** The words of the About box: what the app is, its version, its license, and where phones connect. */
    String text() {
        String url = phoneUrl.get();
        return "SocketScope " + appVersion + "\n\n"
                + "See the difference between a port and a socket, live: every connection to a port is its own\n"
                + "socket, with its own descriptor.\n\n"
                + "License: Apache License 2.0 (the LICENSE file that comes with the app).\n"
                + (url == null ? "Phones connect to the address shown once a port is open (Start)."
                        : "Phones on this Wi-Fi open: " + url);
    }

    Alert about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.setTitle("About SocketScope");
        alert.setHeaderText("SocketScope " + appVersion);
        TextArea words = new TextArea(text());
        words.setEditable(false);
        words.setWrapText(true);
        words.setPrefRowCount(8);
        words.setId("aboutText");
        alert.getDialogPane().setContent(words);
        if (button.getScene() != null) {
            alert.initOwner(button.getScene().getWindow());
        }
        AppIcon.dress(alert);
        return alert;
    }
}
