package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
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
import org.tesseracrm.automation.api.AssignmentRule;
import org.tesseracrm.automation.api.AssignmentRules;
import org.tesseracrm.automation.api.Schedule;
import org.tesseracrm.automation.api.ScheduleRun;
import org.tesseracrm.automation.api.Schedules;
import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.automation.api.ScoringRules;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.ImportFile;
import org.tesseracrm.kernel.api.record.ImportMode;
import org.tesseracrm.kernel.api.record.ImportReport;
import org.tesseracrm.kernel.api.record.ImportRequest;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Boots the real distribution with the Automation module and proves assignment rules, scoring rules and schedules
 * on contacts: round-robin over a group's users goes on in turn across creates through the record platform, the
 * REST API (over a real socket) and an import, keeps an owner the creator chose, and load-balancing gives the user
 * with the fewest contacts; a score follows field changes and activities done on the record and filters a list; a
 * schedule over a shared saved view (plus a relative-date condition) creates one call activity per record with the
 * activities module's action, on a durable timer set to its next run; users without automation.configure are
 * refused; the module goes (no rule applies) and comes back with its rules and turns. Names carry the run's id: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AssignmentScoringIT {
    private static final String FEATURE = "crm-automation";
    private static final String BUNDLE = "org.tesseracrm.automation";
    private static final String CONTACT = "contact";
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();
    private static final Pattern RECORD_ID = Pattern.compile("\\{\"id\":([0-9]+),");

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private CallerContext callers;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    @Before
    public void theModuleIsInstalled() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        PaxExamSupport.awaitBootSchemas(context);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        for (String type : List.of(CONTACT, "activity")) {
            assertTrue("the record type " + type, eventually(() -> PaxExamSupport.typeReady(callers, records, type)));
        }
        PaxExamSupport.waitFor(context, AssignmentRules.class);
        PaxExamSupport.waitFor(context, ScoringRules.class);
        PaxExamSupport.waitFor(context, Schedules.class);
    }

    @Test
    public void t1_roundRobinOverAGroupForFormsTheApiAndAnImportThenLoadBalancing() throws Exception {
        AssignmentRules rules = PaxExamSupport.waitFor(context, AssignmentRules.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String a = "rra" + RUN;
        String b = "rrb" + RUN;
        String c = "rrc" + RUN;
        String group = "Round robin " + RUN;
        admin(() -> {
            ProfileInfo sales = security.saveProfile(new ProfileInfo(null, "RR sales " + RUN, false,
                    Set.of("contacts.view", "contacts.create", "contacts.edit")));
            RoleInfo role = security.saveRole(null, "RR " + RUN, null);
            GroupInfo team = security.saveGroup(null, group);
            for (String user : List.of(c, a, b)) {
                security.createUser(new UserInput(user, user, "", "", role.id(), sales.id(), Set.of(team.id())),
                        "Secret-pass-1".toCharArray());
            }
            // an inactive member takes no turns
            security.setActive(security.createUser(new UserInput("rrz" + RUN, "Away", "", "", role.id(), sales.id(),
                    Set.of(team.id())), "Secret-pass-1".toCharArray()).id(), false);
            return null;
        });
        String mark = "RR" + RUN;
        AssignmentRule rule = admin(() -> rules.save(new AssignmentRule(0, CONTACT, 0, "Round robin " + RUN,
                Criteria.all(Filter.of("lastName", FilterOp.CONTAINS, mark)), AssignmentRule.Strategy.ROUND_ROBIN,
                AssignmentRule.Pool.GROUP, group, List.of(), true)));
        assertTrue(rule.id() > 0);

        // through the record platform (a form does this)
        assertEquals(a, owner(records, admin(() -> records.create(CONTACT, lastName(mark + " one"))).id()));
        assertEquals(b, owner(records, admin(() -> records.create(CONTACT, lastName(mark + " two"))).id()));
        // a contact the rule does not take keeps its creator
        assertEquals("admin", owner(records, admin(() -> records.create(CONTACT, lastName("Other " + RUN))).id()));
        // through the REST API, over a real socket
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String token = admin(() -> tokens.create("admin", new ApiTokenRequest("rr" + RUN, ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        assertTrue("the record endpoint answers", eventually(120,
                () -> send(get("/api/v1/records/contact?limit=1"), token).statusCode() == 200));
        HttpResponse<String> created = send(post("/api/v1/records/contact", "{\"lastName\":\"" + mark + " api\"}"),
                token);
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals(c, owner(records, id(created.body())));
        // an import without an owner column: each row takes its turn
        Imports imports = PaxExamSupport.waitFor(context, Imports.class);
        CustomFields fields = PaxExamSupport.waitFor(context, CustomFields.class);
        String csv = "Last name\n" + mark + " imported one\n" + mark + " imported two\n";
        ImportFile file = admin(() -> imports.read(CONTACT, "rr.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        List<String> mapping = ImportRequest.guessMapping(file.headers(), admin(() -> fields.fields(CONTACT)));
        ImportReport report = admin(() -> imports.run(CONTACT, new ImportRequest(file, mapping, List.of(),
                ImportMode.CREATE_ONLY, false), rows -> { }));
        assertEquals(2, report.created());
        assertEquals(List.of(a, b), owners(records, mark + " imported"));
        // an owner the creator chose is kept, and takes no turn
        assertEquals(a, owner(records, admin(() -> records.create(CONTACT, RecordValues.builder()
                .set("lastName", mark + " chosen").set("owner", a).build())).id()));
        assertEquals(c, owner(records, admin(() -> records.create(CONTACT, lastName(mark + " three"))).id()));
        // owners now: a 3 (one, imported one, chosen), b 2, c 2

        String balanced = "LB" + RUN;
        admin(() -> rules.save(new AssignmentRule(0, CONTACT, 1, "Load balanced " + RUN,
                Criteria.all(Filter.of("lastName", FilterOp.CONTAINS, balanced)), AssignmentRule.Strategy.LOAD_BALANCED,
                AssignmentRule.Pool.GROUP, group, List.of(), true)));
        assertEquals("fewest contacts: b and c have 2, b first in turn", b,
                owner(records, admin(() -> records.create(CONTACT, lastName(balanced + " one"))).id()));
        assertEquals("c has 2, the others 3", c,
                owner(records, admin(() -> records.create(CONTACT, lastName(balanced + " two"))).id()));
        List<AssignmentRule> listed = admin(rules::rules).stream().filter(r -> r.name().endsWith(RUN)).toList();
        assertEquals("the new rule went first", List.of("Load balanced " + RUN, "Round robin " + RUN),
                listed.stream().map(AssignmentRule::name).toList());
        assertEquals(List.of(1, 2), listed.stream().map(AssignmentRule::position).toList());
    }

    @Test
    public void t2_aScoreFollowsChangesAndActivitiesDoneAndFiltersAList() throws Exception {
        ScoringRules scoring = PaxExamSupport.waitFor(context, ScoringRules.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        String field = admin(() -> scoring.setScoreField(CONTACT, Optional.empty()));
        assertEquals("the existing Score field is used again", field,
                admin(() -> scoring.setScoreField(CONTACT, Optional.empty())));
        assertEquals(field, admin(scoring::scoreFields).get(CONTACT));
        admin(() -> scoring.save(new ScoringRule(0, CONTACT, "Has an e-mail " + RUN, ScoringRule.Basis.FIELDS,
                Criteria.all(new Filter("email", FilterOp.NOT_EMPTY, List.of())), 10, 0, true)));
        admin(() -> scoring.save(new ScoringRule(0, CONTACT, "Calls done " + RUN, ScoringRule.Basis.ACTIVITIES_DONE,
                Criteria.all(Filter.of("kind", FilterOp.EQUALS, "call")), 5, 2, true)));

        String mark = "SC" + RUN;
        RecordRow contact = admin(() -> records.create(CONTACT, RecordValues.builder().set("lastName", mark)
                .set("email", "sc" + RUN + "@example.com").build()));
        assertScore("an e-mail", 10, records, contact.id(), field);
        RecordRow now = admin(() -> records.get(CONTACT, contact.id())).orElseThrow();
        admin(() -> records.update(CONTACT, contact.id(), now.version(), RecordValues.builder().set("email", "")
                .build()));
        assertScore("the e-mail removed", 0, records, contact.id(), field);
        for (int i = 0; i < 3; i++) {
            int n = i;
            admin(() -> records.create("activity", RecordValues.builder().set("kind", "call")
                    .set("subject", "Called " + n).set("dueAt", LocalDateTime.now()).set("relatedType", CONTACT)
                    .set("relatedId", contact.id()).setValue("done", n < 2).build()));
        }
        assertScore("two calls done (5 each, at most 2)", 10, records, contact.id(), field);
        RecordRow open = admin(() -> records.page("activity", RecordQuery.page(0, 10).withFilters(List.of(
                Filter.of("subject", FilterOp.EQUALS, "Called 2"), Filter.of("relatedId", FilterOp.EQUALS,
                        String.valueOf(contact.id())))))).get(0);
        admin(() -> records.update("activity", open.id(), open.version(), RecordValues.builder().setValue("done", true)
                .build()));
        assertScore("a third call done: still capped at 2", 10, records, contact.id(), field);

        List<Long> scored = admin(() -> records.page(CONTACT, RecordQuery.page(0, 10).withFilters(List.of(
                new Filter(field, FilterOp.BETWEEN, List.of("10", "")), Filter.of("lastName", FilterOp.CONTAINS,
                        mark))))).stream().map(RecordRow::id).toList();
        assertEquals("the list filters by the score", List.of(contact.id()), scored);
        assertTrue(admin(() -> scoring.recalculate(CONTACT)) >= 0);
        assertScore("recalculated the same", 10, records, contact.id(), field);
    }

    @Test
    public void t3_aScheduleOverASavedViewCreatesOneCallPerRecord() throws Exception {
        Schedules schedules = PaxExamSupport.waitFor(context, Schedules.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        SavedViews views = PaxExamSupport.waitFor(context, SavedViews.class);
        Timers timers = PaxExamSupport.waitFor(context, Timers.class);
        String mark = "SCH" + RUN;
        List<Long> ids = new java.util.ArrayList<>();
        for (String name : List.of(" one", " two", " three")) {
            ids.add(admin(() -> records.create(CONTACT, lastName(mark + name))).id());
        }
        admin(() -> records.create(CONTACT, lastName("Not " + RUN)));
        admin(() -> views.save(new SavedView(CONTACT, "Dormant " + RUN, "admin", true, "",
                List.of(Filter.of("lastName", FilterOp.CONTAINS, mark)), List.of(), List.of("lastName"))));
        assertTrue("the activities action is there", eventually(() -> actionThere("activities.create")));
        Schedule saved = admin(() -> schedules.save(new Schedule(0, "Call dormant " + RUN, CONTACT, "admin",
                "Dormant " + RUN, List.of(new Filter("createdAt", FilterOp.BETWEEN, List.of("today-1days", ""))),
                Schedule.Frequency.WEEKLY, Optional.empty(), LocalTime.of(8, 0), Optional.of(DayOfWeek.MONDAY), 0,
                ZoneId.of("Europe/Madrid"), List.of(RuleAction.of("activities.create", Map.of("kind", "call",
                        "subject", "Call " + mark, "completeWithin", "1 days"))), true, Optional.empty())));
        assertTrue(saved.nextRun().isPresent());
        assertEquals(DayOfWeek.MONDAY, saved.nextRun().get().atZone(ZoneId.of("Europe/Madrid")).getDayOfWeek());
        TimerInfo timer = admin(() -> timers.find("automation.schedule", String.valueOf(saved.id()))).orElseThrow();
        assertEquals(saved.nextRun().get(), timer.dueAt());

        ScheduleRun run = admin(() -> schedules.runNow(saved.id()));
        assertEquals(run.message(), List.of(3L, 3L, 0L, 0L), List.of(run.records(), run.done(), run.skipped(),
                run.failed()));
        List<RecordRow> calls = admin(() -> records.page("activity", RecordQuery.page(0, 10).withFilters(List.of(
                Filter.of("subject", FilterOp.EQUALS, "Call " + mark)))));
        assertEquals("one call per contact of the view",
                ids.stream().sorted().toList(), calls.stream().map(r -> r.decimal("relatedId").orElseThrow().longValue())
                        .sorted().toList());
        assertEquals(1, admin(() -> schedules.runs(saved.id(), 10)).size());
        assertTrue(admin(() -> schedules.delete(saved.id())));
        assertTrue("the timer went with it", admin(() -> timers.find("automation.schedule",
                String.valueOf(saved.id()))).isEmpty());
    }

    @Test
    public void t4_withoutAutomationConfigureEverythingIsRefused() throws Exception {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        AssignmentRules rules = PaxExamSupport.waitFor(context, AssignmentRules.class);
        ScoringRules scoring = PaxExamSupport.waitFor(context, ScoringRules.class);
        Schedules schedules = PaxExamSupport.waitFor(context, Schedules.class);
        String user = "noauto" + RUN;
        admin(() -> {
            ProfileInfo viewer = security.saveProfile(new ProfileInfo(null, "Automation viewers " + RUN, false,
                    Set.of("contacts.view", "automation.view")));
            security.createUser(new UserInput(user, "Viewer", "", "", null, viewer.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
            return null;
        });
        Caller viewer = new Caller(user);
        List<Supplier<Object>> calls = List.of(rules::rules, () -> rules.delete(1), scoring::rules,
                scoring::scoreFields, () -> scoring.delete(1), () -> scoring.recalculate(CONTACT),
                () -> scoring.setScoreField(CONTACT, Optional.empty()), schedules::schedules,
                () -> schedules.runNow(1), () -> schedules.runs(1, 10), () -> schedules.delete(1));
        for (Supplier<Object> call : calls) {
            assertThrows(PermissionDeniedException.class, () -> callers.callAs(viewer, call));
        }
    }

    @Test
    public void t5_theModuleGoesAndComesBackWithItsRules() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        String mark = "RR" + RUN;
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0
                && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertEquals("no rule without the module", "admin",
                owner(records, admin(() -> records.create(CONTACT, lastName(mark + " while away"))).id()));

        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the module is back", eventually(60, () -> PaxExamSupport.servicesOf(context, BUNDLE) > 0));
        // the rule and its turn were kept: after c (t1's last round-robin turn) comes a
        assertTrue("the rule applies again", eventually(60, () -> ("rra" + RUN).equals(owner(records,
                admin(() -> records.create(CONTACT, lastName(mark + " back"))).id()))));
    }

    private static RecordValues lastName(String name) {
        return RecordValues.builder().set("lastName", name).build();
    }

    private String owner(Records records, long id) {
        return admin(() -> records.get(CONTACT, id)).orElseThrow().text("owner");
    }

    /** @return the owners of the contacts whose last name contains the text, by id */
    private List<String> owners(Records records, String text) {
        return admin(() -> records.page(CONTACT, RecordQuery.page(0, 50).withFilters(List.of(
                Filter.of("lastName", FilterOp.CONTAINS, text))))).stream()
                .sorted(java.util.Comparator.comparingLong(RecordRow::id)).map(r -> r.text("owner")).toList();
    }

    private void assertScore(String why, long expected, Records records, long id, String field) {
        BigDecimal score = admin(() -> records.get(CONTACT, id)).orElseThrow().decimal(field).orElse(null);
        assertTrue(why + ": " + score, score != null && score.compareTo(BigDecimal.valueOf(expected)) == 0);
    }

    /** @return whether an action of the id is registered */
    private boolean actionThere(String id) {
        try {
            return context.getServiceReferences(org.tesseracrm.kernel.api.automation.Action.class, null).stream()
                    .anyMatch(r -> id.equals(context.getService(r).id()));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long id(String json) {
        Matcher record = RECORD_ID.matcher(json);
        assertTrue(json, record.lookingAt());
        return Long.parseLong(record.group(1));
    }

    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }


    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + HTTP_PORT + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        try {
            return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
