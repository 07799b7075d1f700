package org.tesseracrm.products.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The totals of a sales document: per cost type and overall, each part (amount = subtotal, discount, net, tax,
 * total) the exact sum of the lines' {@link LineAmounts}, never rounded again, so the totals are what a
 * spreadsheet gives for the same lines (see {@link Money}).
 *
 * @param currency the ISO 4217 code of every amount
 * @param lines the number of lines
 * @param byCostType the sums per cost type: always {@link ProductFields#MONTHLY}, {@link ProductFields#ON_DEMAND}
 *     and {@link ProductFields#ONE_TIME} in this order (zero when no line has it), then any other cost type the
 *     lines have (a renamed pick-list value), by name
 * @param overall the sums over every line
 */
public record DocumentTotals(String currency, int lines, Map<String, LineAmounts> byCostType,
        LineAmounts overall) {
    /** The cost types every document's totals show, in this order. */
    public static final List<String> COST_TYPES = List.of(ProductFields.MONTHLY, ProductFields.ON_DEMAND,
            ProductFields.ONE_TIME);

    /** Copies the map keeping its order and checks every part is present. */
    public DocumentTotals {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(overall, "overall");
        byCostType = Collections.unmodifiableMap(new LinkedHashMap<>(byCostType));
    }

    /**
     * @param currency the document's currency
     * @param amounts the lines' amounts with their cost types, in any order; each in {@code currency}
     * @return the totals
     * @throws IllegalArgumentException for a line in another currency
     */
    public static DocumentTotals of(String currency, List<Map.Entry<String, LineAmounts>> amounts) {
        Map<String, LineAmounts> byType = new LinkedHashMap<>();
        COST_TYPES.forEach(type -> byType.put(type, LineAmounts.zero(currency)));
        List<String> others = new ArrayList<>();
        LineAmounts overall = LineAmounts.zero(currency);
        for (Map.Entry<String, LineAmounts> line : amounts) {
            String type = line.getKey();
            if (!byType.containsKey(type)) {
                others.add(type);
                byType.put(type, LineAmounts.zero(currency));
            }
            byType.put(type, byType.get(type).plus(line.getValue()));
            overall = overall.plus(line.getValue());
        }
        Map<String, LineAmounts> ordered = new LinkedHashMap<>();
        COST_TYPES.forEach(type -> ordered.put(type, byType.get(type)));
        others.stream().sorted().forEach(type -> ordered.put(type, byType.get(type)));
        return new DocumentTotals(currency, amounts.size(), ordered, overall);
    }

    /**
     * @param currency the document's currency
     * @param lines the document's lines, each in {@code currency}
     * @return their totals
     * @throws IllegalArgumentException for a line in another currency
     */
    public static DocumentTotals ofLines(String currency, List<LineItem> lines) {
        return of(currency, lines.stream().map(l -> Map.entry(l.costType(), l.amounts())).toList());
    }
}
