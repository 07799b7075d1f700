package org.tesseracrm.forecasts.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An opportunity counted in a forecast figure, as a drill-down lists it.
 *
 * @param id the opportunity's record id
 * @param name its name
 * @param owner its owner's user name
 * @param phase its phase
 * @param closeDate its close date (in the period)
 * @param amount its amount in its own currency; empty if it has none
 * @param currency its currency (the reporting currency for an opportunity without one)
 * @param expectedAmount its amount weighted by the phase's probability; empty without an amount
 * @param converted its amount in the reporting currency; empty without an amount or without a rate for its currency
 */
public record ForecastOpportunity(long id, String name, String owner, String phase, LocalDate closeDate,
        Optional<BigDecimal> amount, String currency, Optional<BigDecimal> expectedAmount, Optional<BigDecimal> converted) {
    /** Checks the parts are present. */
    public ForecastOpportunity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(closeDate, "closeDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(expectedAmount, "expectedAmount");
        Objects.requireNonNull(converted, "converted");
    }
}
