package io.socketscope.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Small real loopback clients for tests. */
public final class Clients {

    private Clients() {
    }

    public static Socket connect(int port) throws IOException {
        return connect("127.0.0.1", port);
    }

    public static Socket connect(String host, int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getByName(host), port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    /**
     * A client connected to 127.0.0.1 on {@code port} from the loopback address {@code sourceIp} (127.0.2.1, ...):
     * a phone of a classroom, a host of its own in the graph.
     */
    public static Socket connectFrom(String sourceIp, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(sourceIp, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    public static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one HTTP response (headers and Content-Length body) from the socket. */
    public static Response readResponse(Socket s) throws IOException {
        Response head = readHead(s);
        byte[] body = s.getInputStream().readNBytes(head.contentLength());
        return new Response(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
    }

    /** Reads the head of an HTTP response (an answer to HEAD has no more), up to its blank line. */
    public static Response readHead(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the middle of the headers: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(headers.split(" ", 3)[1]);
        return new Response(status, headers, "");
    }

    /** Sends a GET and reads its answer. */
    public static Response get(Socket s, String path, String... extraHeaders) throws IOException {
        StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : extraHeaders) {
            req.append(h).append("\r\n");
        }
        send(s, req.append("\r\n").toString());
        return readResponse(s);
    }

    /** Reads one line (up to LF) of text. */
    public static String readLine(Socket s) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** An HTTP response as a test sees it. */
    public record Response(int status, String headers, String body) {
        /** The Content-Length the headers give (0 without one). */
        public int contentLength() {
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring(15).strip());
                }
            }
            return 0;
        }
    }
}
