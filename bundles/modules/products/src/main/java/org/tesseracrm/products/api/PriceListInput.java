package org.tesseracrm.products.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an admin enters for a price list (see {@link PriceList}).
 *
 * @param name its name (required, at most 100 characters, unique)
 * @param currency an ISO 4217 code (required)
 * @param validFrom the first day it applies; empty for always
 * @param validTo the last day (inclusive); empty for no end; not before {@code validFrom}
 * @param conditions (dimension, value) pairs, each part at most 100 characters, no pair twice
 */
public record PriceListInput(String name, String currency, Optional<LocalDate> validFrom, Optional<LocalDate> validTo,
        List<PriceCondition> conditions) {
    /** Copies the conditions and checks every part is present. */
    public PriceListInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        conditions = List.copyOf(conditions);
    }
}
