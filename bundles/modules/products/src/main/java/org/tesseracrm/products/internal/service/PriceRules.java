package org.tesseracrm.products.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.Money;
import org.tesseracrm.products.api.PriceCondition;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceListInput;
import org.tesseracrm.products.api.PriceQuote;
import org.tesseracrm.products.api.QuantityRange;

/**
 * The price lists' rules as pure functions: what a valid list, price and set of quantity ranges is (with messages a
 * user can act on), which range a quantity falls in, and the price of a quantity.
 */
public final class PriceRules {
    static final int NAME_MAX = 100;
    static final int CONDITION_MAX = 100;
    /** Quantities and percentages are stored with 4 decimals. */
    static final int QUANTITY_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

    private PriceRules() {
    }

    /**
     * @param input a list as entered
     * @param otherNames the names of the other lists
     * @return what is wrong with it; empty if nothing
     */
    public static List<FieldError> checkList(PriceListInput input, List<String> otherNames) {
        List<FieldError> errors = new ArrayList<>();
        String name = input.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "Enter a name"));
        } else if (name.length() > NAME_MAX) {
            errors.add(new FieldError("name", "A name has at most " + NAME_MAX + " characters"));
        } else if (otherNames.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
            errors.add(new FieldError("name", "Another price list is called \"" + name + "\": choose another name"));
        }
        if (!Money.isCurrency(input.currency())) {
            errors.add(new FieldError("currency", "Enter a currency as its three-letter ISO 4217 code, e.g. EUR"));
        }
        if (input.validFrom().isPresent() && input.validTo().isPresent()
                && input.validTo().get().isBefore(input.validFrom().get())) {
            errors.add(new FieldError("validTo", "The last valid day " + input.validTo().get()
                    + " is before the first " + input.validFrom().get() + ": swap them or correct one"));
        }
        Set<String> seen = new HashSet<>();
        for (PriceCondition condition : input.conditions()) {
            String dimension = condition.dimension().strip();
            String value = condition.value().strip();
            if (dimension.isEmpty() || value.isEmpty()) {
                errors.add(new FieldError("conditions", "Give each condition a dimension and a value, "
                        + "e.g. Place of sale = Madrid"));
            } else if (dimension.length() > CONDITION_MAX || value.length() > CONDITION_MAX) {
                errors.add(new FieldError("conditions", "A condition's dimension and value have at most "
                        + CONDITION_MAX + " characters each"));
            } else if (!seen.add(dimension.toLowerCase(Locale.ROOT) + "\u0000" + value.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("conditions", "The condition " + dimension + " = " + value
                        + " is given twice: remove one"));
            }
        }
        return errors;
    }

    /**
     * @param input a valid list as entered
     * @return its conditions with their parts stripped
     */
    static List<PriceCondition> conditions(PriceListInput input) {
        return input.conditions().stream()
                .map(c -> new PriceCondition(c.dimension().strip(), c.value().strip())).toList();
    }

    /**
     * @param price a unit price
     * @param currency the list's currency
     * @return what is wrong with it; empty if nothing
     */
    public static List<FieldError> checkPrice(BigDecimal price, String currency) {
        if (price == null) {
            return List.of(new FieldError("price", "Enter a price"));
        }
        int scale = Money.scale(currency);
        if (price.signum() < 0) {
            return List.of(new FieldError("price", "Enter a price of 0 or more"));
        }
        if (price.stripTrailingZeros().scale() > scale) {
            return List.of(new FieldError("price", scale == 0 ? "Prices in " + currency + " have no decimals"
                    : "Prices in " + currency + " have at most " + scale + " decimals"));
        }
        if (price.compareTo(LIMIT) >= 0) {
            return List.of(new FieldError("price", "Enter a price below " + LIMIT.toPlainString()));
        }
        return List.of();
    }

    /**
     * @param ranges quantity ranges in any order
     * @return what is wrong with them, each error on the range concerned ({@code ranges[i].from} etc., {@code i} the
     *     index in the given order); empty if nothing
     */
    public static List<FieldError> checkRanges(List<QuantityRange> ranges) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            QuantityRange range = ranges.get(i);
            String at = "ranges[" + i + "].";
            if (range.from().signum() <= 0) {
                errors.add(new FieldError(at + "from", "A range starts at a quantity above 0"));
            } else if (tooPrecise(range.from())) {
                errors.add(new FieldError(at + "from", "Quantities have at most " + QUANTITY_SCALE + " decimals"));
            }
            if (range.to().isPresent()) {
                BigDecimal to = range.to().get();
                if (to.compareTo(range.from()) < 0) {
                    errors.add(new FieldError(at + "to", "The range " + text(range) + " ends below its start: "
                            + "make 'to' at least " + plain(range.from()) + " or leave it empty for no upper end"));
                } else if (tooPrecise(to)) {
                    errors.add(new FieldError(at + "to", "Quantities have at most " + QUANTITY_SCALE + " decimals"));
                }
            }
            BigDecimal discount = range.discountPercent();
            if (discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
                errors.add(new FieldError(at + "discountPercent", "Enter a discount from 0 to 100 (percent)"));
            } else if (tooPrecise(discount)) {
                errors.add(new FieldError(at + "discountPercent", "A discount has at most " + QUANTITY_SCALE
                        + " decimals"));
            }
            for (int j = 0; j < i; j++) {
                QuantityRange earlier = ranges.get(j);
                if (range.overlaps(earlier)) {
                    BigDecimal shared = range.from().max(earlier.from());
                    errors.add(new FieldError(at + "from", "The range " + text(range) + " overlaps the range "
                            + text(earlier) + ": the quantity " + plain(shared) + " would be in both. Make one end "
                            + "before the other starts (ranges include both ends; gaps are allowed)"));
                }
            }
        }
        return errors;
    }

    /**
     * @param ranges valid ranges
     * @return them by ascending start
     */
    static List<QuantityRange> sorted(List<QuantityRange> ranges) {
        return ranges.stream().sorted(Comparator.comparing(QuantityRange::from)).toList();
    }

    /**
     * @param ranges non-overlapping ranges
     * @param quantity a quantity
     * @return the range it lies in; empty when in none
     */
    public static Optional<QuantityRange> rangeFor(List<QuantityRange> ranges, BigDecimal quantity) {
        return ranges.stream().filter(r -> r.contains(quantity)).findFirst();
    }

    /**
     * @param list the price list, valid on {@code on}
     * @param productId the product
     * @param price the product's price in the list
     * @param ranges its ranges there
     * @param taxPercent the product's tax rate
     * @param quantity more than 0
     * @param on the day priced
     * @return the price of the quantity
     */
    public static PriceQuote quote(PriceList list, long productId, BigDecimal price, List<QuantityRange> ranges,
            BigDecimal taxPercent, BigDecimal quantity, LocalDate on) {
        Optional<QuantityRange> range = rangeFor(ranges, quantity);
        BigDecimal discount = range.map(QuantityRange::discountPercent).orElse(BigDecimal.ZERO);
        LineAmounts amounts = LineAmounts.of(price, quantity, discount, taxPercent, list.currency());
        return new PriceQuote(productId, list.id(), on, price, quantity, range, discount, taxPercent, amounts);
    }

    /** @return how a user reads a range: "10-49" or "50 and more" */
    static String text(QuantityRange range) {
        return range.to().map(t -> plain(range.from()) + "-" + plain(t)).orElse(plain(range.from()) + " and more");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static boolean tooPrecise(BigDecimal value) {
        return value.stripTrailingZeros().scale() > QUANTITY_SCALE;
    }
}
