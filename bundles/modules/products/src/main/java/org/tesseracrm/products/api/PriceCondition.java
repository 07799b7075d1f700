package org.tesseracrm.products.api;

import java.util.Objects;

/**
 * One part of a price list's condition: a dimension the admin names ("Place of sale", "Customer segment", ...) and
 * one of its values ("Madrid", "Wholesale"). A price list applies to a situation when, for each dimension it names,
 * the situation has one of the list's values for it; a list without conditions applies everywhere. The currency is
 * not a condition but the price list's own {@link PriceList#currency()}.
 *
 * @param dimension the dimension's name
 * @param value one of its values
 */
public record PriceCondition(String dimension, String value) {
    /** Checks both parts are present. */
    public PriceCondition {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(value, "value");
    }
}
