package io.socketscope.model;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The event log's text filter: every word typed must appear (ignoring case) in the entry's kind, client,
 * descriptor or detail, so "127.0.0.2 close" finds that host's closes and "fd 57" finds that socket.
 */
public final class LogFilter {

    private LogFilter() {
    }

    public static Predicate<LogEntry> matching(String text) {
        return matching(text, entry -> entry.kind().name() + " " + entry.client() + " " + entry.descriptor() + " "
                + entry.detail(), LogEntry::descriptor);
    }

    /**
     * The same rules for anything with text: every word must appear in {@code haystack} (ignoring case),
     * and {@code fd 57} must equal its {@code descriptor} whole.
     */
    public static <T> Predicate<T> matching(String text, Function<T, String> haystack, Function<T, String> descriptor) {
        String query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            return item -> true;
        }
        // "fd 57" is one term, matched against the descriptor whole: "fd 5" must not find fd 57.
        String[] terms = query.replaceAll("\\b(fd|id)\\s+(\\d+)\\b", "$1\u00a0$2").split("\\s+");
        return item -> {
            String hay = haystack.apply(item).toLowerCase(Locale.ROOT);
            for (String term : terms) {
                boolean found = term.indexOf('\u00a0') > 0
                        ? descriptor.apply(item).equalsIgnoreCase(term.replace('\u00a0', ' '))
                        : hay.contains(term);
                if (!found) {
                    return false;
                }
            }
            return true;
        };
    }
}
