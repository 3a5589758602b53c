package io.socketscope.server;

/** Makes client-supplied text safe to put in HTML, JSON, or a log line. */
public final class TextEscapes {

    private TextEscapes() {
    }

    /**
     * Escapes the five HTML-significant characters, and shows every invisible one (see {@link #isHidden})
     * as {@code \\uXXXX}: a character reference would still reorder or hide the text around it.
     */
    public static String html(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (isHidden(s, i)) {
                        i = escape(s, i, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Whether the code point at {@code i} is one a client could use to hide or reorder text: Unicode's
     * controls (Cc, ESC and CR/LF among them), format characters (Cf: the bidi overrides and isolates
     * U+202A-U+202E and U+2066-U+2069, zero-width characters), and line and paragraph separators (Zl, Zp).
     */
    static boolean isHidden(String s, int i) {
        int type = Character.getType(s.codePointAt(i));
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Appends the code point at {@code i} as {@code \\uXXXX} (each UTF-16 unit); returns the index of its last unit. */
    private static int escape(String s, int i, StringBuilder out) {
        int units = Character.charCount(s.codePointAt(i));
        for (int k = 0; k < units; k++) {
            out.append(String.format("\\u%04x", (int) s.charAt(i + k)));
        }
        return i + units - 1;
    }

    /** A JSON string literal, quotes included. */
    public static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == '<' || c == '>') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (isHidden(s, i)) {
                        i = escape(s, i, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Replaces every invisible character (see {@link #isHidden}: ESC, so no terminal escape sequence
     * survives; CR/LF and the line separators, so no forged log line; the bidi controls, so no reordered
     * one) with a visible escape such as {@code \\u001b}.
     */
    public static String controls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            boolean hidden = isHidden(s, i);
            if (hidden && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (hidden) {
                    i = escape(s, i, out);
                } else {
                    out.append(s.charAt(i));
                }
            }
        }
        return out == null ? s : out.toString();
    }
}
