package org.tesseracrm.reports.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.ReportSort;
import org.tesseracrm.reports.api.ReportSpec;

class SpecFormTest {
    private static final FieldChoice PHASE = new FieldChoice("phase", "Phase", FieldType.PICKLIST);
    private static final FieldChoice CLOSE = new FieldChoice("closeDate", "Close date", FieldType.DATE);
    private static final FieldChoice AMOUNT = new FieldChoice("amount", "Amount", FieldType.MONEY);
    private static final FieldChoice INDUSTRY = new FieldChoice("company.industry", "Company › Industry",
            FieldType.PICKLIST);

    private static SpecForm form(List<SpecForm.GroupRow> groups, List<SpecForm.MeasureRow> measures) {
        return new SpecForm("opportunity", " won ", List.of(Filter.of("phase", FilterOp.EQUALS, "Won")), groups,
                measures, CLOSE, ChartKind.STACKED_BAR, ReportSort.VALUE_DESC, 10);
    }

    @Test
    void buildsGroupingsAndMeasuresFromTheForm() {
        ReportSpec spec = form(List.of(new SpecForm.GroupRow(PHASE, DateBucket.YEAR),
                new SpecForm.GroupRow(CLOSE, DateBucket.QUARTER)), List.of(new SpecForm.MeasureRow(Aggregate.COUNT,
                        AMOUNT), new SpecForm.MeasureRow(Aggregate.SUM, AMOUNT))).spec();

        // a bucket chosen for a field that is no date is dropped; a count ignores a field left chosen
        assertEquals(List.of(Grouping.by("phase"), Grouping.by("closeDate", DateBucket.QUARTER)), spec.groups());
        assertEquals(List.of(Measure.count(), Measure.of(Aggregate.SUM, "amount")), spec.measures());
        assertEquals("won", spec.text());
        assertEquals(Optional.of("closeDate"), spec.periodField());
        assertEquals(ChartKind.STACKED_BAR, spec.chart());
        assertEquals(ReportSort.VALUE_DESC, spec.sort());
        assertEquals(10, spec.limit());
        assertEquals(1, spec.filters().size());
    }

    @Test
    void groupsADateByMonthUntilAnotherBucketIsChosenAndMovesASecondGroupingUp() {
        ReportSpec spec = form(List.of(new SpecForm.GroupRow(null, null), new SpecForm.GroupRow(CLOSE, null)),
                List.of(new SpecForm.MeasureRow(null, null))).spec();

        assertEquals(List.of(Grouping.by("closeDate", DateBucket.MONTH)), spec.groups());
        assertEquals(List.of(Measure.count()), spec.measures());
    }

    @Test
    void refusesASumWithoutAFieldAndAReportWithoutRecordsAtTheirFields() {
        SpecForm noField = form(List.of(), List.of(new SpecForm.MeasureRow(Aggregate.SUM, null)));
        ValidationException e = assertThrows(ValidationException.class, noField::spec);
        assertEquals("spec.measures", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("sum"), e.errors().get(0).message());

        SpecForm noType = new SpecForm(null, "", List.of(), List.of(), List.of(), null, null, null, null);
        ValidationException both = assertThrows(ValidationException.class, noType::spec);
        assertEquals(List.of("spec.recordType", "spec.measures"), both.errors().stream().map(f -> f.field()).toList());
    }

    @Test
    void readsASavedSpecBackIntoTheFormWithLookupFieldsAndUnknownFields() {
        FieldChoices choices = new FieldChoices(List.of(PHASE, CLOSE, AMOUNT, INDUSTRY));
        ReportSpec saved = new ReportSpec("opportunity", "", List.of(), List.of(Grouping.by("company.industry"),
                Grouping.by("closeDate", DateBucket.WEEK)), List.of(Measure.of(Aggregate.AVG, "amount"),
                        Measure.of(Aggregate.MAX, "gone")), Optional.empty(), ChartKind.LINE, null, 0);

        SpecForm form = SpecForm.of(saved, choices);

        assertEquals(INDUSTRY, form.groups().get(0).field());
        assertEquals(DateBucket.WEEK, form.groups().get(1).bucket());
        assertEquals(AMOUNT, form.measures().get(0).field());
        assertEquals("gone", form.measures().get(1).field().name()); // shown by name; the service refuses it
        assertEquals(saved, form.spec()); // read back, it is the same report
    }

    @Test
    void offersLookupFieldsOneLevelDeepAndOnlyFittingFieldsPerAggregate() {
        FieldDefinition company = new FieldDefinition("company", "Company", FieldType.LOOKUP, false, 0, true,
                "COMPANY_ID", false, Optional.of("company"));
        List<FieldDefinition> own = List.of(
                FieldDefinition.predefined("phase", "Phase", FieldType.PICKLIST, "PHASE", true, 0),
                FieldDefinition.predefined("notes", "Notes", FieldType.LONG_TEXT, "NOTES", false, 0),
                FieldDefinition.predefined("amount", "Amount", FieldType.MONEY, "AMOUNT", false, 0),
                FieldDefinition.predefined("closeDate", "Close date", FieldType.DATE, "CLOSE_DATE", false, 0),
                company);
        List<FieldDefinition> companies = List.of(
                FieldDefinition.predefined("industry", "Industry", FieldType.PICKLIST, "INDUSTRY", false, 0),
                FieldDefinition.predefined("revenue", "Revenue", FieldType.MONEY, "REVENUE", false, 0),
                new FieldDefinition("parent", "Parent", FieldType.LOOKUP, false, 0, true, "PARENT_ID", false,
                        Optional.of("company")));

        FieldChoices choices = FieldChoices.of(own, type -> type.equals("company") ? companies : List.of());

        assertEquals(List.of("phase", "amount", "closeDate", "company", "company.industry", "company.revenue"),
                choices.groupable().stream().map(FieldChoice::name).toList());
        assertEquals("Company › Industry", choices.find("company.industry").orElseThrow().label());
        assertEquals(List.of(), choices.measurable(Aggregate.COUNT));
        assertEquals(List.of("amount", "company.revenue"),
                choices.measurable(Aggregate.SUM).stream().map(FieldChoice::name).toList());
        assertEquals(List.of("amount", "closeDate", "company.revenue"),
                choices.measurable(Aggregate.MIN).stream().map(FieldChoice::name).toList());
        assertEquals(List.of("closeDate"), choices.periods().stream().map(FieldChoice::name).toList());
    }
}
