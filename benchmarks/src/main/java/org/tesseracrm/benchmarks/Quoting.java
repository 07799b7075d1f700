package org.tesseracrm.benchmarks;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.tesseracrm.benchmarks.ListBenchmark.Timing;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.CustomFieldsImpl;
import org.tesseracrm.kernel.records.internal.FieldCatalog;
import org.tesseracrm.kernel.records.internal.Lifecycle;
import org.tesseracrm.kernel.records.internal.PickListSeeds;
import org.tesseracrm.kernel.records.internal.RecordTypeRegistry;
import org.tesseracrm.kernel.records.internal.RecordsImpl;
import org.tesseracrm.pdf.internal.PdfRendererImpl;
import org.tesseracrm.pdf.internal.PdfTemplatesImpl;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineGuard;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.products.internal.service.LineItemsImpl;
import org.tesseracrm.products.internal.service.LinesLifecycle;
import org.tesseracrm.products.internal.service.PriceListsImpl;
import org.tesseracrm.products.internal.service.ProductLifecycle;
import org.tesseracrm.products.internal.service.ProductRecordType;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.QuoteFile;
import org.tesseracrm.quotes.internal.pdf.QuotePdf;
import org.tesseracrm.quotes.internal.service.QuoteLifecycle;
import org.tesseracrm.quotes.internal.service.QuoteLineGuard;
import org.tesseracrm.quotes.internal.service.QuoteRecordType;
import org.tesseracrm.quotes.internal.service.QuotesImpl;

/**
 * The quote benchmark (issue 20 item 7): a quote of 500 lines saved as the quote form saves it
 * ({@code Quotes.saveLines}: {@code LineItems.replace} with the product look-ups, the line rules, the batch write, the
 * quote's line guard and audit, then the quote's totals written on the record through {@code Records.update}), new and
 * over its 500 existing lines (the edit case), and its PDF as the form's Download PDF makes it ({@code Quotes.pdf}:
 * the quote, its lines and totals read, {@code QuotePdf} with the module's default template, crm-pdf's
 * {@code PdfRendererImpl} with DejaVu Sans embedded), the first one in the JVM and in steady state. The PDF is read
 * back with PDFBox: its page count, every product code in its text, and the overall total on the last page.
 *
 * <p>The product's classes are wired by hand as Declarative Services wires them: constructors, the lifecycle
 * participants through {@code Lifecycle.addLifecycle} (see {@link Pipeline#bind}), the quote's guard through
 * {@code LineItemsImpl.addGuard} and the optional renderer into {@code QuotesImpl}'s reference field, both
 * reflectively as DS does. Stand-ins: permissions (everything allowed), the audit trail (counts the entries, writes
 * none), attachments (unused: nothing is sent) and the user's regional settings ({@code RegionalSettings.DEFAULT}).
 */
final class Quoting {
    /** Lines of the measured quote. */
    static final int LINES = 500;
    /** Products the repeated-products case cycles through. */
    private static final int REPEATED = 25;
    private static final String CURRENCY = "EUR";
    private static final String CODE_PREFIX = "QB-";
    /** Untimed runs first, as {@link ListBenchmark}'s. */
    private static final int WARMUP = 3;
    /** Untimed PDFs first: the layout code needs more runs than the saves before the JIT compiled it. */
    private static final int PDF_WARMUP = 20;

    private final Connection connection;
    private final RecordsImpl records;
    private final LineItemsImpl lines;
    private final QuotesImpl quotes;
    private final AccessControl access;
    private final TransactionScope scope;
    private final AtomicInteger linesAudited = new AtomicInteger();

    private Quoting(Connection connection) {
        this.connection = connection;
        RecordTypeRegistry types = Pipeline.types();
        types.addType(new ProductRecordType(null));
        QuoteRecordType quoteType = new QuoteRecordType(null);
        types.addType(quoteType);
        FieldCatalog catalog = Platform.catalog(connection);
        new PickListSeeds(catalog, types); // the products' and quotes' declared pick-lists (cost types, statuses...)
        access = Platform.allowed(new Visibility(true, Set.of()));
        scope = Platform.sharedScope(connection);
        CallerContext callers = Pipeline.callers();
        AuditTrail audit = countingAudit(linesAudited);
        Lifecycle lifecycle = new Lifecycle(types);
        records = new RecordsImpl(types, catalog, access, audit, lifecycle);
        CustomFieldsImpl fields = new CustomFieldsImpl(types, catalog, access);
        lines = new LineItemsImpl(records, types, access, scope, fields, callers, audit, null);
        Pipeline.bind(lifecycle, new LinesLifecycle(null), RecordType.ALL);
        Pipeline.bind(lifecycle, new ProductLifecycle(fields, callers, null), ProductFields.RECORD_TYPE);
        Pipeline.bind(lifecycle, new QuoteLifecycle(callers, new PriceListsImpl(access, scope, null), lines, null),
                QuoteFields.RECORD_TYPE);
        invoke(LineItemsImpl.class, lines, "addGuard", new Class<?>[] {LineGuard.class, Map.class},
                new QuoteLineGuard(records, lines, callers, scope),
                Map.<String, Object>of(RecordType.ID, QuoteFields.RECORD_TYPE));
        quotes = new QuotesImpl(records, lines, unused(Attachments.class), access, callers, scope, quoteType);
    }

