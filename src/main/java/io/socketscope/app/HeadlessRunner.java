package io.socketscope.app;

import io.socketscope.session.SessionRecorder;
import java.io.IOException;
import java.nio.file.Path;
import io.socketscope.server.BindFailure;
import io.socketscope.server.BindMode;
import io.socketscope.server.DescriptorLookup;
import io.socketscope.server.Platform;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.LocalAddresses;
import io.socketscope.server.PortListener;
import io.socketscope.server.Protocol;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Runs the same servers and event lines with no window, printing one line per event. */
public final class HeadlessRunner implements AutoCloseable {

    private final Options options;
    private final PrintStream out;
    private final List<PortListener> listeners = new ArrayList<>();
    /** Server threads only enqueue; this writes the lines, in order, on a thread of its own. */
    private final ConsoleLog lines;

    public HeadlessRunner(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.lines = new ConsoleLog(line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }, ConsoleLog.CAPACITY);
    }

    /** What this system can tell about descriptors, found once. */
    private final Platform platform = Platform.ofThisSystem();
    /** With --record: every event also goes to the session file (null without). */
    private SessionRecorder recorder;

    /** With --record: creates the session file; an IOException says in words why it cannot. */
    public void startRecording() throws IOException {
        String file = options.playback().record();
        if (file != null) {
            recorder = SessionRecorder.start(Path.of(file), Version.current(), platform.kind().jsonName());
            lines.forwardTo(recorder); // recorded in the order printed: a replay prints the same lines
        }
    }

    /**
     * Opens every port of the command line, in order; if one cannot be opened, closes those already open
     * and throws a {@link BindFailure} whose message says why.
     */
    public List<PortListener> start() throws BindFailure {
        DescriptorLookup lookup = platform.lookup();
        for (ListenSpec spec : options.listens()) {
            try {
                listeners.add(PortListener.start(spec.protocol(), options.configFor(spec), lines, lookup));
            } catch (BindFailure e) {
                close();
                throw e;
            }
        }
        return List.copyOf(listeners);
    }

    /** Prints where each port can be reached, for a person reading the terminal. */
    public void printHowToConnect() {
        synchronized (out) {
            for (PortListener l : listeners) {
                int port = l.port();
                if (l.protocol() == Protocol.UDP) {
                    out.println("# UDP port " + port + ": nc -u 127.0.0.1 " + port + "  (type a line: each is one datagram)");
                    continue;
                }
                if (options.bind() == BindMode.ALL) {
                    for (LocalAddresses.Reachable r : LocalAddresses.find()) {
                        out.println("# reachable at " + r.url(port) + " (" + r.interfaceName() + ")");
                    }
                }
                out.println("# on this computer: http://127.0.0.1:" + port + "/  or  nc 127.0.0.1 " + port);
            }
            out.println("# " + platform.osName() + ": " + platform.describe());
            out.flush();
        }
    }

    @Override
    public void close() {
        for (PortListener l : listeners) {
            l.stop();
        }
        lines.close();
        if (recorder != null) {
            recorder.close();
        }
    }
}
