package io.socketscope.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A thousand phone pages' live views, read on one selector thread in the clients' process: how long a
 * change on the port takes to reach every page. Each change is a new device (a socket from a new address),
 * so that every page's next update counts one more device than the last.
 */
final class LivePages {

    private static final class Page {
        final SocketChannel channel;
        final StringBuilder text = new StringBuilder();
        int devices = -1;
        long reached;

        Page(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private LivePages() {
    }

    static void run(int port, int pages, int changes) throws Exception {
        Selector selector = Selector.open();
        List<Page> all = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        for (int i = 0; i < pages; i++) {
            SocketChannel c = SocketChannel.open();
            c.setOption(StandardSocketOptions.SO_LINGER, 0);
            c.bind(new InetSocketAddress("127.0." + (20 + i / 250) + "." + (2 + i % 250), 0));
            c.connect(new InetSocketAddress("127.0.0.1", port));
            c.write(ByteBuffer.wrap("GET /events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            c.configureBlocking(false);
            Page p = new Page(c);
            c.register(selector, SelectionKey.OP_READ, p);
            all.add(p);
        }
        readUntil(selector, buffer, all, Long.MAX_VALUE, 30_000);
        int base = all.stream().mapToInt(p -> p.devices).max().orElse(0);
        System.out.println("live " + all.stream().filter(p -> p.devices >= 0).count());
        System.out.flush();

        List<Long> latencies = new ArrayList<>();
        List<Socket> devices = new ArrayList<>();
        int missing = 0;
        for (int j = 1; j <= changes; j++) {
            // Changes come at a person's pace, 300-600 ms apart and spread over the hub's 250 ms window: back to
            // back, each would land just after the last update and always wait out the whole window.
            Thread.sleep(300 + (j * 97L) % 300);
            long t0 = System.nanoTime();
            Socket s = new Socket();
            s.setSoLinger(true, 0);
            s.bind(new InetSocketAddress("127.0.19." + (2 + j), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port));
            devices.add(s);
            int want = base + j;
            for (Page p : all) {
                p.reached = 0;
            }
            readUntil(selector, buffer, all, want, 10_000);
            for (Page p : all) {
                if (p.reached == 0) {
                    missing++;
                } else {
                    latencies.add(p.reached - t0);
                }
            }
        }
        Collections.sort(latencies);
        System.out.println(String.format(Locale.ROOT, "fanout p50 %.1f p99 %.1f max %.1f ms updates %d missing %d",
                pct(latencies, 50), pct(latencies, 99), pct(latencies, 100), latencies.size(), missing));
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        for (Socket s : devices) {
            s.close();
        }
        for (Page p : all) {
            p.channel.close();
        }
        System.out.println("closed " + all.size());
    }

    /**
     * Reads until every page has an update counting at least {@code want} devices (any update, when
     * {@code want} is MAX_VALUE: its first), or the time is up.
     */
    private static void readUntil(Selector selector, ByteBuffer buffer, List<Page> all, long want, long millis)
            throws IOException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() - end < 0) {
            boolean done = true;
            for (Page p : all) {
                if (want == Long.MAX_VALUE ? p.devices < 0 : p.reached == 0) {
                    done = false;
                    break;
                }
            }
            if (done) {
                return;
            }
            selector.select(50);
            long now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                Page p = (Page) key.attachment();
                buffer.clear();
                int n = p.channel.read(buffer);
                if (n < 0) {
                    key.cancel();
                    continue;
                }
                p.text.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
                for (int at = p.text.indexOf("\n\n"); at >= 0; at = p.text.indexOf("\n\n")) {
                    String event = p.text.substring(0, at);
                    p.text.delete(0, at + 2);
                    int d = event.indexOf("\"devices\":");
                    if (d >= 0) {
                        int from = d + 10;
                        int to = from;
                        while (to < event.length() && Character.isDigit(event.charAt(to))) {
                            to++;
                        }
                        p.devices = Integer.parseInt(event.substring(from, to));
                        if (want != Long.MAX_VALUE && p.devices >= want && p.reached == 0) {
                            p.reached = now;
                        }
                    }
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
