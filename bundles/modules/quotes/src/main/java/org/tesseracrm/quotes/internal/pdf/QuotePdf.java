package org.tesseracrm.quotes.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.pdf.api.PdfRenderer;
import org.tesseracrm.pdf.api.PdfRequest;
import org.tesseracrm.pdf.api.PdfTemplates;
import org.tesseracrm.pdf.api.StoredTemplate;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.QuoteFile;
import org.tesseracrm.quotes.internal.QuotesModule;
import org.tesseracrm.quotes.internal.service.QuoteRenderer;

/**
 * A quote's PDF: the administrator's quote template (or the default one in this package) and the shared letterhead
 * from {@link PdfTemplates}, the quote as a {@link QuoteDocument}, rendered by crm-pdf's {@link PdfRenderer}. Also
 * the operations of the quote template's admin page (quotes.configure). Every public method checks the caller's
 * permission first (quotes.view to render, quotes.configure for the template and letterhead).
 */
@Component(service = {QuoteRenderer.class, QuotePdf.class})
public class QuotePdf implements QuoteRenderer {
    /** The quote template's name in {@link PdfTemplates}. */
    public static final String TEMPLATE = "quote";
    /** The letterhead's company name. */
    public static final String COMPANY_NAME = "company.name";
    /** The letterhead's company details (address, phone...), one per line. */
    public static final String COMPANY_DETAILS = "company.details";
    /** The letterhead's logo as a data: URI. */
    public static final String COMPANY_LOGO = "company.logo";
    /** The content type of every quote PDF. */
    public static final String PDF = "application/pdf";

    private static final String DEFAULT_TEMPLATE = readDefault();

    private final PdfRenderer renderer;
    private final PdfTemplates templates;
    private final Records records;
    private final UserSettings settings;
    private final AccessControl access;

    /**
     * @param renderer renders the PDF
     * @param templates the administrator's template and letterhead
     * @param records the contact's and company's titles
     * @param settings the caller's locale and time zone
     * @param access the caller's permissions
     */
    @Activate
    public QuotePdf(@Reference PdfRenderer renderer, @Reference PdfTemplates templates, @Reference Records records,
            @Reference UserSettings settings, @Reference AccessControl access) {
        this.renderer = renderer;
        this.templates = templates;
        this.records = records;
        this.settings = settings;
        this.access = access;
    }

    @Override
    public QuoteFile render(RecordRow quote, List<LineItem> lines, DocumentTotals totals) {
        access.require(QuotesModule.VIEW);
        RegionalSettings regional = settings.regional();
        QuoteDocument document = document(quote, lines, totals, names(quote), regional.locale(),
                LocalDate.now(regional.zone()));
        return new QuoteFile(fileName(document), PDF, render(document));
    }

    /**
     * @param document the quote
     * @return its PDF, from the administrator's template (quotes.view)
     * @throws CrmException if the stored template fails with this quote (its message says where)
     */
    public byte[] render(QuoteDocument document) {
        access.require(QuotesModule.VIEW);
        String template = templates.find(TEMPLATE, QuotesModule.VIEW).map(StoredTemplate::text).orElse(DEFAULT_TEMPLATE);
        try {
            return renderer.render(request(template, document, letterhead(QuotesModule.VIEW)));
        } catch (ValidationException e) {
            throw new CrmException("The quote template does not work with this quote (" + e.errors().get(0).message()
                    + "): an administrator can correct it under Administration, Quote template", e);
        }
    }

    /**
     * @param document a quote
     * @return its file name, {@code <number>-<revision>.pdf}
     */
    static String fileName(QuoteDocument document) {
        String number = document.number().isBlank() ? "quote" : document.number().replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return number + "-" + document.revision() + ".pdf";
    }

    // --- the admin page (quotes.configure) ---

    /** @return the template in use: the administrator's, else the default (quotes.configure) */
    public String template() {
        access.require(QuotesModule.CONFIGURE);
        return templates.find(TEMPLATE, QuotesModule.CONFIGURE).map(StoredTemplate::text).orElse(DEFAULT_TEMPLATE);
    }

    /** @return whether an administrator changed the template (quotes.configure) */
    public boolean customised() {
        access.require(QuotesModule.CONFIGURE);
        return templates.find(TEMPLATE, QuotesModule.CONFIGURE).isPresent();
    }

