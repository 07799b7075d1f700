package org.tesseracrm.email.internal.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.kernel.api.ValidationException;

class TemplateNamesTest {
    private final List<MailTemplate> templates = List.of(
            new MailTemplate(1, "Welcome", "contact", "s", "h", "", null, 1),
            new MailTemplate(2, "after the fair", "", "s", "h", "", null, 1));

    @Test
    void findsATemplateIgnoringCaseAndBlanks() {
        assertEquals(1, TemplateNames.find(templates, "  WELCOME ", "template").id());
        assertEquals(2, TemplateNames.find(templates, "After the fair", "template").id());
    }

    @Test
    void anUnknownNameIsAnsweredWithTheNamesSorted() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> TemplateNames.find(templates, "Welcom", "template"));
        assertEquals("There is no template \"Welcom\". Templates you may use here: after the fair, Welcome.",
                e.errors().get(0).message());
        assertEquals("template", e.errors().get(0).field());
    }

    @Test
    void aBlankNameAsksForOne() {
        assertEquals("Enter the name of a template. Templates you may use here: after the fair, Welcome.",
                assertThrows(ValidationException.class, () -> TemplateNames.find(templates, " ", "t"))
                        .errors().get(0).message());
    }

    @Test
    void noTemplatesAtAllSaysSo() {
        assertEquals("There is no template \"x\". There are no templates for these records yet: create one under "
                + "E-mail templates first.", assertThrows(ValidationException.class,
                        () -> TemplateNames.find(List.of(), "x", "template")).errors().get(0).message());
    }
}
