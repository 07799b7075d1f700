package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.Quotes;

/**
 * Boots the real distribution with the Quotes module and proves its rules hold in the service whoever calls: a quote
 * made from an opportunity carries its subject, company, primary contact and product lines, with totals on the record
 * equal to the lines' (worked out by hand); Send freezes it (lines and fields refused with the message) and keeps its
 * PDF, whose text names the number, a product with accents and the total; Revise makes revision 2 with the same
 * lines, linked both ways; Accept sets the opportunity's amount; a user without rights is refused; the REST API does
 * the same; the module goes and comes back with its quotes. Names carry the run's id: the PostgreSQL ITs of one run
 * share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class QuotesModuleIT {
    private static final String FEATURE = "crm-quotes";
    private static final String BUNDLE = "org.tesseracrm.quotes";
    private static final String QUOTE = QuoteFields.RECORD_TYPE;
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final String FROZEN = "This quote was sent: make a revision to change it";
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private CallerContext callers;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    @Before
    public void theModuleIsInstalled() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        Records records = PaxExamSupport.waitFor(context, Records.class);
        for (String type : List.of(QUOTE, "opportunity", "product", "contact", "company")) {
            assertTrue("the record type " + type, eventually(() -> PaxExamSupport.typeReady(callers, records, type)));
        }
    }

    @Test
    public void t1_aQuoteFromAnOpportunityCarriesItsProductsContactsAndTotals() throws Exception {
        Quotes quotes = PaxExamSupport.waitFor(context, Quotes.class);
        LineItems lines = PaxExamSupport.waitFor(context, LineItems.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        assertTrue("the quotes view", eventually(() -> PaxExamSupport.viewReference(context, "quotes") != null));
        Deal deal = deal("T1");
        RecordRow quote = admin(() -> quotes.fromOpportunity(deal.opportunity()));

        assertTrue(quote.text(QuoteFields.NUMBER), quote.text(QuoteFields.NUMBER).matches("Q-\\d{4}-\\d{5,}"));
        assertMoney("1", quote.decimal(QuoteFields.REVISION).orElseThrow());
        assertEquals(QuoteFields.DRAFT, quote.text(QuoteFields.STATUS));
        assertEquals("Deal T1 " + RUN, quote.text(QuoteFields.SUBJECT));
        assertEquals(deal.company(), quote.lookup(QuoteFields.COMPANY).orElseThrow());
        assertEquals("the contact whose role is primary", deal.primary(), quote.lookup(QuoteFields.CONTACT).orElseThrow());
        assertEquals("zoe." + RUN + "@example.com", quote.text(QuoteFields.EMAIL));
        assertEquals(deal.opportunity(), quote.lookup(QuoteFields.OPPORTUNITY).orElseThrow());
        assertEquals("EUR", quote.text(QuoteFields.CURRENCY));
        List<LineItem> copied = admin(() -> lines.lines(QUOTE, quote.id()));
        assertEquals(List.of(deal.cafe(), deal.support()), copied.stream().map(LineItem::productId).toList());
        assertEquals("Café crème " + RUN, copied.get(0).productName());
        assertMoney("10", copied.get(0).quantity());
        // 10 x 19.99 = 199.90; 5 % = 9.995 -> 10.00; net 189.90; 21 % = 39.879 -> 39.88; total 229.78
        // 1 x 100.00, no discount, 21 % = 21.00; total 121.00. Quote: 299.90, 10.00, 60.88, 350.78
        assertTotals(quote, "299.90", "10.00", "60.88", "350.78");
        DocumentTotals totals = admin(() -> lines.totals(QUOTE, quote.id()));
        assertMoney(totals.overall().total().toPlainString(), quote.decimal(QuoteFields.TOTAL).orElseThrow());
        assertMoney(totals.overall().amount().toPlainString(), quote.decimal(QuoteFields.SUBTOTAL).orElseThrow());
        // Lines saved through the service keep the totals on the record: 3 cafés = 59.97, 21 % = 12.59 -> 72.56
        RecordRow changed = admin(() -> quotes.saveLines(quote.id(), List.of(new LineInput(Optional.of(copied.get(0).id()),
                deal.cafe(), "Café crème", new BigDecimal("19.99"), new BigDecimal("3"), BigDecimal.ZERO,
                new BigDecimal("21")))));
        assertTotals(changed, "59.97", "0.00", "12.59", "72.56");
        // ... and so do lines saved straight through the line items (the guard brings the totals up to date after commit)
        admin(() -> lines.replace(QUOTE, quote.id(), "EUR", List.of(new LineInput(Optional.empty(), deal.support(),
                "Support", new BigDecimal("100.00"), new BigDecimal("2"), BigDecimal.ZERO, new BigDecimal("21")))));
        assertTotals(admin(() -> records.get(QUOTE, quote.id())).orElseThrow(), "200.00", "0.00", "42.00", "242.00");
        // The totals and the number are the module's: a plain edit is refused on them
        RecordRow current = admin(() -> records.get(QUOTE, quote.id())).orElseThrow();
        ValidationException own = assertThrows(ValidationException.class, () -> admin(() -> records.update(QUOTE,
                current.id(), current.version(), RecordValues.builder().set(QuoteFields.TOTAL, BigDecimal.ONE).build())));
        assertEquals(List.of(QuoteFields.TOTAL), own.errors().stream().map(FieldError::field).toList());
        // Numbers follow each other and a new quote made directly is a draft with the next one
        RecordRow plain = admin(() -> records.create(QUOTE, RecordValues.builder().set(QuoteFields.SUBJECT, "Plain " + RUN)
                .set(QuoteFields.STATUS, QuoteFields.SENT).build()));
        assertEquals(QuoteFields.DRAFT, plain.text(QuoteFields.STATUS));
        assertTrue(plain.text(QuoteFields.NUMBER).compareTo(quote.text(QuoteFields.NUMBER)) > 0);
    }

    @Test
    public void t2_sendFreezesAndReviseMakesRevisionTwoWithTheSameLines() throws Exception {
        Quotes quotes = PaxExamSupport.waitFor(context, Quotes.class);
        LineItems lines = PaxExamSupport.waitFor(context, LineItems.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        Attachments attachments = PaxExamSupport.waitFor(context, Attachments.class);
        long opportunity = deal("T2").opportunity();
        RecordRow draft = admin(() -> quotes.fromOpportunity(opportunity));
        RecordRow sent = admin(() -> quotes.send(draft.id()));
        assertEquals(QuoteFields.SENT, sent.text(QuoteFields.STATUS));
        List<Attachment> files = admin(() -> attachments.list(QUOTE, draft.id()));
        assertEquals("the PDF is kept with the sent quote", 1, files.size());
        assertTrue(files.get(0).fileName(), files.get(0).fileName().endsWith(".pdf"));
        byte[] kept = admin(() -> attachments.content(QUOTE, files.get(0).id()));
        assertPdfNames(kept, sent.text(QuoteFields.NUMBER), "350");

        // Frozen: lines refused by the guard, fields by the lifecycle, both with the message
        List<LineItem> before = admin(() -> lines.lines(QUOTE, sent.id()));
        ConflictException linesRefused = assertThrows(ConflictException.class, () -> admin(() -> lines.replace(QUOTE,
                sent.id(), "EUR", List.of())));
        assertEquals(FROZEN, linesRefused.getMessage());
        ConflictException saveRefused = assertThrows(ConflictException.class, () -> admin(() -> quotes.saveLines(sent.id(),
                List.of())));
        assertEquals(FROZEN, saveRefused.getMessage());
        ValidationException fieldRefused = assertThrows(ValidationException.class, () -> admin(() -> records.update(QUOTE,
                sent.id(), sent.version(), RecordValues.builder().set(QuoteFields.SUBJECT, "Changed").build())));
        assertEquals(FROZEN, fieldRefused.errors().get(0).message());
        assertEquals(before.size(), admin(() -> lines.lines(QUOTE, sent.id())).size());
        assertThrows(ConflictException.class, () -> admin(() -> quotes.send(sent.id())));

        RecordRow second = admin(() -> quotes.revise(sent.id()));
        assertEquals(sent.text(QuoteFields.NUMBER), second.text(QuoteFields.NUMBER));
        assertMoney("2", second.decimal(QuoteFields.REVISION).orElseThrow());
        assertEquals(QuoteFields.DRAFT, second.text(QuoteFields.STATUS));
        assertEquals(sent.id(), second.lookup(QuoteFields.PREVIOUS_REVISION).orElseThrow());
        RecordRow first = admin(() -> records.get(QUOTE, sent.id())).orElseThrow();
        assertEquals("the old revision links to the new one", second.id(), first.lookup(QuoteFields.NEXT_REVISION)
                .orElseThrow());
        assertEquals("the old revision stays sent", QuoteFields.SENT, first.text(QuoteFields.STATUS));
        List<LineItem> copied = admin(() -> lines.lines(QUOTE, second.id()));
        assertEquals(before.stream().map(l -> l.productId() + " x " + l.quantity().stripTrailingZeros()).toList(),
                copied.stream().map(l -> l.productId() + " x " + l.quantity().stripTrailingZeros()).toList());
        assertTotals(second, "299.90", "10.00", "60.88", "350.78");
        assertEquals(List.of(sent.id(), second.id()), admin(() -> quotes.revisions(second.id())).stream()
                .map(RecordRow::id).toList());
        // Only the latest revision is revised; the new draft changes freely
        assertThrows(ConflictException.class, () -> admin(() -> quotes.revise(sent.id())));
        RecordRow renamed = admin(() -> records.update(QUOTE, second.id(), second.version(), RecordValues.builder()
                .set(QuoteFields.SUBJECT, "Revised " + RUN).build()));
        assertEquals("Revised " + RUN, renamed.text(QuoteFields.SUBJECT));
    }

    @Test
    public void t3_acceptUpdatesTheOpportunityAmountAndRejectEnds() throws Exception {
        Quotes quotes = PaxExamSupport.waitFor(context, Quotes.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        Deal deal = deal("T3");
        RecordRow quote = admin(() -> quotes.fromOpportunity(deal.opportunity()));
        assertThrows("a draft is not accepted", ConflictException.class, () -> admin(() -> quotes.accept(quote.id(), true)));
        admin(() -> quotes.send(quote.id()));
        RecordRow accepted = admin(() -> quotes.accept(quote.id(), true));
        assertEquals(QuoteFields.ACCEPTED, accepted.text(QuoteFields.STATUS));
        RecordRow opportunity = admin(() -> records.get("opportunity", deal.opportunity())).orElseThrow();
        assertMoney("350.78", opportunity.decimal("amount").orElseThrow());
        // an accepted quote moves no more; another one sent is rejected by a plain status edit too
        assertThrows(ValidationException.class, () -> admin(() -> records.update(QUOTE, accepted.id(),
                accepted.version(), RecordValues.builder().set(QuoteFields.STATUS, QuoteFields.REJECTED).build())));
        RecordRow other = admin(() -> quotes.fromOpportunity(deal.opportunity()));
        RecordRow otherSent = admin(() -> quotes.send(other.id()));
        RecordRow rejected = admin(() -> records.update(QUOTE, other.id(), otherSent.version(), RecordValues.builder()
                .set(QuoteFields.STATUS, QuoteFields.REJECTED).build()));
        assertEquals(QuoteFields.REJECTED, rejected.text(QuoteFields.STATUS));
        // Expiry: a quote sent with a valid-until day in the past is Expired by the next look (the hourly timer's);
        // one valid today is not; an expired quote may still be accepted
        RecordRow late = admin(() -> quotes.fromOpportunity(deal.opportunity()));
        RecordRow current = admin(() -> quotes.fromOpportunity(deal.opportunity()));
        admin(() -> records.update(QUOTE, late.id(), late.version(), RecordValues.builder()
                .set(QuoteFields.VALID_UNTIL, java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)).build()));
        admin(() -> records.update(QUOTE, current.id(), current.version(), RecordValues.builder()
                .set(QuoteFields.VALID_UNTIL, java.time.LocalDate.now(java.time.ZoneOffset.UTC)).build()));
        admin(() -> quotes.send(late.id()));
        admin(() -> quotes.send(current.id()));
        assertTrue(admin(quotes::expire) >= 1);
        assertEquals(QuoteFields.EXPIRED, admin(() -> records.get(QUOTE, late.id())).orElseThrow().text(QuoteFields.STATUS));
        assertEquals(QuoteFields.SENT, admin(() -> records.get(QUOTE, current.id())).orElseThrow().text(QuoteFields.STATUS));
        assertEquals(QuoteFields.ACCEPTED, admin(() -> quotes.accept(late.id(), false)).text(QuoteFields.STATUS));
    }

    @Test
    public void t4_aUserWithoutRightsIsRefused() throws Exception {
        Quotes quotes = PaxExamSupport.waitFor(context, Quotes.class);
        Deal deal = deal("T4");
        RecordRow quote = admin(() -> quotes.fromOpportunity(deal.opportunity()));
        users();
        Caller outsider = new Caller("noquote" + RUN);
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider,
                () -> quotes.fromOpportunity(deal.opportunity())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider, () -> quotes.send(quote.id())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider, () -> quotes.pdf(quote.id())));
        Caller reader = new Caller("quotereader" + RUN);
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(reader, () -> quotes.send(quote.id())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(reader, () -> quotes.revise(quote.id())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(reader, () -> quotes.saveLines(quote.id(),
                List.of())));
        Records records = PaxExamSupport.waitFor(context, Records.class);
        assertEquals(QuoteFields.DRAFT, admin(() -> records.get(QUOTE, quote.id())).orElseThrow()
                .text(QuoteFields.STATUS));
    }

    @Test
    public void t5_theRestApiMakesSendsRevisesAndPrintsQuotes() throws Exception {
        Deal deal = deal("T5");
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String secret = admin(() -> tokens.create("admin", new ApiTokenRequest("quotes " + RUN, ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        HttpResponse<String> made = send(secret, "POST", "/api/v1/quotes/from-opportunity/" + deal.opportunity(), null);
        assertEquals(made.body(), 201, made.statusCode());
        long id = Long.parseLong(made.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertTrue(made.body(), made.body().contains("\"total\":350.78"));
        HttpResponse<String> linesView = send(secret, "GET", "/api/v1/records/quote/" + id + "/lines", null);
        assertEquals(linesView.body(), 200, linesView.statusCode());
        assertTrue(linesView.body(), linesView.body().contains("Café crème " + RUN));
        HttpResponse<String> sent = send(secret, "POST", "/api/v1/quotes/" + id + "/send", null);
        assertEquals(sent.body(), 200, sent.statusCode());
        assertTrue(sent.body(), sent.body().contains("\"status\":\"Sent\""));
        HttpResponse<String> frozen = send(secret, "PUT", "/api/v1/records/quote/" + id + "/lines",
                "{\"currency\":\"EUR\",\"lines\":[]}");
        assertEquals(frozen.body(), 409, frozen.statusCode());
        assertTrue(frozen.body(), frozen.body().contains(FROZEN));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(request(secret, "/api/v1/quotes/" + id + "/pdf")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String number = sent.body().replaceAll(".*\"number\":\"([^\"]+)\".*", "$1");
        assertPdfNames(pdf.body(), number, "350");
        HttpResponse<String> revised = send(secret, "POST", "/api/v1/quotes/" + id + "/revise", null);
        assertEquals(revised.body(), 201, revised.statusCode());
        assertTrue(revised.body(), revised.body().matches("(?s).*\"revision\":2[,}.].*") && revised.body().contains("\"number\":\""
                + number + "\""));
        // lines saved through the products module's endpoint: the quote keeps its totals: 2 x 100 + 21 % = 242.00
        long revisedId = Long.parseLong(revised.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        HttpResponse<String> put = send(secret, "PUT", "/api/v1/records/quote/" + revisedId + "/lines",
                "{\"currency\":\"EUR\",\"lines\":[{\"productId\":" + deal.support() + ",\"description\":\"Support\","
                + "\"unitPrice\":100.00,\"quantity\":2,\"discountPercent\":0,\"taxPercent\":21}]}");
        assertEquals(put.body(), 200, put.statusCode());
        HttpResponse<String> kept = send(secret, "GET", "/api/v1/records/quote/" + revisedId, null);
        assertTrue(kept.body(), kept.body().contains("\"total\":242.00") && kept.body().contains("\"tax\":42.00"));
        HttpResponse<String> accepted = send(secret, "POST", "/api/v1/quotes/" + revisedId + "/accept",
                "{\"updateOpportunityAmount\":true}");
        assertEquals("a draft is not accepted: " + accepted.body(), 409, accepted.statusCode());
    }

    @Test
    public void t6_theModuleGoesAndComesBackWithItsQuotes() throws Exception {
        Quotes quotes = PaxExamSupport.waitFor(context, Quotes.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        long opportunity = deal("T6").opportunity();
        RecordRow kept = admin(() -> quotes.fromOpportunity(opportunity));

        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0
                && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertTrue("no quotes view", eventually(() -> PaxExamSupport.viewReference(context, "quotes") == null));
        assertThrows(CrmException.class, () -> admin(() -> records.get(QUOTE, kept.id())));

        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the view is back", eventually(() -> PaxExamSupport.viewReference(context, "quotes") != null));
        assertTrue("the record type is back", eventually(() -> PaxExamSupport.typeReady(callers, records, QUOTE)));
        RecordRow back = admin(() -> records.get(QUOTE, kept.id())).orElseThrow();
        assertEquals(kept.text(QuoteFields.NUMBER), back.text(QuoteFields.NUMBER));
        assertTotals(back, "299.90", "10.00", "60.88", "350.78");
        // the numbering goes on after the reinstall
        RecordRow next = admin(() -> records.create(QUOTE, RecordValues.builder().set(QuoteFields.SUBJECT,
                "After " + RUN).build()));
        assertTrue(next.text(QuoteFields.NUMBER).compareTo(kept.text(QuoteFields.NUMBER)) > 0);
        assertTrue("the new service answers", PaxExamSupport.newService(context, Quotes.class.getName()) != null);
    }

    /**
     * An opportunity of a company with two contacts (the second's role is "Primary contact") and two product lines:
     * 10 x "Café crème" at 19.99 with 5 % discount and 21 % tax, 1 x "Support" at 100.00 with 21 % tax.
     */
    private Deal deal(String name) throws InterruptedException {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        LineItems lines = PaxExamSupport.waitFor(context, LineItems.class);
        OpportunityPhases phases = PaxExamSupport.waitFor(context, OpportunityPhases.class);
        return admin(() -> {
            long company = records.create("company", RecordValues.builder().set("name", "Ñandú " + name + " " + RUN)
                    .build()).id();
            long other = records.create("contact", RecordValues.builder().set("firstName", "Ada")
                    .set("lastName", "Other " + name + RUN).set("company", company).build()).id();
            long primary = records.create("contact", RecordValues.builder().set("firstName", "Zoë")
                    .set("lastName", "Primaria " + name + RUN).set("email", "zoe." + RUN + "@example.com")
                    .set("company", company).build()).id();
            long cafe = records.create("product", RecordValues.builder().set("name", "Café crème " + RUN)
                    .set("code", "CAFE-" + name + RUN).set("costType", "One time").set("taxRate", new BigDecimal("21"))
                    .set("unitPrice", new BigDecimal("19.99")).build()).id();
            long support = records.create("product", RecordValues.builder().set("name", "Support " + RUN)
                    .set("code", "SUP-" + name + RUN).set("costType", "Monthly").set("taxRate", new BigDecimal("21"))
                    .set("unitPrice", new BigDecimal("100.00")).build()).id();
            long opportunity = records.create("opportunity", RecordValues.builder().set("name", "Deal " + name + " " + RUN)
                    .set("company", company).set("currency", "EUR").build()).id();
            phases.putContact(opportunity, other, "Technical");
            phases.putContact(opportunity, primary, "Primary contact");
            lines.replace("opportunity", opportunity, "EUR", List.of(
                    new LineInput(Optional.empty(), cafe, "Café crème", new BigDecimal("19.99"), BigDecimal.TEN,
                            new BigDecimal("5"), new BigDecimal("21")),
                    new LineInput(Optional.empty(), support, "Support", new BigDecimal("100.00"), BigDecimal.ONE,
                            BigDecimal.ZERO, new BigDecimal("21"))));
            return new Deal(opportunity, company, primary, cafe, support);
        });
    }

    /** What {@link #deal} made. */
    private record Deal(long opportunity, long company, long primary, long cafe, long support) {
    }

    /** A reader (quotes.view only, sees their own) and an outsider (contacts only), created once per run. */
    private void users() throws InterruptedException {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String reader = "quotereader" + RUN;
        if (admin(() -> security.users()).stream().noneMatch(u -> u.username().equals(reader))) {
            admin(() -> {
                ProfileInfo viewing = security.saveProfile(new ProfileInfo(null, "Quote readers " + RUN, false,
                        Set.of("quotes.view", "opportunities.view")));
                ProfileInfo other = security.saveProfile(new ProfileInfo(null, "No quotes " + RUN, false,
                        Set.of("contacts.view", "opportunities.view")));
                RoleInfo role = security.saveRole(null, "Quote readers " + RUN, null);
                security.createUser(new UserInput(reader, "Reader", "", "", role.id(), viewing.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                security.createUser(new UserInput("noquote" + RUN, "Outsider", "", "", role.id(), other.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                return null;
            });
        }
    }

    /** The PDF's text (PDFBox) names the quote number, the product with accents and the total. */
    private static void assertPdfNames(byte[] pdf, String number, String totalStart) throws IOException {
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text, text.contains(number));
            assertTrue(text, text.contains("Café crème " + RUN));
            assertTrue(text, text.contains(totalStart + ".78") || text.contains(totalStart + ",78"));
        }
    }

    private static HttpRequest.Builder request(String secret, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(String secret, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = request(secret, path);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }

    private static void assertTotals(RecordRow quote, String subtotal, String discount, String tax, String total) {
        assertMoney(subtotal, quote.decimal(QuoteFields.SUBTOTAL).orElseThrow());
        assertMoney(discount, quote.decimal(QuoteFields.DISCOUNT).orElseThrow());
        assertMoney(tax, quote.decimal(QuoteFields.TAX).orElseThrow());
        assertMoney(total, quote.decimal(QuoteFields.TOTAL).orElseThrow());
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }
}
