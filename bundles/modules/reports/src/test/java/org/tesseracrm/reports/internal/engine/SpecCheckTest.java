package org.tesseracrm.reports.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportSort;
import org.tesseracrm.reports.api.ReportSpec;

/** Spec validation, headers, the period filter in the caller's zone, sorting and the row limit. */
class SpecCheckTest {
    private static FieldDefinition field(String name, String label, FieldType type, Optional<String> lookup) {
        return new FieldDefinition(name, label, type, false, 0, true, name.toUpperCase(), false, lookup);
    }

    private static final Map<String, Map<String, FieldDefinition>> TYPES = Map.of(
            "opportunity", byName(field("name", "Name", FieldType.TEXT, Optional.empty()),
                    field("amount", "Amount", FieldType.MONEY, Optional.empty()),
                    field("phase", "Phase", FieldType.PICKLIST, Optional.empty()),
                    field("closeDate", "Close date", FieldType.DATE, Optional.empty()),
                    field("createdAt", "Created", FieldType.DATE_TIME, Optional.empty()),
                    field("notes", "Notes", FieldType.LONG_TEXT, Optional.empty()),
                    field("company", "Company", FieldType.LOOKUP, Optional.of("company"))),
            "company", byName(field("industry", "Industry", FieldType.PICKLIST, Optional.empty())));
    private static final Function<String, Map<String, FieldDefinition>> FIELDS = t -> TYPES.getOrDefault(t, Map.of());

    private static Map<String, FieldDefinition> byName(FieldDefinition... fields) {
        Map<String, FieldDefinition> map = new LinkedHashMap<>();
        for (FieldDefinition f : fields) {
            map.put(f.name(), f);
        }
        return map;
    }

    private static ReportSpec spec(List<Grouping> groups, List<Measure> measures, Optional<String> period, int limit) {
        return new ReportSpec("opportunity", "", List.of(), groups, measures, period, ChartKind.BAR, ReportSort.GROUPS,
                limit);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aSpecThatFitsItsTypeHasNoErrors() {
        assertEquals(List.of(), SpecCheck.errors(spec(List.of(Grouping.by("company.industry"),
                Grouping.by("closeDate", DateBucket.QUARTER)), List.of(Measure.count(), Measure.of(Aggregate.SUM,
                        "amount"), Measure.of(Aggregate.MAX, "closeDate")), Optional.of("createdAt"), 10), FIELDS));
    }

    @Test
    void everyMisfitIsNamed() {
        assertEquals(List.of("spec.recordType"), fields(SpecCheck.errors(new ReportSpec("nothing", "", List.of(),
                List.of(), List.of(Measure.count()), Optional.empty(), null, null, 0), FIELDS)));
        assertEquals(List.of("spec.groups", "spec.groups", "spec.groups", "spec.groups", "spec.groups"),
                fields(SpecCheck.errors(spec(List.of(Grouping.by("closeDate"), Grouping.by("phase", DateBucket.DAY),
                        Grouping.by("notes"), Grouping.by("company.nothing")), List.of(Measure.count()),
                        Optional.empty(), 0), FIELDS)), "more than two, date without bucket, bucket on a pick-list, "
                        + "long text, unknown lookup target");
        assertEquals(List.of("spec.measures", "spec.measures", "spec.measures"), fields(SpecCheck.errors(spec(
                List.of(), List.of(Measure.of(Aggregate.SUM, "name"), Measure.of(Aggregate.AVG, "closeDate"),
                        Measure.of(Aggregate.MIN, "nothing")), Optional.empty(), 0), FIELDS)));
        assertEquals(List.of("spec.measures"), fields(SpecCheck.errors(spec(List.of(), List.of(), Optional.empty(),
                0), FIELDS)), "no measure");
        assertEquals(List.of("spec.periodField", "spec.limit"), fields(SpecCheck.errors(spec(List.of(),
                List.of(Measure.count()), Optional.of("amount"), 1001), FIELDS)));
        assertEquals(List.of("spec.filters"), fields(SpecCheck.errors(new ReportSpec("opportunity", "",
                List.of(Filter.of("nothing", FilterOp.EQUALS, "x")), List.of(), List.of(Measure.count()),
                Optional.empty(), null, null, 0), FIELDS)));
    }

    @Test
    void headersNameFieldsBucketsAndLookups() {
        Map<String, FieldDefinition> own = TYPES.get("opportunity");
        assertEquals("Close date (month)", SpecCheck.header(Grouping.by("closeDate", DateBucket.MONTH), own, FIELDS));
        assertEquals("Company › Industry", SpecCheck.header(Grouping.by("company.industry"), own, FIELDS));
        assertEquals("Sum of Amount", SpecCheck.header(Measure.of(Aggregate.SUM, "amount"), own, FIELDS));
        assertEquals("Count", SpecCheck.header(Measure.count(), own, FIELDS));
    }

    @Test
    void thePeriodIsWholeDaysInTheCallersZone() {
        Period q1 = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        Map<String, FieldDefinition> own = TYPES.get("opportunity");
        assertEquals(new Filter("closeDate", FilterOp.BETWEEN, List.of("2026-01-01", "2026-03-31")),
                SpecCheck.periodFilter(own.get("closeDate"), q1, ZoneId.of("Europe/Berlin")));
        // Berlin is UTC+1 in winter and UTC+2 from March 29: the period's instants, as UTC
        assertEquals(new Filter("createdAt", FilterOp.BETWEEN, List.of("2025-12-31T23:00", "2026-03-31T21:59:59.999")),
                SpecCheck.periodFilter(own.get("createdAt"), q1, ZoneId.of("Europe/Berlin")));
    }

    @Test
    void sortingByValueIsStableAndTheLimitCuts() {
        List<AggregateRow> rows = List.of(row("a", 3), row("b", 5), row("c", 3), row("d", 1));
        assertEquals(List.of("b", "a", "c"), labels(SpecCheck.order(rows, ReportSort.VALUE_DESC, 3)));
        assertEquals(List.of("d", "a", "c", "b"), labels(SpecCheck.order(rows, ReportSort.VALUE_ASC, 0)));
        assertEquals(List.of("a", "b"), labels(SpecCheck.order(rows, ReportSort.GROUPS, 2)));
        assertTrue(SpecCheck.order(List.of(), ReportSort.VALUE_DESC, 5).isEmpty());
    }

    private static AggregateRow row(String label, int value) {
        return new AggregateRow(List.of(Optional.of(label)), List.of(label), List.of(BigDecimal.valueOf(value)));
    }

    private static List<String> labels(List<AggregateRow> rows) {
        return rows.stream().map(r -> r.labels().get(0)).toList();
    }
}
