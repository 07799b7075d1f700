package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.FieldChange;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.ImportFile;
import org.tesseracrm.kernel.api.record.ImportMode;
import org.tesseracrm.kernel.api.record.ImportProblem;
import org.tesseracrm.kernel.api.record.ImportReport;
import org.tesseracrm.kernel.api.record.ImportRequest;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.Note;
import org.tesseracrm.kernel.api.record.MergeParticipant;
import org.tesseracrm.kernel.api.record.Notes;
import org.tesseracrm.kernel.api.record.RecordEvents;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSearch;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.Typification;
import org.tesseracrm.kernel.api.record.Typifications;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.record.SearchGroup;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * The record platform in the real distribution: custom fields added at runtime become real columns
 * that the contacts list filters and sorts on, that the export writes and that forms save, with the
 * permission and visibility rules of the security model.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RecordPlatformIT {
    private static final String PASSWORD = "Correct-Horse-9";
    private static final String CONTACT = ContactService.RECORD_TYPE;
    private static final Set<String> PLANNER = Set.of("contacts.view", "contacts.create", "contacts.edit",
            "contacts.export", "contacts.configure", "contacts.import", "contacts.bulk-edit", "contacts.delete");
    private static final int HTTP_PORT = PaxExamSupport.freePortOrFail();
    private static Map<String, ContactData> people;

    @Inject
    private CallerContext callers;

    @Inject
    private SecurityAdmin security;

    @Inject
    private ContactService contacts;

    @Inject
    private Records records;

    @Inject
    private CustomFields customFields;

    @Inject
    private Imports imports;

    @Inject
    private SavedViews views;

    @Inject
    private AuditTrail audit;

    @Inject
    private RecordKit kit;

    @Inject
    private org.tesseracrm.kernel.api.record.RecordTypes recordTypes;

    @Inject
    private org.tesseracrm.kernel.api.module.SafeCaller guard;

    @Inject
    private Notes notes;

    @Inject
    private Typifications typifications;

    @Inject
    private Attachments attachments;

    @Inject
    private RecordSearch search;

    @Inject
    @org.ops4j.pax.exam.util.Filter("(osgi.jndi.service.name=crm)")
    private DataSource dataSource;

    @Inject
    private BundleContext context;

    @Inject
    private Timers timers;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    static int httpPort() {
        return HTTP_PORT;
    }

    /** Every test starts after the boot modules' schema changes (see {@link PaxExamSupport#awaitBootSchemas}). */
    @org.junit.Before
    public void bootSchemasMigrated() throws InterruptedException {
        PaxExamSupport.awaitBootSchemas(context);
    }

    /**
     * A planner (contacts incl. export and configure) above a clerk (view, create, edit); three
     * fields added at runtime; the planner owns Ada and Alan, the clerk owns Grace.
     */
    private Map<String, ContactData> fixture() {
        if (people == null) {
            asSystem(() -> {
                ProfileInfo planner = security.saveProfile(new ProfileInfo(null, "Planner", false, PLANNER));
                ProfileInfo clerk = security.saveProfile(new ProfileInfo(null, "Clerk", false,
                        Set.of("contacts.view", "contacts.create", "contacts.edit", "contacts.bulk-edit")));
                RoleInfo head = security.saveRole(null, "Head", null);
                RoleInfo desk = security.saveRole(null, "Desk", head.id());
                security.createUser(new UserInput("planner", "Planner", "", "", head.id(), planner.id(), Set.of()),
                        PASSWORD.toCharArray());
                security.createUser(new UserInput("clerk", "Clerk", "", "", desk.id(), clerk.id(), Set.of()),
                        PASSWORD.toCharArray());
                return null;
            });
            as("planner", () -> {
                customFields.add(CONTACT, CustomFieldInput.pickList("Segment", false, List.of("Enterprise", "SMB", "Legacy")));
                customFields.add(CONTACT, CustomFieldInput.of("Score", FieldType.NUMBER));
                return customFields.add(CONTACT, CustomFieldInput.of("Renewal", FieldType.DATE));
            });
            Map<String, ContactData> byName = new HashMap<>();
            byName.put("Ada", custom("planner", as("planner", () -> contacts.create(new ContactInput("Ada", "Lovelace",
                    "ada@example.org", "", "Analytical"))), "Enterprise", "990", "2027-01-15"));
            byName.put("Alan", custom("planner", as("planner", () -> contacts.create(new ContactInput("Alan", "Turing",
                    "", "", "Bletchley"))), "SMB", "12.5", "2026-12-01"));
            byName.put("Grace", custom("clerk", as("clerk", () -> contacts.create(new ContactInput("Grace", "Hopper",
                    "", "", "Navy"))), "Enterprise", "", ""));
            people = byName;
        }
        return people;
    }

    private ContactData custom(String user, ContactData contact, String segment, String score, String renewal) {
        RecordRow row = as(user, () -> records.update(CONTACT, contact.id(), contact.version(),
                Map.of("cf_segment", segment, "cf_score", score, "cf_renewal", renewal)));
        assertEquals(contact.version() + 1, row.version());
        return as(user, () -> contacts.get(contact.id()).orElseThrow());
    }

    @Test
    public void t1_customFieldsAddedAtRuntimeAreFilterableAndSortable() {
        fixture();
        List<String> names = as("planner", () -> customFields.fields(CONTACT)).stream().map(FieldDefinition::name).toList();
        assertTrue(names.toString(), names.containsAll(List.of("lastName", "cf_segment", "cf_score", "cf_renewal")));

        assertEquals(List.of("Hopper", "Lovelace"), lastNames("planner", RecordQuery.page(0, 50)
                .withFilters(List.of(new Filter("cf_segment", FilterOp.IN, List.of("Enterprise"))))));
        // Descending puts records without a value first, on Derby and PostgreSQL alike.
        assertEquals(List.of("Hopper", "Lovelace", "Turing"), lastNames("planner", RecordQuery.page(0, 50)
                .withSort(List.of(new SortOrder("cf_score", false)))));
        assertEquals(List.of("Turing", "Lovelace"), lastNames("planner", RecordQuery.page(0, 50)
                .withSort(List.of(new SortOrder("cf_score", true))).withFilters(List.of(
                        new Filter("cf_score", FilterOp.BETWEEN, List.of("10", ""))))));
        assertEquals(List.of("Turing"), lastNames("planner", RecordQuery.page(0, 50).withFilters(List.of(
                new Filter("cf_renewal", FilterOp.BETWEEN, List.of("2026-11-01", "2026-12-31"))))));
        assertEquals(2, as("planner", () -> records.count(CONTACT, RecordQuery.page(0, 1).withFilters(List.of(
                Filter.of("cf_segment", FilterOp.EQUALS, "Enterprise"))), 100)).longValue());

        RecordRow ada = as("planner", () -> records.get(CONTACT, people.get("Ada").id())).orElseThrow();
        assertEquals(new BigDecimal("990"), ada.values().get("cf_score"));
        assertEquals(LocalDate.of(2027, 1, 15), ada.values().get("cf_renewal"));
        assertEquals("Enterprise", ada.values().get("cf_segment"));
        assertEquals("Lovelace", ada.values().get("lastName"));
    }

    @Test
    public void t2_listsKeepRecordVisibility() {
        fixture();
        assertEquals(List.of("Hopper"), lastNames("clerk", RecordQuery.page(0, 50)));
        assertEquals(3, lastNames("planner", RecordQuery.page(0, 50)).size());
        assertTrue(as("clerk", () -> records.get(CONTACT, people.get("Ada").id())).isEmpty());
    }

    @Test
    public void t3_exportWritesTheFilteredListWithCustomColumns() throws IOException {
        fixture();
        RecordQuery enterprise = RecordQuery.page(0, 1).withFilters(List.of(
                new Filter("cf_segment", FilterOp.IN, List.of("Enterprise"))));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();
        long written = as("planner", () -> records.export(CONTACT, enterprise, List.of("lastName", "cf_segment",
                "cf_score", "cf_renewal"), ExportFormat.CSV, csv, progress::add));
        assertEquals(2, written);
        assertEquals(List.of(2L), progress);
        assertEquals("\ufeffLast name,Segment,Score,Renewal\r\nHopper,Enterprise,,\r\nLovelace,Enterprise,990,2027-01-15\r\n",
                csv.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        as("planner", () -> records.export(CONTACT, enterprise, List.of(), ExportFormat.XLSX, xlsx, n -> { }));
        String sheet = zipEntry(xlsx.toByteArray(), "xl/worksheets/sheet1.xml");
        String strings = zipEntry(xlsx.toByteArray(), "xl/sharedStrings.xml");
        assertTrue(strings, strings.contains("Lovelace") && strings.contains("Segment") && strings.contains("Enterprise"));
        assertTrue("the score is a number cell: " + sheet, sheet.contains("<v>990</v>"));

        assertThrows(PermissionDeniedException.class, () -> as("clerk", () -> records.export(CONTACT,
                RecordQuery.page(0, 1), List.of(), ExportFormat.CSV, new ByteArrayOutputStream(), n -> { })));
    }

    @Test
    public void t4_badValuesAreRefusedPerFieldAndNothingIsSaved() {
        ContactData alan = fixture().get("Alan");
        ValidationException bad = assertThrows(ValidationException.class, () -> as("planner",
                () -> records.update(CONTACT, alan.id(), alan.version(),
                        Map.of("cf_score", "lots", "cf_renewal", "next week", "cf_segment", "Nope"))));
        assertEquals(Set.of("cf_score", "cf_renewal"), Set.copyOf(bad.errors().stream().map(e -> e.field()).toList()));
        ValidationException notListed = assertThrows(ValidationException.class, () -> as("planner",
                () -> records.update(CONTACT, alan.id(), alan.version(), Map.of("cf_segment", "Nope"))));
        assertEquals("\"Nope\" is not one of the values of Segment (Enterprise, SMB, Legacy).",
                notListed.errors().get(0).message());
        assertThrows(ConflictException.class, () -> as("planner",
                () -> records.update(CONTACT, alan.id(), alan.version() - 1, Map.of("cf_score", "1"))));
        RecordRow unchanged = as("planner", () -> records.get(CONTACT, alan.id())).orElseThrow();
        assertEquals(new BigDecimal("12.5"), unchanged.values().get("cf_score"));
        assertEquals("SMB", unchanged.values().get("cf_segment"));
    }

    @Test
    public void t5_pickListValuesInUseCanBeDeactivatedNotDropped() {
        fixture();
        ValidationException used = assertThrows(ValidationException.class, () -> as("planner",
                () -> { customFields.savePickList(CONTACT, "cf_segment", List.of(PickListValue.of("Enterprise")));
                    return null; }));
        assertTrue(used.getMessage(), used.getMessage().contains("\"SMB\" is still used by 1 records"));
        as("planner", () -> {
            customFields.savePickList(CONTACT, "cf_segment", List.of(PickListValue.of("Enterprise"),
                    new PickListValue("SMB", Optional.of("#2e7d32"), true, false)));
            return null;
        });
        assertEquals(List.of("Enterprise", "SMB"), as("planner", () -> customFields.pickList(CONTACT, "cf_segment"))
                .stream().map(PickListValue::value).toList());
        // Alan keeps his now inactive value when other fields change, but nobody can choose it anew.
        ContactData alan = people.get("Alan");
        RecordRow kept = as("planner", () -> records.update(CONTACT, alan.id(),
                records.get(CONTACT, alan.id()).orElseThrow().version(), Map.of("cf_segment", "SMB", "cf_score", "13")));
        assertEquals("SMB", kept.values().get("cf_segment"));
        ContactData grace = people.get("Grace");
        assertThrows(ValidationException.class, () -> as("planner", () -> records.update(CONTACT, grace.id(),
                records.get(CONTACT, grace.id()).orElseThrow().version(), Map.of("cf_segment", "SMB"))));
    }

    @Test
    public void t6_onlyCustomFieldsCanBeRemovedAndOnlyByConfigurers() {
        fixture();
        assertThrows(PermissionDeniedException.class, () -> as("clerk",
                () -> customFields.add(CONTACT, CustomFieldInput.of("Shoe size", FieldType.NUMBER))));
        ValidationException predefined = assertThrows(ValidationException.class, () -> as("planner", () -> {
            customFields.remove(CONTACT, "lastName");
            return null;
        }));
        assertEquals("\"Last name\" comes with the module and cannot be removed", predefined.errors().get(0).message());
        ValidationException taken = assertThrows(ValidationException.class,
                () -> as("planner", () -> customFields.add(CONTACT, CustomFieldInput.of("score", FieldType.TEXT))));
        assertEquals("A field with this label already exists", taken.errors().get(0).message());

        as("planner", () -> {
            customFields.remove(CONTACT, "cf_renewal");
            return null;
        });
        assertFalse(as("planner", () -> customFields.fields(CONTACT)).stream().anyMatch(f -> f.name().equals("cf_renewal")));
        assertThrows(ValidationException.class, () -> lastNames("planner", RecordQuery.page(0, 5).withFilters(List.of(
                new Filter("cf_renewal", FilterOp.EMPTY, List.of())))));
        assertEquals(3, lastNames("planner", RecordQuery.page(0, 50)).size());
        // Removing a field does not touch the module's own data.
        assertEquals("Lovelace", as("planner", () -> contacts.get(people.get("Ada").id())).orElseThrow().lastName());
    }

    @Test
    public void t7_importChecksEveryRowUpdatesByKeyAndFillsCustomFields() {
        fixture();
        String csv = "First name;Last name;E-mail;Segment;Score\n"
                + "Ada;;ada@example.org;;991\n"
                + "Barbara;Liskov;barbara@example.org;Enterprise;7\n"
                + "Bad;Score;bad@example.org;;lots\n"
                + "No;Segment;nos@example.org;Gold;\n";
        ImportFile file = as("planner", () -> imports.read(CONTACT, "people.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        List<String> mapping = ImportRequest.guessMapping(file.headers(), as("planner", () -> customFields.fields(CONTACT)));
        assertEquals(List.of("firstName", "lastName", "email", "cf_segment", "cf_score"), mapping);

        ImportRequest allOrNothing = new ImportRequest(file, mapping, List.of("email"), ImportMode.UPDATE_EXISTING, false);
        ImportReport check = as("planner", () -> imports.check(CONTACT, allOrNothing));
        assertEquals(check.problems().toString(), List.of(4, 5),
                check.problems().stream().map(ImportProblem::line).toList());
        assertEquals("Score", check.problems().get(0).column());
        assertEquals(List.of(1, 1, false), List.of(check.created(), check.updated(), check.written()));

        ImportReport refused = as("planner", () -> imports.run(CONTACT, allOrNothing, rows -> { }));
        assertFalse("all or nothing with bad rows writes nothing", refused.written());
        assertEquals(List.of(), lastNames("planner", RecordQuery.page(0, 10)
                .withFilters(List.of(new Filter("lastName", FilterOp.EQUALS, List.of("Liskov"))))));

        ImportRequest validOnly = new ImportRequest(file, mapping, List.of("email"), ImportMode.UPDATE_EXISTING, true);
        ImportReport done = as("planner", () -> imports.run(CONTACT, validOnly, rows -> { }));
        assertEquals(List.of(1, 1, 2L, true), List.of(done.created(), done.updated(), done.invalidRows(), done.written()));
        assertEquals(List.of("Lovelace"), lastNames("planner", RecordQuery.page(0, 10)
                .withFilters(List.of(new Filter("cf_score", FilterOp.EQUALS, List.of("991"))))));
        RecordRow barbara = as("planner", () -> records.page(CONTACT, RecordQuery.page(0, 10)
                .withFilters(List.of(new Filter("lastName", FilterOp.EQUALS, List.of("Liskov")))))).get(0);
        assertEquals(List.of("Barbara", "Enterprise", "7", "planner"), List.of(barbara.text("firstName"),
                barbara.text("cf_segment"), barbara.text("cf_score"), barbara.text("owner")));
        ContactData viaModule = as("planner", () -> contacts.get(barbara.id()).orElseThrow());
        assertEquals("barbara@example.org", viaModule.email());
        ContactData edited = as("planner", () -> contacts.update(barbara.id(), viaModule.version(),
                new ContactInput("Barbara", "Liskov", "barbara@example.org", "+1 617 253 0000", "MIT")));
        assertEquals("MIT", edited.companyName());

        assertThrows(PermissionDeniedException.class, () -> as("clerk", () -> imports.read(CONTACT, "x.csv",
                new ByteArrayInputStream(new byte[0]))));
    }

    @Test
    public void t8_anImportThatDiesHalfWayLeavesNothingAndAFullOneImportsEveryRow() {
        fixture();
        StringBuilder csv = new StringBuilder("Last name,E-mail,Score\n");
        for (int i = 1; i <= 3000; i++) {
            csv.append(String.format("Crash%04d,crash%d@example.org,%d%n", i, i, i));
        }
        ImportFile file = as("planner", () -> imports.read(CONTACT, "crash.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))));
        ImportRequest request = new ImportRequest(file, List.of("lastName", "email", "cf_score"), List.of(),
                ImportMode.CREATE_ONLY, false);
        RecordQuery crashed = RecordQuery.page(0, 10)
                .withFilters(List.of(new Filter("lastName", FilterOp.CONTAINS, List.of("Crash"))));

        List<Long> seen = new ArrayList<>();
        RuntimeException death = assertThrows(IllegalStateException.class, () -> as("planner",
                () -> imports.run(CONTACT, request, rows -> {
                    seen.add(rows);
                    if (rows >= 2000) {
                        throw new IllegalStateException("killed at " + rows + " rows");
                    }
                })));
        assertEquals("killed at 2000 rows", death.getMessage());
        assertEquals(List.of(1000L, 2000L), seen);
        assertEquals(0, (long) as("planner", () -> records.count(CONTACT, crashed, 10_000)));

        ImportReport full = as("planner", () -> imports.run(CONTACT, request, rows -> { }));
        assertEquals(3000, full.created());
        assertEquals(3000, (long) as("planner", () -> records.count(CONTACT, crashed, 10_000)));
        Set<Long> imported = new java.util.HashSet<>();
        for (int page = 0; page < 3; page++) {
            int offset = page * 1000;
            as("planner", () -> records.page(CONTACT, crashed.withPage(offset, 1000))).forEach(row -> imported.add(row.id()));
        }
        assertEquals(3000, imported.size());
        for (int i = 0; i < 120; i++) { // more than the entity's id block of 100: it must take a block after the import's
            ContactData after = as("planner", () -> contacts.create(new ContactInput("After", "Import", "", "", "")));
            assertFalse("the module's own inserts get ids the import did not use", imported.contains(after.id()));
        }
    }

    @Test
    public void t9_viewsAreSavedPerUserSharedOnlyByConfigurersAndRunAsSaved() {
        fixture();
        List<Filter> enterprise = List.of(new Filter("cf_segment", FilterOp.IN, List.of("Enterprise")));
        SavedView mine = as("planner", () -> views.save(new SavedView(CONTACT, " Enterprise by name ", "someone else",
                false, "", enterprise, List.of(new SortOrder("lastName", true)), List.of("lastName", "cf_segment"))));
        assertEquals(List.of("Enterprise by name", "planner"), List.of(mine.name(), mine.owner()));
        assertEquals(List.of("Hopper", "Liskov", "Lovelace"), lastNames("planner", mine.query()));

        assertEquals(List.of(), as("clerk", () -> views.list(CONTACT)));
        assertThrows(PermissionDeniedException.class, () -> as("clerk", () -> views.save(new SavedView(CONTACT,
                "Everyone's", "", true, "", List.of(), List.of(), List.of()))));
        ValidationException bad = assertThrows(ValidationException.class, () -> as("planner", () -> views.save(
                new SavedView(CONTACT, "Bad", "", false, "", List.of(Filter.of("cf_score", FilterOp.EQUALS, "lots")),
                        List.of(), List.of()))));
        assertEquals("cf_score", bad.errors().get(0).field());

        as("planner", () -> views.save(new SavedView(CONTACT, "Team", "", true, "a", List.of(), List.of(), List.of())));
        as("clerk", () -> views.save(new SavedView(CONTACT, "Mine", "", false, "", enterprise, List.of(), List.of())));
        assertEquals(List.of("Mine/clerk", "Team/planner"), as("clerk", () -> views.list(CONTACT)).stream()
                .map(v -> v.name() + "/" + v.owner()).toList());
        assertEquals(List.of("Enterprise by name/planner", "Team/planner"), as("planner", () -> views.list(CONTACT))
                .stream().map(v -> v.name() + "/" + v.owner()).toList());

        assertThrows(PermissionDeniedException.class, () -> as("clerk", () -> {
            views.delete(CONTACT, "planner", "Team");
            return null;
        }));
        as("planner", () -> {
            views.delete(CONTACT, "planner", "Team");
            return null;
        });
        assertEquals(List.of("Mine/clerk"), as("clerk", () -> views.list(CONTACT)).stream()
                .map(v -> v.name() + "/" + v.owner()).toList());
    }

    @Test
    public void t10_inlineEditsAndBulkActionsAreCheckedLikeTheFormAndAllOrNothing() {
        fixture();
        List<Long> ids = new ArrayList<>();
        for (String last : List.of("Bulk-A", "Bulk-B", "Bulk-C")) {
            ids.add(as("planner", () -> contacts.create(new ContactInput("Kim", last, "", "", "Bulkco"))).id());
        }
        RecordSelection bulkco = RecordSelection.matching(RecordQuery.page(0, 50)
                .withFilters(List.of(Filter.of("companyName", FilterOp.EQUALS, "bulkco"))));

        // An inline edit of a predefined field goes through the module's rules, and the module sees it.
        RecordRow a = as("planner", () -> records.get(CONTACT, ids.get(0))).orElseThrow();
        ValidationException badMail = assertThrows(ValidationException.class, () -> as("planner",
                () -> records.update(CONTACT, a.id(), a.version(), Map.of("email", "not-mail"))));
        assertEquals("email", badMail.errors().get(0).field());
        assertThrows(ValidationException.class, () -> as("planner",
                () -> records.update(CONTACT, a.id(), a.version(), Map.of("owner", "clerk"))));
        RecordRow edited = as("planner", () -> records.update(CONTACT, a.id(), a.version(),
                Map.of("email", "kim@bulkco.example", "cf_score", "5")));
        assertEquals(a.version() + 1, edited.version());
        assertEquals("kim@bulkco.example", as("planner", () -> contacts.get(a.id())).orElseThrow().email());
        assertThrows(ConflictException.class, () -> as("planner",
                () -> records.update(CONTACT, a.id(), a.version(), Map.of("phone", "+44 20 7946 0000"))));

        // Bulk field update: a bad value or a broken rule on any record changes none.
        assertThrows(ValidationException.class, () -> as("planner",
                () -> records.updateAll(CONTACT, bulkco, "cf_segment", "Nope")));
        ValidationException required = assertThrows(ValidationException.class, () -> as("planner",
                () -> records.updateAll(CONTACT, bulkco, "lastName", " ")));
        assertEquals(List.of(new FieldError("lastName", "Required")), required.errors());
        assertEquals(3L, (long) as("planner", () -> records.updateAll(CONTACT, bulkco, "cf_segment", "SMB")));
        assertEquals(List.of("SMB", "SMB", "SMB"), as("planner", () -> records.page(CONTACT, bulkco.matching().get()))
                .stream().map(r -> r.text("cf_segment")).toList());

        // Bulk assign: only to users at or below the caller's role; the history says who had it.
        assertThrows(PermissionDeniedException.class, () -> as("clerk",
                () -> records.assign(CONTACT, RecordSelection.of(ids), "planner")));
        assertEquals(2L, (long) as("planner", () -> records.assign(CONTACT, RecordSelection.of(ids.subList(0, 2)),
                "clerk")));
        assertEquals("clerk", as("clerk", () -> contacts.get(ids.get(1))).orElseThrow().owner());
        AuditEntry handedOver = as("clerk", () -> audit.history(CONTACT, ids.get(1))).get(0);
        assertEquals(List.of(new FieldChange("owner", "planner", "clerk")), handedOver.changes());

        // Bulk delete needs the bulk-delete permission besides delete; with both, every matching record goes,
        // and each is audited.
        assertThrows(PermissionDeniedException.class, () -> as("planner", () -> records.delete(CONTACT, bulkco)));
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2)), as("planner", () -> records.ids(CONTACT, bulkco)));
        assertEquals(3L, (long) as("admin", () -> records.delete(CONTACT, bulkco)));
        assertEquals(0L, (long) as("admin", () -> records.count(CONTACT, bulkco.matching().get(), 10)));
        assertEquals(AuditAction.DELETE, as("admin", () -> audit.history(CONTACT, ids.get(2))).get(0).action());
    }

    @Test
    public void t11_contributedBulkActionsComeAndGoWithTheirBundleAndFollowPermissions() throws InterruptedException {
        BulkAction tag = new BulkAction() {
            @Override
            public String id() {
                return "test.tag";
            }

            @Override
            public String label() {
                return "Tag";
            }

            @Override
            public String permission() {
                return "contacts.bulk-delete";
            }

            @Override
            public String run(String recordType, List<Long> ids, Map<String, String> values) {
                return ids.size() + " tagged";
            }
        };
        ServiceRegistration<BulkAction> registration = context.registerService(BulkAction.class, tag,
                new Hashtable<>(Map.of(RecordType.ID, CONTACT)));
        try {
            List<BulkAction> shown = as("admin", () -> kit.bulkActions(CONTACT)).stream()
                    .filter(a -> a.id().startsWith("test.")).toList();
            assertEquals("the kit hands out the action behind the guard", List.of("test.tag:Tag"),
                    shown.stream().map(a -> a.id() + ":" + a.label()).toList());
            assertEquals("1 tagged", as("admin", () -> shown.get(0).run(CONTACT, List.of(1L), Map.of())));
            assertEquals("only for users holding its permission", List.of(), as("planner", () -> kit.bulkActions(CONTACT))
                    .stream().filter(a -> a.id().startsWith("test.")).toList());
            assertEquals(List.of(), as("admin", () -> kit.bulkActions("company")).stream()
                    .filter(a -> a.id().startsWith("test.")).toList());
            // eventually: run first after the boot, the modules' decorations may still be registering
            assertTrue("the contacts module's own decoration, the activities' due flag and the follow-up status: "
                    + kit.decorations(CONTACT), eventually(() -> kit.decorations(CONTACT).size() == 3));
        } finally {
            registration.unregister();
        }
        assertEquals(List.of(), as("admin", () -> kit.bulkActions(CONTACT)).stream()
                .filter(a -> a.id().startsWith("test.")).toList());
    }

    @Test
    public void t12_companiesAreKitRecordsThatContactsLookUpAndTheFormsCreateAndDeleteOneRecord() {
        fixture();
        RecordRow acme = as("admin", () -> records.create("company", Map.of("name", "Acme Ltd", "city", "Lyon",
                "website", "https://acme.example")));
        assertEquals("admin", acme.values().get("owner"));
        assertEquals(1L, acme.version());
        ValidationException noName = assertThrows(ValidationException.class,
                () -> as("admin", () -> records.create("company", Map.of("city", "Paris"))));
        assertEquals(List.of(new FieldError("name", "Name is required.")), noName.errors());
        assertThrows("the planner's profile has no companies permissions", PermissionDeniedException.class,
                () -> as("planner", () -> records.create("company", Map.of("name", "Planner Inc"))));

        // Type-ahead and titles: what a lookup field offers and shows.
        assertEquals(List.of(new RecordRef("company", acme.id(), "Acme Ltd")),
                as("admin", () -> records.lookup("company", "acm", 10)));
        assertEquals(Map.of(acme.id(), "Acme Ltd"), as("admin", () -> records.titles("company", List.of(acme.id(), 987_654L))));

        // A contact created through the platform, with its company: the module's own JPA service reads it,
        // the module's rules apply, and a company that does not exist is refused.
        RecordRow ines = as("admin", () -> records.create(CONTACT, Map.of("firstName", "Ines", "lastName", "Garcia",
                "company", String.valueOf(acme.id()))));
        assertEquals(acme.id(), ines.values().get("company"));
        assertEquals("Garcia", as("admin", () -> contacts.get(ines.id())).orElseThrow().lastName());
        assertEquals(AuditAction.CREATE, as("admin", () -> audit.history(CONTACT, ines.id())).get(0).action());
        ValidationException missing = assertThrows(ValidationException.class, () -> as("admin",
                () -> records.update(CONTACT, ines.id(), ines.version(), Map.of("company", "987654"))));
        assertEquals(List.of(new FieldError("company", "There is no company #987654 that you can see.")), missing.errors());
        ValidationException phone = assertThrows(ValidationException.class, () -> as("admin",
                () -> records.create(CONTACT, Map.of("lastName", "Phoney", "phone", "call me"))));
        assertEquals(List.of("phone"), phone.errors().stream().map(FieldError::field).toList());
        // The company's related list is this query.
        assertEquals(List.of("Garcia"), lastNames("admin", RecordQuery.page(0, 50).withFilters(List.of(
                Filter.of("company", FilterOp.EQUALS, String.valueOf(acme.id()))))));
        exportsLookupTitlesAndNeutralisesFormulas(acme);

        // The owner of a new record: the caller, or a user below them; never one above.
        RecordRow handed = as("planner", () -> records.create(CONTACT, Map.of("lastName", "Handed", "owner", "clerk")));
        assertEquals("clerk", handed.values().get("owner"));
        assertThrows(PermissionDeniedException.class, () -> as("clerk",
                () -> records.create(CONTACT, Map.of("lastName", "Upward", "owner", "planner"))));

        // A form deletes one record with the delete permission alone; two at once is a bulk delete.
        RecordRow solo = as("planner", () -> records.create(CONTACT, Map.of("lastName", "Solo")));
        assertThrows(PermissionDeniedException.class, () -> as("planner",
                () -> records.delete(CONTACT, RecordSelection.of(List.of(solo.id(), handed.id())))));
        assertEquals(1L, (long) as("planner", () -> records.delete(CONTACT, RecordSelection.of(List.of(solo.id())))));
        assertEquals(2L, (long) as("admin", () -> records.delete(CONTACT, RecordSelection.of(List.of(ines.id(),
                handed.id())))));
        assertEquals(0L, (long) as("admin", () -> records.count(CONTACT, RecordQuery.page(0, 1).withText("Garcia"), 10)));
    }

    @Test
    public void t13_notesAndFilesHangOnRecordsFollowTheirVisibilityAndGoWithThem() throws Exception {
        // Deleting the record (at the end) takes its notes and files with it.
        fixture();
        RecordRow ada = as("planner", () -> records.create(CONTACT, Map.of("firstName", "Ada", "lastName", "Notable")));
        try {
            notesAndFiles(ada);
        } finally {
            as("admin", () -> records.delete(CONTACT, RecordSelection.of(List.of(ada.id()))));
        }
        assertEquals(0, rowsOn("CRM_NOTE", ada.id()) + rowsOn("CRM_ATTACHMENT", ada.id()));
    }

    private void notesAndFiles(RecordRow ada) throws Exception {
        Note note = as("planner", () -> notes.add(CONTACT, ada.id(), "  Called about the renewal.\nWants a quote.  "));
        assertEquals("Called about the renewal.\nWants a quote.", note.text());
        assertEquals(List.of(note), as("planner", () -> notes.list(CONTACT, ada.id())));
        ValidationException empty = assertThrows(ValidationException.class,
                () -> as("planner", () -> notes.add(CONTACT, ada.id(), " ")));
        assertEquals("text", empty.errors().get(0).field());
        assertThrows("the clerk does not see the planner's contact", NotFoundException.class,
                () -> as("clerk", () -> notes.list(CONTACT, ada.id())));
        assertEquals(List.of(new FieldChange("note", "", "Called about the renewal. Wants a quote.")),
                as("planner", () -> audit.history(CONTACT, ada.id())).get(0).changes());

        // Files: typed by their content, bounded, checksummed.
        byte[] pdf = "%PDF-1.4\n% a quote\n".getBytes(StandardCharsets.US_ASCII);
        Attachment quote = as("planner", () -> attachments.add(CONTACT, ada.id(), "C:\\quotes\\quote.pdf",
                new ByteArrayInputStream(pdf)));
        assertEquals("quote.pdf", quote.fileName());
        assertEquals("application/pdf", quote.mediaType());
        assertEquals(pdf.length, quote.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)), quote.sha256());
        assertTrue(Arrays.equals(pdf, as("planner", () -> attachments.content(CONTACT, quote.id()))));
        assertEquals(List.of(quote), as("planner", () -> attachments.list(CONTACT, ada.id())));
        assertRefused("is not a pdf file", () -> attachments.add(CONTACT, ada.id(), "invoice.pdf",
                new ByteArrayInputStream("MZ\u0090 not a pdf".getBytes(StandardCharsets.ISO_8859_1))));
        assertRefused("only", () -> attachments.add(CONTACT, ada.id(), "setup.exe", new ByteArrayInputStream(pdf)));
        byte[] big = Arrays.copyOf(pdf, (int) attachments.maxBytes() + 1);
        assertRefused("larger than 10 MB", () -> attachments.add(CONTACT, ada.id(), "big.pdf", new ByteArrayInputStream(big)));
        assertEquals(1, as("planner", () -> attachments.list(CONTACT, ada.id())).size());

        // A file changed behind the CRM's back is refused at download.
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE CRM_ATTACHMENT SET CONTENT = ? WHERE ID = ?")) {
            s.setBytes(1, "%PDF-1.4 tampered".getBytes(StandardCharsets.US_ASCII));
            s.setLong(2, quote.id());
            assertEquals(1, s.executeUpdate());
        }
        CrmException damaged = assertThrows(CrmException.class, () -> as("planner", () -> attachments.content(CONTACT,
                quote.id())));
        assertTrue(damaged.getMessage(), damaged.getMessage().contains("damaged"));

    }

    @Test
    public void t14_duplicatesAreFoundOnEntryAndMergingRepointsEverythingToTheSurvivor() {
        RecordRow globex = as("admin", () -> records.create("company", Map.of("name", "Globex", "city", "Springfield")));
        RecordRow copy = as("admin", () -> records.create("company", Map.of("name", "Globex Corp",
                "website", "https://globex.example", "country", "US")));
        // Entry: same name (in any case) or same website; never the record itself.
        assertEquals(List.of(new RecordRef("company", globex.id(), "Globex")), as("admin",
                () -> records.duplicates("company", Map.of("name", "globex"), 0)));
        assertEquals(List.of(), as("admin", () -> records.duplicates("company", Map.of("name", "Globex"), globex.id())));
        assertEquals(List.of("Globex Corp"), as("admin", () -> records.duplicates("company",
                Map.of("website", "https://globex.example", "name", "Other"), 0)).stream().map(RecordRef::title).toList());

        // What points at the copy: a contact's company, a note, and a module's own reference.
        RecordRow hank = as("admin", () -> records.create(CONTACT, Map.of("lastName", "Scorpio",
                "company", String.valueOf(copy.id()))));
        as("admin", () -> notes.add("company", copy.id(), "Copy's note"));
        List<long[]> repointed = new ArrayList<>();
        MergeParticipant participant = (type, from, to) -> repointed.add(new long[] {from, to});
        ServiceRegistration<MergeParticipant> registration = context.registerService(MergeParticipant.class, participant,
                new Hashtable<>(Map.of(RecordType.ID, "company")));
        try {
            assertThrows("merging needs edit and delete", PermissionDeniedException.class, () -> as("planner",
                    () -> records.merge("company", globex.id(), globex.version(), copy.id(), Map.of())));
            assertThrows(ConflictException.class, () -> as("admin",
                    () -> records.merge("company", globex.id(), globex.version() - 1, copy.id(), Map.of())));
            RecordRow merged = as("admin", () -> records.merge("company", globex.id(), globex.version(), copy.id(),
                    Map.of("website", "https://globex.example", "country", "US")));
            assertEquals("Globex", merged.text("name"));
            assertEquals("https://globex.example", merged.text("website"));
            assertEquals("Springfield", merged.text("city"));
        } finally {
            registration.unregister();
        }
        assertEquals(1, repointed.size());
        assertEquals(List.of(copy.id(), globex.id()), List.of(repointed.get(0)[0], repointed.get(0)[1]));
        assertEquals(globex.id(), as("admin", () -> records.get(CONTACT, hank.id())).orElseThrow().values().get("company"));
        assertEquals(List.of("Copy's note"), as("admin", () -> notes.list("company", globex.id())).stream()
                .map(Note::text).toList());
        assertTrue(as("admin", () -> records.get("company", copy.id())).isEmpty());
        List<FieldChange> history = as("admin", () -> audit.history("company", globex.id())).get(0).changes();
        assertTrue(history.toString(), history.contains(new FieldChange("merged", "", "Globex Corp (#" + copy.id() + ")")));
        as("admin", () -> records.delete(CONTACT, RecordSelection.of(List.of(hank.id()))));
    }

    @Test
    public void t15_importsTakeLookupsByTheIdOrTheTitleOfOneVisibleRecord() {
        RecordRow umbrella = as("admin", () -> records.create("company", Map.of("name", "Umbrella")));
        as("admin", () -> records.create("company", Map.of("name", "Twin Co", "city", "East")));
        as("admin", () -> records.create("company", Map.of("name", "Twin Co", "city", "West")));
        String csv = "Last name;Company\n"
                + "Wesker;umbrella\n"
                + "Alpha;Twin Co\n"
                + "Beta;Nowhere Inc\n"
                + "Gamma;" + umbrella.id() + "\n"
                + "Delta;987654\n";
        ImportFile file = as("admin", () -> imports.read(CONTACT, "staff.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        List<String> mapping = ImportRequest.guessMapping(file.headers(), as("admin", () -> customFields.fields(CONTACT)));
        assertEquals("a Company column fills the lookup", List.of("lastName", "company"), mapping);
        ImportRequest request = new ImportRequest(file, mapping, List.of(), ImportMode.CREATE_ONLY, true);
        List<ImportProblem> problems = as("admin", () -> imports.check(CONTACT, request)).problems();
        assertEquals(List.of(new ImportProblem(3, "Company", "More than one company is named \"Twin Co\": enter the id "
                + "instead."), new ImportProblem(4, "Company", "No company named \"Nowhere Inc\" that you can see."),
                new ImportProblem(6, "Company", "There is no company #987654 that you can see.")), problems);

        assertEquals(2, as("admin", () -> imports.run(CONTACT, request, rows -> { })).created());
        List<RecordRow> created = as("admin", () -> records.page(CONTACT, RecordQuery.page(0, 10).withFilters(List.of(
                Filter.of("company", FilterOp.EQUALS, String.valueOf(umbrella.id()))))));
        assertEquals(List.of("Gamma", "Wesker"), created.stream().map(r -> r.text("lastName")).toList());
        as("admin", () -> records.delete(CONTACT, RecordSelection.of(created.stream().map(RecordRow::id).toList())));
    }

    @Test
    public void t16_usersRecordOutcomesFromTheOptionsAnAdminSetAndPastOutcomesStayAsChosen() throws Exception {
        RecordRow hooli = as("admin", () -> records.create("company", Map.of("name", "Hooli")));
        as("admin", () -> {
            customFields.savePickList("company", Typifications.OPTIONS, List.of(PickListValue.of("Interested"),
                    PickListValue.of("Not interested"), new PickListValue("Call back", Optional.empty(), false, false)));
            return null;
        });
        assertEquals("active options, in order", List.of("Interested", "Not interested"),
                as("admin", () -> typifications.options("company")));
        assertThrows(PermissionDeniedException.class, () -> as("planner", () -> typifications.options("company")));
        ValidationException inactive = assertThrows(ValidationException.class, () -> as("admin",
                () -> typifications.classify("company", hooli.id(), "Call back", "")));
        assertEquals("Choose one of: Interested, Not interested.", inactive.errors().get(0).message());

        Typification first = as("admin", () -> typifications.classify("company", hooli.id(), "Not interested", ""));
        Typification second = as("admin", () -> typifications.classify("company", hooli.id(), "Interested",
                "  after the demo "));
        assertEquals("after the demo", second.comment());
        assertEquals(List.of(second, first), as("admin", () -> typifications.history("company", hooli.id())));
        assertEquals(List.of(new FieldChange("outcome", "", "Interested (after the demo)")),
                as("admin", () -> audit.history("company", hooli.id())).get(0).changes());

        // An option taken away stays on the outcomes that chose it.
        as("admin", () -> {
            customFields.savePickList("company", Typifications.OPTIONS, List.of(PickListValue.of("Not interested")));
            return null;
        });
        assertEquals(List.of("Not interested"), as("admin", () -> typifications.options("company")));
        assertEquals("Interested", as("admin", () -> typifications.history("company", hooli.id())).get(0).outcome());

        as("admin", () -> records.delete("company", RecordSelection.of(List.of(hooli.id()))));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM CRM_TYPIFICATION WHERE RECORD_TYPE = 'company' AND RECORD_ID = ?")) {
            s.setLong(1, hooli.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals("outcomes go with their record", 0, rs.getInt(1));
            }
        }
    }

    @Test
    public void t17_globalSearchFindsByPrefixOnlyTypesTheCallerMayViewAndOwnersTheyMaySee() throws Exception {
        fixture();
        ContactData quentin = as("planner", () -> contacts.create(new ContactInput("Quentin", "Zyxwell",
                "q.zyxwell@example.org", "", "")));
        ContactData zoe = as("clerk", () -> contacts.create(new ContactInput("Zoe", "Zyxa", "", "", "")));
        asSystem(() -> {
            ProfileInfo firms = security.saveProfile(new ProfileInfo(null, "Firms only", false, Set.of("companies.view")));
            return security.createUser(new UserInput("firms", "Firms Only", "", "", null, firms.id(), Set.of()),
                    PASSWORD.toCharArray());
        });
        RecordRow works = as("admin", () -> records.create("company", Map.of("name", "Zyxwell Works", "owner", "firms")));
        try {
            searchFinds(quentin, zoe, works);
        } finally { // the other tests count the contacts
            as("admin", () -> records.delete(CONTACT, RecordSelection.of(List.of(quentin.id(), zoe.id()))));
            as("admin", () -> records.delete("company", RecordSelection.of(List.of(works.id()))));
        }
    }

    /**
     * Durable timers in the real kernel (PaxExamSupport sets a 200 ms poll, 3 attempts, 200 ms first retry): a
     * due timer runs once and is gone; one whose handler is not registered waits (attempts not counted) and runs
     * when the handler comes, however long ago it was due; a failing handler is retried and ends FAILED with its
     * message, which only an administrator sees and retries.
     */
    @Test
    public void t18_timersRunOnceWaitForTheirHandlerAndEndFailedAfterTheLastAttempt() throws Exception {
        fixture();
        java.util.concurrent.ConcurrentLinkedQueue<String> fired = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<ServiceRegistration<?>> handlers = new ArrayList<>();
        try {
            handlers.add(handler("it.once", t -> fired.add("once " + t.key() + " " + t.payload() + " " + t.attempt())));
            long once = timers.schedule("it.once", "a", java.time.Instant.now(), "hello");
            assertTrue(PaxExamSupport.eventually(10, () -> timers.find("it.once", "a").isEmpty()));
            Thread.sleep(600); // three more looks
            assertEquals(List.of("once a hello 1"), List.copyOf(fired));
            assertTrue(once > 0);

            // Due an hour ago, while "its module" was not installed: it waits, then runs when the handler comes.
            timers.schedule("it.later", "b", java.time.Instant.now().minusSeconds(3600), "");
            Thread.sleep(600);
            TimerInfo waiting = timers.find("it.later", "b").orElseThrow();
            assertEquals(TimerState.PENDING, waiting.state());
            assertEquals(0, waiting.attempts());
            handlers.add(handler("it.later", t -> fired.add("later " + t.key())));
            assertTrue(PaxExamSupport.eventually(10, () -> fired.contains("later b")));
            assertTrue(PaxExamSupport.eventually(10, () -> timers.find("it.later", "b").isEmpty()));

            handlers.add(handler("it.failing", t -> {
                fired.add("failing " + t.attempt());
                throw new IllegalStateException("remote said 503");
            }));
            long failing = timers.schedule("it.failing", "c", java.time.Instant.now(), "");
            assertTrue(PaxExamSupport.eventually(20, () -> timers.find("it.failing", "c").map(TimerInfo::state)
                    .equals(Optional.of(TimerState.FAILED))));
            TimerInfo failed = timers.find("it.failing", "c").orElseThrow();
            assertEquals(3, failed.attempts());
            assertEquals(Optional.of("IllegalStateException: remote said 503"), failed.lastError());
            assertEquals(List.of("failing 1", "failing 2", "failing 3"), fired.stream().filter(f -> f.startsWith("failing"))
                    .toList());
            assertTrue(as("admin", () -> timers.counts()).failed() >= 1);
            org.tesseracrm.kernel.api.module.HealthIndicator health = context.getService(context.getServiceReferences(
                    org.tesseracrm.kernel.api.module.HealthIndicator.class, "(crm.health.component=timers)").iterator().next());
            assertTrue(PaxExamSupport.eventually(10, () -> health.status().detail().startsWith("1 timer has failed")));
            assertTrue(as("admin", () -> timers.list(TimerState.FAILED, 100)).stream().anyMatch(t -> t.id() == failing));
            assertThrows(PermissionDeniedException.class, () -> as("planner", () -> timers.counts()));
            assertThrows(PermissionDeniedException.class, () -> as("planner", () -> timers.retry(failing)));

            TimerInfo retried = as("admin", () -> timers.retry(failing));
            assertEquals(0, retried.attempts());
            assertTrue(PaxExamSupport.eventually(20, () -> fired.stream().filter(f -> f.startsWith("failing")).count() == 6
                    && timers.find("it.failing", "c").map(TimerInfo::state).equals(Optional.of(TimerState.FAILED))));
            assertThrows(NotFoundException.class, () -> as("admin", () -> timers.retry(failing + 100_000)));
            assertTrue(timers.cancel("it.failing", "c"));
            assertTrue("/health's timers part is UP again", PaxExamSupport.eventually(10, () -> health.status().detail().isEmpty()));
        } finally {
            handlers.forEach(ServiceRegistration::unregister);
            timers.cancel("it.failing", "c");
        }
    }

    private ServiceRegistration<?> handler(String name, TimerHandler handler) {
        return context.registerService(TimerHandler.class, handler, new Hashtable<>(Map.of(TimerHandler.NAME, name)));
    }

    private void searchFinds(ContactData quentin, ContactData zoe, RecordRow works) throws Exception {
        // Grouped by type, in label order; a prefix of any search field, ignoring case.
        List<SearchGroup> all = as("admin", () -> search.search("ZYX", 5));
        assertEquals(List.of("Companies", "Contacts"), all.stream().map(SearchGroup::label).toList());
        assertEquals(List.of(new RecordRef("company", works.id(), "Zyxwell Works")), all.get(0).records());
        assertEquals(List.of(new RecordRef(CONTACT, quentin.id(), "Quentin Zyxwell"), new RecordRef(CONTACT, zoe.id(),
                "Zoe Zyxa")), all.get(1).records());
        assertEquals(List.of(new RecordRef(CONTACT, quentin.id(), "Quentin Zyxwell")),
                as("admin", () -> search.search("Q.Zyxwell@Example.org", 5)).get(0).records());

        // Without companies.view no companies; the clerk sees their own contacts only.
        assertEquals(List.of(new SearchGroup(CONTACT, "Contacts", List.of(new RecordRef(CONTACT, quentin.id(),
                "Quentin Zyxwell")), false)), as("planner", () -> search.search("zyxw", 5)));
        assertEquals(List.of(new SearchGroup(CONTACT, "Contacts", List.of(new RecordRef(CONTACT, zoe.id(), "Zoe Zyxa")),
                false)), as("clerk", () -> search.search("zyx", 5)));
        // A user without contacts.view gets no contacts, only the companies they may view.
        assertEquals(List.of("Companies"), as("firms", () -> search.search("zyx", 5)).stream().map(SearchGroup::label)
                .toList());

        // The platform made a search index for each search field when the record types registered.
        Set<String> indexes = new java.util.TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("CRM_CONTACT", "crm_contact")) {
                try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, true)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            indexes.add(rs.getString("INDEX_NAME").toUpperCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
        }
        assertTrue(indexes.toString(), indexes.containsAll(List.of("SX_CONTACT_FIRST_NAME", "SX_CONTACT_LAST_NAME",
                "SX_CONTACT_EMAIL", "SX_CONTACT_COMPANY_NAME")));
    }

    private void assertRefused(String expected, Supplier<Attachment> upload) {
        ValidationException refused = assertThrows(ValidationException.class, () -> as("planner", upload));
        assertTrue(refused.getMessage(), refused.errors().get(0).message().contains(expected));
    }

    private int rowsOn(String table, long recordId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table
                        + " WHERE RECORD_TYPE = 'contact' AND RECORD_ID = ?")) {
            s.setLong(1, recordId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<String> lastNames(String user, RecordQuery query) {
        return as(user, () -> records.page(CONTACT, query)).stream().map(r -> r.text("lastName")).toList();
    }

    /** Reads a workbook part through the zip's central directory, as spreadsheet programs do. */
    /**
     * Export writes what the list shows: a lookup as the title of its record (its id only when asked for),
     * a neutral "Company #12" for a caller who may not see companies; CSV text a spreadsheet program would
     * run as a formula gets a leading quote, while the xlsx keeps it as a string cell (CSV injection).
     */
    private void exportsLookupTitlesAndNeutralisesFormulas(RecordRow acme) {
        RecordRow formula = asSystem(() -> records.create(CONTACT, Map.of("firstName", "=HYPERLINK(\"http://x\",\"y\")",
                "lastName", "=1+1", "company", String.valueOf(acme.id()), "owner", "planner")));
        RecordQuery ofAcme = RecordQuery.page(0, 1).withFilters(List.of(
                Filter.of("company", FilterOp.EQUALS, String.valueOf(acme.id()))));
        List<String> columns = List.of("firstName", "lastName", "company");
        try {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            assertEquals(2L, (long) as("admin", () -> records.export(CONTACT, ofAcme, columns, true, ExportFormat.CSV, csv,
                    n -> { })));
            String text = csv.toString(StandardCharsets.UTF_8);
            assertTrue(text, text.startsWith("\ufeffFirst name,Last name,Company,Company id\r\n"));
            assertTrue(text, text.contains("\r\nInes,Garcia,Acme Ltd," + acme.id() + "\r\n"));
            assertTrue(text, text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'=1+1,Acme Ltd," + acme.id() + "\r\n"));

            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            as("admin", () -> records.export(CONTACT, ofAcme, columns, ExportFormat.CSV, plain, n -> { }));
            assertTrue("no id column unless asked for", plain.toString(StandardCharsets.UTF_8)
                    .startsWith("\ufeffFirst name,Last name,Company\r\n"));

            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            as("admin", () -> records.export(CONTACT, ofAcme, columns, ExportFormat.XLSX, xlsx, n -> { }));
            String sheet = zipEntry(xlsx.toByteArray(), "xl/worksheets/sheet1.xml");
            String strings = zipEntry(xlsx.toByteArray(), "xl/sharedStrings.xml");
            assertFalse("no formula cells: " + sheet, sheet.contains("<f>"));
            assertTrue("the text stays as it was, a string cell: " + strings, strings.contains(">=1+1<")
                    && strings.contains("Acme Ltd"));

            // The planner may not see companies: no title, from titles or from the export.
            assertEquals(Map.of(), as("planner", () -> records.titles("company", List.of(acme.id()))));
            assertEquals(Map.of(acme.id(), "Company #" + acme.id()),
                    as("planner", () -> records.shownTitles("company", List.of(acme.id()))));
            ByteArrayOutputStream planner = new ByteArrayOutputStream();
            as("planner", () -> records.export(CONTACT, RecordQuery.page(0, 1), columns, ExportFormat.CSV, planner, n -> { }));
            String seen = planner.toString(StandardCharsets.UTF_8);
            assertTrue(seen, seen.contains("'=1+1,Company #" + acme.id() + "\r\n"));
            assertFalse(seen, seen.contains("Acme"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            asSystem(() -> records.delete(CONTACT, RecordSelection.of(List.of(formula.id()))));
        }
    }

    private static String zipEntry(byte[] zip, String name) throws IOException {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile workbook = new ZipFile(file.toFile())) {
                ZipEntry entry = workbook.getEntry(name);
                assertTrue("no " + name + " in the workbook", entry != null);
                return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    public void t19_aFailingLifecycleParticipantRollsTheWholeChangeBackAndOnlyCommittedChangesAreAnnounced()
            throws Exception {
        List<Event> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> listener = context.registerService(EventHandler.class, heard::add,
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, RecordEvents.TOPIC_PREFIX + "company/*")));
        RecordRow initech = as("admin", () -> records.create("company", Map.of("name", "Initech")));
        RecordRow copy = as("admin", () -> records.create("company", Map.of("name", "Initech Inc")));
        RecordRow peter = as("admin", () -> records.create(CONTACT, Map.of("lastName", "Gibbons",
                "company", String.valueOf(copy.id()))));
        as("admin", () -> notes.add("company", copy.id(), "TPS reports"));
        int historyBefore = as("admin", () -> audit.history("company", initech.id())).size();
        // A participant that writes (through the platform, in the same transaction) and then refuses.
        RecordLifecycle refusing = new RecordLifecycle() {
            @Override
            public void beforeMerge(RecordLifecycle.Change change, RecordRow merged) {
                RecordRow row = change.records().get(CONTACT, peter.id()).orElseThrow();
                change.records().update(CONTACT, row.id(), row.version(), Map.of("lastName", "Moved"));
                throw new ValidationException(List.of(new FieldError("", "Refused by the test participant")));
            }

            @Override
            public void beforeDelete(RecordLifecycle.Change change) {
                throw new ValidationException(List.of(new FieldError("", "Refused by the test participant")));
            }
        };
        ServiceRegistration<RecordLifecycle> registration = context.registerService(RecordLifecycle.class, refusing,
                new Hashtable<>(Map.of(RecordType.ID, "company")));
        try {
            assertThrows(ValidationException.class, () -> as("admin", () -> records.merge("company", initech.id(),
                    initech.version(), copy.id(), Map.of("website", "https://initech.example"))));
            assertThrows(ValidationException.class, () -> as("admin",
                    () -> records.delete("company", RecordSelection.of(List.of(copy.id())))));
        } finally {
            registration.unregister();
        }
        // Every table as it was: both companies, the survivor unchanged and without a new history entry,
        // the participant's own write undone, the lookup and the note still on the copy.
        assertEquals(initech.version(), as("admin", () -> records.get("company", initech.id())).orElseThrow().version());
        assertTrue(as("admin", () -> records.get("company", copy.id())).isPresent());
        RecordRow peterNow = as("admin", () -> records.get(CONTACT, peter.id())).orElseThrow();
        assertEquals("Gibbons", peterNow.text("lastName"));
        assertEquals(copy.id(), peterNow.values().get("company"));
        assertEquals(List.of("TPS reports"), as("admin", () -> notes.list("company", copy.id())).stream()
                .map(Note::text).toList());
        assertEquals(historyBefore, as("admin", () -> audit.history("company", initech.id())).size());

        // A committed delete is announced once, with its actor; the lookup to the deleted record is cleared.
        as("admin", () -> records.delete("company", RecordSelection.of(List.of(copy.id()))));
        assertTrue("the delete's event arrives", eventually(() -> heard.stream().anyMatch(e ->
                e.getTopic().endsWith("/DELETED") && Long.valueOf(copy.id()).equals(e.getProperty(RecordEvents.ID)))));
        listener.unregister();
        List<String> topics = heard.stream().filter(e -> !e.getTopic().endsWith("/CREATED")).map(e -> e.getTopic() + " " + e.getProperty(RecordEvents.ID) + " " + e.getProperty(RecordEvents.ACTOR))
                .toList();
        assertEquals("only the committed delete, never the refused merge or delete",
                List.of(RecordEvents.topic("company", RecordEvents.DELETED) + " " + copy.id() + " admin"), topics);
        assertEquals(null, as("admin", () -> records.get(CONTACT, peter.id())).orElseThrow().values().get("company"));
        as("admin", () -> records.delete(CONTACT, RecordSelection.of(List.of(peter.id()))));
        as("admin", () -> records.delete("company", RecordSelection.of(List.of(initech.id()))));
    }

    /**
     * Issue 17: a deliberately broken view, form panel, row decoration (failing and hanging), bulk action
     * for every type and record type check each degrade only themselves: every list and form of every
     * type still works through the services the screens use, a write through the broken check is
     * refused, and /health and the guard's list (Administration → Modules) name each with its bundle.
     * Runs last (u after t): the probe bundle keeps running, so what it degraded stays reported.
     */
    @Test
    public void u1_brokenContributionsDegradeOnlyThemselvesNeverTheListsAndForms() throws Exception {
        fixture();
        String probe = context.getBundle().getSymbolicName();
        try (BrokenContributions broken = new BrokenContributions(context, recordTypes.require(CONTACT))) {
            assertTrue("the broken type is installed", eventually(() -> recordTypes.find(BrokenContributions.BROKEN_TYPE)
                    .isPresent()));
            for (RecordType type : recordTypes.all()) {
                long start = System.nanoTime();
                List<RecordRow> page = as("admin", () -> records.page(type.id(), RecordQuery.page(0, 20)));
                as("admin", () -> kit.marks(type.id(), page)); // the list's Flags
                List<BulkAction> actions = as("admin", () -> kit.bulkActions(type.id()));
                assertTrue(type.id() + ": the action whose label fails is left out", actions.stream()
                        .noneMatch(a -> a.id().endsWith("BrokenLabelAction")));
                for (RecordRow row : page.subList(0, Math.min(2, page.size()))) { // its form
                    RecordRow read = as("admin", () -> records.get(type.id(), row.id())).orElseThrow();
                    as("admin", () -> kit.panels(type.id(), read.id(), type.title(read)));
                }
                System.out.printf("u1: list and forms of %s in %d ms%n", type.id(), (System.nanoTime() - start) / 1_000_000);
            }
            long start = System.nanoTime();
            as("admin", () -> kit.marks(CONTACT, as("admin", () -> records.page(CONTACT, RecordQuery.page(0, 20)))));
            assertTrue("a timed-out decoration is skipped, not waited for again",
                    (System.nanoTime() - start) / 1_000_000 < 2_000);

            BulkAction failing = as("admin", () -> kit.bulkActions(CONTACT)).stream()
                    .filter(a -> a.id().endsWith("BrokenRunAction")).findFirst().orElseThrow();
            CrmException refused = assertThrows(CrmException.class, () -> as("admin",
                    () -> failing.run(CONTACT, List.of(fixture().get("Ada").id()), Map.of())));
            assertTrue(refused.getMessage(), refused.getMessage().contains("error id"));

            CrmException unchecked = assertThrows(CrmException.class, () -> as("admin", () -> records.create(
                    BrokenContributions.BROKEN_TYPE, Map.of("firstName", "Bob", "lastName", "Uncheckable", "owner", "admin"))));
            assertFalse("a broken check is no validation message", unchecked instanceof ValidationException);
            assertEquals("nothing got past the broken check", List.of(), as("admin", () -> records.page(CONTACT,
                    RecordQuery.page(0, 5).withFilters(List.of(Filter.of("lastName", FilterOp.EQUALS, "Uncheckable"))))));
            RecordRow written = as("admin", () -> records.create(CONTACT, Map.of("firstName", "Bob", "lastName", "Checked",
                    "owner", "admin")));
            asSystem(() -> records.delete(CONTACT, RecordSelection.of(List.of(written.id()))));

            List<String> degraded = guard.degraded().stream().filter(d -> d.bundle().equals(probe))
                    .map(d -> d.contribution().substring(d.contribution().lastIndexOf('$') + 1) + "." + d.operation())
                    .sorted().toList();
            assertEquals(BrokenContributions.DEGRADED.stream().sorted().toList(), degraded);
            assertEquals("the modules' own contributions still work: " + guard.degraded(), List.of(),
                    guard.degraded().stream().filter(d -> !d.bundle().equals(probe)).toList());

            java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + Integer.getInteger(PaxExamSupport.HTTP_PORT_PROPERTY, HTTP_PORT) + "/health"))
                            .timeout(java.time.Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(health.body(), 200, health.statusCode());
            assertTrue(health.body(), health.body().contains("\"status\":\"DEGRADED\"")
                    && health.body().contains("{\"name\":\"contributions\",\"status\":\"DEGRADED\",\"detail\":\""
                            + probe + ": "));
            assertTrue("the shell still serves its routes: " + health.body(),
                    health.body().contains("\"routes\":[\"contacts\"]"));
        }
    }

    /**
     * Keyset paging ({@code Records.slice}) on this database: 150 contacts with equal names, empty first names and
     * NULL custom values, walked 7 at a time in several orders, give the rows of {@code page} in its order, each once.
     */
    @Test
    public void u0_aListReadWithCursorsGivesEveryRowOnceInTheOrderOfItsPages() throws Exception {
        fixture();
        // a date field of its own: t6 removes the fixture's Renewal
        org.tesseracrm.kernel.api.record.FieldDefinition day = as("planner",
                () -> customFields.add(CONTACT, CustomFieldInput.of("Walk day", FieldType.DATE)));
        List<String> lastNames = List.of("Walker", "Wall", "Walsh", "Walton", "Wallace");
        List<String> segments = List.of("Enterprise", "SMB", "Legacy");
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + "CRM_CONTACT (ID, FIRST_NAME, LAST_NAME, EMAIL, PHONE, COMPANY_NAME, OWNER, CREATED_AT, UPDATED_AT,"
                + " VERSION, CF_SEGMENT, CF_SCORE, " + day.column() + ") VALUES (?, ?, ?, '', '', 'Keyset Walk', 'planner', ?, ?, 1,"
                + " ?, ?, ?)")) {
            for (int i = 0; i < 150; i++) {
                java.sql.Timestamp created = java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2026, 12, 5, 9, 0)
                        .plusSeconds(i % 7).plusNanos(i % 2 * 123_000L));
                insert.setLong(1, 9_000_500L - 3L * i);
                insert.setString(2, i % 4 == 0 ? "" : List.of("Ann", "Bo", "Cy").get(i % 3));
                insert.setString(3, lastNames.get(i * 2 % lastNames.size()));
                insert.setTimestamp(4, created);
                insert.setTimestamp(5, created);
                insert.setString(6, i % 5 == 0 ? null : segments.get(i % 3));
                insert.setBigDecimal(7, i % 4 == 1 ? null : BigDecimal.valueOf(i * 13 % 9, 1));
                insert.setDate(8, i % 3 == 0 ? null : java.sql.Date.valueOf(LocalDate.of(2027, 1, 1 + i % 5)));
                insert.addBatch();
            }
            insert.executeBatch();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        try {
            RecordQuery walked = RecordQuery.page(0, 7).withFilters(List.of(Filter.of("companyName", FilterOp.EQUALS,
                    "keyset walk")));
            for (RecordQuery list : List.of(walked,
                    walked.withSort(List.of(new SortOrder("cf_score", false), new SortOrder("firstName", true))),
                    walked.withSort(List.of(new SortOrder("cf_segment", true), new SortOrder(day.name(), false))),
                    walked.withSort(List.of(new SortOrder(day.name(), true), new SortOrder("createdAt", false))),
                    walked.withSort(List.of(new SortOrder("createdAt", true))).withText("walk"),
                    walked.withFilters(List.of(new Filter("cf_score", FilterOp.BETWEEN, List.of("0.2", "0.6"))))
                            .withSort(List.of(new SortOrder("cf_score", true))))) {
                List<Long> paged = as("planner", () -> records.page(CONTACT, list.withPage(0, 1000))).stream()
                        .map(RecordRow::id).toList();
                List<Long> sliced = new ArrayList<>();
                Optional<String> cursor = Optional.empty();
                do {
                    Optional<String> at = cursor;
                    org.tesseracrm.kernel.api.record.RecordSlice slice = as("planner", () -> records.slice(CONTACT, list, at));
                    assertTrue("only the last slice is short", slice.rows().size() == 7 || slice.next().isEmpty());
                    slice.rows().forEach(row -> sliced.add(row.id()));
                    cursor = slice.next();
                } while (cursor.isPresent());
                assertTrue(list + ": " + paged.size(), paged.size() > 20);
                assertEquals(list.toString(), paged, sliced);
            }
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM CRM_CONTACT WHERE COMPANY_NAME = 'Keyset Walk'")) {
                delete.executeUpdate();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            as("planner", () -> {
                customFields.remove(CONTACT, day.name());
                return null;
            });
        }
    }

    private <T> T as(String user, Supplier<T> work) {
        return callers.callAs(new Caller(user), work);
    }

    private <T> T asSystem(Supplier<T> work) {
        return callers.callAs(Caller.SYSTEM, work);
    }

}