    /** @return the template shipped with the module */
    static String defaultTemplate() {
        return DEFAULT_TEMPLATE;
    }

    /**
     * Checks the template with a sample quote and saves it (quotes.configure).
     *
     * @param template the edited template
     * @throws ValidationException naming the failing line; nothing is saved then
     */
    public void save(String template) {
        access.require(QuotesModule.CONFIGURE);
        templates.save(request(checkLength(template), sample(settings.regional().locale()),
                letterhead(QuotesModule.CONFIGURE)), QuotesModule.CONFIGURE);
    }

    /** Goes back to the default template (quotes.configure). */
    public void reset() {
        access.require(QuotesModule.CONFIGURE);
        templates.reset(TEMPLATE, QuotesModule.CONFIGURE);
    }

    /**
     * @param template a template being edited (not saved)
     * @return the sample quote rendered with it and the saved letterhead (quotes.configure)
     * @throws ValidationException naming the failing line
     */
    public byte[] preview(String template) {
        access.require(QuotesModule.CONFIGURE);
        return renderer.render(request(checkLength(template), sample(settings.regional().locale()),
                letterhead(QuotesModule.CONFIGURE)));
    }

    /**
     * @param permission what the caller needs
     * @return the saved letterhead, empty texts where nothing was saved
     */
    QuoteModel.Letterhead letterhead(String permission) {
        return new QuoteModel.Letterhead(text(COMPANY_NAME, permission), text(COMPANY_DETAILS, permission),
                text(COMPANY_LOGO, permission));
    }

    /** @return the saved letterhead (quotes.configure) */
    QuoteModel.Letterhead letterhead() {
        return letterhead(QuotesModule.CONFIGURE);
    }

    /**
     * Saves the letterhead every document shows (quotes.configure).
     *
     * @param name the company's name
     * @param details the company's details, one per line
     * @param logo the logo as a {@code data:image/...;base64,...} URI, "" for none
     */
    public void saveLetterhead(String name, String details, String logo) {
        access.require(QuotesModule.CONFIGURE);
        if (!logo.isEmpty() && !logo.startsWith("data:image/")) {
            throw new ValidationException(List.of(new org.tesseracrm.kernel.api.FieldError(COMPANY_LOGO,
                    "The logo must be a PNG or JPEG image")));
        }
        templates.saveText(COMPANY_NAME, name.strip(), QuotesModule.CONFIGURE);
        templates.saveText(COMPANY_DETAILS, details.strip(), QuotesModule.CONFIGURE);
        templates.saveText(COMPANY_LOGO, logo, QuotesModule.CONFIGURE);
    }

    private String text(String name, String permission) {
        return templates.find(name, permission).map(StoredTemplate::text).orElse("");
    }

    private static String checkLength(String template) {
        if (template.length() > PdfRequest.MAX_TEMPLATE_LENGTH) {
            throw new ValidationException(List.of(new org.tesseracrm.kernel.api.FieldError("template",
                    "The template is longer than " + PdfRequest.MAX_TEMPLATE_LENGTH + " characters")));
        }
        return template;
    }

    static PdfRequest request(String template, QuoteDocument document, QuoteModel.Letterhead letterhead) {
        return new PdfRequest(TEMPLATE, template, QuoteModel.of(document, letterhead), document.locale(),
                "Quote " + document.number() + " revision " + document.revision());
    }

    private Names names(RecordRow quote) {
        return new Names(title("contact", quote.lookup(QuoteFields.CONTACT)),
                title("company", quote.lookup(QuoteFields.COMPANY)));
    }

    private String title(String type, java.util.OptionalLong id) {
        if (id.isEmpty()) {
            return "";
        }
        try {
            return records.titles(type, List.of(id.getAsLong())).getOrDefault(id.getAsLong(), "");
        } catch (CrmException e) {
            return "";
        }
    }

    /** The customer's names as the caller may see them. */
    record Names(String contact, String company) {
    }

