package org.tesseracrm.reports.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.ui.kit.Chart;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.ReportResult;

class ChartModelTest {
    private static AggregateRow row(String k1, String k2, long count, long sum) {
        List<Optional<String>> keys = k2 == null ? List.of(Optional.ofNullable(k1))
                : List.of(Optional.ofNullable(k1), Optional.of(k2));
        List<String> labels = keys.stream().map(k -> k.orElse(AggregateRow.NONE)).toList();
        return new AggregateRow(keys, labels, List.of(BigDecimal.valueOf(count), BigDecimal.valueOf(sum)));
    }

    private static ReportResult result(List<String> groups, List<AggregateRow> rows) {
        return new ReportResult("Opportunities", groups, List.of("Count", "Sum of Amount"), rows, Optional.empty(),
                Optional.of("opportunity"));
    }

    @Test
    void oneGroupingDrawsASeriesPerMeasureOnBarsAndTheFirstMeasureOnPies() {
        ReportResult result = result(List.of("Phase"), List.of(row("Lead", null, 3, 300), row(null, null, 1, 50)));

        ChartModel bars = ChartModel.of(Chart.Kind.BAR, result);
        assertEquals(List.of("Lead", AggregateRow.NONE), bars.data().categories());
        assertEquals(List.of("Count", "Sum of Amount"), bars.data().series().stream().map(Chart.Series::name).toList());
        assertEquals(result.rows().get(1), bars.row(1, 1).orElseThrow());

        ChartModel pie = ChartModel.of(Chart.Kind.PIE, result);
        assertEquals(1, pie.data().series().size());
        assertEquals(List.of(BigDecimal.valueOf(3), BigDecimal.valueOf(1)), pie.data().series().get(0).values());
        assertEquals(result.rows().get(0), pie.row(0, 0).orElseThrow());
        assertTrue(pie.row(1, 0).isEmpty());
        assertTrue(pie.row(0, 2).isEmpty());
    }

    @Test
    void twoGroupingsCrossOnBarsWithAGapWhereNoRowIsAndJoinOnFunnels() {
        ReportResult result = result(List.of("Phase", "Close date (month)"), List.of(row("Lead", "2026-01", 2, 20),
                row("Lead", "2026-02", 1, 10), row("Won", "2026-02", 4, 40)));

        ChartModel stacked = ChartModel.of(Chart.Kind.STACKED_BAR, result);
        assertEquals(List.of("Lead", "Won"), stacked.data().categories());
        assertEquals(List.of("2026-01", "2026-02"), stacked.data().series().stream().map(Chart.Series::name).toList());
        assertEquals(Arrays.asList(BigDecimal.valueOf(2), null), stacked.data().series().get(0).values());
        assertTrue(stacked.row(0, 1).isEmpty()); // Won in January: no bar, no records
        assertEquals(result.rows().get(2), stacked.row(1, 1).orElseThrow());

        ChartModel funnel = ChartModel.of(Chart.Kind.FUNNEL, result);
        assertEquals(List.of("Lead · 2026-01", "Lead · 2026-02", "Won · 2026-02"), funnel.data().categories());
        assertEquals(result.rows().get(1), funnel.row(0, 1).orElseThrow());
    }

    @Test
    void noGroupingIsOneTotalAndNoRowsIsAnEmptyChart() {
        AggregateRow total = new AggregateRow(List.of(), List.of(), List.of(BigDecimal.TEN, BigDecimal.ONE));
        ChartModel one = ChartModel.of(Chart.Kind.BAR, result(List.of(), List.of(total)));
        assertEquals(List.of(ChartModel.TOTAL), one.data().categories());
        assertTrue(ChartModel.of(Chart.Kind.LINE, result(List.of("Phase"), List.of())).data().isEmpty());
        assertEquals(Optional.empty(), ChartModel.kind(ChartKind.TABLE));
        assertEquals(Optional.empty(), ChartModel.kind(ChartKind.KPI));
        assertEquals(Optional.of(Chart.Kind.DONUT), ChartModel.kind(ChartKind.DONUT));
    }

    /** The dashboard's stacked bar (it drew its charts with a copy of this mapping before). */
    @Test
    void aStackedBarOfPhaseAndMonthLeavesAnEmptyStackWithoutRecords() {
        AggregateRow qualifyJan = monthly("Qualify", "2026-01", 2);
        AggregateRow qualifyFeb = monthly("Qualify", "2026-02", 3);
        AggregateRow proposalFeb = monthly("Proposal", "2026-02", 1);
        ReportResult result = new ReportResult("Opportunities by phase and month", List.of("Phase", "Month"),
                List.of("Count"), List.of(qualifyJan, qualifyFeb, proposalFeb), Optional.empty(),
                Optional.of("opportunity"));
        ChartModel data = ChartModel.of(Chart.Kind.STACKED_BAR, result);
        assertEquals(List.of("Qualify", "Proposal"), data.data().categories());
        assertEquals(List.of("2026-01", "2026-02"), data.data().series().stream().map(Chart.Series::name).toList());
        assertEquals(Arrays.asList(BigDecimal.valueOf(2), null), data.data().series().get(0).values(),
                "no Proposal in January");
        assertEquals(List.of(BigDecimal.valueOf(3), BigDecimal.valueOf(1)), data.data().series().get(1).values());
        assertEquals(Optional.of(proposalFeb), data.row(1, 1));
        assertEquals(Optional.of(qualifyJan), data.row(0, 0));
        assertTrue(data.row(0, 1).isEmpty(), "an empty stack has no records");
        assertTrue(data.row(2, 0).isEmpty() && data.row(0, -1).isEmpty(), "outside the chart");
    }

    private static AggregateRow monthly(String phase, String month, int count) {
        return new AggregateRow(List.of(Optional.of(phase.toLowerCase()), Optional.of(month + "-01")),
                List.of(phase, month), List.of(BigDecimal.valueOf(count)));
    }
}
