package io.socketscope.ui;

import io.socketscope.model.SocketInfo;
import io.socketscope.model.Sizes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The "Recently closed" tab: closed sockets with their final figures and how each ended; a click shows one.
 * The table takes the list only while its tab is shown: a hidden table would still rebuild its cells (and
 * their CSS) on every close, which under load cost more than the whole graph.
 */
final class ClosedTable {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private ClosedTable() {
    }

    @SafeVarargs
    static void wire(Tab tab, TableView<SocketInfo> table, ObservableList<SocketInfo> closed, LongConsumer showSocket,
                     TableColumn<SocketInfo, String>... columns) {
        tab.selectedProperty().addListener((obs, was, isShown) ->
                table.setItems(isShown ? closed : FXCollections.emptyObservableList()));
        table.setFixedCellSize(24);
        table.setPlaceholder(new Label("Closed sockets stay here with their final figures."));
        // Closed at, protocol, client, socket, age, traffic, requests, how it ended.
        column(columns[0], s -> s.closedAt() == null ? "" : CLOCK.format(s.closedAt()));
        column(columns[1], s -> s.protocol().name());
        column(columns[2], s -> s.connection().client().toString());
        column(columns[3], s -> s.connection().descriptor().label());
        column(columns[4], s -> Sizes.duration(s.age(s.closedAt())));
        column(columns[5], s -> Sizes.bytes(s.traffic().received()) + " / " + Sizes.bytes(s.traffic().sent()));
        column(columns[6], s -> Long.toString(s.requests()));
        column(columns[7], s -> s.closeReason() == null ? "" : s.closeReason().code() + ": " + s.closeReason().words());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null) {
                showSocket.accept(row.id());
            }
        });
    }

    private static void column(TableColumn<SocketInfo, String> column, Function<SocketInfo, String> text) {
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(text.apply(row.getValue())));
    }
}
