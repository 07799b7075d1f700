package org.tesseracrm.forecasts.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user's forecast for a period: their own role (its whole subtree), themselves, the other members of their role
 * and the roles below, each with target and figures in the reporting currency. Computed when asked, from the
 * opportunities as they are.
 *
 * @param period the period
 * @param username whose forecast it is (the caller, or a user of their subtree)
 * @param roleName the name of that user's role; empty for a user without a role (the forecast is then their own row)
 * @param reportingCurrency the ISO 4217 code every amount is in
 * @param rows the rows: own role, self, members, then the roles below depth first
 * @param missingRates the currencies of counted opportunities that have no exchange rate (their amounts are left out
 *     of the figures and named in each row's {@link ForecastRow#unconverted()}); empty when everything converted
 */
public record Forecast(ForecastPeriod period, String username, Optional<String> roleName, String reportingCurrency,
        List<ForecastRow> rows, Set<String> missingRates) {
    /** Checks the parts are present and keeps unmodifiable copies (the missing rates sorted). */
    public Forecast {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(reportingCurrency, "reportingCurrency");
        rows = List.copyOf(rows);
        missingRates = java.util.Collections.unmodifiableSet(new TreeSet<>(missingRates));
    }

    /**
     * @param subject a role or user
     * @return its row, if the forecast has one
     */
    public Optional<ForecastRow> row(ForecastSubject subject) {
        return rows.stream().filter(r -> r.subject().equals(subject)).findFirst();
    }
}
