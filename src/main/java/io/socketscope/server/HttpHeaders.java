package io.socketscope.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A request's header lines, read within the limits, and what they say about the connection: whether it is
 * kept alive, whether its body can be framed without guessing (RFC 9112 §6.3), whether it has one.
 */
final class HttpHeaders {

    private HttpHeaders() {
    }

    /** Reads header lines up to the blank line; null when over the limits, a ":eof" entry at end of stream. */
    static Map<String, String> read(LineReader in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        int total = 0;
        int count = 0;
        while (true) {
            LineReader.Line line = in.readLine(ConnectionHandler.MAX_LINE);
            if (line == null) {
                headers.put(":eof", "");
                return headers;
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.bytes().length + 2;
            count++;
            if (line.truncated() || total > ConnectionHandler.MAX_HEADER_BYTES
                    || count > ConnectionHandler.MAX_HEADER_LINES) {
                return null;
            }
            String text = new String(line.bytes(), StandardCharsets.ISO_8859_1);
            int colon = text.indexOf(':');
            if (colon > 0) {
                String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = text.substring(colon + 1).strip();
                if ((name.equals("content-length") || name.equals("transfer-encoding")) && headers.containsKey(name)) {
                    headers.put(":repeated", name);
                }
                headers.put(name, value);
            }
        }
    }

    static boolean keepAlive(Matcher requestLine, Map<String, String> headers) {
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        if (connection.contains("close")) {
            return false;
        }
        boolean http11 = requestLine.group(4).equals("1");
        return http11 || connection.contains("keep-alive");
    }

    /**
     * Why the request's body cannot be framed without guessing (RFC 9112 §6.3), or null: a repeated
     * Content-Length or Transfer-Encoding, a Content-Length that is not a plain number, both headers at
     * once, or a transfer coding other than chunked.
     */
    static String badFraming(Map<String, String> headers) {
        String repeated = headers.get(":repeated");
        if (repeated != null) {
            return "The request has more than one " + (repeated.equals("content-length") ? "Content-Length"
                    : "Transfer-Encoding") + " header, so where its body ends is ambiguous.";
        }
        String length = headers.get("content-length");
        String coding = headers.get("transfer-encoding");
        if (length != null && coding != null) {
            return "The request has both Content-Length and Transfer-Encoding, so where its body ends is ambiguous.";
        }
        if (length != null && !length.matches("[0-9]{1,18}")) {
            return "Content-Length must be a number of bytes (0 or more), not \"" + ConnectionHandler.forLog(length) + "\".";
        }
        if (coding != null && !coding.equalsIgnoreCase("chunked")) {
            return "SocketScope understands only the chunked transfer coding, not \"" + ConnectionHandler.forLog(coding) + "\".";
        }
        return null;
    }

    /** A request body we do not read would be taken for the next request, so such a connection closes. */
    static boolean hasBody(Map<String, String> headers) {
        String length = headers.get("content-length");
        return headers.containsKey("transfer-encoding") || (length != null && !length.equals("0"));
    }
}
