package org.tesseracrm.email.internal.compose;

import java.util.regex.Pattern;

/**
 * The composer's one body input holds either HTML (a template's body) or plain text the user typed: this decides
 * which, and makes the HTML part of plain text (escaped, line breaks kept).
 */
final class Bodies {
    /** A tag of the elements mail bodies are made of ("<Ada>" in typed text is no markup). */
    private static final Pattern TAG = Pattern.compile("<(/?)(p|div|br|b|i|u|a|span|strong|em|table|tbody|thead|tr|td|th"
            + "|ul|ol|li|h[1-6]|img|html|body|head|font|blockquote|pre|hr|center|small|sup|sub)(\\s[^<>]*)?/?>",
            Pattern.CASE_INSENSITIVE);

    private Bodies() {
    }

    /** @return whether the body holds HTML markup (at least one tag of a mail body's elements) */
    static boolean html(String body) {
        return body != null && TAG.matcher(body).find();
    }

    /**
     * @param body the body as typed or rendered
     * @return its HTML part: the body itself if it is HTML, else the text escaped with its line breaks as
     *     {@code <br>}; {@code null} for a blank body
     */
    static String htmlPart(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return html(body) ? body : escape(body).replace("\r\n", "\n").replace("\n", "<br>\n");
    }

    /**
     * @param body the body as typed or rendered
     * @return its plain-text part: the text as typed, or {@code null} for HTML (the outbox derives it)
     */
    static String textPart(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return html(body) ? null : body;
    }

    /** @return the text with the five HTML special characters escaped */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
