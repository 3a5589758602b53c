package io.socketscope.ui;

import io.socketscope.ui.machine.MachineItem;

import static io.socketscope.ui.FxTesting.onFx;
import static io.socketscope.ui.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketscope.app.ChildApp;
import io.socketscope.machine.HostSocket;
import io.socketscope.server.BindMode;
import io.socketscope.server.Clients;
import io.socketscope.server.Kernel;
import io.socketscope.server.ServerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The This machine tab with real sockets on loopback: the test's own listening socket and connection, the
 * window's own port with the descriptors the kernel gives, a port held by another process named with that
 * process's pid in the "in use" message and reached from its link, and Watch this port.
 */
@ExtendWith(ApplicationExtension.class)
class MachineViewTest {

    private MainWindow window;
    private final List<AutoCloseable> held = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, ServerConfig.of(0, BindMode.LOCAL));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxTesting.closeWindow(window, held);
    }

    @Test
    void showsThisJvmsOwnListenerAndConnectionWithItsPidAndTheAppsOwnSocketsWithTheKernelsDescriptors(FxRobot robot)
            throws Exception {
        assumeTrue(Kernel.available(), "descriptors are checked against /proc");
        ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        held.add(plain);
        Socket client = new Socket(InetAddress.getLoopbackAddress(), plain.getLocalPort());
        held.add(client);
        held.add(plain.accept());
        int port = FxTesting.startOnAnyPort(robot, window);
        Socket appClient = Clients.connect(port);
        held.add(appClient);
        waitUntil("the app accepted", () -> onFx(() -> window.viewModel().model().openCount()) == 1);

        robot.clickOn("This machine");
        long pid = ProcessHandle.current().pid();
        int plainPort = plain.getLocalPort();
        MachineItem listener = waitForRow(s -> s.localPort() == plainPort && s.isListening());
        assertEquals("LISTEN", listener.state());
        assertEquals(pid, listener.pid(), "this JVM's pid");
        assertEquals("java", listener.process());
        assertEquals("", listener.ownDescriptor(), "a socket of the test, not SocketScope's");
        assertEquals("TCP " + plainPort, listener.group());
        MachineItem accepted = waitForRow(s -> s.localPort() == plainPort && s.remotePort() == client.getLocalPort());
        assertEquals("ESTABLISHED", accepted.state());
        assertEquals("TCP " + plainPort, accepted.group(), "the accepted socket sits under its listening port");
        MachineItem clientSide = waitForRow(s -> s.localPort() == client.getLocalPort() && s.remotePort() == plainPort);
        assertEquals("outgoing", clientSide.group(), "the client's side is an outgoing connection");

        // Bound to this computer only: one listening socket on 127.0.0.1 and one on ::1, each with its own fd.
        java.util.Set<String> kernelFds = new java.util.TreeSet<>();
        Kernel.listeningDescriptors(port).forEach(fd -> kernelFds.add("fd " + fd));
        java.util.Set<String> shownFds = new java.util.TreeSet<>();
        waitUntil("every listening socket of the app", () -> onFx(() -> {
            shownFds.clear();
            for (TreeItem<MachineItem> g : window.machine().view().table().getRoot().getChildren()) {
                for (TreeItem<MachineItem> r : g.getChildren()) {
                    if (r.getValue().socket().localPort() == port && r.getValue().socket().isListening()) {
                        shownFds.add(r.getValue().ownDescriptor());
                    }
                }
            }
            return shownFds.size() == kernelFds.size();
        }));
        assertEquals(kernelFds, shownFds, "the app's own listening sockets, with the kernel's descriptors");
        MachineItem appSocket = waitForRow(s -> s.localPort() == port && s.remotePort() == appClient.getLocalPort());
        assertEquals("fd " + Kernel.tcpDescriptor(port, appClient.getLocalPort()), appSocket.ownDescriptor());

        // The filter words: only the rows with every word stay (here the test's listener alone).
        robot.clickOn("#machineFilter").write("listen 127.0.0.1:" + plainPort + " pid " + pid);
        assertEquals(List.of("127.0.0.1:" + plainPort), onFx(() -> {
            List<String> shown = new ArrayList<>();
            for (TreeItem<MachineItem> g : window.machine().view().table().getRoot().getChildren()) {
                g.getChildren().forEach(r -> shown.add(r.getValue().local()));
            }
            return shown;
        }));
        onFx(() -> {
            robot.lookup("#machineFilter").queryAs(TextField.class).setText("");
            return null;
        });

        // Watch this port: offered for the app's own port (and not for the test's), it shows that port's sockets.
        selectGroup("TCP " + plainPort);
        Button watch = robot.lookup("#watchPort").queryAs(Button.class);
        assertTrue(onFx(watch::isDisabled), "another program's port cannot be watched");
        assertTrue(onFx(() -> robot.lookup("#machineDetails").queryAs(Label.class).getText())
                .contains("cannot attach to another program's sockets"));
        selectGroup("TCP " + port);
        assertFalse(onFx(watch::isDisabled));
        robot.clickOn("#watchPort");
        assertEquals("socketsTab", onFx(() -> robot.lookup("#lowerTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getId()), "Watch this port opens the Sockets table");
        assertEquals("TCP :" + port, onFx(() -> robot.lookup("#socketsFilter").queryAs(TextField.class).getText()));
    }

    @Test
    void aPortHeldByAnotherProcessIsNamedWithItsPidAndTheLinkOpensItsRow(FxRobot robot) throws Exception {
        ChildApp holder = ChildApp.start(0, "--port", "0", "--bind", "local");
        held.add(holder);
        int port = holder.port();

        robot.clickOn("#portField").eraseText(8).write(Integer.toString(port));
        robot.clickOn("#startButton");
        String expected = "`java` (pid " + holder.pid() + ")";
        waitUntil("the message names the holder", () -> onFx(() -> window.viewModel().messageProperty().get())
                .contains(expected));
        assertTrue(onFx(() -> window.viewModel().messageProperty().get())
                .startsWith("Port " + port + " is in use by " + expected + ", so it cannot listen there."));
        Hyperlink link = robot.lookup("#showHolder").queryAs(Hyperlink.class);
        assertTrue(onFx(link::isVisible));
        robot.clickOn("#showHolder");
        waitUntil("the holder's port is selected", () -> onFx(() -> {
            TreeItem<MachineItem> selected = window.machine().view().table().getSelectionModel().getSelectedItem();
            return selected != null && selected.getValue().group().equals("TCP " + port);
        }));
        assertTrue(onFx(() -> window.machine().tab().isSelected()));
        MachineItem listener = waitForRow(s -> s.localPort() == port && s.isListening());
        assertEquals(Long.parseLong(holder.pid()), listener.pid(), "the child's pid, as the OS tells it");
    }

    private void selectGroup(String group) throws Exception {
        onFx(() -> {
            for (TreeItem<MachineItem> g : window.machine().view().table().getRoot().getChildren()) {
                if (g.getValue().group().equals(group)) {
                    window.machine().view().table().getSelectionModel().select(g);
                }
            }
            return null;
        });
    }

    /** Waits for a row of the view whose socket matches, and returns it. */
    private MachineItem waitForRow(Predicate<HostSocket> which) throws Exception {
        MachineItem[] found = new MachineItem[1];
        waitUntil("a matching row in This machine", () -> onFx(() -> {
            for (TreeItem<MachineItem> g : window.machine().view().table().getRoot().getChildren()) {
                for (TreeItem<MachineItem> r : g.getChildren()) {
                    if (which.test(r.getValue().socket())) {
                        found[0] = r.getValue();
                        return true;
                    }
                }
            }
            return false;
        }));
        assertNotNull(found[0]);
        return found[0];
    }
}
