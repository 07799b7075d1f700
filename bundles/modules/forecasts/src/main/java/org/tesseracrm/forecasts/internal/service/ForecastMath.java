package org.tesseracrm.forecasts.internal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.tesseracrm.forecasts.api.Forecast;
import org.tesseracrm.forecasts.api.ForecastPeriod;
import org.tesseracrm.forecasts.api.ForecastRow;
import org.tesseracrm.forecasts.api.ForecastSubject;
import org.tesseracrm.forecasts.api.RowPlace;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.RoleScope;

/**
 * The forecast's arithmetic, pure logic: currency conversion and the aggregation of per-owner sums up the role tree.
 *
 * <p>Money follows the rule of {@code org.tesseracrm.products.api.Money} (exact decimals at the currency's scale,
 * {@link Currency#getDefaultFractionDigits()} or 2, rounded half up); the module does not import the products API so
 * that it installs without the Products module, and {@code ForecastMathTest} checks the two rules agree. Amounts are
 * converted once per owner, currency and figure (the sum of the owner's opportunities in that currency x the rate,
 * rounded to the reporting currency's scale); a user's figure is the sum of those, a role's the sum of its users',
 * so a role's figure is exactly the sum of the figures of its users.
 */
final class ForecastMath {
    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Whether an opportunity counts as achieved (won) or as pipeline (open). */
    enum Kind { WON, OPEN }

    /**
     * What one owner has in one currency and kind of phase in the period.
     *
     * @param owner the user name
     * @param currency the currency, already the reporting one for opportunities without a currency
     * @param kind won or open
     * @param count how many opportunities
     * @param amount the sum of their amounts
     * @param expected the sum of their expected (weighted) amounts
     */
    record OwnerSum(String owner, String currency, Kind kind, long count, BigDecimal amount, BigDecimal expected) {
    }

    /**
     * A stored target.
     *
     * @param amount the amount
     * @param currency the currency it was set in
     */
    record Target(BigDecimal amount, String currency) {
    }

    /** The figures of one user or role, in the reporting currency. */
    static final class Figures {
        BigDecimal achieved;
        BigDecimal pipeline;
        BigDecimal weighted;
        long achievedCount;
        long pipelineCount;
        final Map<String, BigDecimal> unconverted = new TreeMap<>();

        Figures(int scale) {
            achieved = BigDecimal.ZERO.setScale(scale);
            pipeline = achieved;
            weighted = achieved;
        }

        void add(Figures other) {
            achieved = achieved.add(other.achieved);
            pipeline = pipeline.add(other.pipeline);
            weighted = weighted.add(other.weighted);
            achievedCount += other.achievedCount;
            pipelineCount += other.pipelineCount;
            other.unconverted.forEach((currency, amount) -> unconverted.merge(currency, amount, BigDecimal::add));
        }
    }

    private final String reporting;
    private final int scale;
    private final Map<String, BigDecimal> rates;

    /**
     * @param reporting the reporting currency
     * @param rates units of the reporting currency per unit of each currency
     */
    ForecastMath(String reporting, Map<String, BigDecimal> rates) {
        this.reporting = reporting;
        this.scale = scale(reporting);
        this.rates = Map.copyOf(rates);
    }

    /** @return the number of decimals of a currency: its ISO default, 2 for a code without one */
    static int scale(String currency) {
        int digits = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    /** @return the amount at the currency's scale, half up */
    static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(scale(currency), ROUNDING);
    }

    /**
     * @param amount an amount
     * @param currency its currency
     * @return the amount in the reporting currency at its scale, half up; empty without a rate for the currency
     */
    Optional<BigDecimal> convert(BigDecimal amount, String currency) {
        if (currency.equalsIgnoreCase(reporting)) {
            return Optional.of(round(amount, reporting));
        }
        return Optional.ofNullable(rates.get(currency)).map(rate -> round(amount.multiply(rate), reporting));
    }

