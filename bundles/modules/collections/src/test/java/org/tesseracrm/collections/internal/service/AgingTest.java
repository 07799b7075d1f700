package org.tesseracrm.collections.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.collections.api.AgingBucket;
import org.tesseracrm.collections.api.AgingBy;
import org.tesseracrm.collections.api.AgingReport;
import org.tesseracrm.collections.api.AgingRow;

/** The buckets at every edge, the rows and totals per customer and per collector, and the day in a time zone. */
class AgingTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void everyEdgeFallsInItsBucket() {
        assertEquals(AgingBucket.CURRENT, AgingBucket.of(TODAY.plusDays(30), TODAY), "not yet due");
        assertEquals(AgingBucket.CURRENT, AgingBucket.of(TODAY.plusDays(1), TODAY), "due tomorrow");
        assertEquals(AgingBucket.CURRENT, AgingBucket.of(TODAY, TODAY), "due today is current");
        assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(TODAY.minusDays(1), TODAY), "1 day late");
        assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(TODAY.minusDays(30), TODAY), "30 days late");
        assertEquals(AgingBucket.DAYS_31_60, AgingBucket.of(TODAY.minusDays(31), TODAY), "31 days late");
        assertEquals(AgingBucket.DAYS_31_60, AgingBucket.of(TODAY.minusDays(60), TODAY), "60 days late");
        assertEquals(AgingBucket.DAYS_61_90, AgingBucket.of(TODAY.minusDays(61), TODAY), "61 days late");
        assertEquals(AgingBucket.DAYS_61_90, AgingBucket.of(TODAY.minusDays(90), TODAY), "90 days late");
        assertEquals(AgingBucket.OVER_90, AgingBucket.of(TODAY.minusDays(91), TODAY), "91 days late");
        assertEquals(AgingBucket.OVER_90, AgingBucket.of(TODAY.minusYears(5), TODAY), "years late");
    }

    @Test
    void edgesCountWholeCalendarDaysAcrossMonthsAndLeapYears() {
        LocalDate leap = LocalDate.of(2024, 3, 1);
        assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(LocalDate.of(2024, 1, 31), leap), "30 days in a leap year");
        assertEquals(AgingBucket.DAYS_31_60, AgingBucket.of(LocalDate.of(2024, 1, 30), leap), "31 days");
        LocalDate plain = LocalDate.of(2025, 3, 1);
        assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(LocalDate.of(2025, 1, 30), plain), "30 days");
        assertEquals(AgingBucket.DAYS_31_60, AgingBucket.of(LocalDate.of(2025, 1, 29), plain), "31 days");
    }

    @Test
    void theBucketsDueDatesMatchTheirEdges() {
        assertEquals(TODAY.minusDays(1), AgingBucket.DAYS_1_30.latestDue(TODAY).orElseThrow());
        assertEquals(TODAY.minusDays(30), AgingBucket.DAYS_1_30.earliestDue(TODAY).orElseThrow());
        assertEquals(TODAY.minusDays(91), AgingBucket.OVER_90.latestDue(TODAY).orElseThrow());
        assertEquals(TODAY, AgingBucket.CURRENT.earliestDue(TODAY).orElseThrow());
    }

    @Test
    void rowsPerCustomerSumTheirBucketsAndTheTotalsRowSumsTheRows() {
        List<Aging.Item> items = List.of(
                item(1, "company:10", "ana", "EUR", 0, "100.00"),
                item(1, "company:10", "ana", "EUR", 30, "30.00"),
                item(2, "company:10", "bob", "EUR", 31, "31.00"),
                item(2, "company:10", "bob", "EUR", 90, "90.00"),
                item(3, "contact:7", "bob", "EUR", 91, "91.00"),
                item(3, "contact:7", "bob", "EUR", -5, "5.50"),
                item(4, "contact:7", "bob", "USD", 61, "61.00"));
        AgingReport report = Aging.report(AgingBy.CUSTOMER, TODAY, items,
                key -> key.equals("company:10") ? "Acme" : "Zoë Díaz");
        assertEquals(3, report.rows().size());
        AgingRow acme = report.rows().get(0);
        assertEquals("Acme", acme.label());
        assertRow(acme, "100.00", "30.00", "31.00", "90.00", "0.00", "251.00");
        assertEquals(4, acme.obligations());
        AgingRow zoe = report.rows().get(1);
        assertEquals("EUR", zoe.currency());
        assertRow(zoe, "5.50", "0.00", "0.00", "0.00", "91.00", "96.50");
        assertRow(report.rows().get(2), "0.00", "0.00", "0.00", "61.00", "0.00", "61.00");
        assertEquals(2, report.totals().size(), "one totals row per currency");
        AgingRow eur = report.totals().get(0);
        assertEquals("EUR", eur.currency());
        assertEquals(Aging.TOTAL, eur.key());
        assertRow(eur, "105.50", "30.00", "31.00", "90.00", "91.00", "347.50");
        assertEquals(6, eur.obligations());
        assertRow(report.totals().get(1), "0.00", "0.00", "0.00", "61.00", "0.00", "61.00");
    }

    @Test
    void rowsPerCollector() {
        List<Aging.Item> items = List.of(
                item(1, "company:10", "ana", "EUR", 1, "10.00"),
                item(2, "company:11", "ana", "EUR", 60, "20.00"),
                item(3, "company:11", "bob", "EUR", 61, "40.00"));
        AgingReport report = Aging.report(AgingBy.COLLECTOR, TODAY, items, key -> key);
        assertEquals(List.of("ana", "bob"), report.rows().stream().map(AgingRow::label).toList());
        assertRow(report.rows().get(0), "0.00", "10.00", "20.00", "0.00", "0.00", "30.00");
        assertRow(report.rows().get(1), "0.00", "0.00", "0.00", "40.00", "0.00", "40.00");
        assertRow(report.totals().get(0), "0.00", "10.00", "20.00", "40.00", "0.00", "70.00");
    }

    @Test
    void nothingOutstandingMakesNoRows() {
        AgingReport report = Aging.report(AgingBy.CUSTOMER, TODAY, List.of(), key -> key);
        assertEquals(List.of(), report.rows());
        assertEquals(List.of(), report.totals());
    }

    @Test
    void todayIsTheDayInTheUsersTimeZone() {
        Clock lateEvening = Clock.fixed(Instant.parse("2026-04-01T03:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 4, 1), Aging.today(lateEvening, ZoneId.of("UTC")));
        assertEquals(LocalDate.of(2026, 3, 31), Aging.today(lateEvening, ZoneId.of("America/Bogota")),
                "22:30 the evening before in Bogotá");
        assertEquals(LocalDate.of(2026, 4, 1), Aging.today(lateEvening, ZoneId.of("Europe/Madrid")));
        // so an obligation due on 31 March is current in Bogotá and 1 day late in Madrid at that instant
        LocalDate due = LocalDate.of(2026, 3, 31);
        assertEquals(AgingBucket.CURRENT, AgingBucket.of(due, Aging.today(lateEvening, ZoneId.of("America/Bogota"))));
        assertEquals(AgingBucket.DAYS_1_30, AgingBucket.of(due, Aging.today(lateEvening, ZoneId.of("Europe/Madrid"))));
    }

    @Test
    void theCustomerIsTheCompanyElseTheContact() {
        assertEquals("company:3", Aging.customer(3L, 4L));
        assertEquals("contact:4", Aging.customer(null, 4L));
        assertEquals("none", Aging.customer(null, null));
    }

    private static Aging.Item item(long collection, String customer, String collector, String currency, int daysLate,
            String outstanding) {
        return new Aging.Item(collection, customer, collector, currency, TODAY.minusDays(daysLate),
                new BigDecimal(outstanding));
    }

    private static void assertRow(AgingRow row, String current, String d30, String d60, String d90, String over,
            String total) {
        assertEquals(List.of(current, d30, d60, d90, over), row.amounts().stream().map(BigDecimal::toPlainString)
                .toList(), row.label());
        assertEquals(total, row.total().toPlainString(), row.label());
    }
}
