package org.tesseracrm.campaigns.internal.service;

import java.util.function.Function;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Makes a merged campaign mail trackable for one recipient: every {@code http(s)} link of the HTML goes through the
 * recipient's click redirect; relative links, anchors, {@code mailto:} and {@code tel:} are left alone. The
 * unsubscribe link and the open pixel are added at the end of the body (not rewritten). Attribute values are written
 * back escaped by jsoup, so a quote in an address cannot break out of its attribute.
 */
public final class LinkRewriter {
    private static final Pattern TRACKED = Pattern.compile("^https?://[^\\s]+$", Pattern.CASE_INSENSITIVE);

    private LinkRewriter() {
    }

    /**
     * @param href a link's address
     * @return whether a click on it is tracked: an absolute {@code http} or {@code https} address
     */
    public static boolean tracked(String href) {
        return href != null && TRACKED.matcher(href.trim()).matches();
    }

    /**
     * @param html the merged HTML body
     * @param click the click redirect address of a link's address (for this recipient)
     * @param pixel the open pixel's address
     * @param unsubscribe the unsubscribe page's address
     * @return the HTML with the links rewritten, the unsubscribe link and the pixel added
     */
    public static String rewrite(String html, Function<String, String> click, String pixel, String unsubscribe) {
        Document doc = Jsoup.parse(html == null ? "" : html);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href").trim();
            if (tracked(href)) {
                a.attr("href", click.apply(href));
            }
        }
        Element footer = doc.body().appendElement("p");
        footer.attr("style", "font-size:12px;color:#666666");
        footer.appendText("You received this e-mail from us. ");
        footer.appendElement("a").attr("href", unsubscribe).text("Unsubscribe");
        doc.body().appendElement("img").attr("src", pixel).attr("width", "1").attr("height", "1").attr("alt", "")
                .attr("style", "display:block;border:0;width:1px;height:1px");
        return doc.outerHtml();
    }

    /**
     * @param text the merged plain-text body, may be null
     * @param unsubscribe the unsubscribe page's address
     * @return the text with the unsubscribe line added
     */
    public static String text(String text, String unsubscribe) {
        String body = text == null ? "" : text.stripTrailing();
        return (body.isEmpty() ? "" : body + "\n\n") + "Unsubscribe: " + unsubscribe + "\n";
    }
}
