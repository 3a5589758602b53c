package io.socketscope.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socketscope.server.ServerEvent;
import io.socketscope.server.ServerListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every server event to a session file (JSON Lines), off the server's threads: they only put the
 * event on a bounded queue; a thread of its own ({@code socketscope-record}) writes and flushes at least
 * once a second, so a crash loses at most the last second. Events past the queue are counted, not waited for.
 */
public final class SessionRecorder implements ServerListener, AutoCloseable {

    static final int CAPACITY = 65_536;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BlockingQueue<ServerEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final BufferedWriter out;
    private final Thread writer;
    private volatile boolean closing;
    private volatile String problem = "";

    private SessionRecorder(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
        this.writer = io.socketscope.server.Background.thread(this::writeLoop, "socketscope-record");
        writer.setDaemon(true);
    }

    /**
     * Creates (or replaces) {@code file} and writes its first line; blocking (a file), so not on the FX thread.
     *
     * @throws IOException with the file in its message when it cannot be written
     */
    public static SessionRecorder start(Path file, String appVersion, String descriptorKind) throws IOException {
        BufferedWriter out;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("Cannot record to " + file + ": " + reason(e), e);
        }
        ObjectNode header = JSON.createObjectNode().put("format", Session.FORMAT).put("version", Session.VERSION)
                .put("app", appVersion).put("host", hostName()).put("started", Instant.now().toString())
                .put("descriptorKind", descriptorKind);
        out.write(JSON.writeValueAsString(header));
        out.write('\n');
        out.flush();
        SessionRecorder recorder = new SessionRecorder(file, out);
        recorder.writer.start();
        return recorder;
    }

    public Path file() {
        return file;
    }

    /** Called on server threads (headless) or the FX thread (the window): never formats, writes or waits. */
    @Override
    public void onEvent(ServerEvent event) {
        if (!closing && !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Events written so far. */
    public long written() {
        return written.get();
    }

    /** Events the writer could not keep up with. */
    public long dropped() {
        return dropped.get();
    }

    /** Why writing stopped (a full disk…), or empty. */
    public String problem() {
        return problem;
    }

    private void writeLoop() {
        List<ServerEvent> batch = new ArrayList<>(512);
        try {
            while (!closing || !queue.isEmpty()) {
                ServerEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, 511);
                    for (ServerEvent e : batch) {
                        out.write(JSON.writeValueAsString(EventJson.write(e)));
                        out.write('\n');
                    }
                    written.addAndGet(batch.size());
                    batch.clear();
                }
                out.flush(); // at most a batch, and at most a fraction of a second, is ever unwritten
            }
        } catch (IOException e) {
            problem = "Recording to " + file + " stopped: " + reason(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                problem = problem.isEmpty() ? "Recording to " + file + " may be incomplete: " + reason(e) : problem;
            }
        }
    }

    /** Writes what is queued (waiting up to 2 s), then closes the file. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such folder" : String.valueOf(e.getMessage());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

}
