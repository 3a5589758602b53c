package io.socketscope.session;

import io.socketscope.model.LogEntry;
import io.socketscope.model.SocketInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The sockets (open and recently closed) and the event log as CSV (RFC 4180, through Commons CSV: a comma,
 * quote or line break inside a field is quoted, not split), for a spreadsheet or a bug report.
 */
public final class SessionCsv {

    public static final String[] SOCKET_COLUMNS = {"protocol", "client_ip", "client_port", "server_ip",
        "server_port", "descriptor", "state", "opened_at", "closed_at", "close_reason", "bytes_in", "bytes_out",
        "requests", "last_request"};
    public static final String[] LOG_COLUMNS = {"time", "event", "client", "descriptor", "detail"};

    private SessionCsv() {
    }

    public static void writeSockets(Writer out, Collection<SocketInfo> open, Collection<SocketInfo> closed)
            throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(SOCKET_COLUMNS).get())) {
            for (Collection<SocketInfo> group : java.util.List.of(open, closed)) {
                for (SocketInfo s : group) {
                    csv.printRecord(s.protocol(), s.connection().client().ip(), s.connection().client().port(),
                            s.connection().server().ip(), s.connection().server().port(),
                            s.connection().descriptor().label(), s.state(), s.openedAt(),
                            s.closedAt() == null ? "" : s.closedAt(),
                            s.closeReason() == null ? "" : s.closeReason().code(), s.traffic().received(),
                            s.traffic().sent(), s.requests(),
                            s.requestLines().isEmpty() ? "" : s.requestLines().get(s.requestLines().size() - 1));
                }
            }
        }
    }

    public static void writeLog(Writer out, Collection<LogEntry> log) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(LOG_COLUMNS).get())) {
            for (LogEntry e : log) {
                csv.printRecord(e.time(), e.kind(), e.client(), e.descriptor(), e.detail());
            }
        }
    }
}
