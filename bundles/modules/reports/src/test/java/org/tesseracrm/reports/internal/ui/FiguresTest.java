package org.tesseracrm.reports.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

class FiguresTest {
    private static final Figures US = new Figures(LocalTimes.of(new RegionalSettings(ZoneId.of("UTC"), Locale.US)));
    private static final Figures DE = new Figures(LocalTimes.of(new RegionalSettings(ZoneId.of("Europe/Berlin"),
            Locale.GERMANY)));

    @Test
    void formatsCountsMoneyAndNumbersInTheUsersLocale() {
        assertEquals("12,345", US.format(new BigDecimal("12345"), Figures.Kind.COUNT));
        assertEquals("12.345", DE.format(new BigDecimal("12345"), Figures.Kind.COUNT));
        assertEquals("1,234,567.50", US.format(new BigDecimal("1234567.5"), Figures.Kind.MONEY));
        assertEquals("1.234.567,50", DE.format(new BigDecimal("1234567.5"), Figures.Kind.MONEY));
        assertEquals("2.67", US.format(new BigDecimal("2.6666666"), Figures.Kind.NUMBER));
        assertEquals("3", US.format(new BigDecimal("3.000"), Figures.Kind.NUMBER));
        assertEquals("", US.format(null, Figures.Kind.MONEY)); // an average over nothing
    }

    @Test
    void showsTheMinimumOrMaximumOfADateAsADate() {
        long epochDay = LocalDate.of(2026, 3, 5).toEpochDay();
        assertEquals("Mar 5, 2026", US.format(BigDecimal.valueOf(epochDay), Figures.Kind.DATE));
        long millis = ZonedDateTime.of(2026, 12, 4, 16, 14, 0, 0, ZoneId.of("UTC")).toInstant().toEpochMilli();
        assertEquals("04.12.2026, 17:14", DE.format(BigDecimal.valueOf(millis), Figures.Kind.DATE_TIME));
    }

    @Test
    void tellsWhatAMeasuresFiguresAre() {
        assertEquals(Figures.Kind.COUNT, Figures.kind(Aggregate.COUNT, null));
        assertEquals(Figures.Kind.MONEY, Figures.kind(Aggregate.AVG, FieldType.MONEY));
        assertEquals(Figures.Kind.NUMBER, Figures.kind(Aggregate.SUM, FieldType.NUMBER));
        assertEquals(Figures.Kind.DATE, Figures.kind(Aggregate.MIN, FieldType.DATE));
        assertEquals(Figures.Kind.DATE_TIME, Figures.kind(Aggregate.MAX, FieldType.DATE_TIME));
        assertEquals(Figures.Kind.NUMBER, Figures.kind(Aggregate.SUM, null)); // a field no longer there
    }

    @Test
    void namesExportFilesAfterTheReportAndDay() {
        assertEquals("opportunities-by-phase-2026-12-06.xlsx", ExportLinks.fileName("Opportunities by phase!",
                LocalDate.of(2026, 12, 6), ExportFormat.XLSX));
        assertEquals("report-2026-12-06.csv", ExportLinks.fileName("../..", LocalDate.of(2026, 12, 6),
                ExportFormat.CSV));
        assertEquals("ventes-été-2026-12-06.csv", ExportLinks.fileName("Ventes été", LocalDate.of(2026, 12, 6),
                ExportFormat.CSV));
    }

    @Test
    void labelsEveryChoice() {
        assertEquals("Stacked bar", Labels.chart(org.tesseracrm.reports.api.ChartKind.STACKED_BAR));
        assertEquals("KPI tile", Labels.chart(org.tesseracrm.reports.api.ChartKind.KPI));
        assertEquals("Quarter", Labels.bucket(org.tesseracrm.kernel.api.record.DateBucket.QUARTER));
        assertEquals("Average", Labels.aggregate(Aggregate.AVG));
        assertEquals("report-12", ReportsView.idPart("report:12"));
        assertEquals("source-kpi-nps", ReportsView.idPart("source:kpi.nps"));
        assertEquals(200, ReportsView.copyName("x".repeat(200)).length());
        assertEquals("Every Monday", Labels.frequency(org.tesseracrm.reports.api.Frequency.WEEKLY));
        assertEquals("Never", Labels.frequency(org.tesseracrm.reports.api.Frequency.NONE));
    }
}
