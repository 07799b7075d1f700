package org.tesseracrm.email.internal.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

class AddressesTest {
    @Test
    void readsAddressesSeparatedByCommasSemicolonsAndLinesKeepingEachOnce() {
        assertEquals(List.of("ada@x.example", "bob@y.example", "carl@z.example"),
                Addresses.parse(" ada@x.example; Bob Bar <bob@y.example>,\ncarl@z.example , ADA@x.example"));
        assertEquals(List.of(), Addresses.parse("  "));
        assertEquals(List.of(), Addresses.parse(null));
    }

    @Test
    void namesTheBadAddressesOfEachInput() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Addresses.recipients("ada@x.example, nope", "", "also bad@", 100));
        assertEquals(List.of(new FieldError("to", "Not an e-mail address: nope"),
                new FieldError("bcc", "Not e-mail addresses: also, bad@")), e.errors());
    }

    @Test
    void needsOneRecipientAndAtMostTheBound() {
        assertEquals("to", assertThrows(ValidationException.class, () -> Addresses.recipients("", " ", null, 100))
                .errors().get(0).field());
        ValidationException many = assertThrows(ValidationException.class,
                () -> Addresses.recipients("a@x.example, b@x.example", "c@x.example", "", 2));
        assertTrue(many.errors().get(0).message().startsWith("At most 2 recipients"));
        Map<String, List<String>> ok = Addresses.recipients("a@x.example", "", "b@x.example", 2);
        assertEquals(List.of("b@x.example"), ok.get("bcc"));
    }

    @Test
    void checksTheShapeOfAnAddress() {
        assertTrue(Addresses.valid("first.last+tag@sub.example.org"));
        assertFalse(Addresses.valid("a@b"));
        assertFalse(Addresses.valid("a b@c.example"));
        assertFalse(Addresses.valid("<a@c.example>"));
    }

    @Test
    void plainTextBecomesEscapedHtmlWithItsLineBreaksAndHtmlStaysAsItIs() {
        assertEquals("Hi &lt;Ada&gt; &amp; co<br>\nbye", Bodies.htmlPart("Hi <Ada> & co\nbye"));
        assertEquals("Hi <Ada> & co\nbye", Bodies.textPart("Hi <Ada> & co\nbye"));
        assertEquals("<p>Hello <b>Ada</b></p>", Bodies.htmlPart("<p>Hello <b>Ada</b></p>"));
        assertEquals(null, Bodies.textPart("<p>Hello</p>"));
        assertEquals(null, Bodies.htmlPart(" "));
        assertFalse(Bodies.html("2 < 3 and 4 > 1"));
    }
}
