package io.socketscope.ui.sockets;

import io.socketscope.ui.viewmodel.MainViewModel;

import io.socketscope.model.SocketInfo;
import io.socketscope.model.Sizes;
import io.socketscope.server.Protocol;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Everything about one socket (or UDP flow): its 5-tuple, descriptor, age (live), bytes, requests with
 * each line, and its state, with a "Close socket" action for an open TCP socket. Follows the view-model's
 * selected socket, so the figures stay current as events arrive.
 */
public final class SocketDetails extends VBox {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final MainViewModel viewModel;
    private final Label title = new Label("No socket selected");
    private final Label empty = new Label("Click a socket's edge in the graph, or a row of the event log or of"
            + " \"Recently closed\", to see that socket here.");
    private final GridPane grid = new GridPane();
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Map<String, Label> keys = new LinkedHashMap<>();
    private final Label linesTitle = new Label();
    private final ListView<String> lines = new ListView<>();
    private final Button closeButton = new Button("Close socket");
    private final Label closeNote = new Label();
    private final Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshAge()));

    public SocketDetails(MainViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("socket-details");
        setSpacing(8);
        title.getStyleClass().add("details-title");
        title.setId("detailsTitle");
        empty.setWrapText(true);
        empty.getStyleClass().add("details-empty");
        ColumnConstraints keyColumn = new ColumnConstraints();
        keyColumn.setHalignment(HPos.RIGHT);
        keyColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keyColumn, valueColumn);
        grid.setHgap(8);
        grid.setVgap(3);
        String[][] rows = {{"protocol", "Protocol"}, {"client", "Client"}, {"server", "Server"},
                {"descriptor", "Descriptor"}, {"opened", "Opened at"}, {"age", "Open for"},
                {"last", "Last heard"},
                {"received", "Bytes received"}, {"sent", "Bytes sent"}, {"requests", "Requests"},
                {"state", "State"}, {"kernel", "Kernel state"}};
        int r = 0;
        for (String[] row : rows) {
            Label key = new Label(row[1]);
            key.getStyleClass().add("details-key");
            key.setId("detail-key-" + row[0]);
            Label value = new Label();
            value.getStyleClass().add("details-value");
            value.setId("detail-" + row[0]);
            value.setWrapText(true);
            values.put(row[0], value);
            keys.put(row[0], key);
            grid.addRow(r++, key, value);
        }
        linesTitle.getStyleClass().add("details-key");
        lines.setId("detailLines");
        lines.setPrefHeight(120);
        lines.setFocusTraversable(false);
        closeButton.setId("closeSocketButton");
        closeButton.getStyleClass().add("close-socket");
        closeButton.setOnAction(e -> {
            SocketInfo shown = viewModel.selectedProperty().get();
            if (shown != null) {
                viewModel.closeSocket(shown.id());
            }
        });
        closeNote.setWrapText(true);
        closeNote.getStyleClass().add("details-note");
        getChildren().addAll(title, empty, grid, linesTitle, lines, closeButton, closeNote);
        clock.setCycleCount(Animation.INDEFINITE);
        viewModel.selectedProperty().addListener((obs, was, now) -> show(now));
        show(null);
    }

    /** The value shown for a row key ("state", "received", ...), for tests. */
    public String value(String key) {
        return values.get(key).getText();
    }

    private void show(SocketInfo info) {
        boolean any = info != null;
        for (javafx.scene.Node n : new javafx.scene.Node[] {grid, linesTitle, lines, closeButton, closeNote}) {
            n.setVisible(any);
            n.setManaged(any);
        }
        empty.setVisible(!any);
        empty.setManaged(!any);
        if (!any) {
            title.setText("No socket selected");
            clock.stop();
            return;
        }
        boolean tcp = info.protocol() == Protocol.TCP;
        title.setText((tcp ? "Socket " : "UDP flow · ") + info.connection().descriptor().label());
        set("protocol", tcp ? "TCP (a connection: this socket is its alone)"
                : "UDP (no connection: the same socket serves every peer)");
        set("client", info.connection().client().toString());
        set("server", info.connection().server().toString() + (info.connection().server().address().isAnyLocalAddress()
                ? " (any local address: a socket bound to all of them)" : ""));
        io.socketscope.server.Descriptor.Kind kind = info.connection().descriptor().kind();
        String whose = !tcp ? " (the UDP port's only socket)"
                : kind == io.socketscope.server.Descriptor.Kind.OS ? " (from accept(), as the OS numbers it)"
                : kind == io.socketscope.server.Descriptor.Kind.HANDLE
                ? " (the socket's handle from accept(): Windows' equivalent of a descriptor)"
                : " (SocketScope's own id: this system does not let it read descriptors)";
        set("descriptor", info.connection().descriptor().label() + whose);
        set("opened", CLOCK.format(info.openedAt()));
        keyText("age", info.isOpen() ? (tcp ? "Open for" : "Seen for") : (tcp ? "Was open for" : "Was seen for"));
        set("last", info.requests() == 0 ? "nothing sent yet" : CLOCK.format(info.lastSeen()));
        set("received", bytes(info.traffic().received()));
        set("sent", bytes(info.traffic().sent()));
        keyText("requests", tcp ? "Requests" : "Datagrams");
        set("requests", Long.toString(info.requests()));
        set("state", info.state().words() + (info.closeReason() == null ? ""
                : " · " + info.closeReason().code() + (info.closedAt() == null ? "" : " at " + CLOCK.format(info.closedAt()))));
        set("kernel", kernelText(info));
        linesTitle.setText(tcp ? "Request lines on this socket (latest " + SocketInfo.KEPT_LINES + ")"
                : "Datagrams from this peer (latest " + SocketInfo.KEPT_LINES + ")");
        lines.getItems().setAll(info.requestLines());
        boolean closable = tcp && info.isOpen();
        closeButton.setDisable(!closable);
        closeNote.setText(!tcp ? "UDP has no connection to close: the port's one socket keeps receiving from every peer."
                : info.isOpen() ? "Closes it from the server side: the client sees its connection end."
                : "This socket is closed; these are its final figures.");
        refreshAge();
        if (info.isOpen()) {
            clock.play();
        } else {
            clock.stop();
        }
    }

    /** The kernel's word, the fact where it differs from what the server saw. */
    private static String kernelText(SocketInfo info) {
        if (info.protocol() != Protocol.TCP) {
            return "UDP: no connection, nothing for the kernel to keep";
        }
        if (!info.isOpen()) {
            String fd = info.connection().descriptor().label() + " closed; ";
            if (info.kernel() == io.socketscope.server.TcpState.CLOSE_WAIT) {
                // The kernel's word is the fact: it saw the client's FIN before the server closed.
                return fd + "the kernel saw the client close first (CLOSE_WAIT), so the TIME_WAIT is the client's";
            }
            return fd + "if the server closed first, the kernel keeps the connection a while (TIME_WAIT): the graph"
                    + " draws it as a ghost";
        }
        if (info.kernel() == null) {
            return "not read (the kernel's table is not readable on this system)";
        }
        return info.kernelWords();
    }

    private void refreshAge() {
        SocketInfo info = viewModel.selectedProperty().get();
        if (info != null) {
            set("age", Sizes.duration(info.age(Instant.now())));
        }
    }

    private void set(String key, String text) {
        values.get(key).setText(text);
    }

    private void keyText(String key, String text) {
        keys.get(key).setText(text);
    }

    private static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " byte" : " bytes")
                + (n >= 1000 ? " (" + Sizes.bytes(n) + ")" : "");
    }
}