    /** @return the figures of each owner from their sums, converted */
    Map<String, Figures> byOwner(List<OwnerSum> sums) {
        Map<String, Figures> owners = new HashMap<>();
        for (OwnerSum sum : sums) {
            Figures f = owners.computeIfAbsent(sum.owner(), o -> new Figures(scale));
            Optional<BigDecimal> amount = convert(sum.amount(), sum.currency());
            Optional<BigDecimal> expected = convert(sum.expected(), sum.currency());
            if (amount.isEmpty()) {
                f.unconverted.merge(sum.currency(), sum.amount(), BigDecimal::add);
                continue;
            }
            if (sum.kind() == Kind.WON) {
                f.achieved = f.achieved.add(amount.get());
                f.achievedCount += sum.count();
            } else {
                f.pipeline = f.pipeline.add(amount.get());
                f.weighted = f.weighted.add(expected.orElseThrow());
                f.pipelineCount += sum.count();
            }
        }
        return owners;
    }

    /** @return the currencies of the sums that have no rate */
    Set<String> missingRates(List<OwnerSum> sums) {
        Set<String> missing = new HashSet<>();
        sums.stream().filter(s -> convert(BigDecimal.ZERO, s.currency()).isEmpty()).forEach(s -> missing.add(s.currency()));
        return missing;
    }

    /**
     * @param period the period
     * @param scope the role scope of the forecast's user
     * @param sums what each owner of the scope has in the period
     * @param targets the targets of the period by subject
     * @param editable whether the caller may set a subject's target
     * @return the forecast: own role, self, the other members of the role, the roles below depth first
     */
    Forecast forecast(ForecastPeriod period, RoleScope scope, List<OwnerSum> sums, Map<ForecastSubject, Target> targets,
            Predicate<ForecastSubject> editable) {
        Map<String, Figures> owners = byOwner(sums);
        List<ForecastRow> rows = new ArrayList<>();
        String self = scope.username();
        if (scope.role().isEmpty()) {
            rows.add(row(ForecastSubject.user(self), self, RowPlace.SELF, 0, List.of(self), owners, targets, editable));
        } else {
            RoleInfo own = scope.role().get();
            rows.add(row(ForecastSubject.role(own.id()), own.name(), RowPlace.OWN_ROLE, 0, scope.usersOfSubtree(own.id()),
                    owners, targets, editable));
            String selfName = scope.membersOf(own.id()).stream().filter(m -> m.username().equals(self))
                    .map(RoleScope.Member::fullName).findFirst().orElse(self);
            rows.add(row(ForecastSubject.user(self), selfName, RowPlace.SELF, 1, List.of(self), owners, targets, editable));
            scope.membersOf(own.id()).stream().filter(m -> !m.username().equals(self) && m.active())
                    .forEach(m -> rows.add(row(ForecastSubject.user(m.username()), m.fullName(), RowPlace.MEMBER, 1,
                            List.of(m.username()), owners, targets, editable)));
            Map<Long, Integer> depth = new LinkedHashMap<>();
            depth.put(own.id(), 0);
            for (RoleInfo role : scope.roles()) {
                if (role.id() == own.id()) {
                    continue;
                }
                int d = depth.getOrDefault(role.parentId(), 0) + 1;
                depth.put(role.id(), d);
                rows.add(row(ForecastSubject.role(role.id()), role.name(), d == 1 ? RowPlace.SUBORDINATE_ROLE
                        : RowPlace.LOWER_ROLE, d, scope.usersOfSubtree(role.id()), owners, targets, editable));
            }
        }
        return new Forecast(period, self, scope.role().map(RoleInfo::name), reporting, rows, missingRates(sums));
    }

    private ForecastRow row(ForecastSubject subject, String label, RowPlace place, int depth, List<String> users,
            Map<String, Figures> owners, Map<ForecastSubject, Target> targets, Predicate<ForecastSubject> editable) {
        Figures total = new Figures(scale);
        users.forEach(u -> Optional.ofNullable(owners.get(u)).ifPresent(total::add));
        Optional<BigDecimal> target = Optional.ofNullable(targets.get(subject))
                .flatMap(t -> convert(t.amount(), t.currency()));
        Optional<BigDecimal> percent = target.filter(t -> t.signum() > 0)
                .map(t -> total.achieved.multiply(HUNDRED).divide(t, 1, ROUNDING));
        return new ForecastRow(subject, label, place, depth, target, total.achieved, total.achievedCount, total.pipeline,
                total.weighted, total.pipelineCount, percent, editable.test(subject), total.unconverted);
    }
}
