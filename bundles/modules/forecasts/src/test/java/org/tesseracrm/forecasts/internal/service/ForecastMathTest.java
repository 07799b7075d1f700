package org.tesseracrm.forecasts.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.forecasts.api.Forecast;
import org.tesseracrm.forecasts.api.ForecastPeriod;
import org.tesseracrm.forecasts.api.ForecastRow;
import org.tesseracrm.forecasts.api.ForecastSubject;
import org.tesseracrm.forecasts.api.RowPlace;
import org.tesseracrm.forecasts.internal.service.ForecastMath.Kind;
import org.tesseracrm.forecasts.internal.service.ForecastMath.OwnerSum;
import org.tesseracrm.forecasts.internal.service.ForecastMath.Target;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.RoleScope;
import org.tesseracrm.kernel.api.security.RoleScope.Member;
import org.tesseracrm.products.api.Money;

/**
 * Conversion and aggregation down the role tree, with every expected figure worked out by hand below. The tree:
 * Sales (1: mara, max) > East (2: ed) > East reps (4: erin); Sales > West (3: wil). Reporting currency EUR, 1 USD =
 * 0.9 EUR, no rate for GBP.
 */
class ForecastMathTest {
    private static final ForecastPeriod Q4 = ForecastPeriod.parse("2026-Q4");
    private static final RoleInfo SALES = new RoleInfo(1, "Sales", null);
    private static final RoleInfo EAST = new RoleInfo(2, "East", 1L);
    private static final RoleInfo WEST = new RoleInfo(3, "West", 1L);
    private static final RoleInfo EAST_REPS = new RoleInfo(4, "East reps", 2L);
    private static final RoleScope MARA = new RoleScope("mara", Optional.of(SALES), List.of(SALES, EAST, EAST_REPS, WEST),
            Map.of(1L, List.of(member("mara"), member("max")), 2L, List.of(member("ed")), 4L, List.of(member("erin")),
                    3L, List.of(member("wil"))));

    /**
     * mara won 1,000.00 EUR; max has 2 open for 500.00 EUR (weighted 250.00); ed won 333.33 USD (x 0.9 = 299.997 ->
     * 300.00 EUR) and has one open for 100.05 USD (90.045 -> 90.05, half up; weighted 60.03 USD -> 54.027 -> 54.03);
     * erin won 2 for 200.00 EUR and has one open for 700.00 GBP (no rate: left out, named); wil won 50.00 EUR.
     */
    private static final List<OwnerSum> SUMS = List.of(
            sum("mara", "EUR", Kind.WON, 1, "1000.00", "1000.00"),
            sum("max", "EUR", Kind.OPEN, 2, "500.00", "250.00"),
            sum("ed", "USD", Kind.WON, 1, "333.33", "333.33"),
            sum("ed", "USD", Kind.OPEN, 1, "100.05", "60.03"),
            sum("erin", "EUR", Kind.WON, 2, "200.00", "200.00"),
            sum("erin", "GBP", Kind.OPEN, 1, "700.00", "70.00"),
            sum("wil", "EUR", Kind.WON, 1, "50.00", "50.00"));

    private final ForecastMath math = new ForecastMath("EUR", Map.of("USD", new BigDecimal("0.9")));

    @Test
    void convertsAtTheRateRoundingHalfUpToTheReportingScaleAndNamesWhatHasNoRate() {
        assertEquals(Optional.of(new BigDecimal("300.00")), math.convert(new BigDecimal("333.33"), "USD"));
        assertEquals(Optional.of(new BigDecimal("90.05")), math.convert(new BigDecimal("100.05"), "USD"), "90.045 half up");
        assertEquals(Optional.of(new BigDecimal("12.30")), math.convert(new BigDecimal("12.3"), "EUR"));
        assertEquals(Optional.empty(), math.convert(new BigDecimal("700.00"), "GBP"));
        ForecastMath yen = new ForecastMath("JPY", Map.of("EUR", new BigDecimal("162.5")));
        assertEquals(Optional.of(new BigDecimal("163")), yen.convert(new BigDecimal("1.00"), "EUR"), "162.5 -> 163");
        assertEquals(Set.of("GBP"), math.missingRates(SUMS));
    }

