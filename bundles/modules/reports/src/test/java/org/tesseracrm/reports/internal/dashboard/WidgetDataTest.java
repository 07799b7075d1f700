package org.tesseracrm.reports.internal.dashboard;

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

class WidgetDataTest {
    private static AggregateRow row(String phase, String month, int count) {
        return new AggregateRow(List.of(Optional.of(phase.toLowerCase()), Optional.of(month + "-01")),
                List.of(phase, month), List.of(BigDecimal.valueOf(count)));
    }

    @Test
    void twoGroupingsStackTheSecondAsSeriesAndAClickFindsItsRow() {
        AggregateRow qualifyJan = row("Qualify", "2026-01", 2);
        AggregateRow qualifyFeb = row("Qualify", "2026-02", 3);
        AggregateRow proposalFeb = row("Proposal", "2026-02", 1);
        ReportResult result = new ReportResult("Opportunities by phase and month", List.of("Phase", "Month"),
                List.of("Count"), List.of(qualifyJan, qualifyFeb, proposalFeb), Optional.empty(),
                Optional.of("opportunity"));
        WidgetData data = WidgetData.of(result);
        assertEquals(List.of("Qualify", "Proposal"), data.data().categories());
        assertEquals(List.of("2026-01", "2026-02"), data.data().series().stream().map(Chart.Series::name).toList());
        assertEquals(Arrays.asList(BigDecimal.valueOf(2), null), data.data().series().get(0).values(),
                "no Proposal in January");
        assertEquals(List.of(BigDecimal.valueOf(3), BigDecimal.valueOf(1)), data.data().series().get(1).values());
        assertEquals(Optional.of(proposalFeb), data.row(1, 1));
        assertEquals(Optional.of(qualifyJan), data.row(0, 0));
        assertTrue(data.row(0, 1).isEmpty(), "an empty stack has no records");
    }

    @Test
    void oneGroupingDrawsASeriesPerMeasure() {
        AggregateRow won = new AggregateRow(List.of(Optional.of("won")), List.of("Won"),
                List.of(BigDecimal.TEN, BigDecimal.valueOf(5000)));
        AggregateRow lost = new AggregateRow(List.of(Optional.empty()), List.of("(none)"),
                List.of(BigDecimal.ONE, BigDecimal.ZERO));
        WidgetData data = WidgetData.of(new ReportResult("By phase", List.of("Phase"), List.of("Count", "Amount"),
                List.of(won, lost), Optional.empty(), Optional.of("opportunity")));
        assertEquals(List.of("Won", "(none)"), data.data().categories());
        assertEquals(List.of("Count", "Amount"), data.data().series().stream().map(Chart.Series::name).toList());
        assertEquals(Optional.of(lost), data.row(1, 1));
        assertEquals(Optional.of(Chart.Kind.STACKED_BAR), WidgetData.kind(ChartKind.STACKED_BAR));
        assertEquals(Optional.empty(), WidgetData.kind(ChartKind.KPI));
    }
}
