package org.tesseracrm.reports.internal.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.ChurnFigures;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.ClvFigures;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.CsatFigures;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.CustomerSpan;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.Gaps;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.NpsFigures;

/** Every KPI formula against figures computed by hand, at the edges (nothing to count, all one kind, rounding). */
class KpiFormulasTest {
    private static Optional<BigDecimal> dec(String value) {
        return Optional.of(new BigDecimal(value));
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static CustomerSpan span(String since, String lostOn) {
        return new CustomerSpan(day(since), Optional.ofNullable(lostOn).map(LocalDate::parse));
    }

    @Test
    void npsOfNoAnswersIsNoScoreNotZero() {
        NpsFigures none = KpiFormulas.nps(List.of());
        assertEquals(0, none.answers());
        assertEquals(Optional.empty(), none.score());
    }

    @Test
    void npsSplitsAtNineAndSeven() {
        // 10, 9 promoters; 8, 7 passives; 6, 0 detractors: 2/6 - 2/6 = 0, a real score of 0
        NpsFigures even = KpiFormulas.nps(List.of(10, 9, 8, 7, 6, 0));
        assertEquals(2, even.promoters());
        assertEquals(2, even.passives());
        assertEquals(2, even.detractors());
        assertEquals(dec("0.0"), even.score());
    }

    @Test
    void npsWithoutDetractorsAndWithOnlyDetractors() {
        // 2 promoters of 3, no detractor: 66.666... -> 66.7
        assertEquals(dec("66.7"), KpiFormulas.nps(List.of(9, 10, 7)).score());
        assertEquals(dec("100.0"), KpiFormulas.nps(List.of(10)).score());
        // all detractors, 0 and 6 included
        assertEquals(dec("-100.0"), KpiFormulas.nps(List.of(0, 6, 3)).score());
        // only passives: 0, not empty
        assertEquals(dec("0.0"), KpiFormulas.nps(List.of(7, 8)).score());
    }

    @Test
    void npsIsRoundedOnceFromTheExactDifference() {
        // 2 promoters and 1 detractor of 3: 66.7 - 33.3 would give 33.4; the exact 33.333... gives 33.3
        assertEquals(dec("33.3"), KpiFormulas.nps(List.of(9, 10, 6)).score());
        // 1 promoter, 2 detractors of 3: -33.333... -> -33.3
        assertEquals(dec("-33.3"), KpiFormulas.nps(List.of(9, 6, 5)).score());
        // half up: (3 - 2) / 16 = 6.25 -> 6.3, and -6.25 -> -6.3 (away from zero)
        List<Integer> sixteen = new java.util.ArrayList<>(List.of(9, 9, 9, 0, 0));
        sixteen.addAll(java.util.Collections.nCopies(11, 7));
        assertEquals(dec("6.3"), KpiFormulas.nps(sixteen).score());
        List<Integer> negative = new java.util.ArrayList<>(List.of(9, 9, 0, 0, 0));
        negative.addAll(java.util.Collections.nCopies(11, 8));
        assertEquals(dec("-6.3"), KpiFormulas.nps(negative).score());
    }

    @Test
    void scoresOutsideZeroToTenAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KpiFormulas.nps(List.of(11)));
        assertThrows(IllegalArgumentException.class, () -> KpiFormulas.nps(List.of(-1)));
        assertThrows(IllegalArgumentException.class, () -> KpiFormulas.csat(List.of(12)));
    }

    @Test
    void csatCountsEightToTenAsSatisfied() {
        CsatFigures figures = KpiFormulas.csat(List.of(10, 8, 7, 0));
        assertEquals(4, figures.answers());
        assertEquals(2, figures.satisfied());
        assertEquals(dec("50.0"), figures.percentSatisfied());
        assertEquals(dec("6.3"), figures.average()); // 25 / 4 = 6.25 -> 6.3
        CsatFigures none = KpiFormulas.csat(List.of());
        assertEquals(Optional.empty(), none.percentSatisfied());
        assertEquals(Optional.empty(), none.average());
    }

    @Test
    void churnLeavesCustomersGainedMidPeriodOutOfTheRate() {
        LocalDate from = day("2026-01-01");
        LocalDate to = day("2026-03-31");
        List<CustomerSpan> customers = List.of(
                span("2025-01-01", null), // A: at start, kept
                span("2025-06-01", "2026-02-15"), // B: at start, lost
                span("2025-12-31", "2026-01-01"), // C: at start, lost on the first day
                span("2026-01-01", "2026-03-01"), // D: gained on the first day and lost: not in the rate
                span("2026-02-01", null), // E: gained
                span("2024-01-01", "2025-12-31"), // F: lost before the period
                span("2026-04-01", null)); // G: after the period
        ChurnFigures figures = KpiFormulas.churn(customers, from, to);
        assertEquals(3, figures.atStart());
        assertEquals(2, figures.lost());
        assertEquals(2, figures.gained());
        assertEquals(1, figures.gainedAndLost());
        // 2 / 3 = 66.7 (counting D and E would have given 3 / 5 = 60.0)
        assertEquals(dec("66.7"), figures.rate());
    }

    @Test
    void churnFromCountsMatchesChurnFromSpans() {
        // the data set above counted with date filters: since before the period A, B, C, F (4); of them lost before
        // it F (1), lost in it B, C (2); gained in it D, E (2), of them lost in it D (1)
        ChurnFigures figures = KpiFormulas.churn(4, 1, 2, 2, 1);
        assertEquals(KpiFormulas.churn(List.of(span("2025-01-01", null), span("2025-06-01", "2026-02-15"),
                span("2025-12-31", "2026-01-01"), span("2026-01-01", "2026-03-01"), span("2026-02-01", null),
                span("2024-01-01", "2025-12-31"), span("2026-04-01", null)), day("2026-01-01"), day("2026-03-31")),
                figures);
        assertEquals(dec("66.7"), figures.rate());
        assertEquals(Optional.empty(), KpiFormulas.churn(0, 0, 0, 3, 1).rate());
        assertThrows(IllegalArgumentException.class, () -> KpiFormulas.churn(2, 1, 2, 0, 0));
    }

    @Test
    void npsAndCsatFromCountsByScore() {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        counts.put(10, 3L); // promoters 3 + 2 = 5
        counts.put(9, 2L);
        counts.put(8, 4L); // passives 4
        counts.put(6, 1L); // detractors 1 + 2 = 3
        counts.put(0, 2L);
        NpsFigures nps = KpiFormulas.nps(counts);
        assertEquals(12, nps.answers());
        assertEquals(dec("16.7"), nps.score()); // (5 - 3) / 12 = 16.666...
        CsatFigures csat = KpiFormulas.csat(counts);
        assertEquals(9, csat.satisfied()); // 10, 9 and 8: 3 + 2 + 4
        assertEquals(dec("75.0"), csat.percentSatisfied());
        assertEquals(dec("7.2"), csat.average()); // (30 + 18 + 32 + 6 + 0) / 12 = 7.1666...
        assertEquals(Optional.empty(), KpiFormulas.nps(Map.of(9, 0L)).score());
        assertThrows(IllegalArgumentException.class, () -> KpiFormulas.nps(Map.of(11, 1L)));
        assertThrows(IllegalArgumentException.class, () -> KpiFormulas.csat(Map.of(5, -1L)));
    }

    @Test
    void churnOfAnEmptyPeriodAndOfNoLoss() {
        assertEquals(Optional.empty(), KpiFormulas.churn(List.of(), day("2026-01-01"), day("2026-01-31")).rate());
        // only customers gained in the period: nobody at the start, no rate
        assertEquals(Optional.empty(), KpiFormulas.churn(List.of(span("2026-01-05", "2026-01-20")),
                day("2026-01-01"), day("2026-01-31")).rate());
        assertEquals(dec("0.0"), KpiFormulas.churn(List.of(span("2025-01-01", "2026-02-01")),
                day("2026-01-01"), day("2026-01-31")).rate());
    }

    @Test
    void clvIsValuePerYearTimesAverageLifetime() {
        // 12,000 won from 4 customers in 365 days: 12000 x 365.25 / (4 x 365) = 3002.0547... per customer-year;
        // lifetimes 731 days (lost) and 731 days (current, to today): 731 / 365.25 = 2.0013... years;
        // CLV = 12000 x 731 / (4 x 365) = 6008.2191... -> 6008.22
        ClvFigures figures = KpiFormulas.clv(new BigDecimal("12000"), 4, 365,
                List.of(span("2020-01-01", "2022-01-01"), span("2023-01-01", null)), day("2025-01-01"));
        assertEquals(dec("3002.05"), figures.valuePerYear());
        assertEquals(dec("2.00"), figures.lifetimeYears());
        assertEquals(dec("6008.22"), figures.clv());
    }

    @Test
    void clvWithoutCustomersOrSpansIsEmpty() {
        ClvFigures noCustomers = KpiFormulas.clv(BigDecimal.ZERO, 0, 30, List.of(span("2020-01-01", null)),
                day("2025-01-01"));
        assertEquals(Optional.empty(), noCustomers.valuePerYear());
        assertTrue(noCustomers.lifetimeYears().isPresent());
        assertEquals(Optional.empty(), noCustomers.clv());
        ClvFigures noSpans = KpiFormulas.clv(new BigDecimal("100"), 1, 365, List.of(), day("2025-01-01"));
        assertEquals(dec("100.07"), noSpans.valuePerYear()); // 100 x 365.25 / 365 = 100.0684...
        assertEquals(Optional.empty(), noSpans.clv());
        assertThrows(IllegalArgumentException.class,
                () -> KpiFormulas.clv(BigDecimal.ONE, 1, 0, List.of(), day("2025-01-01")));
    }

    @Test
    void gapsBetweenTouchPointsAndSinceTheLast() {
        Gaps gaps = KpiFormulas.gaps(List.of(day("2026-01-11"), day("2026-01-01"), day("2026-01-31"),
                day("2026-01-31"), day("2026-03-01")), day("2026-02-15"));
        assertEquals(3, gaps.touches()); // the same day twice counts once; after the day asked is ignored
        assertEquals(Optional.of(15L), gaps.daysSinceLast());
        assertEquals(dec("15.0"), gaps.averageGapDays()); // (10 + 20) / 2
        assertEquals(Optional.of(20L), gaps.longestGapDays());
        Gaps one = KpiFormulas.gaps(List.of(day("2026-01-01")), day("2026-03-02"));
        assertEquals(Optional.of(60L), one.daysSinceLast());
        assertEquals(Optional.empty(), one.averageGapDays());
        assertEquals(Optional.of(60L), one.longestGapDays()); // the current silence is the longest
        Gaps none = KpiFormulas.gaps(List.of(), day("2026-03-02"));
        assertEquals(0, none.touches());
        assertEquals(Optional.empty(), none.daysSinceLast());
        assertEquals(Optional.empty(), none.longestGapDays());
    }

    @Test
    void repeatSharesAndWinRate() {
        assertEquals(dec("66.7"), KpiFormulas.repeatShare(Map.of(1L, 1L, 2L, 3L, 3L, 2L)));
        assertEquals(Optional.empty(), KpiFormulas.repeatShare(Map.of()));
        Map<String, Long> byType = new LinkedHashMap<>();
        byType.put("New business", 6L);
        byType.put("Upsell", 3L);
        byType.put("Cross-sell", 1L);
        byType.put("Renewal", 0L);
        assertEquals(List.of(dec("60.0"), dec("30.0"), dec("10.0"), dec("0.0")),
                List.copyOf(KpiFormulas.shares(byType).values()));
        assertEquals(Optional.empty(), KpiFormulas.shares(Map.of("Upsell", 0L)).get("Upsell"));
        assertEquals(dec("75.0"), KpiFormulas.winRate(3, 1));
        assertEquals(dec("0.0"), KpiFormulas.winRate(0, 4));
        assertEquals(Optional.empty(), KpiFormulas.winRate(0, 0));
    }

    @Test
    void cycleTimesInDays() {
        List<Duration> cycles = List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofHours(12));
        assertEquals(dec("1.2"), KpiFormulas.averageDays(cycles)); // 3.5 / 3 = 1.1666...
        assertEquals(dec("1.0"), KpiFormulas.medianDays(cycles));
        assertEquals(dec("2.0"), KpiFormulas.medianDays(List.of(Duration.ofDays(3), Duration.ofDays(1))));
        assertEquals(Optional.empty(), KpiFormulas.averageDays(List.of()));
        assertEquals(Optional.empty(), KpiFormulas.medianDays(List.of()));
    }

    @Test
    void percentRoundsHalfUpOnce() {
        assertEquals(dec("12.5"), KpiFormulas.percent(1, 8));
        assertEquals(dec("6.3"), KpiFormulas.percent(1, 16));
        assertEquals(dec("-6.3"), KpiFormulas.percent(-1, 16));
        assertEquals(Optional.empty(), KpiFormulas.percent(0, 0));
    }
}