    static String times(String db, Connection connection, int runs) throws Exception {
        Quoting bench = new Quoting(connection);
        ListBenchmark.execute(connection, "DELETE FROM PRODUCT_LINE WHERE RECORD_TYPE = 'quote'",
                "DELETE FROM CRM_QUOTE"); // earlier runs' quotes
        connection.commit();
        List<RecordRow> products = bench.products();
        List<LineInput> distinct = inputs(products, LINES);
        List<LineInput> repeated = inputs(products.subList(0, REPEATED), LINES);
        long[] contact = bench.contact();
        StringBuilder table = new StringBuilder("| Quote of " + LINES + " lines | median ms | min ms | max ms | "
                + "rows |\n|---|---:|---:|---:|---:|\n");

        // a new quote's 500 lines: each run saves them on a fresh draft (made before the clock starts)
        RecordRow first = bench.quotes.saveLines(bench.newQuote(contact).id(), distinct);
        bench.checkSaved(first);
        row(table, db, "`Quotes.saveLines`: " + LINES + " new lines of " + LINES + " products on a new draft",
                timePrepared(runs, WARMUP, () -> bench.newQuote(contact).id(),
                        id -> bench.quotes.saveLines(id, distinct).id() == id ? distinct.size() : 0));
        row(table, db, "`Quotes.saveLines`: " + LINES + " new lines of " + REPEATED + " products (repeated)",
                timePrepared(runs, WARMUP, () -> bench.newQuote(contact).id(),
                        id -> bench.quotes.saveLines(id, repeated).id() == id ? repeated.size() : 0));

        // the edit case: the form saves all 500 lines again (ids kept), one quantity changed
        long quoteId = bench.newQuote(contact).id();
        bench.quotes.saveLines(quoteId, distinct);
        int[] toggle = {0};
        int audited = bench.linesAudited.get();
        Timing edit = timePrepared(runs, WARMUP, () -> edited(bench.lines.lines(QuoteFields.RECORD_TYPE, quoteId),
                toggle[0]++), input -> {
                    bench.quotes.saveLines(quoteId, input);
                    return input.size();
                });
        if (bench.linesAudited.get() - audited != runs + WARMUP) {
            throw new IllegalStateException("Expected one audit entry of the lines per save, got "
                    + (bench.linesAudited.get() - audited) + " for " + (runs + WARMUP) + " saves");
        }
        bench.checkSaved(bench.records.get(QuoteFields.RECORD_TYPE, quoteId).orElseThrow());
        row(table, db, "`Quotes.saveLines`: edit, " + LINES + " lines over the " + LINES + " saved (ids kept, one "
                + "quantity changed; reading them for the form not timed)", edit);
        row(table, db, "`LineItems.replace` alone, the same edit (the lines' PUT; the quote's guard keeps its totals)",
                timePrepared(runs, WARMUP, () -> edited(bench.lines.lines(QuoteFields.RECORD_TYPE, quoteId),
                        toggle[0]++), input -> bench.lines.replace(QuoteFields.RECORD_TYPE, quoteId, CURRENCY, input)
                                .size()));
        row(table, db, "`LineItems.lines`: reading the " + LINES + " lines (a replace reads them before and after "
                + "its write)", ListBenchmark.time(runs, WARMUP,
                        () -> bench.lines.lines(QuoteFields.RECORD_TYPE, quoteId).size()));
        bench.checkSaved(bench.records.get(QuoteFields.RECORD_TYPE, quoteId).orElseThrow());

        // the PDF of that quote: the first one in this JVM (fonts read, classes loaded), then steady state
        long start = System.nanoTime();
        bench.renderWith(new PdfRendererImpl());
        QuoteFile pdf = bench.quotes.pdf(quoteId);
        double firstMillis = (System.nanoTime() - start) / 1e6;
        int pages = bench.checkPdf(db, quoteId, pdf.content());
        row(table, db, "`Quotes.pdf`, the first in the JVM: renderer made (fonts read), classes loaded, "
                + "pages", new Timing(firstMillis, firstMillis, firstMillis, pages));
        row(table, db, "`Quotes.pdf` with a new renderer each time (fonts read again; classes warm), pages",
                ListBenchmark.time(runs, PDF_WARMUP, () -> {
                    bench.renderWith(new PdfRendererImpl());
                    return bench.pages(bench.quotes.pdf(quoteId).content());
                }));
        row(table, db, "`Quotes.pdf`, steady state (the quote, lines and totals read, the PDF made), pages",
                ListBenchmark.time(runs, PDF_WARMUP, () -> bench.pages(bench.quotes.pdf(quoteId).content())));
        return table.append('\n').toString();
    }

