package org.tesseracrm.quotes.internal.pdf;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tesseracrm.products.api.Money;

/**
 * The data a quote template sees: {@link QuoteDocument} and the letterhead as text, numbers and dates written for
 * the document's locale (money at its currency's scale followed by the currency code, e.g. {@code 1,234.50 EUR};
 * percentages as {@code 10 %}). The variables are listed in docs/admin-guide.md ("Quote template").
 */
final class QuoteModel {
    private QuoteModel() {
    }

    /**
     * The letterhead every document shares (PdfTemplates texts company.name, company.details, company.logo).
     *
     * @param name the company's name
     * @param details address, phone, tax number...: one item per line
     * @param logo the logo as a {@code data:image/...;base64,...} URI, "" for none
     */
    record Letterhead(String name, String details, String logo) {
        /** No letterhead. */
        static final Letterhead NONE = new Letterhead("", "", "");
    }

    static Map<String, Object> of(QuoteDocument d, Letterhead letterhead) {
        Formats f = new Formats(d);
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("number", d.number());
        quote.put("revision", d.revision());
        quote.put("date", f.date(d.date()));
        quote.put("validUntil", d.validUntil().map(f::date).orElse(""));
        quote.put("subject", d.subject());
        quote.put("status", d.status());
        quote.put("owner", d.owner());
        quote.put("currency", d.currency());
        quote.put("terms", d.terms());
        quote.put("remarks", d.remarks());
        quote.put("description", d.description());

        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("contact", d.contactName());
        customer.put("company", d.companyName());
        customer.put("email", d.email());

        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", letterhead.name());
        company.put("details", letterhead.details());
        company.put("logo", letterhead.logo().startsWith("data:image/") ? letterhead.logo() : "");

        List<Map<String, Object>> lines = d.lines().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("position", l.position());
            line.put("code", l.productCode());
            line.put("product", l.productName());
            line.put("description", l.description());
            line.put("costType", l.costType());
            line.put("quantity", f.quantity(l.quantity()));
            line.put("unitPrice", f.money(l.unitPrice()));
            line.put("discountPercent", f.percent(l.discountPercent()));
            line.put("taxPercent", f.percent(l.taxPercent()));
            line.put("amount", f.money(l.amount()));
            line.put("discount", f.money(l.discount()));
            line.put("net", f.money(l.net()));
            line.put("tax", f.money(l.tax()));
            line.put("total", f.money(l.total()));
            line.put("hasDiscount", l.discount().signum() != 0);
            return line;
        }).toList();

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("company", company);
        model.put("quote", quote);
        model.put("customer", customer);
        model.put("lines", lines);
        model.put("totals", d.totalsByCostType().stream().map(f::totals).toList());
        model.put("overall", f.totals(d.overall()));
        return model;
    }

    /** Number and date formats of one document. */
    private static final class Formats {
        private final QuoteDocument document;
        private final DateTimeFormatter dates;

        Formats(QuoteDocument document) {
            this.document = document;
            this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(document.locale());
        }

        String date(java.time.LocalDate day) {
            return dates.format(day);
        }

        String money(BigDecimal amount) {
            int scale = Money.scale(document.currency());
            return number(amount, scale, scale) + " " + document.currency();
        }

        String quantity(BigDecimal quantity) {
            return number(quantity, 0, 4);
        }

        String percent(BigDecimal percent) {
            return number(percent, 0, 4) + " %";
        }

        private String number(BigDecimal value, int minDecimals, int maxDecimals) {
            NumberFormat format = NumberFormat.getNumberInstance(document.locale());
            if (format instanceof DecimalFormat decimal) {
                decimal.setParseBigDecimal(true);
            }
            format.setMinimumFractionDigits(minDecimals);
            format.setMaximumFractionDigits(maxDecimals);
            format.setRoundingMode(Money.ROUNDING);
            return format.format(value);
        }

        Map<String, Object> totals(QuoteDocument.Totals t) {
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("costType", t.costType());
            totals.put("amount", money(t.amount()));
            totals.put("discount", money(t.discount()));
            totals.put("net", money(t.net()));
            totals.put("tax", money(t.tax()));
            totals.put("total", money(t.total()));
            return totals;
        }
    }
}
