package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.ImportFile;
import org.tesseracrm.kernel.api.record.ImportMode;
import org.tesseracrm.kernel.api.record.ImportProblem;
import org.tesseracrm.kernel.api.record.ImportReport;
import org.tesseracrm.kernel.api.record.ImportRequest;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.records.internal.ImportPlan.Action;
import org.tesseracrm.kernel.records.internal.ImportPlan.Planned;

/** Import validation and duplicate matching, without a database. */
class ImportPlanTest {
    private static final PeopleType PEOPLE = new PeopleType();
    private static final List<FieldDefinition> FIELDS = new ArrayList<>(PEOPLE.fields());
    private static final List<String> HEADERS = List.of("Full name", "Mail", "Segment", "Score", "Owner");
    private static final List<String> MAPPING = List.of("name", "email", "cf_segment", "cf_score", "owner");

    static {
        FIELDS.addAll(PeopleType.CUSTOM);
    }

    private static final List<PickListValue> SEGMENTS = List.of(new PickListValue("SMB", Optional.empty(), true, true),
            new PickListValue("Enterprise", Optional.empty(), false, true),
            new PickListValue("Legacy", Optional.empty(), false, false));

    @Test
    void everyBadCellIsReportedWithItsLineAndColumnAndTheGoodRowsArePlanned() {
        // line 4 is blank
        ImportPlan plan = plan(ImportMode.CREATE_ONLY, List.of(),
                List.of("Ada", "ada@example.org", "Enterprise", "990", ""),
                List.of("Bad mail", "not-an-address", "SMB", "ten", ""),
                List.of("", "", "", "", ""),
                List.of("Quiet", "", "Enterprise", "1", "mallory"),
                List.of("No extras", "", "", "", "bob"));

        ImportReport report = plan.report(false);

        assertEquals(4, report.rows(), "the blank row is skipped");
        assertEquals(2, report.created(), "Ada and No extras");
        List<String> problems = report.problems().stream().map(p -> p.line() + " " + p.column() + ": " + p.message())
                .toList();
        assertEquals(List.of("3 Mail: Enter an e-mail address like name@example.org.",
                "3 Score: Enter a number like 1234.5 (at most 15 digits before the point and 4 after).",
                "5 Owner: You cannot give records to \"mallory\": choose an active user at or below your role."),
                problems, "line 5 keeps its number after the blank line 4");
        assertEquals(2, report.invalidRows());

        Planned ada = plan.planned().get(0);
        assertEquals(2, ada.line());
        assertEquals(new BigDecimal("990"), value(ada, "cf_score"));
        assertEquals("importer", value(ada, "owner"), "no owner given: the importing user");
        Planned noExtras = plan.planned().get(1);
        assertEquals("bob", value(noExtras, "owner"));
    }

    @Test
    void theModulesOwnRulesAndInactivePickListValuesStopARow() {
        ImportPlan plan = plan(ImportMode.CREATE_ONLY, List.of(),
                List.of("Shouting!", "", "", "", ""),
                List.of("Old value", "", "Legacy", "", ""));

        List<ImportProblem> problems = plan.report(false).problems();

        assertEquals(new ImportProblem(2, "Full name", "Names do not shout."), problems.get(0));
        assertEquals(3, problems.get(1).line());
        assertTrue(problems.get(1).message().startsWith("\"Legacy\" is not one of the values of Segment"),
                problems.get(1).message());
        assertEquals(0, plan.report(false).created());
    }

    @Test
    void anUnmappedPickListGetsItsDefault() {
        ImportRequest request = new ImportRequest(new ImportFile("people.csv", List.of("Name", "E-mail"),
                List.of(List.of("Ada", "ada@example.org"))), List.of("name", "email"), List.of(), ImportMode.CREATE_ONLY,
                false);
        ImportPlan plan = ImportPlan.of(PEOPLE, FIELDS, request);
        plan.parse(user -> true, (field, title) -> {
            throw new AssertionError("no lookups here");
        }, ZoneOffset.UTC);
        plan.decide(List.of(), f -> f.name().equals("cf_segment") ? SEGMENTS : List.of(), "importer");

        assertEquals("SMB", value(plan.planned().get(0), "cf_segment"));
    }

    @Test
    void aKeyRepeatedInTheFileIsReportedOnItsSecondLineIgnoringCase() {
        ImportPlan plan = plan(ImportMode.CREATE_ONLY, List.of("email"),
                List.of("Ada", "ada@example.org", "", "", ""),
                List.of("Ada again", "ADA@example.org ", "", "", ""),
                List.of("No mail", "", "", "", ""),
                List.of("No mail either", "", "", "", ""));

        ImportReport report = plan.report(false);

        assertEquals(List.of(new ImportProblem(3, "", "Same E-mail as line 2 of this file.")), report.problems());
        assertEquals(3, report.created(), "rows with an empty key never count as duplicates");
    }

