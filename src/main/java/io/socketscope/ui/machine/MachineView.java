package io.socketscope.ui.machine;

import io.socketscope.machine.HostSocket;
import io.socketscope.machine.SocketChanges;
import io.socketscope.machine.SocketGroups;
import io.socketscope.model.LogFilter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The This machine view (what {@code ss -tanp}, {@code netstat -ano} and TCPView show): every TCP and UDP
 * socket of the host grouped by listening port, with its process, sortable and filtered with the log's
 * words; new rows green and gone rows red for a moment (and said in the Change column). SocketScope's own
 * sockets carry the descriptor the graph shows. The rows come from a {@link MachineFeed}, off the FX thread.
 */
public final class MachineView extends VBox {

    private static final PseudoClass NEW = PseudoClass.getPseudoClass("new");
    private static final PseudoClass GONE = PseudoClass.getPseudoClass("gone");
    private static final PseudoClass HEADING = PseudoClass.getPseudoClass("heading");
    private static final PseudoClass OWN = PseudoClass.getPseudoClass("own");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TreeTableView<MachineItem> table = new TreeTableView<>();
    private final TreeItem<MachineItem> root = new TreeItem<>();
    private final TextField filter = new TextField();
    private final Label count = new Label();
    private final Label details = new Label("Select a row to see what the operating system tells about it.");
    private final Button watch = new Button("Watch this port");
    /** Group headings by group key; every row by socket key; every row of a group, shown or filtered out. */
    private final Map<String, TreeItem<MachineItem>> groups = new HashMap<>();
    private final Map<String, TreeItem<MachineItem>> rows = new HashMap<>();
    private final Map<String, Set<TreeItem<MachineItem>>> members = new HashMap<>();
    private final Supplier<Function<HostSocket, String>> ownSockets;
    private Predicate<MachineItem> shown = item -> true;
    private String pendingReveal;
    private Consumer<String> onWatch = group -> { };

