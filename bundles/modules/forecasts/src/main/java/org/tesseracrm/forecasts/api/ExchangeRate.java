package org.tesseracrm.forecasts.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one unit of a currency is worth in the reporting currency, as an administrator entered it.
 *
 * @param currency an ISO 4217 code, e.g. {@code USD}
 * @param rate how many units of the reporting currency one unit of {@code currency} is worth, more than 0 (at most 8
 *     decimals)
 */
public record ExchangeRate(String currency, BigDecimal rate) {
    /** Checks the parts are present. */
    public ExchangeRate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rate, "rate");
    }
}