    @Test
    void theRoundingIsTheProductsMoneyRule() {
        for (String currency : List.of("EUR", "JPY", "BHD", "USD", "XXX")) {
            for (String amount : List.of("0.125", "2.5", "-2.5", "1.0005", "999.9949", "0.5")) {
                assertEquals(Money.round(new BigDecimal(amount), currency),
                        ForecastMath.round(new BigDecimal(amount), currency), amount + " " + currency);
            }
        }
    }

    @Test
    void aRoleCountsItsWholeSubtreeAndEachRowItsOwnUsers() {
        Map<ForecastSubject, Target> targets = Map.of(
                ForecastSubject.role(1), new Target(new BigDecimal("2000.00"), "EUR"),
                ForecastSubject.role(2), new Target(new BigDecimal("1000.00"), "EUR"),
                ForecastSubject.user("mara"), new Target(new BigDecimal("800.00"), "EUR"),
                ForecastSubject.user("max"), new Target(new BigDecimal("0.00"), "EUR"));
        Forecast f = math.forecast(Q4, MARA, SUMS, targets, s -> true);

        assertEquals(List.of("Sales", "mara", "max", "East", "East reps", "West"),
                f.rows().stream().map(ForecastRow::label).toList());
        assertEquals(List.of(RowPlace.OWN_ROLE, RowPlace.SELF, RowPlace.MEMBER, RowPlace.SUBORDINATE_ROLE,
                RowPlace.LOWER_ROLE, RowPlace.SUBORDINATE_ROLE), f.rows().stream().map(ForecastRow::place).toList());
        assertEquals(List.of(0, 1, 1, 1, 2, 1), f.rows().stream().map(ForecastRow::depth).toList());

        // Sales: achieved 1,000.00 + 300.00 + 200.00 + 50.00 = 1,550.00 (5); pipeline 500.00 + 90.05 = 590.05 (3);
        // weighted 250.00 + 54.03 = 304.03; 1,550 / 2,000 = 77.5 %; erin's GBP named, not counted
        assertRow(f, ForecastSubject.role(1), "1550.00", 5, "590.05", "304.03", 3, "77.5");
        assertEquals(Map.of("GBP", new BigDecimal("700.00")), f.row(ForecastSubject.role(1)).orElseThrow().unconverted());
        // East = ed + erin: 300.00 + 200.00 = 500.00 (3); pipeline 90.05 (1), weighted 54.03; 500 / 1,000 = 50.0 %
        assertRow(f, ForecastSubject.role(2), "500.00", 3, "90.05", "54.03", 1, "50.0");
        assertRow(f, ForecastSubject.role(4), "200.00", 2, "0.00", "0.00", 0, null);
        assertRow(f, ForecastSubject.role(3), "50.00", 1, "0.00", "0.00", 0, null);
        // mara alone: 1,000 / 800 = 125.0 %; max's target of 0 gives no percentage
        assertRow(f, ForecastSubject.user("mara"), "1000.00", 1, "0.00", "0.00", 0, "125.0");
        assertRow(f, ForecastSubject.user("max"), "0.00", 0, "500.00", "250.00", 2, null);
        assertEquals(Optional.of(new BigDecimal("0.00")), f.row(ForecastSubject.user("max")).orElseThrow().target());
        assertEquals(Optional.empty(), f.row(ForecastSubject.role(3)).orElseThrow().target());
        assertEquals(Set.of("GBP"), f.missingRates());
        assertEquals(Map.of(), f.row(ForecastSubject.role(3)).orElseThrow().unconverted());
    }

    @Test
    void anotherRateChangesTheConvertedFiguresAndARateForGbpBringsItsAmountsIn() {
        ForecastMath other = new ForecastMath("EUR", Map.of("USD", new BigDecimal("1.1"), "GBP", new BigDecimal("1.15")));
        Forecast f = other.forecast(Q4, MARA, SUMS, Map.of(), s -> false);
        // ed: 333.33 x 1.1 = 366.663 -> 366.66; 100.05 x 1.1 = 110.055 -> 110.06, weighted 60.03 x 1.1 = 66.033 -> 66.03
        // erin: 700.00 GBP x 1.15 = 805.00, weighted 70.00 x 1.15 = 80.50
        assertRow(f, ForecastSubject.role(2), "566.66", 3, "915.06", "146.53", 2, null);
        assertEquals(Set.of(), f.missingRates());
    }