    /** @param ownSockets gives, on the FX thread, the descriptor SocketScope shows for a socket of its own, or "" */
    MachineView(Supplier<Function<HostSocket, String>> ownSockets) {
        this.ownSockets = ownSockets;
        getStyleClass().add("machine-pane");
        Label title = new Label("Filter");
        title.setLabelFor(filter);
        filter.setId("machineFilter");
        filter.setPromptText("port, process, pid 4242, LISTEN, ESTABLISHED, UDP, socketscope, new…");
        filter.textProperty().addListener((obs, was, now) -> refilter(now));
        HBox.setHgrow(filter, Priority.ALWAYS);
        count.getStyleClass().add("log-count");
        count.setId("machineCount");
        HBox bar = new HBox(6, title, filter, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-filter-bar");

        table.setId("machineTable");
        table.getStyleClass().add("machine-table");
        table.setRoot(root);
        table.setShowRoot(false);
        table.setFixedCellSize(24);
        table.setPlaceholder(new Label("This machine's sockets appear here, refreshed every second."));
        table.setRowFactory(t -> new MarkRow());
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Local", 205, MachineItem::local));
        table.getColumns().add(column("Proto", 50, MachineItem::protocol));
        table.getColumns().add(column("State", 110, MachineItem::state));
        table.getColumns().add(column("Remote", 160, MachineItem::remote));
        table.getColumns().add(column("Process", 100, MachineItem::process));
        TreeTableColumn<MachineItem, Integer> pid = new TreeTableColumn<>("Pid");
        pid.setPrefWidth(55);
        pid.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().pid()));
        pid.setCellFactory(c -> new javafx.scene.control.TreeTableCell<>() {
            @Override
            protected void updateItem(Integer value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null || value < 0 ? "" : Integer.toString(value));
            }
        });
        table.getColumns().add(pid);
        table.getColumns().add(column("Service", 100, MachineItem::service));
        table.getColumns().add(column("SocketScope", 80, MachineItem::ownDescriptor));
        table.getColumns().add(column("Change", 55, MachineItem::change));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, item) -> describe(item));
        VBox.setVgrow(table, Priority.ALWAYS);

        watch.setId("watchPort");
        watch.setDisable(true);
        watch.setOnAction(e -> {
            TreeItem<MachineItem> item = table.getSelectionModel().getSelectedItem();
            if (item != null) {
                onWatch.accept(item.getValue().group());
            }
        });
        details.setId("machineDetails");
        details.setWrapText(true);
        details.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(details, Priority.ALWAYS);
        HBox lower = new HBox(8, details, watch);
        lower.setAlignment(Pos.CENTER_LEFT);
        lower.getStyleClass().add("machine-details");
        getChildren().addAll(bar, table, lower);
    }

    /** What Watch this port does with a group of SocketScope's own ({@code TCP 8080}). */
    void setOnWatch(Consumer<String> handler) {
        this.onWatch = handler;
    }

    /** Selects and shows this port's group as soon as it is in the view (the next refresh, if not yet). */
    void reveal(String group) {
        pendingReveal = group;
        revealIfThere();
    }

    /** Whether every refresh handed in so far is in the table. */
    public boolean isSettled() {
        return slices.isEmpty();
    }

    public TreeTableView<MachineItem> table() {
        return table;
    }

    /**
     * Takes one refresh's changes (FX thread). They are applied in order, a time-boxed slice a pulse
     * ({@link ChangeSlices}): thousands of rows at once (the first look at a busy machine, every new row losing
     * its mark together) would otherwise hold one pulse for a long time.
     */
    void apply(SocketChanges.Changes changes) {
        slices.offer(changes);
        pulses.start(); // also when nothing changed: the count shows the time of the last refresh
    }

    /** How long one pulse spends applying rows: about half of a 60 Hz frame. */
    static final long SLICE_NANOS = 8_000_000L;

    private final ChangeSlices slices = new ChangeSlices(new ChangeSlices.Target() {
        @Override
        public void remove(List<SocketChanges.Row> removed) {
            applyRemoved(removed);
        }

        @Override
        public void change(List<SocketChanges.Row> changed) {
            applyChanged(changed);
        }

        @Override
        public void add(List<SocketChanges.Row> added) {
            applyAdded(added);
        }
    }, System::nanoTime);

    private final javafx.animation.AnimationTimer pulses = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (table.getSelectionModel().isEmpty()) {
                // With nothing selected, nothing needs the focus row: a focused row makes the table count
                // the rows before it again at each change of the tree.
                table.getFocusModel().focus(-1);
            }
            slices.applyFor(SLICE_NANOS);
            count.setText(String.format("%,d sockets · %s", rows.size(), LocalTime.now().format(CLOCK)));
            revealIfThere();
            describe(table.getSelectionModel().getSelectedItem());
            if (slices.isEmpty()) {
                stop();
            }
        }
    };

    private void applyRemoved(List<SocketChanges.Row> removed) {
        Map<String, Set<TreeItem<MachineItem>>> leaving = new HashMap<>();
        for (SocketChanges.Row row : removed) {
            TreeItem<MachineItem> item = rows.get(row.key());
            if (item != null && item.getValue().group().equals(row.group())) {
                rows.remove(row.key());
                leaving.computeIfAbsent(row.group(), g -> new HashSet<>()).add(item);
            }
        }
        leaving.forEach((group, items) -> {
            members.get(group).removeAll(items);
            groups.get(group).getChildren().removeAll(items);
            if (members.get(group).isEmpty()) {
                root.getChildren().remove(groups.remove(group));
                members.remove(group);
            }
        });
    }

    private void applyChanged(List<SocketChanges.Row> changed) {
        for (SocketChanges.Row row : changed) {
            TreeItem<MachineItem> item = rows.get(row.key());
            if (item != null) {
                item.getValue().update(row);
            }
        }
    }

    private void applyAdded(List<SocketChanges.Row> added) {
        Function<HostSocket, String> own = ownSockets.get();
        Map<String, List<TreeItem<MachineItem>>> arriving = new HashMap<>();
        for (SocketChanges.Row row : added) {
            TreeItem<MachineItem> item = new TreeItem<>(new MachineItem(row.group(), row, own.apply(row.socket())));
            rows.put(row.key(), item);
            arriving.computeIfAbsent(row.group(), g -> new ArrayList<>()).add(item);
        }
        // In a group, the listening sockets first, then the connections by peer (a sort asked for re-sorts).
        Comparator<TreeItem<MachineItem>> inGroup = Comparator.comparing(
                (TreeItem<MachineItem> i) -> !i.getValue().socket().isListening())
                .thenComparing(i -> i.getValue().socket().remoteIp())
                .thenComparingInt(i -> i.getValue().socket().remotePort());
        arriving.values().forEach(items -> items.sort(inGroup));
        arriving.forEach((group, items) -> {
            TreeItem<MachineItem> heading = groups.computeIfAbsent(group, this::newGroup);
            members.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(items);
            heading.getChildren().addAll(items.stream().filter(i -> shown.test(i.getValue())).toList());
        });
    }

    private TreeItem<MachineItem> newGroup(String group) {
        TreeItem<MachineItem> heading = new TreeItem<>(MachineItem.heading(group));
        heading.setExpanded(true);
        // Groups in port order, outgoing last; a sort the user asked for re-sorts them anyway.
        int at = 0;
        while (at < root.getChildren().size()
                && SocketGroups.ORDER.compare(root.getChildren().get(at).getValue().group(), group) < 0) {
            at++;
        }
        root.getChildren().add(at, heading);
        return heading;
    }

    private void refilter(String text) {
        Predicate<MachineItem> words = LogFilter.matching(text, MachineItem::haystack, MachineItem::ownDescriptor);
        shown = text == null || text.isBlank() ? item -> true : words;
        members.forEach((group, items) -> groups.get(group).getChildren()
                .setAll(items.stream().filter(i -> shown.test(i.getValue())).toList()));
    }

    private void revealIfThere() {
        TreeItem<MachineItem> heading = pendingReveal == null ? null : groups.get(pendingReveal);
        if (heading == null) {
            return;
        }
        pendingReveal = null;
        filter.setText("");
        heading.setExpanded(true);
        table.getSelectionModel().select(heading);
        int index = table.getRow(heading);
        if (index >= 0) {
            table.scrollTo(index);
        }
    }

    private void describe(TreeItem<MachineItem> item) {
        MachineItem value = item == null ? null : item.getValue();
        boolean ours = value != null && groupIsOurs(value.group());
        watch.setDisable(!ours);
        watch.setText(ours ? "Watch this port" : "Watch this port (only SocketScope's own)");
        details.setText(value == null ? "Select a row to see what the operating system tells about it."
                : MachineWords.describe(value, ours));
    }

    private boolean groupIsOurs(String group) {
        Set<TreeItem<MachineItem>> items = members.get(group);
        if (items == null) {
            return false;
        }
        for (TreeItem<MachineItem> i : items) {
            if (i.getValue().socket().isListening() && !i.getValue().ownDescriptor().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static TreeTableColumn<MachineItem, String> column(String title, double width,
                                                               Function<MachineItem, String> value) {
        TreeTableColumn<MachineItem, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> {
            MachineItem item = cell.getValue().getValue();
            return javafx.beans.binding.Bindings.createStringBinding(() -> value.apply(item), item.rowProperty());
        });
        return c;
    }

    /** Colours a row by its mark, its kind (heading) and whether it is SocketScope's own; follows the mark. */
    private static final class MarkRow extends TreeTableRow<MachineItem> {
        private final javafx.beans.InvalidationListener marked = o -> mark();
        private MachineItem shownItem;

        @Override
        protected void updateItem(MachineItem item, boolean empty) {
            super.updateItem(item, empty);
            if (shownItem != null) {
                shownItem.rowProperty().removeListener(marked);
            }
            shownItem = empty ? null : item;
            if (shownItem != null) {
                shownItem.rowProperty().addListener(marked);
            }
            mark();
        }

        private void mark() {
            MachineItem item = shownItem;
            boolean row = item != null;
            pseudoClassStateChanged(HEADING, row && item.isHeading());
            pseudoClassStateChanged(NEW, row && item.change().equals("new"));
            pseudoClassStateChanged(GONE, row && item.change().equals("gone"));
            pseudoClassStateChanged(OWN, row && !item.ownDescriptor().isEmpty());
        }
    }
}
