package org.tesseracrm.email.internal.template;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import org.tesseracrm.email.internal.outbox.HtmlText;

/**
 * The HTML of templates and signatures, with jsoup's {@link Safelist} (the jsoup the Vaadin bundle exports): text
 * formatting, headings, lists, tables, quotes, links (http, https, mailto; opened without the referrer) and images
 * from http, https or {@code cid:} are kept; scripts, styles and {@code style} attributes, event attributes, frames,
 * forms and {@code javascript:} links are dropped. It also writes the plain-text part of an HTML body.
 */
final class TemplateHtml {
    private static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("hr", "s", "center")
            .addProtocols("img", "src", "cid")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .removeProtocols("a", "href", "ftp");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private TemplateHtml() {
    }

    /**
     * @param html HTML as typed or sent, possibly with markup that must not reach a mail or a browser
     * @return the HTML with only the allowed markup; "" for null or blank
     */
    static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", ALLOWED, COMPACT).strip();
    }

    /**
     * @param escaped text as it stands in HTML, e.g. {@code Tom &amp; Jerry}
     * @return the text it stands for, e.g. {@code Tom & Jerry}
     */
    static String unescape(String escaped) {
        return Parser.unescapeEntities(escaped, false);
    }

    /**
     * @param text any text
     * @return it safe inside HTML text and quoted attributes: {@code & < > " '} written as entities
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The plain-text part of an HTML body, written as the outbox writes it for mail sent without one
     * ({@link HtmlText}): paragraphs, headings and list items on lines of their own, a line break for {@code <br>}, a
     * link followed by its address in brackets when its text is not the address.
     *
     * @param html an HTML body or fragment
     * @return its text; "" for null or blank
     */
    static String text(String html) {
        return HtmlText.of(html);
    }
}
