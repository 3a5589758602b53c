package io.socketscope.ui;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers shared by the window tests: read on the FX thread, wait for what socket threads cause, clean up. */
final class FxTesting {

    private FxTesting() {
    }

    /** Runs {@code read} on the FX thread and returns its result. */
    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    /**
     * After each window test: closes the test's clients, stops every server of the window, and closes the
     * window, so that lookups in the next test cannot find its nodes.
     */
    static void closeWindow(MainWindow window, List<? extends AutoCloseable> clients) throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        WaitForAsyncUtils.asyncFx(() -> window.viewModel().shutdown()).get(5, TimeUnit.SECONDS);
        FxToolkit.cleanupStages();
    }

    /** Types port 0 (the OS picks), clicks Start as a person would, and returns the port the server got. */
    static int startOnAnyPort(org.testfx.api.FxRobot robot, MainWindow window) throws Exception {
        robot.clickOn("#portField").eraseText(8).write("0");
        robot.clickOn("#startButton");
        waitUntil("the server listens", () -> onFx(() -> window.viewModel().boundPort()) > 0);
        return onFx(() -> window.viewModel().boundPort());
    }

    /** Waits up to 10 s for {@code condition}; fails the test naming {@code what}. */
    static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        waitUntil(what, 10, condition);
    }

    /** Waits up to {@code seconds} for {@code condition} (an experiment of several moves, a second apart). */
    static void waitUntil(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
