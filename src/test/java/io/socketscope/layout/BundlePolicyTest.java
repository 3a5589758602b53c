package io.socketscope.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One tiny scenario per rule of the bundling policy, on a clock the test moves by hand. */
class BundlePolicyTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final BundlePolicy policy = new BundlePolicy(now::get);

    @Test
    void twelveSocketsAreDrawnOneByOneAndTheThirteenthBundles() {
        assertFalse(policy.mustBundle("h", 12, false));
        assertTrue(policy.mustBundle("h", 13, false));
    }

    @Test
    void anExpandedHostDrawsUpToAHundredAndTwenty() {
        assertFalse(policy.mustBundle("h", 120, true));
        assertTrue(policy.mustBundle("h", 121, true));
    }

    @Test
    void moreThanSixtyNewSocketsInASecondBundleWhateverTheOpenCount() {
        for (int i = 0; i < 21; i++) {
            policy.opened("h");
        }
        assertEquals(21, policy.busyRate("h"));
        assertTrue(policy.mustBundle("h", 1, false));
        assertFalse(policy.mustBundle("quiet", 1, false), "another host is not busy");
    }

    @Test
    void twentyInASecondIsNotYetBusy() {
        for (int i = 0; i < 20; i++) {
            policy.opened("h");
        }
        assertFalse(policy.busy("h"));
    }

    @Test
    void aStormIsRememberedForOneMoreSecondThenForgotten() {
        for (int i = 0; i < 100; i++) {
            policy.opened("h");
        }
        now.addAndGet(1_200_000_000L);
        assertEquals(100, policy.busyRate("h"), "the last full second still counts");
        assertFalse(policy.mayUnbundle("h", 1));
        now.addAndGet(1_000_000_000L);
        assertFalse(policy.busy("h"), "two quiet seconds later it is not busy");
        assertTrue(policy.mayUnbundle("h", 6));
        assertFalse(policy.mayUnbundle("h", 7), "unbundles only at half the bundling count");
    }

    @Test
    void atMostSixteenEdgesFadeAtOnce() {
        assertTrue(policy.mayFade(15));
        assertFalse(policy.mayFade(16));
    }
}
