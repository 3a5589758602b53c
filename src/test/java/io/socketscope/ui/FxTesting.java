package io.socketscope.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers shared by the window tests: read on the FX thread, and wait for what socket threads cause. */
final class FxTesting {

    private FxTesting() {
    }

    /** Runs {@code read} on the FX thread and returns its result. */
    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    /** Waits up to 10 s for {@code condition}; fails the test naming {@code what}. */
    static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
