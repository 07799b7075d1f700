package org.tesseracrm.faq.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswerSanitiserTest {
    @Test
    void scriptsStylesAndEventAttributesAreRemovedAndTheTextKept() {
        String clean = AnswerSanitiser.clean("<p onclick=\"steal()\">Reset it <b>here</b></p><script>alert(1)</script>"
                + "<style>p{display:none}</style><iframe src=\"https://evil.example\"></iframe>");
        assertEquals("<p>Reset it <b>here</b></p>", clean);
    }

    @Test
    void formattingListsTablesAndHttpLinksAreKeptLinksWithoutReferrer() {
        String clean = AnswerSanitiser.clean("<h3>Steps</h3><ol><li>Open <i>Settings</i></li></ol>"
                + "<table><tr><td>a</td></tr></table><a href=\"https://help.example.com/x\">help</a>");
        assertTrue(clean.startsWith("<h3>Steps</h3><ol><li>Open <i>Settings</i></li></ol><table>"), clean);
        assertTrue(clean.contains("<a href=\"https://help.example.com/x\" rel=\"nofollow noopener noreferrer\">"
                + "help</a>"), clean);
    }

    @Test
    void javascriptLinksImagesAndFormsGo() {
        String clean = AnswerSanitiser.clean("<a href=\"javascript:alert(1)\">x</a><img src=\"https://t.example/p.gif\""
                + " onerror=\"alert(1)\"><form action=\"/x\"><input name=\"p\"></form><svg onload=\"alert(1)\"></svg>");
        assertFalse(clean.contains("javascript"), clean);
        assertFalse(clean.contains("img") || clean.contains("form") || clean.contains("input") || clean.contains("svg")
                || clean.contains("onerror") || clean.contains("onload"), clean);
        assertEquals("<a rel=\"nofollow noopener noreferrer\">x</a>", clean);
    }

    @Test
    void plainTextIsEscapedNotInterpreted() {
        assertEquals("1 &lt; 2 &amp; Zoë's", AnswerSanitiser.clean("1 < 2 & Zoë's"));
        assertEquals("", AnswerSanitiser.clean("  "));
        assertEquals("", AnswerSanitiser.clean(null));
    }

    @Test
    void cleaningTwiceChangesNothing() {
        String once = AnswerSanitiser.clean("<p>Pay <a href=\"mailto:billing@example.com\">billing</a> &amp; more</p>"
                + "<script>x</script>");
        assertEquals(once, AnswerSanitiser.clean(once));
    }

    @Test
    void theTextOfAnAnswerHasNoMarkup() {
        assertEquals("Reset your password in Settings.", AnswerSanitiser.text(
                "<p>Reset your <b>password</b></p> <p>in Settings.</p>").replace("  ", " "));
    }
}
