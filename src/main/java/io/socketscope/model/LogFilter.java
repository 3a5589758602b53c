package io.socketscope.model;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The event log's text filter: every word typed must appear (ignoring case) in the entry's kind, client,
 * descriptor or detail, so "127.0.0.2 close" finds that host's closes and "fd 57" finds that socket.
 */
public final class LogFilter {

    private LogFilter() {
    }

    public static Predicate<LogEntry> matching(String text) {
        String query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            return entry -> true;
        }
        // "fd 57" is one term, matched against the descriptor whole: "fd 5" must not find fd 57.
        String[] terms = query.replaceAll("\\b(fd|id)\\s+(\\d+)\\b", "$1\u00a0$2").split("\\s+");
        return entry -> {
            String haystack = (entry.kind().name() + " " + entry.client() + " " + entry.descriptor() + " "
                    + entry.detail()).toLowerCase(Locale.ROOT);
            for (String term : terms) {
                boolean found = term.indexOf('\u00a0') > 0
                        ? entry.descriptor().equalsIgnoreCase(term.replace('\u00a0', ' '))
                        : haystack.contains(term);
                if (!found) {
                    return false;
                }
            }
            return true;
        };
    }
}
