package org.tesseracrm.forecasts.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a forecast: a role (covering every user of its subtree) or a user, with its target and figures for the
 * period, all in the forecast's reporting currency at its scale.
 *
 * @param subject the role or user
 * @param label the role's name or the user's full name
 * @param place where the row stands relative to the forecast's user
 * @param depth 0 for the user's own role, 1 for its members and the roles right below, 2 for the roles below those...
 * @param target the target set for the subject and period; empty if none was set
 * @param achieved the amount of the won opportunities closing in the period
 * @param achievedCount how many opportunities the achieved figure counts (those in a currency without a rate are
 *     left out with their amounts)
 * @param pipeline the amount of the open opportunities closing in the period
 * @param weighted the pipeline weighted by each phase's win probability (the opportunities' expected amounts)
 * @param pipelineCount how many open opportunities the pipeline counts (likewise)
 * @param percentOfTarget achieved / target x 100, one decimal (half up); empty without a target or for a target of 0
 * @param targetEditable whether the caller may set this row's target
 * @param unconverted by currency, the amounts of won or open opportunities left out of the figures because there is
 *     no exchange rate for their currency (achieved + pipeline, in that currency); empty when everything converted
 */
public record ForecastRow(ForecastSubject subject, String label, RowPlace place, int depth, Optional<BigDecimal> target,
        BigDecimal achieved, long achievedCount, BigDecimal pipeline, BigDecimal weighted, long pipelineCount,
        Optional<BigDecimal> percentOfTarget, boolean targetEditable, Map<String, BigDecimal> unconverted) {
    /** Checks the parts are present and keeps an unmodifiable copy of the unconverted amounts. */
    public ForecastRow {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(achieved, "achieved");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(weighted, "weighted");
        Objects.requireNonNull(percentOfTarget, "percentOfTarget");
        unconverted = Collections.unmodifiableMap(new LinkedHashMap<>(unconverted));
    }
}
