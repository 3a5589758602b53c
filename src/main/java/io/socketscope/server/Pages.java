package io.socketscope.server;

/** The answers a client gets: each tells it which socket it is, like the C server in the post. */
final class Pages {

    /** Answered with a redirect to "/" and a close, so the browser comes back on a new socket. */
    static final String ANOTHER_PATH = "/another";
    /** The page's script: it makes the page live where JavaScript runs; without it the page is complete. */
    static final String SCRIPT_PATH = "/live.js";
    /** A GET here becomes the page's live view: Server-Sent Events on a socket of its own. */
    static final String EVENTS_PATH = "/events";
    /** A GET here becomes a held connection: the server keeps its answer open until let go or its time is up. */
    static final String HOLD_PATH = "/hold";
    /** Only this server's own script and connections; no inline script, nothing from elsewhere. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self';"
            + " base-uri 'none'; form-action 'none'";
    private static final String SCRIPT = load("live.js");

    private Pages() {
    }

    /** The sentence at the heart of every answer. */
    static String facts(ConnectionRef c, int openSockets) {
        return "You are socket " + c.descriptor().label() + ": " + c.client() + " -> " + c.server()
                + " (TCP). " + count(openSockets) + " open on this port now.";
    }

    /** The one-line greeting a text client (nc, telnet) gets. */
    static String banner(ConnectionRef c, int openSockets) {
        return "SocketScope: " + facts(c, openSockets) + " Type a line and it comes back to you.\r\n";
    }

    /**
     * The one-line answer to a UDP datagram: the same socket (one descriptor) answers every peer, and there
     * is no connection, only this datagram and the next.
     */
    static String datagramReply(ConnectionRef flow, long number, int size, int peers) {
        return "SocketScope: UDP port " + flow.server().port() + ", socket " + flow.descriptor().label()
                + " received your datagram #" + number + " (" + size + (size == 1 ? " byte" : " bytes") + ") from "
                + flow.client() + ". The same socket serves " + (peers == 1 ? "every peer (1 so far)" : "all " + peers + " peers")
                + ": UDP has no connections.\n";
    }

    static String json(ConnectionRef c, int openSockets) {
        return "{\"protocol\":\"TCP\","
                + "\"client\":{\"ip\":" + TextEscapes.json(c.client().ip()) + ",\"port\":" + c.client().port() + "},"
                + "\"server\":{\"ip\":" + TextEscapes.json(c.server().ip()) + ",\"port\":" + c.server().port() + "},"
                + "\"fd\":" + c.descriptor().number() + ","
                + "\"fdKind\":\"" + c.descriptor().kind().jsonName() + "\","
                + "\"openSockets\":" + openSockets + "}\n";
    }

    static String html(ConnectionRef c, int openSockets) {
        String fd = TextEscapes.html(c.descriptor().label());
        String client = TextEscapes.html(c.client().toString());
        String server = TextEscapes.html(c.server().toString());
        String port = Integer.toString(c.server().port());
        String descriptorNote = c.descriptor().kind() == Descriptor.Kind.HANDLE
                ? "the socket's handle, Windows' equivalent of a descriptor: the number Winsock's <code>accept()</code>"
                        + " returned for your connection"
                : c.descriptor().kind() == Descriptor.Kind.OS
                ? "the number the operating system's <code>accept()</code> returned for your connection"
                : "SocketScope's own id for your connection (this system does not show OS descriptors)";
        // Concatenation rather than String.formatted: this runs for every page a client is sent, and a format
        // string is parsed again at each call.
        return page("You are socket " + fd, "<h1>You are socket <span class=\"fd\">" + fd + "</span></h1>\n"
                + "<p class=\"tuple\"><b>" + client + "</b> &rarr; <b>" + server + "</b> <span>(TCP)</span></p>\n"
                + "<p><b id=\"count\">" + TextEscapes.html(count(openSockets)) + "</b> open on port " + port
                + " now<span id=\"devices\"></span>.</p>\n"
                + LIVE_SECTION.replace("PORT", port)
                + "<h2>What this means</h2>\n"
                + "<ul>\n"
                + "<li><b>Port " + port + "</b> names the service on this computer. Every phone, tab and laptop uses"
                + " the same port.</li>\n"
                + "<li><b>Your socket</b> is one connection on that port, told apart from every other by\n"
                + "(your IP, your port, server IP, server port, TCP). Your port, " + c.client().port()
                + ", was picked by your device.</li>\n"
                + "<li><b>" + fd + "</b> is " + descriptorNote + ".</li>\n"
                + "</ul>\n"
                + "<div id=\"another\"><p><a class=\"button\" href=\"/another\">Open another connection</a></p>\n"
                + "<p>Reload: if your browser keeps the connection alive, you get the same socket again.\n"
                + "\"Open another connection\" closes this socket and comes back on a new one: watch a second\n"
                + "edge appear.</p></div>\n"
                + "<p><a href=\"/socket.json\">As JSON</a></p>\n");
    }

