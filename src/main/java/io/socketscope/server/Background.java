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
    /** How many nice steps below its process the JIT's optimizing compiler (C2) runs. */
    static final int OPTIMIZER_NICE = 10;
    /** The names (as the kernel keeps them, 15 characters) of HotSpot's JIT compiler threads: optimizing, first tier. */
    static final String OPTIMIZING_COMPILER = "C2 CompilerThre";
    static final String FIRST_TIER_COMPILER = "C1 CompilerThre";
    /** HotSpot's code cache sweeper (JDK 17; gone in later JDKs), which runs with the optimizing compiler. */
    static final String CODE_SWEEPER = "Sweeper thread";

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

        static {
            lowerCompilers();
        }
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

    /**
     * Puts the JIT's optimizing compiler threads (HotSpot's C2) {@value #OPTIMIZER_NICE} nice steps down and
     * its first-tier compiler threads (C1) with the background threads, {@value #NICE} steps down. When code
     * gets hot for the first time (the first Stop with a classroom open, the first thirty phones) C2
     * compiles for hundreds of milliseconds at a time, at the moments the window is busiest, and on two
     * cores the window waited for a core meanwhile.
     *
     * <p>The code cache sweeper goes down with C2: it cleans up after recompilations (when code first runs
     * hot it is compiled, thrown away and compiled again), and in the benchmark's Stop of 900 sockets it
     * took 20-55 ms of a core, in the same moments as C2.
     *
     * <p>Not lower than that, and never SCHED_IDLE, which was tried: a compiler thread is a Java thread, and
     * when it is inside the VM a safepoint (every collection) waits for it to come out. At SCHED_IDLE it got
     * no core while anything else ran, so in a storm the whole JVM, window included, stood still 80-140 ms
     * at a collection, waiting for it ({@code -XX:+SafepointTimeout} named "C2 CompilerThread0"). Nor is C1
     * idled: starved, it left the window's code interpreted and its pulses longer still.
     *
     * <p>Called when the first background thread starts and again whenever a server starts: the JVM adds and
     * ends compiler threads as its work changes. A no-op off Linux or on a JVM without such threads.
     */
    public static void lowerCompilers() {
        LibC libc = C.LIBC;
        if (libc == null) {
            return;
        }
        try (java.nio.file.DirectoryStream<java.nio.file.Path> tasks =
                java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks) {
                String name = nameOf(task);
                if (name.startsWith(OPTIMIZING_COMPILER) || name.startsWith(CODE_SWEEPER)) {
                    lower(libc, Integer.parseInt(task.getFileName().toString()), OPTIMIZER_NICE);
                } else if (name.startsWith(FIRST_TIER_COMPILER)) {
                    lower(libc, Integer.parseInt(task.getFileName().toString()), NICE);
                }
            }
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // No /proc, or no such call: the compilers keep their priority, and everything works the same.
        }
    }

    private static String nameOf(java.nio.file.Path task) {
        try {
            return java.nio.file.Files.readString(task.resolve("comm"));
        } catch (java.io.IOException gone) {
            return ""; // a thread that ended meanwhile
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
            lower(libc, libc.gettid(), NICE);
        } catch (Throwable ignored) {
            // Priority is a courtesy to the window; the thread works the same without it.
        }
    }

    /** Puts thread {@code tid} of this process {@code steps} nice steps below the main thread, unless it is already. */
    private static void lower(LibC libc, int tid, int steps) {
        int target = Math.min(19, libc.getpriority(PRIO_PROCESS, libc.getpid()) + steps);
        if (libc.getpriority(PRIO_PROCESS, tid) < target) {
            libc.setpriority(PRIO_PROCESS, tid, target);
        }
    }
}
