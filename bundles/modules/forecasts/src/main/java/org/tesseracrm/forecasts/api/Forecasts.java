package org.tesseracrm.forecasts.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sales forecasts against targets down the role tree. Every method checks the caller's permissions, and what a caller
 * may look at follows their {@link org.tesseracrm.kernel.api.security.AccessControl#roleScope() role scope}: their own
 * role, its members and the roles below it; never a role above theirs or a sibling branch (refused with
 * {@link org.tesseracrm.kernel.api.PermissionDeniedException}).
 *
 * <p>Figures are computed when asked from the opportunities as they are: <b>achieved</b> is the amount of the won
 * opportunities (phase of kind WON) whose close date lies in the period, <b>pipeline</b> the amount of the open ones
 * (kind OPEN) closing in the period, <b>weighted</b> the pipeline's expected amounts (amount x the phase's
 * probability). A role's figures cover every user of its subtree. Amounts in another currency than the reporting one
 * are converted at the administrator's rate, per owner and currency, rounded half up to the reporting currency's
 * scale; amounts in a currency without a rate are left out and reported, never counted as zero.
 */
@ProviderType
public interface Forecasts {
    /** Permission to see forecasts and set one's own target. */
    String VIEW = "forecasts.view";
    /** Permission to set the targets of the roles below one's own and of the other members of one's role. */
    String MANAGE = "forecasts.manage";
    /** Permission to set the reporting currency and the exchange rates. */
    String CONFIGURE = "forecasts.configure";

    /**
     * @param period a period
     * @return the caller's forecast for it
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     */
    Forecast forecast(ForecastPeriod period);

    /**
     * @param period a period
     * @param username the caller or a user of the caller's role or a role below it
     * @return that user's forecast for the period (their role, members and the roles below theirs), with the target
     *     editing rights of the caller
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}, or for a user outside the
     *     caller's scope (above or beside)
     */
    Forecast forecastOf(ForecastPeriod period, String username);

    /**
     * The drill-down of a figure: exactly the opportunities counted in it, by close date.
     *
     * @param period a period
     * @param subject a role of the caller's scope or a user in it
     * @param figure achieved or pipeline
     * @return the opportunities, at most 10,000
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}, or for a subject outside the
     *     caller's scope
     */
    List<ForecastOpportunity> opportunities(ForecastPeriod period, ForecastSubject subject, Figure figure);

    /**
     * Sets or clears a target, in the reporting currency. A caller sets their own target with {@link #VIEW}; with
     * {@link #MANAGE} also those of the roles right below theirs and of the other members of their role.
     *
     * @param period a period
     * @param subject the caller, a member of their role, or a role right below theirs
     * @param amount the target, 0 or more; empty to clear it
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException for any other subject, or without the permission
     * @throws org.tesseracrm.kernel.api.ValidationException for a negative amount or more decimals than the currency has
     */
    void setTarget(ForecastPeriod period, ForecastSubject subject, Optional<BigDecimal> amount);

    /**
     * @return the reporting currency, an ISO 4217 code
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW} or {@link #CONFIGURE}
     */
    String reportingCurrency();

    /**
     * @return the exchange rates into the reporting currency, by currency
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW} or {@link #CONFIGURE}
     */
    List<ExchangeRate> rates();

    /**
     * Changes the reporting currency. The rates stay as entered (they were into the old currency): review them.
     *
     * @param currency an ISO 4217 code
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException for a text that is not a currency code
     */
    void setReportingCurrency(String currency);

    /**
     * Sets or removes the rate of a currency.
     *
     * @param currency an ISO 4217 code other than the reporting currency
     * @param rate units of the reporting currency per unit of {@code currency}, more than 0, at most 8 decimals;
     *     empty to remove the rate
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException for a bad currency or rate
     */
    void setRate(String currency, Optional<BigDecimal> rate);
}
