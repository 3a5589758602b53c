package io.socketscope.ui.learn;

import io.socketscope.learn.Facts;
import io.socketscope.machine.HostSocket;
import io.socketscope.machine.HostSockets;
import io.socketscope.server.PortInput;
import io.socketscope.server.Protocol;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * What the Learn tab's Try it buttons do over loopback, on a thread of their own: connect and close
 * clients of the app's own port, try port 80, ask the OS which well-known ports it listens on, send a
 * datagram. Each result comes back as words through the given consumer, on that thread.
 */
final class LearnActions {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(io.socketscope.server.Background.daemon("socketscope-learn"));
    /** The clients Try it opened, oldest first (touched on the learn thread only). */
    private final Deque<Socket> clients = new ArrayDeque<>();

    /** Opens {@code count} connections to 127.0.0.1:{@code port} and keeps them open. */
    void connect(int port, int count, Consumer<String> problem) {
        thread.execute(() -> {
            for (int i = 0; i < count; i++) {
                try {
                    clients.addLast(new Socket(InetAddress.getLoopbackAddress(), port));
                } catch (IOException e) {
                    problem.accept("Could not connect to 127.0.0.1:" + port + ": " + e.getMessage());
                    return;
                }
            }
        });
    }

    /**
     * Shows a descriptor reused: makes the next client's socket first (so that, in this same process, it cannot
     * take the number about to be freed), then has the server close one of its sockets ({@code closeOnServer},
     * run on the FX thread), then connects: the server's accept gets the lowest free number, the one just freed.
     */
    void reuse(int port, Runnable closeOnServer, Consumer<String> problem) {
        thread.execute(() -> {
            try {
                java.nio.channels.SocketChannel next = java.nio.channels.SocketChannel.open();
                javafx.application.Platform.runLater(closeOnServer);
                Thread.sleep(500); // the server closes, the kernel frees the descriptor
                next.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                clients.addLast(next.socket());
            } catch (IOException e) {
                problem.accept("Could not connect to 127.0.0.1:" + port + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Connects one new client so that the server's accept may be given descriptor {@code freeFd}: this process's
     * own client socket takes the lowest free number first, so when that is {@code freeFd} a second client
     * socket is made and the first closed, giving the number back before the server accepts.
     */
    void connectLeaving(int port, int freeFd, Consumer<String> problem) {
        thread.execute(() -> {
            try {
                java.nio.channels.SocketChannel client = java.nio.channels.SocketChannel.open();
                if (io.socketscope.server.ChannelFds.of(client).orElse(-1) == freeFd) {
                    java.nio.channels.SocketChannel other = java.nio.channels.SocketChannel.open();
                    client.close();
                    client = other;
                }
                client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                clients.addLast(client.socket());
            } catch (IOException e) {
                problem.accept("Could not connect to 127.0.0.1:" + port + ": " + e.getMessage());
            }
        });
    }

    /** Tries to listen on port 80 over loopback and says what this machine did, and why. */
    void tryPort80(Facts facts, Consumer<String> result) {
        thread.execute(() -> {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 80));
                result.accept("This machine allowed port 80: " + whyAllowed(facts) + " (SocketScope closed it again at once.)");
            } catch (BindException e) {
                String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (m.contains("in use")) {
                    result.accept("Port 80 is already in use by another program here, so listening was refused for"
                            + " that reason (\"" + e.getMessage() + "\"), not for privilege.");
                } else {
                    result.accept("Refused: the OS said \"" + e.getMessage() + "\" (EACCES)"
                            + (facts != null && facts.unprivilegedStart() >= 0 ? ": not root, and"
                            + " ip_unprivileged_port_start is " + facts.unprivilegedStart() + "." : "."));
                }
            } catch (IOException e) {
                result.accept("Port 80 could not be tried: " + e.getMessage());
            }
        });
    }

    private static String whyAllowed(Facts facts) {
        if (facts == null || !facts.isLinux()) {
            return "this OS does not reserve it for administrators.";
        }
        if (facts.root()) {
            return "SocketScope runs as root (uid 0), which may bind any port.";
        }
        if (facts.unprivilegedStart() >= 0 && facts.unprivilegedStart() <= 80) {
            return "ip_unprivileged_port_start is " + facts.unprivilegedStart() + " here, so any user may.";
        }
        return "not root and ip_unprivileged_port_start is " + facts.unprivilegedStart()
                + ", so this process holds CAP_NET_BIND_SERVICE.";
    }

    /** Asks the OS which of the classic well-known ports this machine listens on. */
    void wellKnown(Consumer<String> result) {
        thread.execute(() -> {
            List<HostSocket> sockets = new HostSockets().read();
            TreeSet<Integer> found = new TreeSet<>();
            for (HostSocket s : sockets) {
                if (s.protocol() == Protocol.TCP && s.isListening() && s.localPort() < PortInput.FIRST_UNPRIVILEGED) {
                    found.add(s.localPort());
                }
            }
            if (sockets.isEmpty()) {
                result.accept("IANA: system 0-1023, user 1024-49151, dynamic 49152-65535. This OS did not tell"
                        + " which ports it listens on.");
                return;
            }
            StringBuilder list = new StringBuilder();
            for (int port : new int[] {22, 25, 53, 80, 443}) {
                list.append(port).append(' ').append(PortInput.wellKnownName(port)).append(found.contains(port)
                        ? ": listening here; " : ": not here; ");
            }
            result.accept("IANA: system 0-1023, user 1024-49151, dynamic 49152-65535. On this machine: " + list
                    + "all TCP ports below 1024 listening: " + (found.isEmpty() ? "none" : found) + ".");
        });
    }

    /** After {@code closeOnServer} (FX thread), counts this machine's TIME_WAIT sockets of the port, from the OS. */
    void afterlife(int port, int clientPort, Runnable closeOnServer,
                   java.util.function.BiConsumer<String, Boolean> result) {
        thread.execute(() -> {
            try {
                if (closeOnServer != null) {
                    javafx.application.Platform.runLater(closeOnServer);
                    Thread.sleep(300);
                    // The client answers the server's FIN by closing too (as a browser does): the server's
                    // side, which closed first, then waits in TIME_WAIT.
                    for (java.util.Iterator<Socket> it = clients.iterator(); it.hasNext(); ) {
                        Socket c = it.next();
                        if (c.getLocalPort() == clientPort) {
                            it.remove();
                            try {
                                c.close();
                            } catch (IOException ignored) {
                                // closing anyway
                            }
                        }
                    }
                    Thread.sleep(300);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<HostSocket> sockets = new HostSockets().read();
            if (sockets.isEmpty()) {
                result.accept("This OS did not tell its TCP table, so the TIME_WAIT count cannot be known here.", false);
                return;
            }
            long waiting = sockets.stream().filter(s -> s.protocol() == Protocol.TCP && s.localPort() == port
                    && "TIME_WAIT".equals(s.state())).count();
            result.accept(waiting + " socket" + (waiting == 1 ? "" : "s") + " of port " + port + " in TIME_WAIT"
                    + " right now, read from the kernel's table: closed, with no descriptor, still remembered.",
                    waiting > 0);
        });
    }

    /** Sends one datagram to 127.0.0.1:{@code port} from a socket of its own. */
    void datagram(int port, Consumer<String> problem) {
        thread.execute(() -> {
            try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                byte[] hi = "hello from Learn".getBytes(StandardCharsets.US_ASCII);
                peer.send(new DatagramPacket(hi, hi.length, InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                problem.accept("Could not send a datagram to 127.0.0.1:" + port + ": " + e.getMessage());
            }
        });
    }

    /** Facts of this machine, read on the learn thread. */
    void readFacts(Consumer<Facts> then) {
        thread.execute(() -> then.accept(Facts.read()));
    }

    void close() {
        thread.execute(() -> {
            for (Socket s : clients) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            clients.clear();
        });
        thread.shutdown();
    }
}