    /** The page's script, as served at {@value #SCRIPT_PATH}. */
    static String script() {
        return SCRIPT;
    }

    /** What the script fills in and shows; hidden, and so absent, where no script runs. */
    private static final String LIVE_SECTION = """
            <section id="live" hidden>
            <h2>Live <span id="live-dot" class="dot"></span></h2>
            <p id="live-says">Connecting the live view…</p>
            <p class="buttons"><button id="one" type="button">Open one more connection</button>
            <button id="hold3" type="button">Hold 3 connections</button>
            <button id="release" type="button" class="quiet">Close my connections</button></p>
            <p id="note" class="note" role="status"></p>
            <h3>Held by this page</h3>
            <ul id="held"><li class="none">None yet: each button above opens real sockets to port PORT.</li></ul>
            <h3>Your sockets on port PORT <span id="mine-count"></span></h3>
            <ul id="mine"></ul>
            <h3>Just now</h3>
            <ul id="recent"></ul>
            </section>
            """;

    private static String load(String name) {
        try (java.io.InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String error(int status, String reason, String explanation) {
        return page(status + " " + reason, "<h1>" + status + " " + TextEscapes.html(reason) + "</h1>\n<p>"
                + TextEscapes.html(explanation) + "</p>\n");
    }

    private static String page(String title, String body) {
        return PAGE_START + title + PAGE_MIDDLE + body + PAGE_END;
    }

    private static final String PAGE_START = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>""";
    private static final String PAGE_MIDDLE = """
             · SocketScope</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:1.2em auto;max-width:36em;padding:0 1em;line-height:1.45;color:#1d2733}
            h1{font-size:1.6em;margin:.2em 0} .fd{color:#c2410c} .tuple{font-size:1.15em} .tuple b,.tuple span{white-space:nowrap}
            code{background:#eef2f6;padding:0 .2em}
            .button,button{display:inline-block;background:#0d9488;color:#fff;padding:.6em 1em;border-radius:.5em;text-decoration:none;font-weight:600;border:0;font-size:1em;margin:0 .2em .4em 0}
            button.quiet{background:#e2e8f0;color:#1d2733} button:disabled{opacity:.45}
            h3{font-size:1em;margin:1em 0 .2em} ul{padding-left:1.2em;margin:.2em 0} li.none{list-style:none;margin-left:-1.2em;color:#64748b}
            .note{min-height:1.2em;margin:.1em 0;color:#9a3412} .note:empty{min-height:0;margin:0} .dot{display:inline-block;width:.6em;height:.6em;border-radius:50%;background:#94a3b8;vertical-align:middle}
            .dot.on{background:#16a34a} .fdn{color:#c2410c;font-weight:600}
            </style>
            <script src="/live.js" defer></script>
            </head><body>
            """;
    private static final String PAGE_END = "</body></html>\n";

    private static String count(int openSockets) {
        return openSockets == 1 ? "1 socket is" : openSockets + " sockets are";
    }
}
