package org.tesseracrm.quotes.internal.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineItem;

/**
 * What a quote's PDF shows, as plain values: the quote's fields, its customer's names, its lines and totals. Text is
 * "" when empty, never null; every amount is in {@link #currency} at its scale (as {@link LineAmounts} computed it).
 * {@link QuoteModel} formats it for the template.
 *
 * @param number the quote number, e.g. {@code Q-2026-00042}
 * @param revision the revision, 1 for the first
 * @param date the day the document is made
 * @param validUntil the last day the offer holds, if set
 * @param subject the quote's subject
 * @param status the quote's status (Draft, Sent, ...)
 * @param contactName the contact's title, "" for none
 * @param companyName the company's title, "" for none
 * @param email the e-mail address the quote goes to
 * @param owner the owner (user name)
 * @param currency the ISO 4217 code of every amount
 * @param locale the language and country numbers and dates are written for
 * @param lines the lines by position
 * @param totalsByCostType the totals of each cost type that has lines, in the order of
 *     {@link org.tesseracrm.products.api.DocumentTotals#byCostType}
 * @param overall the totals of every line
 * @param terms the terms and conditions
 * @param remarks the remarks
 * @param description the description
 */
public record QuoteDocument(String number, int revision, LocalDate date, Optional<LocalDate> validUntil,
        String subject, String status, String contactName, String companyName, String email, String owner,
        String currency, Locale locale, List<Line> lines, List<Totals> totalsByCostType, Totals overall,
        String terms, String remarks, String description) {

    /** Checks every part is present and copies the lists. */
    public QuoteDocument {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(contactName, "contactName");
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(remarks, "remarks");
        Objects.requireNonNull(description, "description");
        lines = List.copyOf(lines);
        totalsByCostType = List.copyOf(totalsByCostType);
    }

    /**
     * One line of the quote.
     *
     * @param position its place, 1 for the first
     * @param productCode the product's code
     * @param productName the product's name
     * @param description the line's description
     * @param costType how the product is paid (Monthly, On demand, One time)
     * @param quantity how many units
     * @param unitPrice the list price of one unit
     * @param discountPercent the discount in percent
     * @param taxPercent the tax in percent
     * @param amount unit price x quantity
     * @param discount the discount on the amount
     * @param net the amount less the discount
     * @param tax the tax on the net amount
     * @param total net plus tax
     */
    public record Line(int position, String productCode, String productName, String description, String costType,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxPercent,
            BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal total) {
        /** Checks every part is present. */
        public Line {
            Objects.requireNonNull(productCode, "productCode");
            Objects.requireNonNull(productName, "productName");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(costType, "costType");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(discountPercent, "discountPercent");
            Objects.requireNonNull(taxPercent, "taxPercent");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(discount, "discount");
            Objects.requireNonNull(net, "net");
            Objects.requireNonNull(tax, "tax");
            Objects.requireNonNull(total, "total");
        }

        /**
         * @param item a stored line
         * @return the same line as document values
         */
        public static Line of(LineItem item) {
            LineAmounts a = item.amounts();
            return new Line(item.position(), item.productCode(), item.productName(), item.description(),
                    item.costType(), item.quantity(), item.unitPrice(), item.discountPercent(), item.taxPercent(),
                    a.amount(), a.discount(), a.net(), a.tax(), a.total());
        }
    }

    /**
     * The sums of some lines.
     *
     * @param costType the cost type summed, "" for the overall totals
     * @param amount the sum of the amounts (subtotal)
     * @param discount the sum of the discounts
     * @param net the sum of the net amounts
     * @param tax the sum of the taxes
     * @param total the sum of the totals
     */
    public record Totals(String costType, BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal tax,
            BigDecimal total) {
        /** Checks every part is present. */
        public Totals {
            Objects.requireNonNull(costType, "costType");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(discount, "discount");
            Objects.requireNonNull(net, "net");
            Objects.requireNonNull(tax, "tax");
            Objects.requireNonNull(total, "total");
        }

        /**
         * @param costType the cost type, "" for overall
         * @param amounts the sums
         * @return them as document values
         */
        public static Totals of(String costType, LineAmounts amounts) {
            return new Totals(costType, amounts.amount(), amounts.discount(), amounts.net(), amounts.tax(),
                    amounts.total());
        }
    }
}
