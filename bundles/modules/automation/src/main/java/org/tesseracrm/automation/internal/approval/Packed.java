package org.tesseracrm.automation.internal.approval;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists of texts packed into one column and back: each level joins its parts with its own separator (rows by a line
 * break, fields by a tab, values by {@code |}) and escapes that separator and the backslash with a backslash, so
 * levels nest and any text comes back as it was. An empty text is an empty list.
 */
public final class Packed {
    /** Separates rows. */
    public static final char ROWS = '\n';
    /** Separates the fields of a row. */
    public static final char FIELDS = '\t';
    /** Separates the values of a field. */
    public static final char VALUES = '|';

    private Packed() {
    }

    /**
     * @param parts the texts
     * @param separator the level's separator
     * @return the texts joined, each escaped
     */
    public static String join(List<String> parts, char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            for (char ch : parts.get(i).toCharArray()) {
                if (ch == '\\') {
                    out.append("\\\\");
                } else if (ch == separator) {
                    out.append('\\').append(separator == ROWS ? 'n' : separator == FIELDS ? 't' : 'p');
                } else {
                    out.append(ch);
                }
            }
        }
        return out.toString();
    }

    /**
     * @param text what {@link #join} made with the same separator
     * @param separator the level's separator
     * @return the texts, unescaped; empty for an empty text
     */
    public static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                part.append(switch (next) {
                    case 'n' -> ROWS;
                    case 't' -> FIELDS;
                    case 'p' -> VALUES;
                    default -> next;
                });
            } else if (ch == separator) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /**
     * @param row the fields of a row
     * @param index a field's place
     * @return the field, "" past the row's end
     */
    public static String field(List<String> row, int index) {
        return index < row.size() ? row.get(index) : "";
    }
}
