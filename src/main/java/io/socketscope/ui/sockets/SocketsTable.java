package io.socketscope.ui.sockets;

import io.socketscope.model.Sizes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.collections.FXCollections;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live Sockets table (the job TCPView does): one row per open socket and UDP flow, sortable, filtered
 * with the event log's words, new rows marked green and closed ones red for a moment (and in words, so
 * colour is never the only sign). A virtualized table over one list that each batch updates in place.
 */
public final class SocketsTable extends VBox {

    private static final PseudoClass NEW = PseudoClass.getPseudoClass("new");
    private static final PseudoClass CLOSED = PseudoClass.getPseudoClass("closed");
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final SocketsTableModel model;
    private final TableView<SocketRow> table = new TableView<>();
    private final TextField filter = new TextField();
    private final SortedList<SocketRow> sorted;
    private LongConsumer onSelect = id -> { };
    /** Ticks once a second while the table is shown: what the Age column's cells depend on. */
    private final javafx.beans.property.LongProperty seconds = new javafx.beans.property.SimpleLongProperty(this, "seconds");
    private boolean selecting;

    public SocketsTable(SocketsTableModel model) {
        this.model = model;
        getStyleClass().add("sockets-pane");
        Label title = new Label("Filter the sockets");
        title.setLabelFor(filter);
        filter.setId("socketsFilter");
        filter.setPromptText("client, host, fd 23, TCP, UDP, open, half-closed, closed…");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label count = new Label();
        count.getStyleClass().add("log-count");
        HBox bar = new HBox(6, title, filter, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-filter-bar");

        sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,d of %,d", sorted.size(),
                model.rows().size()), sorted, model.shown()));
        table.setId("socketsTable");
        table.getStyleClass().add("sockets-table");
        table.setFixedCellSize(24);
        table.setPlaceholder(new Label("Every open socket and UDP flow appears here, one row each."));
        table.setRowFactory(t -> new StatusRow());
        table.getColumns().add(SocketsTable.<String>column("State", 120, r -> Bindings.createStringBinding(
                () -> r.status() == SocketRow.Status.OPEN ? r.stateProperty().get()
                        : r.status().words + (r.status() == SocketRow.Status.CLOSED ? ": " + r.stateProperty().get() : ""),
                r.statusProperty(), r.stateProperty())));
        TableColumn<SocketRow, String> kernelColumn = column("Kernel state", 110, SocketRow::kernelProperty);
        kernelColumn.setId("kernelStateColumn");
        table.getColumns().add(kernelColumn);
        table.getColumns().add(SocketsTable.<String>column("Proto", 55, r -> new ReadOnlyStringWrapper(r.protocol())));
        table.getColumns().add(SocketsTable.<String>column("Client", 170, r -> new ReadOnlyStringWrapper(r.client())));
        table.getColumns().add(SocketsTable.<String>column("Host / device", 150, SocketRow::hostProperty));
        table.getColumns().add(SocketsTable.<String>column("Server", 150, r -> new ReadOnlyStringWrapper(r.server())));
        table.getColumns().add(SocketsTable.<Descriptor>column("Socket", 75, r -> new ReadOnlyObjectWrapper<>(new Descriptor(r.descriptor()))));
        table.getColumns().add(SocketsTable.<String>column("Opened", 75, r -> new ReadOnlyStringWrapper(CLOCK.format(r.openedAt()))));
        table.getColumns().add(SocketsTable.<Age>column("Age", 65,
                r -> Bindings.createObjectBinding(() -> new Age(r.openedAt()), seconds)));
        table.getColumns().add(SocketsTable.<Long>column("In", 75, r -> r.receivedProperty().asObject(), Sizes::bytes));
        table.getColumns().add(SocketsTable.<Long>column("Out", 75, r -> r.sentProperty().asObject(), Sizes::bytes));
        table.getColumns().add(SocketsTable.<Long>column("Requests", 70, r -> r.requestsProperty().asObject()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, row) -> {
            if (row != null && !selecting) {
                onSelect.accept(row.id());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    /**
     * The table takes its rows only while it is shown: a hidden table still rebuilds its cells on every
     * change, which in a release of 10,000 sockets cost more than everything else in the window.
     */
    public void setShown(boolean shown) {
        model.setLive(shown);
        // Empty, not null: with null items a TableView's skin fails in a layout pulse (TableSkinUtils.getItemCount)
        // when the scrollbar its rows needed goes away.
        table.setItems(shown ? sorted : FXCollections.emptyObservableList());
    }

    /** Where a row's selection goes (the socket's id). */
    public void setOnSelect(LongConsumer handler) {
        this.onSelect = handler;
    }

    /** Selects the row of this socket, if it has one, and scrolls to it; tells no one. */
    public void select(long id) {
        SocketRow row = model.row(id);
        if (row == null || row == table.getSelectionModel().getSelectedItem()) {
            return;
        }
        selecting = true;
        try {
            table.getSelectionModel().select(row);
            int index = table.getSelectionModel().getSelectedIndex();
            if (index >= 0) {
                table.scrollTo(index);
            }
        } finally {
            selecting = false;
        }
    }

    /** Shows only this host's sockets. */
    public void filterHost(String ip) {
        filter.setText(ip);
    }

    /**
     * Ages move on (called about once a second while the table is shown): only the Age cells shown are
     * written again; the table keeps its cells (a refresh() rebuilt every one of them).
     */
    public void refreshAges() {
        seconds.set(seconds.get() + 1);
    }

    public TableView<SocketRow> table() {
        return table;
    }

    private static <T> TableColumn<SocketRow, T> column(String title, double width,
                                                        Function<SocketRow, ObservableValue<T>> value) {
        return column(title, width, value, null);
    }

    private static <T> TableColumn<SocketRow, T> column(String title, double width,
                                                        Function<SocketRow, ObservableValue<T>> value,
                                                        Function<T, String> text) {
        TableColumn<SocketRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        if (text != null) {
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : text.apply(item));
                }
            });
        }
        return c;
    }

    /** A descriptor label that sorts by its number: fd 9 before fd 10. */
    private record Descriptor(String label) implements Comparable<Descriptor> {
        long number() {
            String digits = label.replaceAll("\\D", "");
            return digits.isEmpty() ? -1 : Long.parseLong(digits.length() > 18 ? digits.substring(0, 18) : digits);
        }

        @Override
        public int compareTo(Descriptor o) {
            return Long.compare(number(), o.number());
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** How long a socket has been open, shown short and sorted by time. */
    private record Age(Instant openedAt) implements Comparable<Age> {
        @Override
        public int compareTo(Age o) {
            return o.openedAt.compareTo(openedAt);
        }

        @Override
        public String toString() {
            return Sizes.duration(Duration.between(openedAt, Instant.now()));
        }
    }

    /** A row marked new (green) or closed (red) by pseudo-class; the State column says it in words too. */
    private static final class StatusRow extends TableRow<SocketRow> {
        private final javafx.beans.value.ChangeListener<SocketRow.Status> watch = (obs, was, now) -> mark(now);

        @Override
        protected void updateItem(SocketRow row, boolean empty) {
            SocketRow before = getItem();
            if (before != null) {
                before.statusProperty().removeListener(watch);
            }
            super.updateItem(row, empty);
            if (row != null && !empty) {
                row.statusProperty().addListener(watch);
                mark(row.status());
            } else {
                mark(null);
            }
        }

        private void mark(SocketRow.Status status) {
            pseudoClassStateChanged(NEW, status == SocketRow.Status.NEW);
            pseudoClassStateChanged(CLOSED, status == SocketRow.Status.CLOSED);
        }
    }
}
