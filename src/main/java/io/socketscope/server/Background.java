package io.socketscope.server;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the network and everything else that is not the window: they run {@value #NICE} nice steps
 * below the window's threads, so that when the cores are busy (ten thousand clients being greeted, a
 * thousand sockets closed by Stop, a storm of connections) the scheduler gives the FX thread and the
 * renderer their share first and the window keeps drawing. The network loses nothing: it is only served
 * second when both want the same core at the same moment.
 *
 * <p>On Linux each thread lowers itself as it starts ({@code setpriority} on its own thread id, which any
 * user may do to make a thread nicer). Elsewhere, and wherever that call is not available, threads run
 * at normal priority: nothing else changes.
 */
public final class Background {

    /** How many nice steps below its process a background thread runs. */
    static final int NICE = 5;
    private static final int PRIO_PROCESS = 0;

    private Background() {
    }

    /** The C library calls used here (glibc: gettid since 2.30). */
    interface LibC extends Library {
        int gettid();

        int getpid();

        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);
    }

    /**
     * Loaded by the first background thread that lowers itself, not by whoever creates it (the FX thread
     * creates some): loading JNA reads and unpacks its native library, file work the FX thread must not do.
     */
    private static final class C {
        static final LibC LIBC = load();
    }

    private static LibC load() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            libc.gettid(); // present in this C library?
            return libc;
        } catch (Throwable notAvailable) {
            return null;
        }
    }

    /** A thread that lowers itself, then runs {@code work}. */
    public static Thread thread(Runnable work, String name) {
        return new Thread(() -> {
            lowerThisThread();
            work.run();
        }, name);
    }

    /** Daemon background threads named {@code prefix1}, {@code prefix2}, ... */
    public static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = thread(runnable, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** A factory of one daemon background thread named {@code name} (a single-thread executor's). */
    public static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether this system lets threads lower themselves (Linux): for the tests. */
    public static boolean lowers() {
        return C.LIBC != null;
    }

    /**
     * Puts the calling thread {@value #NICE} nice steps below the process's main thread (a thread started by
     * another background thread inherits its nice value: it is not lowered twice); never fails.
     */
    static void lowerThisThread() {
        LibC libc = C.LIBC;
        if (libc == null) {
            return;
        }
        try {
            int tid = libc.gettid();
            int target = Math.min(19, libc.getpriority(PRIO_PROCESS, libc.getpid()) + NICE);
            if (libc.getpriority(PRIO_PROCESS, tid) < target) {
                libc.setpriority(PRIO_PROCESS, tid, target);
            }
        } catch (Throwable ignored) {
            // Priority is a courtesy to the window; the thread works the same without it.
        }
    }
}
