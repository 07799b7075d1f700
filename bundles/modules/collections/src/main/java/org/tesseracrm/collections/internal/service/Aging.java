package org.tesseracrm.collections.internal.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.tesseracrm.collections.api.AgingBucket;
import org.tesseracrm.collections.api.AgingBy;
import org.tesseracrm.collections.api.AgingReport;
import org.tesseracrm.collections.api.AgingRow;

/** The aging, without a database: outstanding amounts put in their bucket and summed per row and per currency. */
final class Aging {
    /** The key and label of the totals rows. */
    static final String TOTAL = "total";

    private Aging() {
    }

    /**
     * One outstanding obligation as the aging reads it.
     *
     * @param collectionId its collection
     * @param customer the collection's customer key ({@code company:12}, {@code contact:7}, or {@code none})
     * @param collector the collection's collector (its owner when it names none)
     * @param currency the collection's currency
     * @param dueDate the obligation's due date
     * @param outstanding what is still owed of it, above 0
     */
    record Item(long collectionId, String customer, String collector, String currency, LocalDate dueDate,
            BigDecimal outstanding) {
        /**
         * @param by the aging's rows
         * @return the key of the row the item counts in
         */
        String key(AgingBy by) {
            return by == AgingBy.CUSTOMER ? customer : collector;
        }
    }

    /**
     * @param clock the clock (the system's; a fixed one in tests)
     * @param zone the user's time zone
     * @return today there
     */
    static LocalDate today(Clock clock, ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * @param companyId a collection's company, or null
     * @param contactId its contact, or null
     * @return the customer key: the company's when it has one, else the contact's, else {@code none}
     */
    static String customer(Long companyId, Long contactId) {
        return companyId != null ? "company:" + companyId : contactId != null ? "contact:" + contactId : "none";
    }

    /**
     * @param by what the rows are
     * @param asOf the day days past due are counted to
     * @param items the outstanding obligations
     * @param labels names a row's key to users
     * @return the rows by label then currency, and one totals row per currency
     */
    static AgingReport report(AgingBy by, LocalDate asOf, List<Item> items, Function<String, String> labels) {
        Map<List<String>, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        Map<String, Long> totalCounts = new TreeMap<>();
        for (Item item : items) {
            int bucket = AgingBucket.of(item.dueDate(), asOf).ordinal();
            List<String> row = List.of(item.key(by), item.currency());
            sums.computeIfAbsent(row, k -> zeros())[bucket] = sums.get(row)[bucket].add(item.outstanding());
            counts.merge(row, 1L, Long::sum);
            totals.computeIfAbsent(item.currency(), k -> zeros())[bucket] = totals.get(item.currency())[bucket]
                    .add(item.outstanding());
            totalCounts.merge(item.currency(), 1L, Long::sum);
        }
        List<AgingRow> rows = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        sums.forEach((row, amounts) -> {
            String label = named.computeIfAbsent(row.get(0), labels);
            rows.add(row(row.get(0), label, row.get(1), amounts, counts.get(row)));
        });
        rows.sort(Comparator.comparing((AgingRow r) -> r.label().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(AgingRow::key).thenComparing(AgingRow::currency));
        List<AgingRow> totalRows = new ArrayList<>();
        totals.forEach((currency, amounts) -> totalRows.add(row(TOTAL, "Total", currency, amounts,
                totalCounts.get(currency))));
        return new AgingReport(by, asOf, rows, totalRows);
    }

    private static AgingRow row(String key, String label, String currency, BigDecimal[] amounts, long count) {
        BigDecimal total = BigDecimal.ZERO.setScale(ObligationRules.SCALE);
        for (BigDecimal amount : amounts) {
            total = total.add(amount);
        }
        return new AgingRow(key, label, currency, List.of(amounts), total, count);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] amounts = new BigDecimal[AgingBucket.values().length];
        java.util.Arrays.fill(amounts, BigDecimal.ZERO.setScale(ObligationRules.SCALE));
        return amounts;
    }
}