    /**
     * Times work after warm-up runs, each on what {@code prepare} made before its clock started (a new draft quote,
     * the lines as the form holds them).
     */
    private static <T> Timing timePrepared(int runs, int warmup, Supplier<T> prepare, ToIntFunction<T> work) {
        List<Double> millis = new ArrayList<>();
        int rows = 0;
        for (int run = 0; run < warmup + runs; run++) {
            T prepared = prepare.get();
            long start = System.nanoTime();
            rows = work.applyAsInt(prepared);
            if (run >= warmup) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return Timing.of(millis, rows);
    }

    /** The 500 benchmark products, made through {@code Records.create} (with the products' lifecycle) if missing. */
    private List<RecordRow> products() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT ID FROM CRM_PRODUCT WHERE CODE LIKE ? ORDER BY CODE")) {
            s.setString(1, CODE_PREFIX + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        connection.commit();
        if (ids.size() != LINES) {
            ListBenchmark.execute(connection, "DELETE FROM CRM_PRODUCT WHERE CODE LIKE '" + CODE_PREFIX + "%'");
            connection.commit();
            ids.clear();
            List<String> costTypes = List.of(ProductFields.MONTHLY, ProductFields.ONE_TIME, ProductFields.ON_DEMAND);
            for (int i = 1; i <= LINES; i++) {
                ids.add(records.create(ProductFields.RECORD_TYPE, RecordValues.builder()
                        .set(ProductFields.NAME, "Bench product " + i
                                + (i % 7 == 0 ? " Ñandú – Δήμητρα" : ""))
                        .set(ProductFields.CODE, String.format("%s%04d", CODE_PREFIX, i))
                        .set(ProductFields.ACTIVE, true)
                        .set(ProductFields.COST_TYPE, costTypes.get(i % 3))
                        .set(ProductFields.UNIT_PRICE, new BigDecimal("9.90").add(new BigDecimal("0.37")
                                .multiply(BigDecimal.valueOf(i))))
                        .set(ProductFields.CURRENCY, CURRENCY)
                        .set(ProductFields.TAX_RATE, i % 5 == 0 ? new BigDecimal("10") : new BigDecimal("21"))
                        .set(ProductFields.DESCRIPTION, "Licence, set-up or service " + i + " for the sales team")
                        .build()).id());
            }
        }
        return ids.stream().map(id -> records.get(ProductFields.RECORD_TYPE, id).orElseThrow()).toList();
    }

    /** @return new lines of these products (cycled), as the editor gives them: price, quantity, discount, tax */
    private static List<LineInput> inputs(List<RecordRow> products, int count) {
        List<LineInput> input = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordRow p = products.get(i % products.size());
            input.add(new LineInput(Optional.empty(), p.id(), p.text(ProductFields.DESCRIPTION),
                    p.decimal(ProductFields.UNIT_PRICE).orElseThrow(), BigDecimal.valueOf(1 + i % 12),
                    i % 4 == 0 ? new BigDecimal("5") : i % 9 == 0 ? new BigDecimal("12.5") : BigDecimal.ZERO,
                    p.decimal(ProductFields.TAX_RATE).orElseThrow()));
        }
        return input;
    }

    /** @return the saved lines as the editor gives them back (ids kept), the middle line's quantity 3 or 4 */
    private static List<LineInput> edited(List<LineItem> saved, int run) {
        List<LineInput> input = new ArrayList<>(saved.stream().map(LineItem::toInput).toList());
        LineInput middle = input.get(LINES / 2);
        input.set(LINES / 2, new LineInput(middle.id(), middle.productId(), middle.description(), middle.unitPrice(),
                BigDecimal.valueOf(3 + run % 2), middle.discountPercent(), middle.taxPercent()));
        return input;
    }

