package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
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
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.RecordSearch;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.projects.api.ProjectFields;

/**
 * Boots the real distribution with the Projects module: a project made with its customer, dates and budget takes
 * the status default; an end before the start is refused; a user without the module is refused; a member who does
 * not own a project sees it in lists, the search and reads, a non-member does not; related records show their titles
 * only to users who may see them; progress is counted from the project's tasks; the module goes and comes back with
 * its projects, members and related records. The Projects service is called by reflection: crm-projects is not a boot
 * feature, so the probe cannot import its API. Names carry the run's id: the PostgreSQL ITs of one run share one
 * database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProjectsModuleIT {
    private static final String FEATURE = "crm-projects";
    private static final String BUNDLE = "org.tesseracrm.projects";
    private static final String PROJECT = ProjectFields.RECORD_TYPE;
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final String PROJECTS = "org.tesseracrm.projects.api.Projects";
    private static final String PASSWORD = "Secret-pass-1";
    /** A member with projects.view and companies.view, no role: sees only own records otherwise. */
    private static final String MEMBER = "pmember" + RUN;
    /** projects.view only: a member too, sees no company title. */
    private static final String VIEWER = "pviewer" + RUN;
    /** projects.view and projects.edit, never a member. */
    private static final String OTHER = "pother" + RUN;
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

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

    @Before
    public void theModuleIsInstalled() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        Records records = PaxExamSupport.waitFor(context, Records.class);
        for (String type : List.of(PROJECT, "company")) {
            assertTrue("the record type " + type, eventually(() -> PaxExamSupport.typeReady(callers, records, type)));
        }
    }

    @Test
    public void t1_aProjectKeepsItsDatesInOrder() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        assertTrue("the projects view", eventually(() -> PaxExamSupport.viewReference(context, "projects") != null));
        long company = admin(() -> records.create("company", RecordValues.builder().set("name", "Ñandú P1 " + RUN)
                .build())).id();
        RecordRow project = admin(() -> records.create(PROJECT, RecordValues.builder()
                .set(ProjectFields.NAME, "Roll-out " + RUN).set(ProjectFields.COMPANY, company)
                .set(ProjectFields.START_DATE, LocalDate.of(2026, 1, 5)).set(ProjectFields.END_DATE, LocalDate.of(2026, 1, 5))
                .set(ProjectFields.BUDGET, new BigDecimal("15000.00")).set(ProjectFields.CURRENCY, "EUR").build()));
        assertEquals(company, project.lookup(ProjectFields.COMPANY).orElseThrow());
        assertEquals(0, new BigDecimal("15000").compareTo(project.decimal(ProjectFields.BUDGET).orElseThrow()));
        ValidationException late = assertThrows(ValidationException.class, () -> admin(() -> records.update(PROJECT,
                project.id(), project.version(), RecordValues.builder().set(ProjectFields.END_DATE,
                        LocalDate.of(2026, 1, 4)).build())));
        assertEquals(List.of(ProjectFields.END_DATE), late.errors().stream().map(FieldError::field).toList());
        assertEquals(LocalDate.of(2026, 1, 5), admin(() -> records.get(PROJECT, project.id())).orElseThrow()
                .date(ProjectFields.END_DATE).orElseThrow());
    }

    @Test
    public void t2_aUserWithoutTheModuleIsRefused() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String outsider = "noproj" + RUN;
        admin(() -> {
            ProfileInfo other = security.saveProfile(new ProfileInfo(null, "No projects " + RUN, false,
                    Set.of("contacts.view")));
            return security.createUser(new UserInput(outsider, "Outsider", "", "", null, other.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
        });
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(outsider),
                () -> records.page(PROJECT, RecordQuery.page(0, 10))));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(outsider),
                () -> records.create(PROJECT, RecordValues.builder().set(ProjectFields.NAME, "Not mine").build())));
    }

    @Test
    public void t2a_aMemberWhoIsNotTheOwnerSeesTheProjectAndANonMemberDoesNot() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordSearch search = PaxExamSupport.waitFor(context, RecordSearch.class);
        users();
        RecordRow project = admin(() -> records.create(PROJECT, RecordValues.builder()
                .set(ProjectFields.NAME, "Shared" + RUN + " roll-out").build()));
        assertEquals("PRJ-" + project.id(), admin(() -> records.get(PROJECT, project.id())).orElseThrow()
                .text(ProjectFields.NUMBER));
        RecordQuery ofRun = RecordQuery.page(0, 50).withText("Shared" + RUN);
        assertTrue("not a member yet", as(MEMBER, () -> records.get(PROJECT, project.id())).isEmpty());
        assertThrows(NotFoundException.class, () -> as(MEMBER, () -> call("members", project.id())));

        assertTrue(admin(() -> (Boolean) call("addMember", project.id(), MEMBER, "Consultant")));
        assertEquals(false, admin(() -> call("addMember", project.id(), MEMBER, "Lead consultant")));
        assertTrue("a member reads it", as(MEMBER, () -> records.get(PROJECT, project.id())).isPresent());
        assertEquals("and lists it", List.of(project.id()), as(MEMBER, () -> records.page(PROJECT, ofRun)).stream()
                .map(RecordRow::id).toList());
        assertEquals(1L, (long) as(MEMBER, () -> records.count(PROJECT, ofRun, 100)));
        assertEquals("and finds it in the global search", List.of(project.id()), as(MEMBER,
                () -> search.search("shared" + RUN, 10)).stream().filter(g -> g.recordType().equals(PROJECT))
                .flatMap(g -> g.records().stream()).map(RecordRef::id).toList());
        List<?> members = as(MEMBER, () -> (List<?>) call("members", project.id()));
        assertEquals(List.of(MEMBER), members.stream().map(m -> read(m, "username")).toList());
        assertEquals("Lead consultant", read(members.get(0), "role"));

        assertTrue("a non-member with the same rights does not see it", as(OTHER,
                () -> records.get(PROJECT, project.id())).isEmpty());
        assertEquals(List.of(), as(OTHER, () -> records.page(PROJECT, ofRun)));
        assertThrows(NotFoundException.class, () -> as(OTHER, () -> call("addMember", project.id(), OTHER, "")));
        assertThrows(PermissionDeniedException.class, () -> as(MEMBER,
                () -> call("addMember", project.id(), VIEWER, "")));
        assertThrows(PermissionDeniedException.class, () -> as("noproj" + RUN,
                () -> call("members", project.id())));
        ValidationException ghost = assertThrows(ValidationException.class, () -> admin(
                () -> call("addMember", project.id(), "ghost" + RUN, "")));
        assertEquals("username", ghost.errors().get(0).field());

        assertTrue(admin(() -> (Boolean) call("removeMember", project.id(), MEMBER)));
        assertTrue("a former member no longer sees it", as(MEMBER, () -> records.get(PROJECT, project.id()))
                .isEmpty());
    }

    @Test
    public void t2b_relatedRecordsShowTheirTitlesOnlyToUsersWhoMaySeeThem() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        users();
        RecordRow project = admin(() -> records.create(PROJECT, RecordValues.builder()
                .set(ProjectFields.NAME, "Links " + RUN).build()));
        admin(() -> call("addMember", project.id(), MEMBER, ""));
        admin(() -> call("addMember", project.id(), VIEWER, ""));
        long adminsCompany = admin(() -> records.create("company", RecordValues.builder()
                .set("name", "Hidden Co " + RUN).build())).id();
        long membersCompany = as(MEMBER, () -> records.create("company", RecordValues.builder()
                .set("name", "Own Co " + RUN).build())).id();
        long gone = admin(() -> records.create("company", RecordValues.builder().set("name", "Gone Co " + RUN)
                .build())).id();
        for (long company : List.of(adminsCompany, membersCompany, gone)) {
            assertTrue(admin(() -> (Boolean) call("link", project.id(), "company", company)));
        }
        assertEquals(false, admin(() -> call("link", project.id(), "company", adminsCompany)));
        admin(() -> records.delete("company", org.tesseracrm.kernel.api.record.RecordSelection.of(List.of(gone))));

        assertEquals("the admin sees every title; the deleted company's link went with it",
                Map.of(adminsCompany, "Hidden Co " + RUN, membersCompany, "Own Co " + RUN), titles(ADMIN.username(),
                project.id()));
        assertEquals("a member sees the title of a company they see, not of the admin's",
                Map.of(membersCompany, "Own Co " + RUN), titles(MEMBER, project.id()));
        assertEquals("without companies.view no title at all", Map.of(), titles(VIEWER, project.id()));
        List<?> viewersLinks = as(VIEWER, () -> (List<?>) call("links", project.id()));
        assertEquals("the viewer still sees that two records are related", 2, viewersLinks.size());
        assertEquals("HIDDEN", String.valueOf(read(viewersLinks.get(0), "state")));

        assertThrows(PermissionDeniedException.class, () -> as(VIEWER, () -> call("link", project.id(), "company",
                membersCompany)));
        assertThrows(PermissionDeniedException.class, () -> as(VIEWER, () -> call("unlink", project.id(),
                "company", membersCompany)));
        assertThrows(NotFoundException.class, () -> admin(() -> call("link", project.id(), "company", gone)));
        ValidationException self = assertThrows(ValidationException.class, () -> admin(
                () -> call("link", project.id(), PROJECT, project.id())));
        assertEquals("recordId", self.errors().get(0).field());
        assertThrows(ValidationException.class, () -> admin(() -> call("link", project.id(), "nothing" + RUN, 1L)));
        assertTrue(admin(() -> (Boolean) call("unlink", project.id(), "company", adminsCompany)));
        assertEquals(Map.of(membersCompany, "Own Co " + RUN), titles(ADMIN.username(), project.id()));
    }

    @Test
    public void t2c_progressIsDoneTasksOfAllTasks() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordRow project = admin(() -> records.create(PROJECT, RecordValues.builder()
                .set(ProjectFields.NAME, "Progress " + RUN).build()));
        assertEquals("no tasks, no progress (not 0 %)", Optional.empty(), admin(() -> call("progress",
                project.id())));
        String tomorrow = RecordRow.format(LocalDateTime.now(ZoneOffset.UTC).plusDays(1));
        for (int i = 1; i <= 4; i++) {
            activity(records, project.id(), "task", "Task " + i + " " + RUN, tomorrow, i == 1);
        }
        activity(records, project.id(), "call", "Call " + RUN, tomorrow, true);
        Optional<?> progress = admin(() -> (Optional<?>) call("progress", project.id()));
        assertEquals(25, read(progress.orElseThrow(), "percent"));
        assertEquals(4L, read(progress.orElseThrow(), "tasks"));

        // the same through the REST API, over a real socket, as the token's user
        users();
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String secret = token(tokens, ADMIN.username());
        String path = "/api/v1/projects/" + project.id();
        assertTrue("the projects resource is served", eventually(() -> send(secret, "GET", path + "/progress", null)
                .statusCode() == 200));
        HttpResponse<String> rest = send(secret, "GET", path + "/progress", null);
        assertEquals(rest.body(), "{\"tasks\":4,\"done\":1,\"percent\":25}", rest.body());
        rest = send(secret, "POST", path + "/members", "{\"username\":\"" + VIEWER + "\",\"role\":\"Tester\"}");
        assertEquals(rest.body(), "{\"added\":true}", rest.body());
        rest = send(secret, "GET", path + "/members", null);
        assertTrue(rest.body(), rest.body().contains("\"role\":\"Tester\""));
        rest = send(secret, "POST", path + "/members", "{\"username\":\"ghost" + RUN + "\"}");
        assertEquals(rest.body(), 422, rest.statusCode());
        String viewer = token(tokens, VIEWER);
        assertEquals("a member reads the progress", 200, send(viewer, "GET", path + "/progress", null).statusCode());
        assertEquals("but may not change the members", 403, send(viewer, "POST", path + "/members",
                "{\"username\":\"" + MEMBER + "\"}").statusCode());
        assertEquals(404, send(token(tokens, OTHER), "GET", path + "/links", null).statusCode());

        // and through the shell (a session of the probe runs as the system)
        long company = admin(() -> records.create("company", RecordValues.builder().set("name", "Shell Co " + RUN)
                .build())).id();
        String id = Long.toString(project.id());
        assertTrue("crm:project-progress is there", eventually(60, () -> shellOrError("crm:project-progress " + id)
                .contains("25 % (1 of 4 tasks done)")));
        String added = shellOrError("crm:project-member-add " + id + " " + OTHER + " Shell role");
        assertTrue(added, added.contains("Added " + OTHER));
        String members = shellOrError("crm:project-members " + id);
        assertTrue(members, members.contains(OTHER + " (Shell role)") && members.contains(VIEWER + " (Tester)"));
        String linked = shellOrError("crm:project-link " + id + " company " + company);
        assertTrue(linked, linked.contains("Related company " + company));
        String links = shellOrError("crm:project-links " + id);
        assertTrue(links, links.contains("\"Shell Co " + RUN + "\""));
        assertTrue(shellOrError("crm:project-unlink " + id + " company " + company).contains("Took company"));
        assertTrue(shellOrError("crm:project-member-remove " + id + " " + OTHER).contains("Removed " + OTHER));
    }

    /** @return what the command printed, or the message of the exception it failed with */
    private String shellOrError(String command) {
        return PaxExamSupport.shellOrError(shell, command);
    }

    private String token(ApiTokens tokens, String user) {
        return admin(() -> tokens.create(user, new ApiTokenRequest("projects " + user, ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
    }

    private static HttpResponse<String> send(String secret, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void t3_theModuleGoesAndComesBackWithItsProjectsMembersAndLinks() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        users();
        RecordRow kept = admin(() -> records.create(PROJECT, RecordValues.builder()
                .set(ProjectFields.NAME, "Kept " + RUN).build()));
        long company = admin(() -> records.create("company", RecordValues.builder().set("name", "Kept Co " + RUN)
                .build())).id();
        admin(() -> call("addMember", kept.id(), MEMBER, "Sponsor"));
        admin(() -> call("link", kept.id(), "company", company));
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0
                && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertThrows(CrmException.class, () -> admin(() -> records.get(PROJECT, kept.id())));
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the record type is back", eventually(() -> PaxExamSupport.typeReady(callers, records, PROJECT)));
        assertEquals("Kept " + RUN, admin(() -> records.get(PROJECT, kept.id())).orElseThrow()
                .text(ProjectFields.NAME));
        List<?> members = admin(() -> (List<?>) call("members", kept.id()));
        assertEquals(List.of(MEMBER), members.stream().map(m -> read(m, "username")).toList());
        assertEquals("Sponsor", read(members.get(0), "role"));
        assertTrue("the member still sees it", as(MEMBER, () -> records.get(PROJECT, kept.id())).isPresent());
        assertEquals(Map.of(company, "Kept Co " + RUN), titles(ADMIN.username(), kept.id()));
    }

    /** Creates the test's users once: a member with companies, a viewer without, a non-member editor. */
    private void users() throws Exception {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        admin(() -> {
            if (security.users().stream().anyMatch(u -> u.username().equals(MEMBER))) {
                return null;
            }
            ProfileInfo worker = security.saveProfile(new ProfileInfo(null, "Project worker " + RUN, false,
                    Set.of("projects.view", "companies.view", "companies.create", "companies.edit")));
            ProfileInfo viewer = security.saveProfile(new ProfileInfo(null, "Project viewer " + RUN, false,
                    Set.of("projects.view")));
            ProfileInfo editor = security.saveProfile(new ProfileInfo(null, "Project editor " + RUN, false,
                    Set.of("projects.view", "projects.edit")));
            security.createUser(new UserInput(MEMBER, "Member", "", "", null, worker.id(), Set.of()),
                    PASSWORD.toCharArray());
            security.createUser(new UserInput(VIEWER, "Viewer", "", "", null, viewer.id(), Set.of()),
                    PASSWORD.toCharArray());
            security.createUser(new UserInput(OTHER, "Other", "", "", null, editor.id(), Set.of()),
                    PASSWORD.toCharArray());
            return null;
        });
    }

    private void activity(Records records, long projectId, String kind, String subject, String due, boolean done) {
        admin(() -> records.create("activity", RecordValues.ofText(Map.of("kind", kind, "subject", subject, "dueAt",
                due, "relatedType", PROJECT, "relatedId", Long.toString(projectId), "done", Boolean.toString(done)))));
    }

    /** @return the titles of the project's related records the user is shown, by record id */
    private Map<Long, String> titles(String user, long projectId) {
        List<?> links = as(user, () -> (List<?>) call("links", projectId));
        java.util.Map<Long, String> titles = new java.util.HashMap<>();
        for (Object link : links) {
            ((Optional<?>) read(link, "title")).ifPresent(t -> titles.put((Long) read(link, "recordId"), (String) t));
        }
        return titles;
    }

    // The Projects service, called by reflection; each call takes the service registered now (the new bundle's after
    // a reinstall).

    private Object call(String name, Object... args) {
        try {
            return invoke(PaxExamSupport.newService(context, PROJECTS), name, args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Object read(Object target, String accessor) {
        return invoke(target, accessor);
    }

    /** Calls the public method of that name and arity, and throws what it throws (a refusal stays a refusal). */
    private static Object invoke(Object target, String name, Object... args) {
        Method method = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length).findFirst()
                .orElseThrow(() -> new AssertionError(target.getClass() + " has no " + name));
        try {
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T as(String user, Supplier<T> work) {
        return callers.callAs(new Caller(user), work);
    }


    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }
}
