package io.socketscope.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every character a client could use to hide, reorder or forge text (Unicode categories Cc, Cf, Zl and
 * Zp, all 1,114,112 code points checked) comes out visible, as backslash-u and its UTF-16 code, in the
 * log, the console, pages and JSON.
 */
class TextEscapesTest {

    private static boolean hiddenCategory(int cp) {
        int t = Character.getType(cp);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR;
    }

    private static String expected(int cp) {
        StringBuilder out = new StringBuilder();
        for (char unit : Character.toChars(cp)) {
            out.append("\\u").append(String.format("%04x", (int) unit));
        }
        return out.toString();
    }

    private static boolean anyHidden(String s) {
        return s.codePoints().anyMatch(TextEscapesTest::hiddenCategory);
    }

    @Test
    void everyControlFormatAndSeparatorCharacterIsShownAsItsCode() {
        int checked = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (!hiddenCategory(cp)) {
                continue;
            }
            checked++;
            String s = "a" + new String(Character.toChars(cp)) + "b";
            String log = TextEscapes.controls(s);
            assertEquals("a" + expected(cp) + "b", log, "U+" + Integer.toHexString(cp) + " in a log line");
            String page = TextEscapes.html(s);
            assertEquals("a" + expected(cp) + "b", page, "U+" + Integer.toHexString(cp) + " in a page");
            String json = TextEscapes.json(s);
            assertFalse(anyHidden(json), "U+" + Integer.toHexString(cp) + " in JSON");
        }
        // Cc is 65 code points; Cf, Zl and Zp bring the rest (the bidi controls among them).
        assertTrue(checked > 65 + 100, checked + " code points checked");
    }

    @Test
    void theSeparatorsAndBidiControlsThatSlippedThroughBeforeAreCaught() {
        assertEquals("\\u2028", TextEscapes.controls("\u2028"), "U+2028 was printed as \\x28, the code of '('");
        assertEquals("x\\u202ey", TextEscapes.controls("x\u202ey"), "right-to-left override");
        assertEquals("\\u2066\\u2069", TextEscapes.controls("\u2066\u2069"), "isolates");
        assertEquals("\\u001b[2J", TextEscapes.controls("\u001b[2J"), "a terminal escape");
        assertEquals("caf\u00e9 \ud83d\ude00", TextEscapes.controls("caf\u00e9 \ud83d\ude00"), "visible text stays as it is");
        assertEquals("\"\\n\\u001b\\u202e\\u003c\"", TextEscapes.json("\n\u001b\u202e<"));
    }
}
