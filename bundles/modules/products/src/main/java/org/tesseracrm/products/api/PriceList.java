package org.tesseracrm.products.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of product prices in one currency, for a condition (see {@link PriceCondition}) and a validity
 * period.
 *
 * @param id its id
 * @param name its name, unique whatever its case
 * @param currency the ISO 4217 code of its prices
 * @param validFrom the first day it applies; empty for always
 * @param validTo the last day it applies (inclusive); empty for no end
 * @param conditions the (dimension, value) pairs it applies to; empty for everywhere
 */
public record PriceList(long id, String name, String currency, Optional<LocalDate> validFrom,
        Optional<LocalDate> validTo, List<PriceCondition> conditions) {
    /** Copies the conditions and checks every part is present. */
    public PriceList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        conditions = List.copyOf(conditions);
    }

    /**
     * @param day a day
     * @return whether the list applies on it ({@code validFrom <= day <= validTo})
     */
    public boolean validOn(LocalDate day) {
        return validFrom.map(f -> !day.isBefore(f)).orElse(true) && validTo.map(t -> !day.isAfter(t)).orElse(true);
    }

    /**
     * @param situation a value per dimension, e.g. {@code {"Place of sale": "Madrid"}}; dimension names and values
     *     are compared ignoring case
     * @return whether every dimension the list names has one of the list's values in the situation
     */
    public boolean appliesTo(Map<String, String> situation) {
        for (PriceCondition condition : conditions) {
            boolean met = conditions.stream().filter(c -> c.dimension().equalsIgnoreCase(condition.dimension()))
                    .anyMatch(c -> situation.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase(c.dimension())
                            && e.getValue() != null && e.getValue().strip().equalsIgnoreCase(c.value())));
            if (!met) {
                return false;
            }
        }
        return true;
    }
}
