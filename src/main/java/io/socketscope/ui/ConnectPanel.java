package io.socketscope.ui;

import io.socketscope.ui.viewmodel.MainViewModel;

import io.socketscope.server.BindMode;
import io.socketscope.server.LocalAddresses;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Connect a phone" side panel: the URLs at which this computer can be reached, a QR code for the
 * chosen one, copy buttons, a way out of "this computer only", and troubleshooting hints when nothing
 * connects.
 */
final class ConnectPanel extends VBox {

    static final int QR_SIZE = 176;

    private final MainViewModel viewModel;
    private final Label intro = new Label();
    private final ImageView qr = new ImageView();
    private final Label chosenUrl = new Label();
    private final VBox urlRows = new VBox(2);
    private final Button switchToAll = new Button("Listen on all interfaces instead");
    private final Label hints = new Label();
    private String chosen;

    ConnectPanel(MainViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("connect-panel");
        setId("connectPanel");
        setSpacing(8);
        setPrefWidth(260);
        setMinWidth(260);
        Label title = new Label("Connect a phone");
        title.getStyleClass().add("connect-title");
        intro.setWrapText(true);
        qr.setId("qrCode");
        qr.getStyleClass().add("qr-code");
        chosenUrl.setId("chosenUrl");
        chosenUrl.getStyleClass().add("chosen-url");
        chosenUrl.setWrapText(true);
        switchToAll.setId("switchToAll");
        switchToAll.setOnAction(e -> viewModel.switchToAllInterfaces());
        switchToAll.setWrapText(true);
        hints.setId("hints");
        hints.getStyleClass().add("connect-hints");
        hints.setWrapText(true);
        hints.visibleProperty().bind(viewModel.hintsVisibleProperty());
        hints.managedProperty().bind(hints.visibleProperty());
        getChildren().addAll(title, intro, qr, chosenUrl, urlRows, switchToAll, hints);

        viewModel.reachable().addListener((ListChangeListener<LocalAddresses.Reachable>) c -> refresh());
        viewModel.runningProperty().addListener((obs, was, now) -> refresh());
        viewModel.boundPortProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    /** The URL the QR code currently shows, or null. */
    String chosenUrl() {
        return qr.isVisible() ? chosen : null;
    }

    private void refresh() {
        int port = viewModel.boundPortProperty().get();
        boolean running = viewModel.runningProperty().get();
        boolean local = running && viewModel.runningBind() == BindMode.LOCAL;
        List<LocalAddresses.Reachable> reachable = viewModel.reachable();
        switchToAll.setVisible(local);
        switchToAll.setManaged(local);
        urlRows.getChildren().clear();
        hints.setText(hintsText(port));
        if (!running) {
            intro.setText("Press Start, then open the address shown here on a phone or laptop on the same Wi-Fi.");
            showQr(null);
            return;
        }
        if (local) {
            intro.setText("Listening on this computer only (127.0.0.1 and ::1): phones and other computers cannot"
                    + " connect. Open http://127.0.0.1:" + port + "/ here, or listen on all interfaces.");
            showQr(null);
            return;
        }
        if (reachable.isEmpty()) {
            intro.setText("No network interface is up, so nothing outside this computer can connect yet."
                    + " Join a Wi-Fi network: its address will appear here.");
            showQr(null);
            return;
        }
        intro.setText("On a phone on the same Wi-Fi, scan the code or type the address, port included.");
        String keep = chosen;
        boolean keepStillThere = false;
        for (LocalAddresses.Reachable r : reachable) {
            String url = r.url(port);
            keepStillThere |= url.equals(keep);
            Hyperlink link = new Hyperlink(url);
            link.getStyleClass().add("url-link");
            link.setOnAction(e -> showQr(url));
            link.setWrapText(true);
            Label where = new Label("on " + r.interfaceName());
            where.getStyleClass().add("url-interface");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button copy = new Button("Copy");
            copy.getStyleClass().add("copy-button");
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(url);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                viewModel.say("Copied " + url);
            });
            HBox under = new HBox(4, where, gap, copy);
            under.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            VBox row = new VBox(0, link, under);
            row.getStyleClass().add("url-row");
            urlRows.getChildren().add(row);
        }
        showQr(keepStillThere ? keep : reachable.get(0).url(port));
    }

    private void showQr(String url) {
        chosen = url;
        boolean show = url != null;
        qr.setVisible(show);
        qr.setManaged(show);
        chosenUrl.setVisible(show);
        chosenUrl.setManaged(show);
        if (show) {
            qr.setImage(QrCodes.image(url, QR_SIZE));
            chosenUrl.setText(url);
        }
    }

    /** Plain-words hints for when nothing connects, with the firewall command of the running OS. */
    static String hintsText(int port) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String firewall;
        if (os.contains("win")) {
            firewall = "netsh advfirewall firewall add rule name=SocketScope dir=in action=allow protocol=TCP localport=" + port;
        } else if (os.contains("mac")) {
            firewall = "System Settings → Network → Firewall: allow incoming connections for java";
        } else {
            firewall = "sudo ufw allow " + port + "/tcp   (or: sudo firewall-cmd --add-port=" + port + "/tcp)";
        }
        return "Nothing has connected yet. Check:\n"
                + "• The phone is on the same Wi-Fi as this computer (not on mobile data).\n"
                + "• Guest networks often keep devices apart: use the main network.\n"
                + "• The firewall may block port " + port + ": " + firewall + "\n"
                + "• The address must include the port: :" + port + ".\n"
                + "• Type http:// in front: a browser that tries https:// finds no secure server here (the log then"
                + " says \"a TLS (https://) client\").";
    }

}
