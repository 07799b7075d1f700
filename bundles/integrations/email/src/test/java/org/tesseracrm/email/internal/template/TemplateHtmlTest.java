package org.tesseracrm.email.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TemplateHtmlTest {
    @Test
    void scriptsStylesEventsFormsAndFramesGoFormattingStays() {
        String clean = TemplateHtml.clean("<p onclick=\"x()\" style=\"position:fixed\">Hi <b>$[Contacts.First Name|there]</b></p>"
                + "<script>alert(1)</script><style>p{}</style><iframe src=\"https://e.example\"></iframe>"
                + "<form><input name=\"p\"></form><a href=\"javascript:alert(1)\">x</a>");
        assertEquals("<p>Hi <b>$[Contacts.First Name|there]</b></p><a rel=\"nofollow noopener noreferrer\">x</a>", clean);
    }

    @Test
    void imagesFromHttpHttpsAndCidStayOthersLoseTheirSource() {
        String clean = TemplateHtml.clean("<img src=\"https://cdn.example/logo.png\" alt=\"Logo\"><img src=\"cid:logo\">"
                + "<img src=\"data:image/png;base64,AAAA\"><img src=\"javascript:x\" onerror=\"y()\">");
        assertTrue(clean.contains("<img src=\"https://cdn.example/logo.png\" alt=\"Logo\">"), clean);
        assertTrue(clean.contains("<img src=\"cid:logo\">"), clean);
        assertFalse(clean.contains("data:") || clean.contains("javascript") || clean.contains("onerror"), clean);
    }

    @Test
    void cleaningTwiceChangesNothing() {
        String once = TemplateHtml.clean("<p>A &amp; B <a href=\"mailto:x@example.com\">mail</a></p><table><tr><td>1</td></tr></table>");
        assertEquals(once, TemplateHtml.clean(once));
    }

    @Test
    void escapingCoversTextAndQuotedAttributes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt; &amp; &#39;", TemplateHtml.escape("<a href=\"x\"> & '"));
        assertEquals("Tom & Jerry <b>", TemplateHtml.unescape("Tom &amp; Jerry &lt;b&gt;"));
    }

    @Test
    void textKeepsParagraphsBreaksListsAndLinkAddresses() {
        assertEquals("Title\n\nline one\nline two\n\n- a\n- b\n\nmail x@example.com, site (https://example.com)",
                TemplateHtml.text("<h2>Title</h2><p>line one<br>line two</p><ol><li>a</li><li>b</li></ol>"
                        + "<p>mail <a href=\"mailto:x@example.com\">x@example.com</a>, <a href=\"https://example.com\">site</a></p>"));
        assertEquals("", TemplateHtml.text(null));
    }
}
