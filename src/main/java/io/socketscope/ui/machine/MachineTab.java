package io.socketscope.ui.machine;

import io.socketscope.machine.HostSocket;
import io.socketscope.machine.HostSockets;
import io.socketscope.machine.SocketGroups;
import io.socketscope.model.PortInfo;
import io.socketscope.model.ScopeModel;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.ConnectionRef;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.ListeningSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Puts the This machine view in a tab beside the Sockets table, reads the machine only while the tab is
 * shown, and offers a link from a "port in use" message to the row of the program that holds the port.
 */
public final class MachineTab {

    private final TabPane tabs;
    private final Tab tab = new Tab("This machine");
    private final MachineView view;
    private final MachineFeed feed;
    private final Hyperlink holderLink = new Hyperlink();

    /** @param watch shows one of SocketScope's own ports live (its group key, {@code TCP 8080}) */
    public MachineTab(TabPane tabs, Supplier<ScopeModel> model, Consumer<String> watch) {
        this.tabs = tabs;
        this.view = new MachineView(() -> ownSockets(model.get()));
        this.feed = new MachineFeed(Platform::runLater, view::apply);
        view.setOnWatch(watch);
        tab.setId("machineTab");
        tab.setContent(view);
        tabs.getTabs().add(tabs.getTabs().size() > 2 ? 2 : tabs.getTabs().size(), tab);
        tab.selectedProperty().addListener((obs, was, shown) -> feed.setShown(shown));
        holderLink.setId("showHolder");
        holderLink.setVisible(false);
        holderLink.setManaged(false);
    }

    /** The link shown under a "port in use" message: it opens This machine on the port's row. */
    public Hyperlink holderLink(javafx.beans.value.ObservableValue<ListenSpec> held) {
        held.addListener((obs, was, spec) -> {
            holderLink.setVisible(spec != null);
            holderLink.setManaged(spec != null);
            if (spec != null) {
                holderLink.setText("Who holds " + spec.protocol() + " port " + spec.port() + "? Show it in This machine");
                holderLink.setOnAction(e -> reveal(spec));
            }
        });
        return holderLink;
    }

    /** Opens the tab on this port's group. */
    void reveal(ListenSpec spec) {
        tabs.getSelectionModel().select(tab);
        view.reveal(SocketGroups.portKey(spec.protocol(), spec.port()));
        feed.refreshSoon();
    }

    public Tab tab() {
        return tab;
    }

    public MachineView view() {
        return view;
    }

    public void close() {
        feed.close();
    }

    /** SocketScope's own sockets by what the OS shows of them, each with the descriptor the graph shows. */
    private static Function<HostSocket, String> ownSockets(ScopeModel model) {
        Map<String, String> fds = new HashMap<>();
        for (PortInfo port : model.ports()) {
            if (port.live()) {
                fds.put(port.protocol() + " " + port.port(), port.descriptors());
                for (ListeningSocket l : port.sockets()) {
                    fds.put(port.protocol() + " " + port.port() + " " + l.local().ip(), l.descriptor().label());
                }
            }
        }
        for (SocketInfo s : model.openSockets()) {
            ConnectionRef c = s.connection();
            fds.put(c.protocol() + " " + c.server().port() + " " + c.client().ip() + " " + c.client().port(),
                    c.descriptor().label());
        }
        int pid = HostSockets.ownPid();
        return h -> {
            if (h.pid() != pid) {
                return "";
            }
            if (h.isListening()) {
                String exact = fds.get(h.protocol() + " " + h.localPort() + " " + h.localIp());
                return exact != null ? exact : fds.getOrDefault(h.protocol() + " " + h.localPort(), "");
            }
            return fds.getOrDefault(h.protocol() + " " + h.localPort() + " " + h.remoteIp() + " " + h.remotePort(), "");
        };
    }
}
