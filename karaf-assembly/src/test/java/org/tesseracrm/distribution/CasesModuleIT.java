package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.CaseType;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
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

/**
 * Boots the real distribution with the Cases module and proves its rules hold whoever calls: numbers with the type's
 * prefix (an admin-defined type too), unique under 20 parallel creates; a solved status needs a solution; a case is
 * not solved or closed while the case it depends on is open, and dependencies make no cycles; users without rights
 * are refused; the REST API does the same over a real socket; the module goes and comes back with its cases. Names
 * carry the run's id: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CasesModuleIT {
    private static final String FEATURE = "crm-cases";
    private static final String BUNDLE = "org.tesseracrm.cases";
    private static final String CASE = CaseFields.RECORD_TYPE;
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

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
        Records records = PaxExamSupport.waitFor(context, Records.class);
        for (String type : List.of(CASE, "contact", "company")) {
            assertTrue("the record type " + type, eventually(() -> PaxExamSupport.typeReady(callers, records, type)));
        }
    }

    @Test
    public void t1_numbersTakeTheTypesPrefixAndTwentyParallelCreatesGetDifferentOnes() throws Exception {
        Cases cases = PaxExamSupport.waitFor(context, Cases.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        assertTrue("the cases view", eventually(() -> PaxExamSupport.viewReference(context, "cases") != null));
        assertTrue("the case settings page", PaxExamSupport.viewReference(context, "admin/case-settings") != null);
        RecordRow complaint = admin(() -> create(records, CaseFields.COMPLAINT, "Late delivery " + RUN));
        assertTrue(complaint.text(CaseFields.NUMBER), complaint.text(CaseFields.NUMBER).matches("QUE-\\d{6,}"));
        assertEquals("New", complaint.text(CaseFields.STATUS));
        RecordRow petition = admin(() -> create(records, CaseFields.PETITION, "Invoice copy " + RUN));
        assertTrue(petition.text(CaseFields.NUMBER), petition.text(CaseFields.NUMBER).matches("PET-\\d{6,}"));
        assertEquals(List.of("PET", "QUE", "REC", "SUG"), admin(cases::types).stream()
                .filter(t -> CaseFields.CASE_TYPES.contains(t.name())).map(CaseType::prefix).sorted().toList());

        // An admin-defined type with its own prefix counts from 1
        String prefix = "W" + RUN.substring(RUN.length() - 6);
        CaseType warranty = admin(() -> cases.saveType("Warranty " + RUN, prefix.toLowerCase(java.util.Locale.ROOT)));
        assertEquals(prefix, warranty.prefix());
        RecordRow first = admin(() -> create(records, warranty.name(), "Broken hinge " + RUN));
        assertEquals(prefix + "-000001", first.text(CaseFields.NUMBER));
        ValidationException taken = assertThrows(ValidationException.class,
                () -> admin(() -> cases.saveType("Other " + RUN, "QUE")));
        assertEquals(List.of("prefix"), fields(taken));

        // Twenty agents create a complaint at the same moment: twenty different numbers, none lost. More agents
        // than the pool has connections (16), each create holding one: its ids come from the scope's own
        // connection for ids, not from a second pooled one
        int agents = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        Set<String> numbers = new HashSet<>();
        try {
            List<Future<RecordRow>> made = new ArrayList<>();
            for (int n = 0; n < agents; n++) {
                int i = n;
                made.add(pool.submit(() -> {
                    start.await();
                    return admin(() -> create(records, CaseFields.COMPLAINT, "Parallel " + i + " " + RUN));
                }));
            }
            start.countDown();
            for (Future<RecordRow> row : made) {
                try {
                    numbers.add(row.get(120, TimeUnit.SECONDS).text(CaseFields.NUMBER));
                } catch (java.util.concurrent.ExecutionException failed) {
                    // the message only: the database's own exception class is not on the test's side
                    throw new AssertionError("a parallel create failed: " + failed.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(numbers.toString(), agents, numbers.size());
        assertTrue(numbers.toString(), numbers.stream().allMatch(n -> n.matches("QUE-\\d{6,}")));

        // The number, the type and the SLA fields are the module's
        ValidationException own = assertThrows(ValidationException.class, () -> admin(() -> records.update(CASE,
                complaint.id(), complaint.version(), RecordValues.builder().set(CaseFields.NUMBER, "QUE-999999")
                        .set(CaseFields.CASE_TYPE, CaseFields.CLAIM).set(CaseFields.SLA_STATE, "Breached").build())));
        assertEquals(Set.of(CaseFields.NUMBER, CaseFields.CASE_TYPE, CaseFields.SLA_STATE), Set.copyOf(fields(own)));
        ValidationException typeFirst = assertThrows(ValidationException.class, () -> admin(() -> records.create(CASE,
                RecordValues.builder().set(CaseFields.SUBJECT, "No type " + RUN).build())));
        assertTrue(fields(typeFirst).contains(CaseFields.CASE_TYPE));
    }

    @Test
    public void t2_aSolvedCaseNeedsASolutionAndWaitsForTheCaseItDependsOn() throws Exception {
        Cases cases = PaxExamSupport.waitFor(context, Cases.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordRow blocker = admin(() -> create(records, CaseFields.CLAIM, "Supplier refund " + RUN));
        RecordRow waiting = admin(() -> records.create(CASE, RecordValues.builder()
                .set(CaseFields.CASE_TYPE, CaseFields.COMPLAINT).set(CaseFields.SUBJECT, "Customer refund " + RUN)
                .set(CaseFields.DEPENDS_ON, blocker.id()).build()));

        ValidationException noSolution = assertThrows(ValidationException.class, () -> admin(() -> cases.solve(
                waiting.id(), " ")));
        assertEquals(List.of(CaseFields.SOLUTION), fields(noSolution));
        ValidationException plain = assertThrows(ValidationException.class, () -> admin(() -> records.update(CASE,
                waiting.id(), waiting.version(), RecordValues.builder().set(CaseFields.STATUS, CaseFields.SOLVED)
                        .build())));
        assertEquals(Set.of(CaseFields.SOLUTION, CaseFields.STATUS), Set.copyOf(fields(plain)));
        ValidationException blocked = assertThrows(ValidationException.class, () -> admin(() -> cases.solve(
                waiting.id(), "Refunded")));
        assertEquals(List.of(CaseFields.STATUS), fields(blocked));
        assertTrue(blocked.errors().get(0).message(), blocked.errors().get(0).message().contains(
                blocker.text(CaseFields.NUMBER)));
        assertThrows(ValidationException.class, () -> admin(() -> cases.close(waiting.id())));
        assertEquals(Optional.of(blocker.text(CaseFields.NUMBER)), admin(() -> cases.openDependency(waiting.id())));
        assertEquals(List.of(waiting.id()), admin(() -> cases.dependents(blocker.id())).stream().map(RecordRow::id)
                .toList());

        // No cycles: the blocker may not depend on the case waiting for it, nor a case on itself
        ValidationException cycle = assertThrows(ValidationException.class, () -> admin(() -> records.update(CASE,
                blocker.id(), blocker.version(), RecordValues.builder().set(CaseFields.DEPENDS_ON, waiting.id())
                        .build())));
        assertEquals(List.of(CaseFields.DEPENDS_ON), fields(cycle));
        ValidationException self = assertThrows(ValidationException.class, () -> admin(() -> records.update(CASE,
                blocker.id(), blocker.version(), RecordValues.builder().set(CaseFields.DEPENDS_ON, blocker.id())
                        .build())));
        assertEquals(List.of(CaseFields.DEPENDS_ON), fields(self));

        RecordRow solvedBlocker = admin(() -> cases.solve(blocker.id(), "Supplier paid back"));
        assertEquals(CaseFields.SOLVED, solvedBlocker.text(CaseFields.STATUS));
        assertEquals("Supplier paid back", solvedBlocker.text(CaseFields.SOLUTION));
        assertTrue("solved at", solvedBlocker.dateTime(CaseFields.SOLVED_AT).isPresent());
        assertEquals(Optional.empty(), admin(() -> cases.openDependency(waiting.id())));
        RecordRow solved = admin(() -> cases.solve(waiting.id(), "Refunded"));
        assertEquals(CaseFields.SOLVED, solved.text(CaseFields.STATUS));
        RecordRow closed = admin(() -> cases.close(waiting.id()));
        assertEquals(CaseFields.CLOSED, closed.text(CaseFields.STATUS));
        assertEquals(solved.dateTime(CaseFields.SOLVED_AT), closed.dateTime(CaseFields.SOLVED_AT));
        RecordRow reopened = admin(() -> records.update(CASE, closed.id(), closed.version(), RecordValues.builder()
                .set(CaseFields.STATUS, CaseFields.IN_PROGRESS).build()));
        assertFalse("reopening clears the solved time", reopened.dateTime(CaseFields.SOLVED_AT).isPresent());

        // Status kinds: the first ones, and at least one closed status stays
        assertEquals(StatusKind.WAITING, admin(() -> cases.kindOf(CaseFields.WAITING_ON_CUSTOMER)));
        assertEquals(StatusKind.SOLVED, admin(cases::statusKinds).get(CaseFields.SOLVED));
        assertThrows(ValidationException.class, () -> admin(() -> {
            cases.setStatusKind(CaseFields.CLOSED, StatusKind.OPEN);
            return null;
        }));
        assertThrows(ValidationException.class, () -> admin(() -> {
            cases.setStatusKind("No such status " + RUN, StatusKind.OPEN);
            return null;
        }));
        admin(() -> {
            cases.setStatusKind(CaseFields.IN_PROGRESS, StatusKind.OPEN);
            return null;
        });
    }

    @Test
    public void t3_aUserWithoutRightsIsRefused() throws Exception {
        Cases cases = PaxExamSupport.waitFor(context, Cases.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordRow row = admin(() -> create(records, CaseFields.SUGGESTION, "Longer hours " + RUN));
        users();
        Caller outsider = new Caller("nocase" + RUN);
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider, () -> cases.solve(row.id(), "x")));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider, cases::types));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider, () -> create(records,
                CaseFields.PETITION, "Sneaky " + RUN)));
        Caller reader = new Caller("casereader" + RUN);
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(reader, () -> cases.solve(row.id(), "x")));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(reader, () -> cases.close(row.id())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(reader, () -> cases.saveType("Mine " + RUN,
                "MINE")));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(reader, () -> {
            cases.setStatusKind(CaseFields.NEW, StatusKind.WAITING);
            return null;
        }));
        assertEquals(4, callers.callAs(reader, cases::types).stream()
                .filter(t -> CaseFields.CASE_TYPES.contains(t.name())).count());
        assertEquals(CaseFields.NEW, admin(() -> records.get(CASE, row.id())).orElseThrow().text(CaseFields.STATUS));
        assertEquals(StatusKind.OPEN, admin(() -> cases.kindOf(CaseFields.NEW)));
    }

    @Test
    public void t4_theRestApiCreatesSolvesAndConfiguresCases() throws Exception {
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String secret = admin(() -> tokens.create("admin", new ApiTokenRequest("cases " + RUN, ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        HttpResponse<String> made = send(secret, "POST", "/api/v1/records/case", "{\"caseType\":\"Complaint\","
                + "\"subject\":\"By API " + RUN + "\",\"priority\":\"Urgent\"}");
        assertEquals(made.body(), 201, made.statusCode());
        assertTrue(made.body(), made.body().matches("(?s).*\"number\":\"QUE-\\d{6,}\".*"));
        long id = Long.parseLong(made.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        HttpResponse<String> missing = send(secret, "POST", "/api/v1/cases/" + id + "/solve", "{\"solution\":\"\"}");
        assertEquals(missing.body(), 422, missing.statusCode());
        assertTrue(missing.body(), missing.body().contains("\"field\":\"solution\""));
        HttpResponse<String> solved = send(secret, "POST", "/api/v1/cases/" + id + "/solve",
                "{\"solution\":\"Replaced – Zoë's order\"}");
        assertEquals(solved.body(), 200, solved.statusCode());
        assertTrue(solved.body(), solved.body().contains("\"status\":\"Solved\"")
                && solved.body().contains("Replaced – Zoë's order"));
        HttpResponse<String> closed = send(secret, "POST", "/api/v1/cases/" + id + "/close", null);
        assertEquals(closed.body(), 200, closed.statusCode());
        HttpResponse<String> types = send(secret, "GET", "/api/v1/cases/types", null);
        assertEquals(types.body(), 200, types.statusCode());
        assertTrue(types.body(), types.body().contains("\"name\":\"Complaint\",\"prefix\":\"QUE\""));
        HttpResponse<String> statuses = send(secret, "GET", "/api/v1/cases/statuses", null);
        assertTrue(statuses.body(), statuses.body().contains("\"kind\":\"waiting\""));
        HttpResponse<String> badKind = send(secret, "PUT", "/api/v1/cases/statuses/New", "{\"kind\":\"later\"}");
        assertEquals(badKind.body(), 422, badKind.statusCode());
        HttpResponse<String> dependencies = send(secret, "GET", "/api/v1/cases/" + id + "/dependencies", null);
        assertEquals(dependencies.body(), 200, dependencies.statusCode());
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + HTTP_PORT + "/api/v1/cases/types")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    public void t5_theModuleGoesAndComesBackWithItsCases() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordRow kept = admin(() -> create(records, CaseFields.COMPLAINT, "Kept " + RUN));

        List<String> back = PaxExamSupport.uninstallWithDependents(features, FEATURE);
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0
                && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertTrue("no cases view", eventually(() -> PaxExamSupport.viewReference(context, "cases") == null));
        assertThrows(CrmException.class, () -> admin(() -> records.get(CASE, kept.id())));

        PaxExamSupport.install(features, back.isEmpty() ? List.of(FEATURE) : back);
        assertTrue("the view is back", eventually(() -> PaxExamSupport.viewReference(context, "cases") != null));
        assertTrue("the record type is back", eventually(() -> PaxExamSupport.typeReady(callers, records, CASE)));
        RecordRow again = admin(() -> records.get(CASE, kept.id())).orElseThrow();
        assertEquals(kept.text(CaseFields.NUMBER), again.text(CaseFields.NUMBER));
        RecordRow next = admin(() -> create(records, CaseFields.COMPLAINT, "After " + RUN));
        assertTrue("the numbering goes on", next.text(CaseFields.NUMBER).compareTo(kept.text(CaseFields.NUMBER)) > 0);
        assertTrue("the new service answers", PaxExamSupport.newService(context, Cases.class.getName()) != null);
    }

    private static RecordRow create(Records records, String type, String subject) {
        return records.create(CASE, RecordValues.builder().set(CaseFields.CASE_TYPE, type)
                .set(CaseFields.SUBJECT, subject).build());
    }

    /** A reader (cases.view only) and an outsider (contacts only), created once per run. */
    private void users() throws InterruptedException {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String reader = "casereader" + RUN;
        if (admin(() -> security.users()).stream().noneMatch(u -> u.username().equals(reader))) {
            admin(() -> {
                ProfileInfo viewing = security.saveProfile(new ProfileInfo(null, "Case readers " + RUN, false,
                        Set.of("cases.view")));
                ProfileInfo other = security.saveProfile(new ProfileInfo(null, "No cases " + RUN, false,
                        Set.of("contacts.view")));
                RoleInfo role = security.saveRole(null, "Case readers " + RUN, null);
                security.createUser(new UserInput(reader, "Reader", "", "", role.id(), viewing.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                security.createUser(new UserInput("nocase" + RUN, "Outsider", "", "", role.id(), other.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                return null;
            });
        }
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    private static HttpResponse<String> send(String secret, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }
}
