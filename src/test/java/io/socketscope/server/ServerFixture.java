package io.socketscope.server;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server test starts, all closed after it: TCP servers whose events go to {@link #events}, and
 * loopback clients.
 */
public final class ServerFixture implements AutoCloseable {

    public final EventRecorder events = new EventRecorder();
    private final List<Socket> clients = new ArrayList<>();
    private final List<PortListener> servers = new ArrayList<>();

    /** Starts a TCP server reporting to {@link #events}, with this system's descriptor lookup. */
    public SocketServer start(ServerConfig config) throws BindFailure {
        SocketServer server = SocketServer.start(config, events, DescriptorLookup.forThisSystem());
        servers.add(server);
        return server;
    }

    /** A client connected to 127.0.0.1 on {@code port}, closed with the fixture. */
    public Socket client(int port) throws IOException {
        return client("127.0.0.1", port);
    }

    /** A client connected to {@code host} (a loopback address) on {@code port}, closed with the fixture. */
    public Socket client(String host, int port) throws IOException {
        Socket s = Clients.connect(host, port);
        clients.add(s);
        return s;
    }

    /** A client made elsewhere (bound to a source address, say), closed with the fixture. */
    public Socket adopt(Socket s) {
        clients.add(s);
        return s;
    }

    /** Closes the clients, then stops the servers. */
    @Override
    public void close() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
        for (PortListener s : servers) {
            s.stop();
        }
    }
}
