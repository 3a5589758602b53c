package io.socketscope.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP benchmark's own load client and its JDK baseline server, each run in a process of its own.
 * Loopback only.
 *
 * <pre>
 * load      PORT SECONDS CONNECTIONS THREADS   keep-alive GET / on each connection, one request in flight per
 *                                              connection (a closed connection is opened again); prints
 *                                              "requests N seconds S p50_us A p99_us B reconnects R errors E"
 * jdkserver BODY_BYTES                         the JDK's own HttpServer (TCP_NODELAY, a cached thread pool),
 *                                              answering a page of BODY_BYTES; prints "port N"; stops on stdin EOF
 * </pre>
 */
public final class HttpLoad {

    private static final byte[] REQUEST = ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: socketscope-bench\r\n"
            + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private HttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "jdkserver" -> jdkServer(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void jdkServer(int bodyBytes) throws Exception {
        // Read when the server class initialises: the JDK's server then sets TCP_NODELAY on its sockets.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] body = new byte[bodyBytes];
        Arrays.fill(body, (byte) 'x');
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4096);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        server.stop(0);
        System.exit(0);
    }

    /** One connection's state: its channel, what has come back of the current answer, and when it was asked. */
    private static final class Conn {
        SocketChannel channel;
        byte[] in = new byte[16_384];
        int have;
        long askedAt;
        boolean closes;
    }

    private static void load(int port, int seconds, int connections, int threads) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong requests = new AtomicLong();
        AtomicLong reconnects = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[][]> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int mine = connections / threads + (t < connections % threads ? 1 : 0);
            long[][] result = {new long[0]};
            results.add(result);
            Thread w = new Thread(() -> {
                try {
                    result[0] = run(port, mine, end, requests, reconnects, errors);
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }, "http-load-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double took = (System.nanoTime() - t0) / 1e9;
        long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r[0])).sorted().toArray();
        System.out.println(String.format(Locale.ROOT, "requests %d seconds %.2f p50_us %d p99_us %d reconnects %d errors %d",
                requests.get(), took, pct(all, 50), pct(all, 99), reconnects.get(), errors.get()));
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Keeps {@code count} connections busy until {@code end}; returns the latencies (µs) it measured. */
    private static long[] run(int port, int count, long end, AtomicLong requests, AtomicLong reconnects,
                              AtomicLong errors) throws IOException {
        long[] lat = new long[1 << 16];
        int n = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < count; i++) {
                open(selector, port, new Conn());
            }
            while (System.nanoTime() < end) {
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            // A server with a short accept queue (python's is 5) makes some connects wait for a
                            // resent SYN: they wait on their own, the other connections go on.
                            c.channel.finishConnect();
                            key.interestOps(SelectionKey.OP_READ);
                            ask(c);
                            continue;
                        }
                        int r = c.channel.read(ByteBuffer.wrap(c.in, c.have, c.in.length - c.have));
                        if (r < 0) {
                            key.cancel();
                            c.channel.close();
                            reconnects.incrementAndGet();
                            open(selector, port, new Conn());
                            continue;
                        }
                        c.have += r;
                        if (c.have == c.in.length) {
                            c.in = Arrays.copyOf(c.in, c.in.length * 2);
                        }
                        int whole = complete(c);
                        if (whole > 0) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = (System.nanoTime() - c.askedAt) / 1000;
                            requests.incrementAndGet();
                            System.arraycopy(c.in, whole, c.in, 0, c.have - whole);
                            c.have -= whole;
                            if (c.closes) {
                                key.cancel();
                                c.channel.close();
                                reconnects.incrementAndGet();
                                open(selector, port, new Conn());
                            } else {
                                ask(c);
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        key.cancel();
                        c.channel.close();
                        open(selector, port, new Conn());
                    }
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
        }
        return Arrays.copyOf(lat, n);
    }

    private static void open(Selector selector, int port, Conn c) throws IOException {
        c.channel = SocketChannel.open();
        c.channel.configureBlocking(false);
        if (c.channel.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port))) {
            c.channel.register(selector, SelectionKey.OP_READ, c);
            ask(c);
        } else {
            c.channel.register(selector, SelectionKey.OP_CONNECT, c);
        }
    }

    private static void ask(Conn c) throws IOException {
        c.askedAt = System.nanoTime();
        ByteBuffer out = ByteBuffer.wrap(REQUEST);
        while (out.hasRemaining()) {
            c.channel.write(out);
        }
    }

    /** The length of the whole answer at the start of the buffer once it has all come, else 0. */
    private static int complete(Conn c) {
        int head = -1;
        for (int i = 3; i < c.have; i++) {
            if (c.in[i] == '\n' && c.in[i - 1] == '\r' && c.in[i - 2] == '\n' && c.in[i - 3] == '\r') {
                head = i + 1;
                break;
            }
        }
        if (head < 0) {
            return 0;
        }
        String headers = new String(c.in, 0, head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        c.closes = headers.startsWith("http/1.0") ? !headers.contains("connection: keep-alive")
                : headers.contains("connection: close");
        return c.have >= head + length ? head + length : 0;
    }
}
