package io.socketscope.ui;

import io.socketscope.ui.graph.GraphView;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/**
 * For a projector: the graph drawn {@link #MAGNIFICATION} times larger with the log and side panel put
 * away, and, until the first phone connects, the address and its QR code big enough to scan from the back
 * of the room. One click (or the same toggle) brings the window back as it was.
 */
final class PresenterMode {

    static final double MAGNIFICATION = 1.6;
    private static final PseudoClass PRESENTING = PseudoClass.getPseudoClass("presenting");

    private final ToggleButton toggle;
    private final GraphView graph;
    private final ToggleButton[] hidden;
    private final boolean[] before;
    private final VBox invitation = new VBox(12);
    private final Label url = new Label();
    private final ImageView qr = new ImageView();
    private final Label title = new Label("Scan to connect, or type the address:");
    private String shownUrl;

    /**
     * @param toggle the presenter toggle
     * @param hide   the toggles of the parts put away while presenting (log, side panel)
     */
    PresenterMode(ToggleButton toggle, GraphView graph, ToggleButton... hide) {
        this.toggle = toggle;
        this.graph = graph;
        this.hidden = hide;
        this.before = new boolean[hide.length];
        title.getStyleClass().add("invitation-title");
        url.getStyleClass().add("invitation-url");
        url.setId("invitationUrl");
        invitation.getChildren().addAll(title, qr, url);
        invitation.setAlignment(Pos.CENTER);
        invitation.getStyleClass().add("invitation");
        invitation.setId("invitation");
        invitation.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        invitation.setVisible(false);
        toggle.setAccessibleHelp("Large graph for a projector, with the address shown big until the first phone connects");
        toggle.selectedProperty().addListener((obs, was, on) -> apply(on));
    }

    /** The big address and QR code, to be put over the graph. */
    VBox invitation() {
        return invitation;
    }

    boolean isOn() {
        return toggle.isSelected();
    }

    private void apply(boolean on) {
        for (int i = 0; i < hidden.length; i++) {
            if (on) {
                before[i] = hidden[i].isSelected();
                hidden[i].setSelected(false);
            } else {
                hidden[i].setSelected(before[i]);
            }
        }
        graph.setMagnification(on ? MAGNIFICATION : 1);
        Parent root = toggle.getScene() == null ? null : toggle.getScene().getRoot();
        if (root != null) {
            root.pseudoClassStateChanged(PRESENTING, on);
        }
        if (!on) {
            invitation.setVisible(false);
        }
    }

    /**
     * Called on the tick: shows the invitation while presenting and nothing is connected yet, with the
     * address phones should open (null while nothing listens).
     */
    void update(int openSockets, String phoneUrl) {
        boolean show = isOn() && openSockets == 0 && phoneUrl != null;
        if (show && !phoneUrl.equals(shownUrl)) {
            shownUrl = phoneUrl;
            url.setText(phoneUrl);
            qr.setImage(QrCodes.image(phoneUrl, 300));
        }
        invitation.setVisible(show);
    }
}
