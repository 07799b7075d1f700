package org.tesseracrm.email.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.RegionalSettings;

class MergeEngineTest {
    private static final RegionalSettings US = new RegionalSettings(ZoneId.of("America/New_York"), Locale.US);
    private static final RegionalSettings GERMANY = new RegionalSettings(ZoneId.of("Europe/Berlin"), Locale.GERMANY);
    private static final MergeType COMPANY = new MergeType("company", "companies", "Company", "Companies", List.of(
            FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, 200),
            FieldDefinition.predefined("city", "City", FieldType.TEXT, "CITY", false, 100)));
    private static final MergeType CONTACT = new MergeType("contact", "contacts", "Contact", "Contacts", List.of(
            FieldDefinition.predefined("firstName", "First Name", FieldType.TEXT, "FIRST_NAME", false, 100),
            FieldDefinition.predefined("lastName", "Last Name", FieldType.TEXT, "LAST_NAME", true, 100),
            FieldDefinition.predefined("email", "E-mail", FieldType.EMAIL, "EMAIL", false, 200),
            FieldDefinition.predefined("birthday", "Birthday", FieldType.DATE, "BIRTHDAY", false, 0),
            FieldDefinition.predefined("lastCall", "Last Call", FieldType.DATE_TIME, "LAST_CALL", false, 0),
            FieldDefinition.predefined("budget", "Budget", FieldType.MONEY, "BUDGET", false, 0),
            FieldDefinition.predefined("notes", "Notes", FieldType.LONG_TEXT, "NOTES", false, 0),
            FieldDefinition.predefined("companyName", "Company name", FieldType.TEXT, "COMPANY_NAME", false, 200),
            new FieldDefinition("companyId", "Company", FieldType.LOOKUP, false, 0, true, "COMPANY_ID", false,
                    Optional.of("company")),
            new FieldDefinition("cf_loyalty_tier", "Loyalty Tier", FieldType.PICKLIST, false, 0, true, "CF_LOYALTY_TIER",
                    true, Optional.empty()),
            new FieldDefinition("id", "Id", FieldType.NUMBER, false, 0, true, "ID", false, Optional.empty())));
    private static final Sender SENDER = new Sender("Ann Seller", "ann@example.com",
            "<p>Ann <b>Seller</b><br>Sales &amp; Service</p>");
    private static final MergeEngine.Linked COMPANIES = new MergeEngine.Linked() {
        @Override
        public Optional<RecordRow> record(String type, long id) {
            return type.equals("company") && id == 7 ? Optional.of(new RecordRow(7, 1, Map.of("name", "Acme <Ltd>",
                    "city", "Berlin"))) : Optional.empty();
        }

        @Override
        public String title(String type, long id) {
            return id == 7 ? "Acme <Ltd>" : "Company #" + id;
        }
    };

    private final MergeEngine engine = new MergeEngine(Optional.of(CONTACT),
            id -> id.equals("company") ? Optional.of(COMPANY) : Optional.empty());

    private static Optional<RecordRow> contact(Map<String, Object> values) {
        return Optional.of(new RecordRow(12, 3, values));
    }

    private RenderedMail render(String subject, String html, String text, Map<String, Object> values) {
        return engine.render(subject, html, text, contact(values), COMPANIES, SENDER, US);
    }

    @Test
    void fieldsMergeByLabelAsTheSeedWritesThemAndByName() {
        RenderedMail mail = render("Hello $[Contacts.First Name] $[contact.lastName]", "<p>Dear $[Contact.first name],</p>",
                "Dear $[contacts.FIRSTNAME] $[Contacts.Last-Name]", Map.of("firstName", "Ada", "lastName", "Lovelace"));
        assertEquals("Hello Ada Lovelace", mail.subject());
        assertEquals("<p>Dear Ada,</p>", mail.html());
        assertEquals("Dear Ada Lovelace", mail.text());
        assertEquals(List.of(), mail.unknownFields());
    }

    @Test
    void customFieldsMergeByLabelAndByName() {
        RenderedMail mail = render("$[Contacts.Loyalty Tier] / $[contact.cf_loyalty_tier]", "", "",
                Map.of("cf_loyalty_tier", "Gold"));
        assertEquals("Gold / Gold", mail.subject());
    }

    @Test
    void anEmptyValueTakesTheFallbackAndAMissingFallbackLeavesNothing() {
        RenderedMail mail = render("Hi $[Contacts.First Name|there]!", "<p>Hi $[Contacts.First Name|Tom &amp; Jerry]$[Contacts.Notes]</p>",
                "Hi $[Contacts.First Name|there], $[Contacts.Notes]end", Map.of("lastName", "Lovelace", "firstName", " "));
        assertEquals("Hi there!", mail.subject());
        assertEquals("<p>Hi Tom &amp; Jerry</p>", mail.html());
        assertEquals("Hi there, end", mail.text());
    }

    @Test
    void mergedValuesAreEscapedInTheHtmlPartOnly() {
        String evil = "<script>alert('x')</script> & \"quoted\"";
        RenderedMail mail = render("Re: $[Contacts.First Name]", "<p title=\"$[Contacts.First Name]\">$[Contacts.First Name]</p>",
                "$[Contacts.First Name]", Map.of("firstName", evil));
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;";
        assertEquals("<p title=\"" + escaped + "\">" + escaped + "</p>", mail.html());
        assertFalse(mail.html().contains("<script"));
        assertEquals(evil, mail.text());
        assertEquals("Re: " + evil, mail.subject());
    }

    @Test
    void aFallbackIsEscapedInTheHtmlPartToo() {
        RenderedMail mail = render("s", "<p>$[Contacts.First Name|&lt;b&gt;you&lt;/b&gt;]</p>", "", Map.of());
        assertEquals("<p>&lt;b&gt;you&lt;/b&gt;</p>", mail.html());
        assertEquals("<b>you</b>", mail.text());
    }

    @Test
    void theSignatureIsHtmlInTheHtmlPartAndTextElsewhere() {
        RenderedMail mail = render("From $[User.Name] <$[User.E-mail]> $[User.Signature]", "<p>Regards</p>$[User.Signature]",
                "Regards\n$[User.Signature]", Map.of());
        assertEquals("<p>Regards</p><p>Ann <b>Seller</b><br>Sales &amp; Service</p>", mail.html());
        assertEquals("Regards\nAnn Seller\nSales & Service", mail.text());
        assertEquals("From Ann Seller <ann@example.com> Ann Seller Sales & Service", mail.subject());
    }

    @Test
    void aSignatureIsSanitisedAgainBeforeItIsInserted() {
        RenderedMail mail = engine.render("s", "$[User.Signature]", "", contact(Map.of()), COMPANIES,
                new Sender("A", "a@example.com", "<p onclick=\"x()\">Ann</p><script>steal()</script>"), US);
        assertEquals("<p>Ann</p>", mail.html());
    }

    @Test
    void noSignatureTakesTheFallback() {
        RenderedMail mail = engine.render("s", "<p>$[User.Signature|The team]</p>", "", contact(Map.of()), COMPANIES,
                new Sender("A", "", ""), US);
        assertEquals("<p>The team</p>", mail.html());
        assertEquals("The team", mail.text());
    }

    @Test
    void aSubjectStaysOneLineWhateverTheValues() {
        RenderedMail mail = render("Hi $[Contacts.First Name]\r\nBcc: x@evil.example", "", "x",
                Map.of("firstName", "Ada\r\nBcc: victim@example.com\u2028X-Other: 1"));
        assertFalse(mail.subject().contains("\n") || mail.subject().contains("\r") || mail.subject().contains("\u2028"),
                mail.subject());
        assertEquals("Hi Ada Bcc: victim@example.com X-Other: 1 Bcc: x@evil.example", mail.subject());
    }

    @Test
    void lineBreaksOfALongTextBecomeBreaksInHtml() {
        RenderedMail mail = render("s", "<p>$[Contacts.Notes]</p>", "$[Contacts.Notes]", Map.of("notes", "one\ntwo <3"));
        assertEquals("<p>one<br>two &lt;3</p>", mail.html());
        assertEquals("one\ntwo <3", mail.text());
    }

    @Test
    void unknownFieldsAreReportedOnceAndLeftAsWritten() {
        RenderedMail mail = render("$[Contacts.Shoe Size] $[Leads.First Name]", "<p>$[Contacts.Shoe Size] $[User.Age]</p>",
                "$[Nothing]", Map.of());
        assertEquals(List.of("$[Contacts.Shoe Size]", "$[Leads.First Name]", "$[User.Age]", "$[Nothing]"), mail.unknownFields());
        assertEquals("$[Contacts.Shoe Size] $[Leads.First Name]", mail.subject());
        assertEquals(List.of("$[Contacts.Shoe Size]", "$[User.Age]"), engine.unknown("<p>$[Contacts.Shoe Size] $[User.Age] "
                + "$[Contacts.E-mail] $[Contacts.Shoe Size]</p>"));
    }

    @Test
    void aTemplateOfNoTypeKnowsOnlyUserFields() {
        MergeEngine shared = new MergeEngine(Optional.empty(), id -> Optional.empty());
        assertEquals(List.of("$[Contacts.First Name]"), shared.unknown("$[User.Name] $[Contacts.First Name]"));
        assertEquals(List.of("$[User.Name]", "$[User.E-mail]", "$[User.Signature]"), shared.offered());
    }

    @Test
    void datesAndTimesAreWrittenInTheReadersZoneAndLocale() {
        Map<String, Object> values = Map.of("birthday", LocalDate.of(1990, 12, 4), "lastCall", LocalDateTime.of(2026, 12, 4, 22, 30),
                "budget", new BigDecimal("12345.5"));
        String template = "$[Contacts.Birthday] | $[Contacts.Last Call] | $[Contacts.Budget]";
        // the JDK's CLDR data puts a narrow no-break space before PM
        assertEquals("Dec 4, 1990 | Dec 4, 2026, 5:30 PM | 12,345.50",
                render(template, "", "", values).subject().replace('\u202f', ' '));
        RenderedMail german = engine.render(template, "", "", contact(values), COMPANIES, SENDER, GERMANY);
        assertEquals("04.12.1990 | 04.12.2026, 23:30 | 12.345,50", german.subject());
    }

    @Test
    void lookupsMergeTheLinkedRecordsFieldsOrItsTitle() {
        RenderedMail mail = render("$[Contacts.Company] in $[Contacts.Company.City]", "<p>$[Contacts.Company.Name]</p>", "",
                Map.of("companyId", 7L));
        assertEquals("Acme <Ltd> in Berlin", mail.subject());
        // a text field labelled like the lookup and its field together is another field
        assertEquals("typed / Acme <Ltd>", render("$[Contacts.Company Name] / $[Contacts.Company.Name]", "", "",
                Map.of("companyId", 7L, "companyName", "typed")).subject());
        assertEquals("<p>Acme &lt;Ltd&gt;</p>", mail.html());
        RenderedMail unseen = render("$[Contacts.Company.City|somewhere]", "", "", Map.of("companyId", 8L));
        assertEquals("somewhere", unseen.subject());
    }

    @Test
    void theOfferedFieldsAreTheTypesTheLinkedTypesAndTheUsers() {
        List<String> offered = engine.offered();
        assertTrue(offered.containsAll(List.of("$[Contacts.First Name]", "$[Contacts.Loyalty Tier]", "$[Contacts.Company]",
                "$[Contacts.Company.Name]", "$[Contacts.Company.City]", "$[User.Signature]")), offered.toString());
        assertFalse(offered.contains("$[Contacts.Id]"), offered.toString());
        offered.forEach(field -> assertEquals(List.of(), engine.unknown(field), field));
    }

    @Test
    void thePlainTextIsDerivedFromTheHtmlWhenBlank() {
        RenderedMail mail = render("s", "<h1>Offer</h1><p>Dear $[Contacts.First Name],</p><ul><li>one</li><li>two</li></ul>"
                + "<p>See <a href=\"https://example.com/x\">our site</a>.</p>", " ", Map.of("firstName", "Ada & Co"));
        assertEquals("Offer\n\nDear Ada & Co,\n\n- one\n- two\n\nSee our site (https://example.com/x).", mail.text());
    }

    @Test
    void withoutARecordItsFieldsTakeTheirFallbacks() {
        RenderedMail mail = engine.render("Hi $[Contacts.First Name|there]", "", "", Optional.empty(), MergeEngine.Linked.NONE,
                SENDER, US);
        assertEquals("Hi there", mail.subject());
    }

    @Test
    void recordValuesAreNeverReadAsMergeFields() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("firstName", "$[User.E-mail]");
        values.put("lastName", "$1 \\ $[x]");
        RenderedMail mail = render("$[Contacts.First Name] $[Contacts.Last Name]", "", "", values);
        assertEquals("$[User.E-mail] $1 \\ $[x]", mail.subject());
        assertEquals(List.of(), mail.unknownFields());
    }
}