    @Test
    void rowsMatchingExistingRecordsAreRefusedSkippedOrUpdatedByMode() {
        RecordRow existing = new RecordRow(7, 3, Map.of("name", "Ada Lovelace", "email", "ada@example.org",
                "owner", "ann", "cf_score", new BigDecimal("5")));
        List<String> ada = List.of("", "Ada@Example.org", "Enterprise", "", "");
        List<String> alan = List.of("Alan", "alan@example.org", "", "", "");

        ImportPlan createOnly = plan(ImportMode.CREATE_ONLY, List.of("email"), List.of(existing), ada, alan);
        assertEquals(List.of(new ImportProblem(2, "", "Same E-mail as the existing person \"Ada Lovelace\" (#7). "
                + "Choose another mode to update or skip it.")), createOnly.report(false).problems());
        assertEquals(1, createOnly.report(false).created());

        ImportReport skip = plan(ImportMode.SKIP_DUPLICATES, List.of("email"), List.of(existing), ada, alan)
                .report(false);
        assertEquals(List.of(1, 1, 0), List.of(skip.created(), skip.skipped(), skip.problems().size()));

        ImportPlan update = plan(ImportMode.UPDATE_EXISTING, List.of("email"), List.of(existing), ada, alan);
        Planned updated = update.planned().get(0);
        assertEquals(Action.UPDATE, updated.action());
        assertEquals(7, updated.existing().id());
        assertEquals("Ada Lovelace", value(updated, "name"), "a blank cell keeps the record's value");
        assertEquals("Enterprise", value(updated, "cf_segment"));
        assertEquals(new BigDecimal("5"), value(updated, "cf_score"));
        assertEquals("ann", value(updated, "owner"), "the owner stays unless the file gives one");
        assertEquals(Action.CREATE, update.planned().get(1).action());
    }

    @Test
    void aRowMatchingSeveralRecordsIsNotGuessed() {
        RecordRow one = new RecordRow(1, 0, Map.of("name", "Ada", "email", "ada@example.org", "owner", "ann"));
        RecordRow two = new RecordRow(2, 0, Map.of("name", "Ada", "email", "ada@example.org", "owner", "bob"));

        ImportPlan plan = plan(ImportMode.UPDATE_EXISTING, List.of("email"), List.of(one, two),
                List.of("Ada", "ada@example.org", "", "", ""));

        assertEquals(0, plan.planned().size());
        assertTrue(plan.report(false).problems().get(0).message().startsWith("Matches 2 existing people"));
    }

    @Test
    void aBadMappingIsRefusedBeforeAnyRowIsRead() {
        ImportRequest request = new ImportRequest(file(List.of()), List.of("email", "email", "nope", "", ""),
                List.of("cf_score"), ImportMode.CREATE_ONLY, false);

        ValidationException e = assertThrows(ValidationException.class, () -> ImportPlan.of(PEOPLE, FIELDS, request));

        assertEquals(Map.of(
                "email", "Column \"Mail\": E-mail is already filled from another column. Map each field once.",
                "nope", "People have no field \"nope\".",
                "name", "Name is required: choose the column that holds it.",
                "cf_score", "A duplicate key must be a field you import: map a column to Score or drop it from the keys."),
                e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message)));
    }

    @Test
    void theMappingGuessMatchesLabelsAndNamesIgnoringCaseAndSpaces() {
        assertEquals(List.of("name", "email", "", "cf_score"),
                ImportRequest.guessMapping(List.of("NAME", "e-mail", "Shoe size", "cf_score"), FIELDS));
    }

    @SafeVarargs
    private static ImportPlan plan(ImportMode mode, List<String> keys, List<String>... rows) {
        return plan(mode, keys, List.of(), rows);
    }

    @SafeVarargs
    private static ImportPlan plan(ImportMode mode, List<String> keys, List<RecordRow> existing, List<String>... rows) {
        ImportPlan plan = ImportPlan.of(PEOPLE, FIELDS, new ImportRequest(file(List.of(rows)), MAPPING, keys, mode, false));
        plan.parse(user -> !user.equals("mallory"), (field, title) -> {
            throw new AssertionError("no lookups here");
        }, ZoneOffset.UTC);
        plan.decide(existing, f -> f.name().equals("cf_segment") ? SEGMENTS : List.of(), "importer");
        return plan;
    }

    private static ImportFile file(List<List<String>> rows) {
        return new ImportFile("people.csv", HEADERS, rows);
    }

    private static Object value(Planned row, String field) {
        return row.values().entrySet().stream().filter(e -> e.getKey().name().equals(field)).findFirst()
                .map(Map.Entry::getValue).orElse(null);
    }
}