    /**
     * @param quote the quote's fields
     * @param lines its lines by position
     * @param totals their totals
     * @param names the contact's and company's titles
     * @param locale how numbers and dates are written
     * @param today the document's date
     * @return the document
     */
    static QuoteDocument document(RecordRow quote, List<LineItem> lines, DocumentTotals totals, Names names,
            Locale locale, LocalDate today) {
        Set<String> used = lines.stream().map(LineItem::costType).collect(Collectors.toSet());
        List<QuoteDocument.Totals> byType = new ArrayList<>();
        for (Map.Entry<String, LineAmounts> e : totals.byCostType().entrySet()) {
            if (used.contains(e.getKey())) {
                byType.add(QuoteDocument.Totals.of(e.getKey(), e.getValue()));
            }
        }
        int revision = quote.value(QuoteFields.REVISION).filter(Number.class::isInstance).map(Number.class::cast)
                .map(Number::intValue).orElse(1);
        String currency = quote.text(QuoteFields.CURRENCY).isBlank() ? totals.currency() : quote.text(QuoteFields.CURRENCY);
        return new QuoteDocument(quote.text(QuoteFields.NUMBER), revision, today,
                quote.date(QuoteFields.VALID_UNTIL), quote.text(QuoteFields.SUBJECT), quote.text(QuoteFields.STATUS),
                names.contact(), names.company(), quote.text(QuoteFields.EMAIL), quote.text(QuoteFields.OWNER),
                currency, locale, lines.stream().map(QuoteDocument.Line::of).toList(), byType,
                QuoteDocument.Totals.of("", totals.overall()), quote.text(QuoteFields.TERMS),
                quote.text(QuoteFields.REMARKS), quote.text(QuoteFields.DESCRIPTION));
    }

    /**
     * @param locale how numbers and dates are written
     * @return a made-up quote with three lines (names with accents, Greek and Cyrillic), for checks and previews
     */
    static QuoteDocument sample(Locale locale) {
        String eur = "EUR";
        List<QuoteDocument.Line> lines = List.of(
                line(1, "CRM-PRO", "Tessera Pro licence", "Per user, billed monthly", ProductFields.MONTHLY,
                        "10", "49.90", "10", "21", eur),
                line(2, "ONB-01", "Onboarding workshop", "Two days on site for Δήμητρα and Иван",
                        ProductFields.ONE_TIME, "1", "1800.00", "0", "21", eur),
                line(3, "SUP-H", "Support hours", "As needed", ProductFields.ON_DEMAND, "4.5", "95.00", "0", "21",
                        eur));
        LineAmounts monthly = amounts(lines.get(0), eur);
        LineAmounts oneTime = amounts(lines.get(1), eur);
        LineAmounts onDemand = amounts(lines.get(2), eur);
        return new QuoteDocument("Q-2026-00042", 2, LocalDate.of(2026, 12, 5), Optional.of(LocalDate.of(2027, 1, 4)),
                "CRM roll-out for Ñandú Comercial", QuoteFields.DRAFT, "Zoë Łukasiewicz", "Ñandú Comercial S.A.",
                "zoe@example.com", "admin", eur, locale, lines,
                List.of(QuoteDocument.Totals.of(ProductFields.MONTHLY, monthly),
                        QuoteDocument.Totals.of(ProductFields.ON_DEMAND, onDemand),
                        QuoteDocument.Totals.of(ProductFields.ONE_TIME, oneTime)),
                QuoteDocument.Totals.of("", monthly.plus(oneTime).plus(onDemand)),
                "Prices in euros. Payment within 30 days of the invoice.\nThe offer holds until the date above.",
                "", "Licences, onboarding and support for the sales team.");
    }

    private static LineAmounts amounts(QuoteDocument.Line l, String currency) {
        return new LineAmounts(currency, l.amount(), l.discount(), l.net(), l.tax(), l.total());
    }

    private static QuoteDocument.Line line(int position, String code, String name, String description,
            String costType, String quantity, String price, String discount, String tax, String currency) {
        LineAmounts a = LineAmounts.of(new BigDecimal(price), new BigDecimal(quantity), new BigDecimal(discount),
                new BigDecimal(tax), currency);
        return new QuoteDocument.Line(position, code, name, description, costType, new BigDecimal(quantity),
                new BigDecimal(price), new BigDecimal(discount), new BigDecimal(tax), a.amount(), a.discount(),
                a.net(), a.tax(), a.total());
    }

    private static String readDefault() {
        try (InputStream in = QuotePdf.class.getResourceAsStream("quote-template.ftlh")) {
            if (in == null) {
                throw new IllegalStateException("quote-template.ftlh is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
