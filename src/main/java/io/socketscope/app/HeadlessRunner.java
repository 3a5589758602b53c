package io.socketscope.app;

import io.socketscope.model.EventLines;
import io.socketscope.server.BindFailure;
import io.socketscope.server.BindMode;
import io.socketscope.server.LocalAddresses;
import io.socketscope.server.DescriptorLookup;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.SocketServer;
import java.io.PrintStream;

/** Runs the same server and event pipeline with no window, printing one line per event. */
public final class HeadlessRunner implements AutoCloseable {

    private final Options options;
    private final PrintStream out;
    private SocketServer server;

    public HeadlessRunner(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Binds and starts; throws a {@link BindFailure} whose message says why it could not. */
    public SocketServer start() throws BindFailure {
        server = SocketServer.start(options.serverConfig(), this::print, DescriptorLookup.forThisSystem());
        return server;
    }

    /** Prints the URLs at which this server can be reached, for a person reading the terminal. */
    public void printHowToConnect() {
        if (server == null) {
            return;
        }
        synchronized (out) {
            if (options.bind() == BindMode.ALL) {
                for (LocalAddresses.Reachable r : LocalAddresses.find()) {
                    out.println("# reachable at " + r.url(server.port()) + " (" + r.interfaceName() + ")");
                }
            }
            out.println("# on this computer: http://127.0.0.1:" + server.port() + "/  or  nc 127.0.0.1 " + server.port());
            out.flush();
        }
    }

    private void print(ServerEvent event) {
        String line = EventLines.entry(event).line();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
