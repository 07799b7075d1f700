package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
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
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.ReportInput;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSort;
import org.tesseracrm.reports.api.ReportSpec;
import org.tesseracrm.reports.api.Reports;
import org.tesseracrm.reports.api.Schedule;
import org.tesseracrm.reports.api.ScheduleInput;
import org.tesseracrm.reports.api.Sharing;

/**
 * Boots the distribution once (crm-reports is a boot feature) and proves a shared report gives each viewer their own
 * figures: a sales manager and a rep below him in the role tree each own contacts; the manager's report of contacts
 * by owner, shared with everyone, counts both for him and only the rep's own for the rep; a period outside the
 * records' creation empties it; a drill into a row lists exactly that row's records; a new record drops the cached
 * result; a weekly e-mail schedule arms the durable timer reports.schedule and refuses unknown recipients; the REST API over a socket lists, runs, exports (csv read back) and refuses (422, 403, 404, 409); an xlsx
 * export is a workbook; the module uninstalled and installed again keeps the saved report. Names carry the run's id:
 * {@link ModulesPostgresIT} runs the same on PostgreSQL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ReportsModuleIT {
    private static final String FEATURE = "crm-reports";
    private static final String BUNDLE = "org.tesseracrm.reports";
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final String PASSWORD = "Reports-IT-secret-1";
    private static final Caller MANAGER = new Caller("rptmgr" + RUN);
    private static final Caller REP = new Caller("rptrep" + RUN);
    private static final String LAST_NAME = "Reporter" + RUN;
    private static final String NAME = "Contacts by owner " + RUN;
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();
    /** The durable timer of e-mail schedules, as the module's README names it. */
    private static final String SCHEDULES = "reports.schedule";
    /** The shared report's id, for the later tests (one container, a new instance per test). */
    private static final long[] REPORT = new long[1];

    @Inject
    private BundleContext context;
    @Inject
    private FeaturesService features;
    @Inject
    private CallerContext callers;
    @Inject
    private SessionFactory shell;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    private <T> T as(Caller caller, Supplier<T> work) {
        return callers.callAs(caller, work);
    }

    private Reports reports() throws InterruptedException {
        return PaxExamSupport.waitFor(context, Reports.class);
    }

    private static ReportSpec byOwner() {
        return new ReportSpec("contact", "", List.of(Filter.of("lastName", FilterOp.EQUALS, LAST_NAME)),
                List.of(Grouping.by("owner")), List.of(Measure.count()), Optional.of("createdAt"), ChartKind.BAR,
                ReportSort.GROUPS, 0);
    }

    /** @return the counts of a result by the owner's user name */
    private static Map<String, Integer> counts(ReportResult result) {
        Map<String, Integer> counts = new TreeMap<>();
        for (AggregateRow row : result.rows()) {
            counts.put(row.keys().get(0).orElse(""), row.value(0).intValue());
        }
        return counts;
    }

    @Test
    public void t0_aManagerAndARepOwnContacts() throws Exception {
        assertTrue(eventually(120, () -> context.getServiceReference(BootFinished.class) != null));
        assertTrue("crm-reports is booted", features.isInstalled(features.getFeature(FEATURE)));
        reports();
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        Set<String> sales = Set.of("contacts.view", "contacts.create", "contacts.edit", Reports.VIEW, Reports.BUILD);
        Set<String> managing = new java.util.HashSet<>(sales);
        managing.add(Reports.SHARE);
        as(ADMIN, () -> {
            ProfileInfo managers = security.saveProfile(new ProfileInfo(null, "RPT managers " + RUN, false, managing));
            ProfileInfo reps = security.saveProfile(new ProfileInfo(null, "RPT reps " + RUN, false, sales));
            RoleInfo head = security.saveRole(null, "RPT Head " + RUN, null);
            RoleInfo field = security.saveRole(null, "RPT Field " + RUN, head.id());
            security.createUser(new UserInput(MANAGER.username(), "Mara Manager", MANAGER.username() + "@example.com",
                    "", head.id(), managers.id(), Set.of()), PASSWORD.toCharArray());
            security.createUser(new UserInput(REP.username(), "Ray Rep", REP.username() + "@example.com", "",
                    field.id(), reps.id(), Set.of()), PASSWORD.toCharArray());
            return null;
        });
        for (int i = 0; i < 3; i++) {
            String first = "M" + i;
            as(MANAGER, () -> records.create("contact", Map.of("firstName", first, "lastName", LAST_NAME)));
        }
        for (int i = 0; i < 2; i++) {
            String first = "R" + i;
            as(REP, () -> records.create("contact", Map.of("firstName", first, "lastName", LAST_NAME)));
        }
    }

    @Test
    public void t1_theSameSharedReportGivesEachViewerTheirOwnFigures() throws Exception {
        Reports reports = reports();
        assertThrows("a rep may not share", PermissionDeniedException.class, () -> as(REP, () -> reports.save(
                new ReportInput(0, 0, "Mine", "", byOwner(), new Sharing(true, Set.of(), Set.of())))));
        Report report = as(MANAGER, () -> reports.save(new ReportInput(0, 0, NAME, "", byOwner(),
                new Sharing(true, Set.of(), Set.of()))));
        REPORT[0] = report.id();
        assertEquals(Map.of(MANAGER.username(), 3, REP.username(), 2),
                counts(as(MANAGER, () -> reports.run(report.key(), Optional.empty()))));
        assertEquals("the rep sees only his own", Map.of(REP.username(), 2),
                counts(as(REP, () -> reports.run(report.key(), Optional.empty()))));
        LocalDate today = LocalDate.now();
        assertEquals(Map.of(REP.username(), 2), counts(as(REP, () -> reports.run(report.key(),
                Optional.of(new Period(today.minusDays(1), today.plusDays(1)))))));
        assertEquals(Map.of(), counts(as(MANAGER, () -> reports.run(report.key(),
                Optional.of(new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)))))));
        assertTrue(as(REP, () -> reports.list()).stream().anyMatch(i -> i.key().equals(report.key()) && i.readOnly()));
        assertThrows("shared is read-only for others", PermissionDeniedException.class, () -> as(REP,
                () -> reports.save(new ReportInput(report.id(), report.version(), "Taken", "", byOwner(),
                        Sharing.PRIVATE))));
        Report hidden = as(MANAGER, () -> reports.save(new ReportInput(0, 0, "Private " + RUN, "", byOwner(),
                Sharing.PRIVATE)));
        assertThrows("a private report is not there for others", NotFoundException.class,
                () -> as(REP, () -> reports.run(hidden.key(), Optional.empty())));
        assertThrows(ConflictException.class, () -> as(MANAGER, () -> reports.save(new ReportInput(report.id(),
                report.version() + 5, NAME, "stale", byOwner(), new Sharing(true, Set.of(), Set.of())))));
    }

    @Test
    public void t2_aDrillListsExactlyTheRowsRecords() throws Exception {
        Reports reports = reports();
        Records records = PaxExamSupport.waitFor(context, Records.class);
        Drill drill = as(MANAGER, () -> reports.drill("report:" + REPORT[0], List.of(Optional.of(REP.username())),
                Optional.empty()));
        assertEquals("contact", drill.recordType());
        List<RecordRow> rows = as(MANAGER, () -> records.page(drill.recordType(), drill.query(0, 100)));
        assertEquals(List.of("R0", "R1"), rows.stream().map(r -> r.text("firstName")).sorted().toList());
        Drill theirs = as(REP, () -> reports.drill("report:" + REPORT[0], List.of(Optional.of(MANAGER.username())),
                Optional.empty()));
        assertEquals("the rep does not see the manager's records behind a row",
                0, as(REP, () -> records.page(theirs.recordType(), theirs.query(0, 100))).size());
    }

    @Test
    public void t3_aNewRecordDropsTheCachedResult() throws Exception {
        Reports reports = reports();
        Records records = PaxExamSupport.waitFor(context, Records.class);
        String key = "report:" + REPORT[0];
        assertEquals(Map.of(REP.username(), 2), counts(as(REP, () -> reports.run(key, Optional.empty()))));
        as(REP, () -> records.create("contact", Map.of("firstName", "R2", "lastName", LAST_NAME)));
        assertTrue("the record event drops the kept result", eventually(10, () -> Map.of(REP.username(), 3)
                .equals(counts(as(REP, () -> reports.run(key, Optional.empty()))))));
        assertEquals(Map.of(MANAGER.username(), 3, REP.username(), 3),
                counts(as(MANAGER, () -> reports.run(key, Optional.empty()))));
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        assertEquals(2, (int) as(MANAGER, () -> reports.export(key, ExportFormat.XLSX, Optional.empty(), xlsx)));
        byte[] bytes = xlsx.toByteArray();
        assertTrue("a zip (xlsx)", bytes.length > 100 && bytes[0] == 'P' && bytes[1] == 'K');
        assertEquals(BigDecimal.valueOf(6), as(MANAGER, () -> reports.preview(new ReportSpec("contact", "",
                byOwner().filters(), List.of(), List.of(Measure.count()), Optional.empty(), ChartKind.KPI,
                ReportSort.GROUPS, 0), Optional.empty())).rows().get(0).value(0).setScale(0));
    }

    @Test
    public void t3b_aScheduleArmsItsDurableTimerForRecipientsWhoMaySeeTheReport() throws Exception {
        Reports reports = reports();
        Timers timers = PaxExamSupport.waitFor(context, Timers.class);
        String key = "report:" + REPORT[0];
        assertThrows("scheduling needs reports.share", PermissionDeniedException.class, () -> as(REP,
                () -> reports.schedule(REPORT[0], new ScheduleInput(Frequency.WEEKLY, ExportFormat.CSV,
                        Set.of(REP.username())))));
        ValidationException unknown = assertThrows(ValidationException.class, () -> as(MANAGER,
                () -> reports.schedule(REPORT[0], new ScheduleInput(Frequency.WEEKLY, ExportFormat.CSV,
                        Set.of("nobody" + RUN)))));
        assertEquals("recipients", unknown.errors().get(0).field());
        Schedule weekly = as(MANAGER, () -> reports.schedule(REPORT[0], new ScheduleInput(Frequency.WEEKLY,
                ExportFormat.CSV, Set.of(REP.username(), MANAGER.username()))));
        assertTrue(weekly.next().isPresent());
        assertEquals(weekly.next().get(), as(ADMIN, () -> timers.find(SCHEDULES, key)).orElseThrow().dueAt());
        assertEquals(Frequency.WEEKLY, as(REP, () -> reports.schedule(REPORT[0])).frequency());
        as(MANAGER, () -> reports.schedule(REPORT[0], new ScheduleInput(Frequency.NONE, null, Set.of())));
        assertTrue("cancelled", as(ADMIN, () -> timers.find(SCHEDULES, key)).isEmpty());
    }

    @Test
    public void t4_theRestApiRunsAsTheTokensUserAndRefusesWhatItMayNot() throws Exception {
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String rep = as(ADMIN, () -> tokens.create(REP.username(), new ApiTokenRequest("reports-it",
                ApiTokenScope.READ_WRITE, Set.of(), Optional.empty()))).secret();
        String manager = as(ADMIN, () -> tokens.create(MANAGER.username(), new ApiTokenRequest("reports-it",
                ApiTokenScope.READ_WRITE, Set.of(), Optional.empty()))).secret();
        String base = "http://127.0.0.1:" + HTTP_PORT + "/api/v1/reports";
        assertTrue("the resource is served", eventually(60, () -> PaxExamSupport.apiCall("GET", base, rep, null)[0]
                .equals("200")));
        String[] list = PaxExamSupport.apiCall("GET", base, rep, null);
        assertTrue(list[1], list[1].contains("\"key\":\"report:" + REPORT[0] + "\""));
        String[] run = PaxExamSupport.apiCall("GET", base + "/" + REPORT[0] + "/run?from=2000-01-01&to=2099-12-31",
                rep, null);
        assertEquals(run[1], "200", run[0]);
        assertTrue(run[1], run[1].contains("\"keys\":[\"" + REP.username() + "\"]") && run[1].contains("\"values\":[3]")
                && !run[1].contains(MANAGER.username()));
        String[] csv = PaxExamSupport.apiCall("GET", base + "/" + REPORT[0] + "/export?format=csv", manager, null);
        assertEquals(csv[1], "200", csv[0]);
        assertTrue(csv[1], csv[1].contains("Owner,Count") && csv[1].split("\r\n").length == 3);
        String[] drill = PaxExamSupport.apiCall("POST", base + "/" + REPORT[0] + "/drill", manager,
                "{\"keys\":[\"" + REP.username() + "\"]}");
        assertEquals(drill[1], "200", drill[0]);
        assertTrue(drill[1], drill[1].contains("\"recordType\":\"contact\"") && drill[1].contains("\"field\":\"owner\""));
        String[] bad = PaxExamSupport.apiCall("POST", base, manager, "{\"name\":\"\",\"spec\":{\"recordType\":"
                + "\"contact\",\"groups\":[{\"field\":\"createdAt\"}],\"measures\":[{\"aggregate\":\"COUNT\"}]}}");
        assertEquals(bad[1], "422", bad[0]);
        assertTrue(bad[1], bad[1].contains("spec.groups") && bad[1].contains("name"));
        String[] created = PaxExamSupport.apiCall("POST", base, manager, "{\"name\":\"REST " + RUN + "\",\"spec\":"
                + "{\"recordType\":\"contact\",\"groups\":[{\"field\":\"createdAt\",\"bucket\":\"MONTH\"}],"
                + "\"measures\":[{\"aggregate\":\"COUNT\"}],\"chart\":\"LINE\"}}");
        assertEquals(created[1], "201", created[0]);
        String id = created[1].replaceAll("(?s).*\"id\":([0-9]+).*", "$1");
        String[] foreign = PaxExamSupport.apiCall("PUT", base + "/" + REPORT[0], rep, "{\"version\":1,\"name\":\"x\","
                + "\"spec\":{\"recordType\":\"contact\",\"measures\":[{\"aggregate\":\"COUNT\"}]}}");
        assertEquals(foreign[1], "403", foreign[0]);
        assertEquals("404", PaxExamSupport.apiCall("GET", base + "/" + id, rep, null)[0]);
        String[] stale = PaxExamSupport.apiCall("DELETE", base + "/" + id + "?version=9", manager, null);
        assertEquals(stale[1], "409", stale[0]);
        assertEquals("204", PaxExamSupport.apiCall("DELETE", base + "/" + id + "?version=1", manager, null)[0]);
        assertEquals("401", PaxExamSupport.apiCall("GET", base, "not-a-token", null)[0]);
    }

    /**
     * Every ready-made report runs on this database: the Reports module's own KPI and sales analytics, and the two
     * that other modules contribute through their optional import of the reports API (activities' check-ins per user,
     * follow-ups' status per agent and branch). Their SQL is their own, so only a run on Derby and on PostgreSQL shows
     * it works on both. A report whose data is missing says what to add (a notice), never "could not be computed".
     * With the companies' "Customer since" and "Customer lost on" added, the churn rate counts two customers at the
     * start of the year, one of them lost in it: 50.0 %.
     */
    @Test
    public void t4b_everyReadyMadeReportRunsOnThisDatabase() throws Exception {
        Reports reports = reports();
        Records records = PaxExamSupport.waitFor(context, Records.class);
        CustomFields customFields = PaxExamSupport.waitFor(context, CustomFields.class);
        LocalDate today = LocalDate.now();
        List<String> added = new java.util.ArrayList<>();
        List<Long> companies = new java.util.ArrayList<>();
        try {
            for (String label : List.of("Customer since", "Customer lost on")) {
                added.add(as(ADMIN, () -> customFields.add("company", CustomFieldInput.of(label, FieldType.DATE))).name());
            }
            assertEquals(List.of("cf_customer_since", "cf_customer_lost_on"), added);
            for (Optional<LocalDate> lost : List.of(Optional.<LocalDate>empty(), Optional.of(today))) {
                RecordValues.Builder company = RecordValues.builder().set("name", "Churn " + RUN + lost.isPresent())
                        .set(added.get(0), today.minusYears(2));
                lost.ifPresent(day -> company.set(added.get(1), day));
                companies.add(as(ADMIN, () -> records.create("company", company.build())).id());
            }
            List<String> sources = as(ADMIN, () -> reports.list()).stream().map(ReportInfo::key)
                    .filter(key -> key.startsWith(ReportInfo.SOURCE_PREFIX)).toList();
            for (String contributed : List.of("source:activities.checkins-per-user", "source:followups.status-per-agent",
                    "source:kpi.nps", "source:kpi.churn", "source:sales.win-rate")) {
                assertTrue(contributed + " in " + sources, sources.contains(contributed));
            }
            Optional<Period> year = Optional.of(new Period(today.withDayOfYear(1), today));
            for (String source : sources) {
                for (Optional<Period> period : List.of(Optional.<Period>empty(), year)) {
                    ReportResult result;
                    try {
                        result = as(ADMIN, () -> reports.run(source, period));
                    } catch (RuntimeException e) {
                        throw new AssertionError(source + " over " + period + " failed: " + e, e);
                    }
                    String notice = result.notice().orElse("");
                    assertTrue(source + " has a title", !result.title().isBlank());
                    assertTrue(source + ": " + notice, !notice.startsWith("This report could not be computed"));
                    assertTrue(source + " has measures or says what is missing: " + result,
                            !result.measureHeaders().isEmpty() || !notice.isBlank());
                    for (AggregateRow row : result.rows()) {
                        assertEquals(source + " row " + row, result.groupHeaders().size(), row.keys().size());
                        assertEquals(source + " row " + row, result.measureHeaders().size(), row.values().size());
                    }
                }
            }
            ReportResult status = as(ADMIN, () -> reports.run("source:followups.status-per-agent", Optional.empty()));
            assertEquals(List.of("Agent", "Branch"), status.groupHeaders());
            assertEquals(List.of("In progress", "Concluded", "Overdue"), status.measureHeaders());
            ReportResult churn = as(ADMIN, () -> reports.run("source:kpi.churn", year));
            assertEquals(churn.toString(), "Churn rate %", churn.measureHeaders().get(0));
            List<BigDecimal> figures = churn.rows().get(0).values();
            assertEquals(churn.toString(), 0, new BigDecimal("50.0").compareTo(figures.get(0)));
            assertEquals(churn.toString(), 2, figures.get(1).intValue());
            assertEquals(churn.toString(), 1, figures.get(2).intValue());
        } finally {
            if (!companies.isEmpty()) {
                as(ADMIN, () -> records.delete("company", RecordSelection.of(companies)));
            }
            for (String field : added) {
                as(ADMIN, () -> {
                    customFields.remove("company", field);
                    return null;
                });
            }
        }
    }

    @Test
    public void t5_theModuleUninstalledAndInstalledAgainKeepsItsReports() throws Exception {
        List<String> removed = PaxExamSupport.uninstallWithDependents(features, FEATURE);
        assertTrue("the bundle is gone", eventually(60, () -> !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        PaxExamSupport.install(features, removed);
        // the probe keeps the first bundle's API classes: the module is checked through the shell
        assertTrue("reports:list after the reinstall: " + PaxExamSupport.shellOrError(shell, "reports:list"),
                eventually(120, () -> PaxExamSupport.shellOrError(shell, "reports:list").contains(NAME)));
        // and the reports other modules contribute come back with it (their optional import is wired again)
        assertTrue("the activities' and follow-ups' reports after the reinstall: " + PaxExamSupport.shellOrError(shell, "reports:list"),
                eventually(60, () -> {
                    String listed = PaxExamSupport.shellOrError(shell, "reports:list");
                    return listed.contains("Check-ins per user") && listed.contains("Follow-up status per agent");
                }));
        String run = PaxExamSupport.shellOrError(shell, "reports:run " + REPORT[0]);
        assertTrue(run, run.contains(NAME) && run.matches("(?s).*\\|\\s*3\\s*\\n.*\\|\\s*3\\s*\\n?.*"));
    }
}
