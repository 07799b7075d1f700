package org.tesseracrm.email.internal.capture;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans the HTML of captured mail with jsoup's {@link Safelist} (the jsoup the Vaadin bundle exports), as the FAQ's
 * answers are cleaned: text formatting, headings, lists, tables, quotes and links (http, https, mailto; opened without
 * the referrer) stay; scripts, styles, event attributes, frames, forms and every image are dropped, so no remote
 * image tells the sender that the mail was read.
 */
final class MailHtml {
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .removeProtocols("a", "href", "ftp");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private MailHtml() {
    }

    /**
     * @param html a message's HTML body
     * @return what is safe to show in a browser; "" for null or blank
     */
    static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", ALLOWED, COMPACT).strip();
    }

    /**
     * @param html a message's HTML body
     * @return its text without markup, for a message that has no text part
     */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.parse(html).wholeText().strip();
    }
}
