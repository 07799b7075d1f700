package org.tesseracrm.faq.internal.service;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans a FAQ's answer (rich text, HTML) with jsoup's {@link Safelist}, the jsoup the Vaadin bundle exports: text
 * formatting, headings, lists, tables, quotes, code and links (http, https, mailto; opened without the page's
 * referrer) are kept, everything else is dropped: scripts, styles, event attributes, frames, forms, images, and
 * {@code javascript:} links. What is kept is safe to show as HTML in the browser.
 */
final class AnswerSanitiser {
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .removeProtocols("a", "href", "ftp");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private AnswerSanitiser() {
    }

    /**
     * @param html an answer as typed or sent, possibly with markup that must not reach a browser
     * @return the answer with only the allowed markup; "" for null or blank
     */
    static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", ALLOWED, COMPACT).strip();
    }

    /**
     * @param html an answer
     * @return its text without markup, for the word index and one-line previews
     */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).text();
    }
}