    /** @return a contact (the first) and its company */
    private long[] contact() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT ID, COMPANY_ID FROM CRM_CONTACT WHERE ID = 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } finally {
            connection.commit();
        }
    }

    private RecordRow newQuote(long[] contact) {
        return records.create(QuoteFields.RECORD_TYPE, RecordValues.builder()
                .set(QuoteFields.SUBJECT, "CRM roll-out for Ñandú Comercial (" + LINES + " lines)")
                .set(QuoteFields.CONTACT, contact[0])
                .set(QuoteFields.COMPANY, contact[1])
                .set(QuoteFields.EMAIL, "buyer@example.com")
                .set(QuoteFields.CURRENCY, CURRENCY)
                .set(QuoteFields.VALID_UNTIL, LocalDate.of(2027, 1, 31))
                .set(QuoteFields.TERMS, "Prices in euros. Payment within 30 days of the invoice.")
                .build());
    }

    /** Checks the quote is numbered and holds its 500 lines' overall total. */
    private void checkSaved(RecordRow quote) {
        DocumentTotals totals = lines.totals(QuoteFields.RECORD_TYPE, quote.id());
        BigDecimal total = quote.decimal(QuoteFields.TOTAL).orElseThrow(() -> new IllegalStateException(
                "The quote has no total after its lines were saved"));
        if (totals.lines() != LINES || total.compareTo(totals.overall().total()) != 0
                || quote.text(QuoteFields.NUMBER).isEmpty()) {
            throw new IllegalStateException("Quote " + quote.text(QuoteFields.NUMBER) + ": " + totals.lines()
                    + " lines, total " + totals.overall().total() + ", on the record " + total);
        }
    }

    /** Reads the PDF back: page count, every product code, the overall total and "Page n of n" on the last page. */
    private int checkPdf(String db, long quoteId, byte[] pdf) throws IOException {
        DocumentTotals totals = lines.totals(QuoteFields.RECORD_TYPE, quoteId);
        NumberFormat format = NumberFormat.getNumberInstance(RegionalSettings.DEFAULT.locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        String total = format.format(totals.overall().total()) + " " + CURRENCY;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            String all = stripper.getText(document);
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            String last = stripper.getText(document);
            List<String> missing = lines.lines(QuoteFields.RECORD_TYPE, quoteId).stream().map(LineItem::productCode)
                    .filter(code -> !all.contains(code)).toList();
            if (pages < 2 || !last.contains(total) || !last.contains("Page " + pages + " of " + pages)
                    || !missing.isEmpty() || !all.contains("Ñandú")) {
                throw new IllegalStateException("The quote's PDF (" + pdf.length + " bytes, " + pages + " pages) lacks"
                        + " the overall total " + total + " or the page numbers on its last page, or " + missing.size()
                        + " product codes; last page:\n" + last);
            }
            java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("tessera.bench.dir", "target"),
                    "quote-" + LINES + "-lines-" + db + ".pdf");
            java.nio.file.Files.write(file, pdf);
            System.out.printf("%s: quote PDF of %,d bytes, %d pages, last page holds the total %s; written to %s%n", db,
                    pdf.length, pages, total, file);
            return pages;
        }
    }

    private int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new IllegalStateException("Not a PDF", e);
        }
    }

    /** Gives the quotes service a QuotePdf over this renderer, as DS sets its optional renderer reference field. */
    private void renderWith(PdfRendererImpl renderer) {
        PdfTemplatesImpl templates = new PdfTemplatesImpl(access, scope, renderer, null);
        QuotePdf pdf = new QuotePdf(renderer, templates, records, regional(), access);
        try {
            Field field = QuotesImpl.class.getDeclaredField("renderer");
            field.setAccessible(true);
            field.set(quotes, pdf);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("QuotesImpl no longer has its QuoteRenderer reference field 'renderer': "
                    + "update the benchmark", e);
        }
    }

    private static void row(StringBuilder table, String db, String name, Timing timing) {
        table.append(String.format("| %s | %.1f | %.1f | %.1f | %,d |%n", name, timing.median(), timing.min(),
                timing.max(), timing.rows()));
        System.out.printf("%s: %s -> %.1f ms%n", db, name, timing.median());
    }

    /** Calls a package-private method as Declarative Services (a bind method) or the module's tests (a setter) do. */
    static void invoke(Class<?> type, Object target, String name, Class<?>[] parameters, Object... args) {
        try {
            Method method = type.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            method.invoke(target, args);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(type.getSimpleName() + "." + name + " is no longer the method (a DS bind "
                    + "method, a setter) the benchmark calls: update the benchmark", e);
        }
    }

    /** An audit trail that writes nothing and counts the entries about a record's lines. */
    private static AuditTrail countingAudit(AtomicInteger lineEntries) {
        return (AuditTrail) Proxy.newProxyInstance(Quoting.class.getClassLoader(), new Class<?>[] {AuditTrail.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("record") && args[0] instanceof RecordChange change
                            && change.after().containsKey("lines")) {
                        lineEntries.incrementAndGet();
                    }
                    return method.getReturnType() == List.class ? List.of() : null;
                });
    }

    private static UserSettings regional() {
        return (UserSettings) Proxy.newProxyInstance(Quoting.class.getClassLoader(),
                new Class<?>[] {UserSettings.class},
                (proxy, method, args) -> method.getReturnType() == RegionalSettings.class ? RegionalSettings.DEFAULT
                        : null);
    }

    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(Quoting.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(type.getSimpleName() + " is not used by the benchmark");
                }));
    }
}
