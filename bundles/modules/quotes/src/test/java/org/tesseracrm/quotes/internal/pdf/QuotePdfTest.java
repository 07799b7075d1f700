package org.tesseracrm.quotes.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.pdf.api.PdfRenderer;
import org.tesseracrm.pdf.api.PdfRequest;
import org.tesseracrm.pdf.api.PdfTemplates;
import org.tesseracrm.pdf.api.StoredTemplate;
import org.tesseracrm.pdf.internal.PdfRendererImpl;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.QuoteFile;

class QuotePdfTest {
    private static PdfRenderer renderer;

    @BeforeAll
    static void setUp() {
        System.setProperty("pdfbox.fontcache", Path.of("target", "pdfbox-fontcache").toAbsolutePath().toString());
        renderer = new PdfRendererImpl();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The sample quote's numbers, worked out by hand (half up to cents on each line). */
    @Test
    void theDefaultTemplatePrintsTheQuotesNumbersAndNames() throws IOException {
        QuoteDocument quote = QuotePdf.sample(Locale.US);
        byte[] pdf = renderer.render(QuotePdf.request(QuotePdf.defaultTemplate(), quote,
                new QuoteModel.Letterhead("Tessera Demo GmbH", "Hauptstraße 1\n10115 Berlin", "")));
        String text = text(pdf).replaceAll("[ \\t]*\\R", " "); // a wrapped cell reads as one line
        java.nio.file.Files.write(Path.of("target", "quote-sample.pdf"), pdf);
        // header, customer and letterhead
        for (String expected : List.of("Quote", "Q-2026-00042", "Dec 5, 2026", "Jan 4, 2027", "Zoë Łukasiewicz",
                "Ñandú Comercial S.A.", "zoe@example.com", "Tessera Demo GmbH", "Hauptstraße 1", "10115 Berlin",
                "CRM roll-out for Ñandú Comercial", "Two days on site for Δήμητρα and Иван")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
        // the column headers
        assertTrue(text.contains("Product Description Quantity List price Discount Tax Total"), text);
        // line 1: 10 x 49.90 = 499.00, 10 % = 49.90, net 449.10, 21 % = 94.311 -> 94.31, total 543.41
        assertTrue(text.contains("49.90 EUR"), text);
        assertTrue(text.contains("94.31 EUR"), text);
        assertTrue(text.contains("543.41 EUR"), text);
        // line 2: 1,800.00, tax 378.00, total 2,178.00
        assertTrue(text.contains("1,800.00 EUR"), text);
        assertTrue(text.contains("378.00 EUR"), text);
        assertTrue(text.contains("2,178.00 EUR"), text);
        // line 3: 4.5 x 95.00 = 427.50, 21 % = 89.775 -> 89.78, total 517.28
        assertTrue(text.contains("4.5"), text);
        assertTrue(text.contains("89.78 EUR"), text);
        assertTrue(text.contains("517.28 EUR"), text);
        // totals per cost type and overall: 2,726.50 - 49.90 + 562.09 = 3,238.69
        assertTrue(text.contains("Monthly 499.00 EUR 49.90 EUR 94.31 EUR 543.41 EUR"), text);
        assertTrue(text.contains("On demand 427.50 EUR 0.00 EUR 89.78 EUR 517.28 EUR"), text);
        assertTrue(text.contains("One time 1,800.00 EUR 0.00 EUR 378.00 EUR 2,178.00 EUR"), text);
        assertTrue(text.contains("Total 2,726.50 EUR 49.90 EUR 562.09 EUR 3,238.69 EUR"), text);
        assertTrue(text.contains("Terms and conditions"), text);
        assertTrue(text.contains("Payment within 30 days of the invoice."), text);
        assertTrue(text.contains("Page 1 of 1"), text);
    }

    @Test
    void numbersAndDatesFollowTheLocale() throws IOException {
        String text = text(renderer.render(QuotePdf.request(QuotePdf.defaultTemplate(), QuotePdf.sample(Locale.GERMANY),
                QuoteModel.Letterhead.NONE)));
        assertTrue(text.contains("3.238,69 EUR"), text);
        assertTrue(text.contains("05.12.2026"), text);
    }

    private static QuoteDocument longQuote(int count) {
        QuoteDocument sample = QuotePdf.sample(Locale.US);
        List<QuoteDocument.Line> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            LineAmounts a = LineAmounts.of(new BigDecimal("10.00"), BigDecimal.ONE, BigDecimal.ZERO,
                    BigDecimal.ZERO, "EUR");
            lines.add(new QuoteDocument.Line(i, "P" + i, "Product " + i, "", ProductFields.ONE_TIME, BigDecimal.ONE,
                    new BigDecimal("10.00"), BigDecimal.ZERO, BigDecimal.ZERO, a.amount(), a.discount(), a.net(),
                    a.tax(), a.total()));
        }
        BigDecimal total = new BigDecimal("10.00").multiply(BigDecimal.valueOf(count));
        LineAmounts sum = new LineAmounts("EUR", total, new BigDecimal("0.00"), total, new BigDecimal("0.00"), total);
        return new QuoteDocument(sample.number(), 1, sample.date(), Optional.empty(), "Big order",
                QuoteFields.DRAFT, "", "", "", "", "EUR", Locale.US, lines,
                List.of(QuoteDocument.Totals.of(ProductFields.ONE_TIME, sum)), QuoteDocument.Totals.of("", sum), "",
                "", "");
    }

    /** Issue 20 item 7: a quote of 500 lines renders, with its totals (its time is measured in benchmarks/, Quoting). */
    @Test
    void aQuoteOf500LinesRendersWithItsTotals() throws IOException {
        QuoteDocument quote = longQuote(500);
        byte[] pdf = renderer.render(QuotePdf.request(QuotePdf.defaultTemplate(), quote, QuoteModel.Letterhead.NONE));
        assertTrue(text(pdf).contains("Total 5,000.00 EUR 0.00 EUR 0.00 EUR 5,000.00 EUR"));
    }

    @Test
    void aLongQuoteRepeatsTheColumnHeadersOnEveryPage() throws IOException {
        QuoteDocument quote = longQuote(200);
        byte[] pdf = renderer.render(QuotePdf.request(QuotePdf.defaultTemplate(), quote, QuoteModel.Letterhead.NONE));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 3, "200 lines on " + pages + " pages");
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(document);
                assertTrue(text.contains("Product Description Quantity List price Discount Tax Total"),
                        "headers on page " + p);
                assertTrue(text.contains("Page " + p + " of " + pages), "page number on page " + p);
            }
            String all = new PDFTextStripper().getText(document);
            assertTrue(all.contains("Product 200"), all);
            assertTrue(all.contains("Total 2,000.00 EUR 0.00 EUR 0.00 EUR 2,000.00 EUR"), all);
        }
    }

    @Test
    void aQuoteRowBecomesTheDocument() {
        LineItem monthly = new LineItem(7, 1, 70, "CRM-PRO", "Tessera Pro", "Per user", ProductFields.MONTHLY,
                new BigDecimal("49.90"), new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("21"),
                LineAmounts.of(new BigDecimal("49.90"), new BigDecimal("10"), new BigDecimal("10"),
                        new BigDecimal("21"), "EUR"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(QuoteFields.NUMBER, "Q-2026-00007");
        values.put(QuoteFields.REVISION, new BigDecimal("3"));
        values.put(QuoteFields.SUBJECT, "Licences");
        values.put(QuoteFields.STATUS, QuoteFields.SENT);
        values.put(QuoteFields.VALID_UNTIL, LocalDate.of(2027, 1, 31));
        values.put(QuoteFields.CURRENCY, "EUR");
        values.put(QuoteFields.EMAIL, "ivan@example.com");
        values.put(QuoteFields.TERMS, "30 days net");
        values.put(QuoteFields.CONTACT, 12L);
        RecordRow row = new RecordRow(5, 2, values);
        QuoteDocument d = QuotePdf.document(row, List.of(monthly), DocumentTotals.ofLines("EUR", List.of(monthly)),
                new QuotePdf.Names("Иван Петров", ""), Locale.US, LocalDate.of(2026, 12, 5));
        assertEquals("Q-2026-00007", d.number());
        assertEquals(3, d.revision());
        assertEquals(Optional.of(LocalDate.of(2027, 1, 31)), d.validUntil());
        assertEquals("Иван Петров", d.contactName());
        assertEquals(1, d.totalsByCostType().size(), "only the cost types the lines have");
        assertEquals(ProductFields.MONTHLY, d.totalsByCostType().get(0).costType());
        assertEquals(new BigDecimal("543.41"), d.overall().total());
        assertEquals(new BigDecimal("94.31"), d.lines().get(0).tax());
        assertEquals("Q-2026-00007-3.pdf", QuotePdf.fileName(d));
    }

    @Test
    void theStoredTemplateIsCheckedOnSaveAndUsedForQuotes() throws IOException {
        FakeTemplates templates = new FakeTemplates();
        QuotePdf pdf = new QuotePdf(renderer, templates, fake(Records.class), settings(), access());

        String broken = QuotePdf.defaultTemplate().replace("${quote.subject}", "${quote.subjekt}");
        ValidationException e = assertThrows(ValidationException.class, () -> pdf.save(broken));
        String message = e.errors().get(0).message();
        int line = lineOf(broken, "${quote.subjekt}");
        assertTrue(message.startsWith("Line " + line + ", column "), message);
        assertTrue(message.contains("quote.subjekt"), message);
        assertFalse(pdf.customised(), "a broken template is not saved");
        assertThrows(ValidationException.class, () -> pdf.preview(broken));

        String own = QuotePdf.defaultTemplate().replace("<h1>Quote</h1>", "<h1>Angebot</h1>");
        assertTrue(text(pdf.preview(own)).contains("Angebot"));
        pdf.save(own);
        assertTrue(pdf.customised());
        assertEquals(own, pdf.template());
        assertTrue(text(pdf.render(QuotePdf.sample(Locale.US))).contains("Angebot"));

        pdf.saveLetterhead("  Łódź Software sp. z o.o. ", "ul. Piotrkowska 1", "data:image/png;base64,"
                + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        String text = text(pdf.render(QuotePdf.sample(Locale.US)));
        assertTrue(text.contains("Łódź Software sp. z o.o."), text);
        assertThrows(ValidationException.class, () -> pdf.saveLetterhead("x", "", "file:///etc/passwd"));

        // a stored template that stopped working gives quote users a message, not a stack trace
        templates.texts.put(QuotePdf.TEMPLATE, "<html><body>${nothing}</body></html>");
        CrmException failure = assertThrows(CrmException.class, () -> pdf.render(QuotePdf.sample(Locale.US)));
        assertTrue(failure.getMessage().startsWith("The quote template does not work with this quote (Line 1"),
                failure.getMessage());

        pdf.reset();
        assertFalse(pdf.customised());
        assertEquals(QuotePdf.defaultTemplate(), pdf.template());
    }

    @Test
    void aQuoteFileIsAPdfNamedByNumberAndRevision() throws IOException {
        QuotePdf pdf = new QuotePdf(renderer, new FakeTemplates(), fake(Records.class), settings(), access());
        LineItem item = new LineItem(1, 1, 1, "X", "Ñandú feathers", "", ProductFields.ONE_TIME,
                new BigDecimal("3.00"), new BigDecimal("2"), BigDecimal.ZERO, BigDecimal.ZERO,
                LineAmounts.of(new BigDecimal("3.00"), new BigDecimal("2"), BigDecimal.ZERO, BigDecimal.ZERO, "EUR"));
        RecordRow row = new RecordRow(1, 1, Map.of(QuoteFields.NUMBER, "Q-2026-00001", QuoteFields.REVISION, 1L,
                QuoteFields.CURRENCY, "EUR", QuoteFields.SUBJECT, "Feathers"));
        QuoteFile file = pdf.render(row, List.of(item), DocumentTotals.ofLines("EUR", List.of(item)));
        assertEquals("Q-2026-00001-1.pdf", file.fileName());
        assertEquals("application/pdf", file.contentType());
        String text = text(file.content());
        assertTrue(text.contains("Ñandú feathers"), text);
        assertTrue(text.contains("6.00 EUR"), text);
    }

    private static int lineOf(String text, String what) {
        String before = text.substring(0, text.indexOf(what));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    /** The template store in memory, checking like the real one. */
    private static final class FakeTemplates implements PdfTemplates {
        final Map<String, String> texts = new HashMap<>();

        @Override
        public Optional<StoredTemplate> find(String name, String permission) {
            return Optional.ofNullable(texts.get(name)).map(t -> new StoredTemplate(name, t, "admin", Instant.now()));
        }

        @Override
        public StoredTemplate save(PdfRequest sample, String permission) {
            renderer.check(sample);
            texts.put(sample.name(), sample.template());
            return find(sample.name(), permission).orElseThrow();
        }

        @Override
        public StoredTemplate saveText(String name, String text, String permission) {
            texts.put(name, text);
            return find(name, permission).orElseThrow();
        }

        @Override
        public void reset(String name, String permission) {
            texts.remove(name);
        }
    }

    private static UserSettings settings() {
        return (UserSettings) Proxy.newProxyInstance(QuotePdfTest.class.getClassLoader(),
                new Class<?>[] {UserSettings.class}, (p, m, a) -> {
                    if (m.getName().equals("regional")) {
                        return RegionalSettings.DEFAULT;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static AccessControl access() {
        return (AccessControl) Proxy.newProxyInstance(QuotePdfTest.class.getClassLoader(),
                new Class<?>[] {AccessControl.class}, (p, m, a) -> switch (m.getName()) {
                    case "require" -> new Caller("admin");
                    case "permitted" -> true;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type) {
        return (T) Proxy.newProxyInstance(QuotePdfTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
