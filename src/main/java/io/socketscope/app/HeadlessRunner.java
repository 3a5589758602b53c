package io.socketscope.app;

import io.socketscope.model.EventLines;
import io.socketscope.server.BindFailure;
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
