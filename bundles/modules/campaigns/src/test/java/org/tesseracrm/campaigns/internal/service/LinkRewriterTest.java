package org.tesseracrm.campaigns.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class LinkRewriterTest {
    private final List<String> seen = new ArrayList<>();

    private String rewrite(String html) {
        return LinkRewriter.rewrite(html, url -> {
            seen.add(url);
            return "https://crm.example.com/t/c/TOKEN" + seen.size();
        }, "https://crm.example.com/t/o/PIXEL.gif", "https://crm.example.com/t/u/UNSUB");
    }

    @Test
    void rewritesEveryHttpLinkAndLeavesTheOthersAlone() {
        String out = rewrite("<p>Hi <a href=\"https://example.com/offer?a=1&amp;b=2\">offer</a>, "
                + "<a href='HTTP://Example.com/x'>x</a>, <a href=\"/relative/page\">rel</a>, "
                + "<a href=\"mailto:sales@example.com\">mail</a>, <a href=\"tel:+34600\">tel</a>, "
                + "<a href=\"#top\">top</a>, <a href=\"javascript:alert(1)\">js</a></p>");
        assertEquals(List.of("https://example.com/offer?a=1&b=2", "HTTP://Example.com/x"), seen);
        Document doc = Jsoup.parse(out);
        List<String> hrefs = doc.select("a[href]").stream().map(a -> a.attr("href")).toList();
        assertEquals(List.of("https://crm.example.com/t/c/TOKEN1", "https://crm.example.com/t/c/TOKEN2",
                "/relative/page", "mailto:sales@example.com", "tel:+34600", "#top", "javascript:alert(1)",
                "https://crm.example.com/t/u/UNSUB"), hrefs);
        Element pixel = doc.select("img").last();
        assertEquals("https://crm.example.com/t/o/PIXEL.gif", pixel.attr("src"));
        assertEquals("1", pixel.attr("width"));
    }

    @Test
    void quotesInAddressesAndTextStayInsideTheirAttributes() {
        String out = LinkRewriter.rewrite("<a href=\"https://example.com/?q=&quot;x&quot;\" title='it&#39;s'>q</a>",
                url -> {
                    seen.add(url);
                    return "https://crm.example.com/t/c/a\"b'<c>";
                }, "https://p/o.gif", "https://p/u");
        assertEquals(List.of("https://example.com/?q=\"x\""), seen);
        Document doc = Jsoup.parse(out);
        assertEquals("https://crm.example.com/t/c/a\"b'<c>", doc.selectFirst("a").attr("href"));
        assertEquals("it's", doc.selectFirst("a").attr("title"));
        assertFalse(out.contains("a\"b"), out); // the quote is escaped in the attribute
        assertEquals(3, doc.select("a, img").size());
    }

    @Test
    void plainTextGetsTheUnsubscribeLineAndNullHtmlStillGetsThePixel() {
        assertEquals("Hello\n\nUnsubscribe: https://p/u\n", LinkRewriter.text("Hello\n", "https://p/u"));
        assertEquals("Unsubscribe: https://p/u\n", LinkRewriter.text(null, "https://p/u"));
        String out = rewrite(null);
        assertTrue(out.contains("https://crm.example.com/t/o/PIXEL.gif"), out);
        assertTrue(seen.isEmpty());
    }

    @Test
    void onlyAbsoluteHttpAddressesAreTracked() {
        assertTrue(LinkRewriter.tracked("https://a.example/x"));
        assertTrue(LinkRewriter.tracked(" http://a.example "));
        assertFalse(LinkRewriter.tracked("//a.example/x"));
        assertFalse(LinkRewriter.tracked("ftp://a.example/x"));
        assertFalse(LinkRewriter.tracked("https://a.example/with space"));
        assertFalse(LinkRewriter.tracked(null));
    }
}
