package org.tesseracrm.email.internal.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.record.RecordRef;

class SendEmailActionTest {
    private final Fakes fakes = new Fakes();
    private final FakeDirectory directory = new FakeDirectory()
            .add("company", 1L, "name", "Acme", "email", "info@acme.example")
            .add("contact", 10L, "name", "Ada Lovelace", "email", "ada@acme.example", "company", 1L)
            .add("contact", 12L, "name", "No Mail")
            .add("quote", 100L, "name", "Q-1", "email", "buyer@acme.example", "contact", 10L, "company", 1L);
    private SendEmailAction action;

    @BeforeEach
    void setUp() {
        fakes.accounts.add(Fakes.account(1, "Sales"));
        fakes.accounts.add(Fakes.account(2, "Support desk"));
        fakes.templates.add(new MailTemplate(7, "Welcome", "contact", "Hi", "<p>Hi</p>", "", null, 1));
        fakes.templates.add(new MailTemplate(9, "Quote sent", "quote", "Q", "<p>Q</p>", "", null, 1));
        action = new SendEmailAction(fakes.accounts(), fakes.templates(), fakes.mailer(), fakes.suppressions(),
                directory, fakes.callers());
    }

    private static ActionContext context(String type, long id, Map<String, String> config) {
        return new ActionContext(3, 1, new TriggerEvent("record.created", type, id, "ada", Instant.EPOCH,
                Map.of()), config, 1);
    }

    @Test
    void offersTemplateRecipientFieldFixedAddressAndAccount() {
        assertEquals("email.send", action.id());
        assertEquals(List.of("template", "recipientField", "recipientAddress", "account"),
                action.parameters().stream().map(p -> p.name()).toList());
        assertEquals(ParameterType.FIELD, action.parameters().get(1).type());
        assertTrue(action.parameters().get(0).required());
    }

    @Test
    void sendsTheRenderedTemplateToTheRecordsOwnAddressAsAutomation() {
        ActionResult result = action.run(context("contact", 10L, Map.of("template", "welcome")));
        assertEquals(ActionResult.Outcome.DONE, result.outcome());
        OutgoingMail mail = fakes.queued.get(0);
        assertEquals(List.of("ada@acme.example"), mail.to());
        assertEquals("automation", mail.source());
        assertEquals(null, mail.accountId(), "the actor's default account");
        assertEquals(List.of("ada"), fakes.ranAs, "runs as the user whose change started the rule");
        assertEquals(List.of(new RecordRef("contact", 10L, "Ada Lovelace")), mail.records());
        assertEquals("Queued e-mail \"Hello contact #10\" to ada@acme.example (message #1, template Welcome)",
                result.message());
    }

    @Test
    void writesToTheRecordALookupFieldPointsAt() {
        action.run(context("quote", 100L, Map.of("template", "Quote sent", "recipientField", "contact")));
        assertEquals(List.of("ada@acme.example"), fakes.queued.get(0).to());
        action.run(context("quote", 100L, Map.of("template", "Quote sent", "recipientField", "email")));
        assertEquals(List.of("buyer@acme.example"), fakes.queued.get(1).to());
    }

    @Test
    void aFixedAddressAndANamedAccount() {
        action.run(context("contact", 12L, Map.of("template", "Welcome", "recipientAddress", " boss@acme.example ",
                "account", "support DESK")));
        assertEquals(List.of("boss@acme.example"), fakes.queued.get(0).to());
        assertEquals(2L, fakes.queued.get(0).accountId());
    }

    @Test
    void skipsARecordWithoutAddressAndASuppressedOne() {
        assertEquals(ActionResult.Outcome.SKIPPED,
                action.run(context("contact", 12L, Map.of("template", "Welcome"))).outcome());
        fakes.suppressed.add("ada@acme.example");
        ActionResult skipped = action.run(context("contact", 10L, Map.of("template", "Welcome")));
        assertEquals(ActionResult.Outcome.SKIPPED, skipped.outcome());
        assertEquals("ada@acme.example unsubscribed or bounced: not mailed.", skipped.message());
        assertTrue(fakes.queued.isEmpty());
        assertEquals(ActionResult.Outcome.SKIPPED,
                action.run(context("contact", 99L, Map.of("template", "Welcome"))).outcome());
    }

    @Test
    void refusesABadConfigurationNamingTheSetting() {
        assertEquals("template", assertThrows(ValidationException.class,
                () -> action.run(context("contact", 10L, Map.of()))).errors().get(0).field());
        assertEquals("There is no template \"Quote sent\". Templates you may use here: Welcome.",
                assertThrows(ValidationException.class, () -> action.run(context("contact", 10L,
                        Map.of("template", "Quote sent")))).errors().get(0).message());
        assertEquals("Not an e-mail address: nope", assertThrows(ValidationException.class,
                () -> action.run(context("contact", 10L, Map.of("template", "Welcome", "recipientAddress", "nope"))))
                .errors().get(0).message());
        assertEquals(3, assertThrows(ValidationException.class, () -> EmailActionConfig.read(Map.of(
                "recipientField", "email", "recipientAddress", "x"))).errors().size());
        assertEquals("The field name holds no e-mail address: choose an e-mail field or a lookup to a record with one.",
                assertThrows(ValidationException.class, () -> action.run(context("contact", 10L,
                        Map.of("template", "Welcome", "recipientField", "name")))).errors().get(0).message());
        assertTrue(assertThrows(ValidationException.class, () -> action.run(context("contact", 10L,
                Map.of("template", "Welcome", "account", "Nobody's")))).errors().get(0).message()
                .startsWith("There is no mail account \"Nobody's\". Accounts: Sales, Support desk."));
    }

    @Test
    void readsBlankSettingsAsNone() {
        EmailActionConfig config = EmailActionConfig.read(Map.of("template", " Welcome ", "recipientField", " ",
                "account", ""));
        assertEquals(new EmailActionConfig("Welcome", Optional.empty(), Optional.empty(), Optional.empty()), config);
    }
}