    @Test
    void aUserWithoutARoleHasOnlyTheirOwnRow() {
        RoleScope alone = new RoleScope("solo", Optional.empty(), List.of(), Map.of());
        Forecast f = math.forecast(Q4, alone, List.of(sum("solo", "EUR", Kind.WON, 1, "10.00", "10.00")), Map.of(), s -> true);
        assertEquals(1, f.rows().size());
        assertRow(f, ForecastSubject.user("solo"), "10.00", 1, "0.00", "0.00", 0, null);
        assertEquals(Optional.empty(), f.roleName());
    }

    @Test
    void aManagerSetsTargetsOfTheRolesRightBelowAndTheMembersOfTheirRoleARepOnlyTheirOwn() {
        var manager = ForecastsImpl.editable(MARA, true);
        assertTrue(manager.test(ForecastSubject.user("mara")));
        assertTrue(manager.test(ForecastSubject.user("max")));
        assertTrue(manager.test(ForecastSubject.role(2)) && manager.test(ForecastSubject.role(3)));
        assertFalse(manager.test(ForecastSubject.role(1)), "not the own role: set from above");
        assertFalse(manager.test(ForecastSubject.role(4)), "not two levels down: East sets that");
        assertFalse(manager.test(ForecastSubject.user("ed")), "not a member of a role below");
        var withoutManage = ForecastsImpl.editable(MARA, false);
        assertTrue(withoutManage.test(ForecastSubject.user("mara")));
        assertFalse(withoutManage.test(ForecastSubject.user("max")) || withoutManage.test(ForecastSubject.role(2)));
    }

    @Test
    void aRepSeesTheirRoleAndBelowNeverTheManagersOrASiblingBranch() {
        RoleScope ed = new RoleScope("ed", Optional.of(EAST), List.of(EAST, EAST_REPS),
                Map.of(2L, List.of(member("ed")), 4L, List.of(member("erin"))));
        assertEquals(List.of("ed", "erin"), ForecastsImpl.owners(ed, ForecastSubject.role(2)));
        assertEquals(List.of("erin"), ForecastsImpl.owners(ed, ForecastSubject.user("erin")));
        assertThrows(PermissionDeniedException.class, () -> ForecastsImpl.owners(ed, ForecastSubject.role(1)));
        assertThrows(PermissionDeniedException.class, () -> ForecastsImpl.owners(ed, ForecastSubject.role(3)));
        assertThrows(PermissionDeniedException.class, () -> ForecastsImpl.owners(ed, ForecastSubject.user("mara")));
        assertThrows(PermissionDeniedException.class, () -> ForecastsImpl.owners(ed, ForecastSubject.user("wil")));
        assertThrows(PermissionDeniedException.class, () -> ForecastsImpl.scopeOf(ed, "mara"));
        assertThrows(PermissionDeniedException.class, () -> ForecastsImpl.owners(ed,
                new ForecastSubject(org.tesseracrm.forecasts.api.SubjectKind.ROLE, "not-a-number")));
        // the manager looks at East through ed's eyes: East and below only
        RoleScope asEd = ForecastsImpl.scopeOf(MARA, "ed");
        assertEquals(List.of(EAST, EAST_REPS), asEd.roles());
        assertEquals(List.of("ed", "erin"), asEd.usersOfSubtree(2));
        assertFalse(asEd.contains(1));
    }

    private static void assertRow(Forecast f, ForecastSubject subject, String achieved, long achievedCount, String pipeline,
            String weighted, long pipelineCount, String percent) {
        ForecastRow row = f.row(subject).orElseThrow(() -> new AssertionError("no row " + subject));
        assertEquals(new BigDecimal(achieved), row.achieved(), subject + " achieved");
        assertEquals(achievedCount, row.achievedCount(), subject + " achieved count");
        assertEquals(new BigDecimal(pipeline), row.pipeline(), subject + " pipeline");
        assertEquals(new BigDecimal(weighted), row.weighted(), subject + " weighted");
        assertEquals(pipelineCount, row.pipelineCount(), subject + " pipeline count");
        assertEquals(Optional.ofNullable(percent).map(BigDecimal::new), row.percentOfTarget(), subject + " %");
    }

    private static OwnerSum sum(String owner, String currency, Kind kind, long count, String amount, String expected) {
        return new OwnerSum(owner, currency, kind, count, new BigDecimal(amount), new BigDecimal(expected));
    }

    private static Member member(String username) {
        return new Member(username, username, true);
    }
}
