package io.socketscope.app;

import io.socketscope.machine.HostSocketsText;
import io.socketscope.machine.HostSockets;
import io.socketscope.machine.PortHolders;
import io.socketscope.server.BindFailure;
import io.socketscope.session.SessionException;
import io.socketscope.session.SessionReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Entry point: parses the command line, then opens the window or runs headless. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (Options.OptionsException e) {
            System.err.println("socketscope: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        if (options.version()) {
            System.out.println("SocketScope " + Version.current());
            return;
        }
        if (options.hostSockets()) {
            System.out.print(HostSocketsText.format(new HostSockets().read(), HostSockets.ownPid()));
            return;
        }
        if (options.headless() && options.playback().replay() != null) {
            try {
                HeadlessReplay.run(SessionReader.read(Path.of(options.playback().replay())),
                        options.playback().speed(), System.out);
            } catch (SessionException e) {
                System.err.println("socketscope: cannot replay " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        if (options.headless()) {
            runHeadless(options);
        } else if (noDisplay(System.getProperty("os.name", ""), System.getenv("DISPLAY"),
                System.getenv("WAYLAND_DISPLAY"), System.getProperty("glass.platform"))) {
            System.err.println("socketscope: there is no display to open the window on (DISPLAY is not set)."
                    + " Over SSH or in a script, run it with --headless: one line per event in the terminal.");
            System.exit(1);
        } else {
            SocketScopeApp.launch(options, args);
        }
    }

    /**
     * Whether a window cannot be opened here: on Linux (and other X11 systems) with neither an X display nor
     * a Wayland one, JavaFX would fail with a stack trace. Monocle (tests, the benchmark) needs no display.
     */
    static boolean noDisplay(String os, String display, String wayland, String glassPlatform) {
        boolean x11 = !os.startsWith("Windows") && !os.startsWith("Mac");
        return x11 && (display == null || display.isBlank()) && (wayland == null || wayland.isBlank())
                && !"Monocle".equals(glassPlatform);
    }

    private static void runHeadless(Options options) throws InterruptedException {
        HeadlessRunner runner = new HeadlessRunner(options, System.out);
        try {
            runner.startRecording();
        } catch (java.io.IOException e) {
            System.err.println("socketscope: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            runner.start();
        } catch (BindFailure e) {
            System.err.println("socketscope: " + PortHolders.naming(e, new HostSockets()).getMessage());
            System.exit(1);
            return;
        }
        runner.printHowToConnect();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            done.countDown();
        }, "socketscope-shutdown"));
        done.await();
    }
}
