package io.socketscope.ui;

import io.socketscope.model.LogEntry;
import io.socketscope.model.LogFilter;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * The event log tab: its rows (the newest the view model keeps), the filter with its count ("12 of 300"),
 * and a click on a socket's row that shows that socket.
 */
final class EventLogTable {

    private EventLogTable() {
    }

    @SafeVarargs
    static void wire(TableView<LogEntry> table, TextField filter, Label count, ObservableList<LogEntry> rows,
                     LongConsumer showSocket, TableColumn<LogEntry, String>... columns) {
        FilteredList<LogEntry> shown = new FilteredList<>(rows);
        shown.predicateProperty().bind(Bindings.createObjectBinding(
                () -> LogFilter.matching(filter.getText()), filter.textProperty()));
        table.setItems(shown);
        // One row height for all rows: the table then never measures each row's text to lay itself out.
        table.setFixedCellSize(24);
        count.textProperty().bind(Bindings.createStringBinding(() -> filter.getText().isBlank()
                ? "" : shown.size() + " of " + rows.size(), filter.textProperty(), shown, rows));
        table.setPlaceholder(new Label("Events appear here: LISTEN, ACCEPT, REQUEST, CLOSE, ERROR."));
        // Time, event, client, socket, detail.
        columns[0].setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().clock()));
        columns[1].setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().kind().name()));
        columns[2].setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().client()));
        columns[3].setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().descriptor()));
        columns[4].setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().detail()));
        columns[1].setCellFactory(column -> new KindCell());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null && row.socketId() >= 0) {
                showSocket.accept(row.socketId());
            }
        });
    }
}
