package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSearch;
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
 * Boots the real distribution, installs the FAQ and Cases modules and proves the knowledge base holds whoever calls: a
 * draft is hidden from a user without {@code faq.edit}, a published FAQ of another owner is listed, read and found by
 * the global search for a plain viewer; the answer loses its script on every write; a case's text suggests the
 * matching published FAQs (most matched words first); attaching one counts once per case; users without the
 * permissions or the case are refused; the REST API does the same; the module goes and comes back with its FAQs and
 * links. Names carry the run's id: the PostgreSQL ITs of one run share one database. crm-faq is not a boot feature,
 * so its service is called by reflection (the probe cannot import its API). crm-cases is a boot feature: the tests
 * of cases (t3 to t5, the link in t6) fail without it rather than skip.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FaqModuleIT {
    private static final String FEATURE = "crm-faq";
    private static final String BUNDLE = "org.tesseracrm.faq";
    private static final String FAQS = "org.tesseracrm.faq.api.Faqs";
    private static final String CASES_FEATURE = "crm-cases";
    private static final String FAQ = FaqFields.RECORD_TYPE;
    private static final String CASE = "case";
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    /** faq.view and the cases an agent works: sees FAQs, attaches them to own cases. */
    private static final Caller AGENT = new Caller("faqagent" + RUN);
    /** faq.view, create and edit: writes FAQs, sees drafts. */
    private static final Caller EDITOR = new Caller("faqeditor" + RUN);
    /** Contacts only. */
    private static final Caller OUTSIDER = new Caller("nofaq" + RUN);
    /** faq.view and cases.view: reads, may not attach. */
    private static final Caller READER = new Caller("faqreader" + RUN);
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private CallerContext callers;

    /** Whether the build has crm-cases (it has: the tests of suggestions for cases and attaching fail without it). */
    private boolean cases;

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
        cases = features.getFeature(CASES_FEATURE) != null;
        for (String feature : cases ? List.of(CASES_FEATURE, FEATURE) : List.of(FEATURE)) {
            if (!features.isInstalled(features.getFeature(feature))) {
                features.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
            }
        }
        Records records = PaxExamSupport.waitFor(context, Records.class);
        for (String type : cases ? List.of(FAQ, CASE) : List.of(FAQ)) {
            assertTrue("the record type " + type, eventually(() -> PaxExamSupport.typeReady(callers, records, type)));
        }
        users();
    }

    @Test
    public void t1_draftsAreHiddenFromViewersAndPublishedFaqsFoundByEveryViewer() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordSearch search = PaxExamSupport.waitFor(context, RecordSearch.class);
        assertTrue("the FAQs view", eventually(() -> PaxExamSupport.viewReference(context, "faqs") != null));
        RecordRow draft = admin(() -> faq("Draft" + RUN + " how are refunds paid", "<p>Soon</p>", FaqFields.DRAFT));
        RecordRow published = admin(() -> faq("Router" + RUN + " keeps restarting: what do I do?",
                "<p>Unplug the router for ten seconds.</p>", FaqFields.PUBLISHED));
        assertEquals("a new FAQ solved no case yet", 0, timesUsed(published));

        RecordQuery ofRun = RecordQuery.page(0, 50).withText(RUN);
        assertEquals("the agent lists the admin's published FAQ, not the draft", List.of(published.id()),
                as(AGENT, () -> records.page(FAQ, ofRun)).stream().map(RecordRow::id).toList());
        assertEquals(1, (long) as(AGENT, () -> records.count(FAQ, ofRun, 100)));
        assertTrue(as(AGENT, () -> records.get(FAQ, published.id())).isPresent());
        assertTrue("a draft is not read singly either", as(AGENT, () -> records.get(FAQ, draft.id())).isEmpty());
        List<RecordRef> found = as(AGENT, () -> search.search("router" + RUN, 10)).stream()
                .filter(g -> g.recordType().equals(FAQ)).flatMap(g -> g.records().stream()).toList();
        assertEquals("the global search finds it", List.of(published.id()), found.stream().map(RecordRef::id).toList());
        assertTrue(as(AGENT, () -> search.search("draft" + RUN, 10)).stream()
                .noneMatch(g -> g.recordType().equals(FAQ) && !g.records().isEmpty()));

        RecordRow own = as(EDITOR, () -> faq("Draft" + RUN + " of the editor", "", FaqFields.DRAFT));
        assertTrue("an editor sees the drafts of the owners they see", as(EDITOR, () -> records.get(FAQ, own.id()))
                .isPresent());
        assertTrue(as(AGENT, () -> records.get(FAQ, own.id())).isEmpty());
        RecordRow out = as(EDITOR, () -> publish(own.id()));
        assertEquals(FaqFields.PUBLISHED, out.text(FaqFields.STATUS));
        assertTrue("published, the agent reads it", as(AGENT, () -> records.get(FAQ, own.id())).isPresent());
        as(EDITOR, () -> unpublish(own.id()));
        assertTrue(as(AGENT, () -> records.get(FAQ, own.id())).isEmpty());
    }

    @Test
    public void t2_theAnswerIsCleanedOnEveryWrite() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordRow faq = admin(() -> faq("Script" + RUN, "<p onclick=\"x()\">Fine <b>text</b></p>"
                + "<script>alert(1)</script><a href=\"javascript:alert(2)\">link</a>", FaqFields.PUBLISHED));
        assertEquals("<p>Fine <b>text</b></p><a rel=\"nofollow noopener noreferrer\">link</a>",
                faq.text(FaqFields.ANSWER));
        RecordRow changed = admin(() -> records.update(FAQ, faq.id(), faq.version(), RecordValues.builder()
                .set(FaqFields.ANSWER, "<img src=x onerror=alert(1)><ul><li>Step</li></ul>").build()));
        assertEquals("<ul><li>Step</li></ul>", changed.text(FaqFields.ANSWER));
        assertEquals("<ul><li>Step</li></ul>", admin(() -> records.get(FAQ, faq.id())).orElseThrow()
                .text(FaqFields.ANSWER));
        CrmException counted = assertThrows(CrmException.class, () -> admin(() -> records.update(FAQ, faq.id(),
                changed.version(), RecordValues.builder().set(FaqFields.TIMES_USED, BigDecimal.TEN).build())));
        assertTrue(counted.getMessage(), counted instanceof org.tesseracrm.kernel.api.ValidationException);
    }

    @Test
    public void t3_aCaseSuggestsMatchingFaqsAndAttachingCountsOnce() throws Exception {
        assumeCases();
        Records records = PaxExamSupport.waitFor(context, Records.class);
        // words of this run only: the FAQs of earlier runs (PostgreSQL keeps them) match none of them
        String wifi = "wifi" + RUN;
        String drops = "drops" + RUN;
        String evening = "evening" + RUN;
        RecordRow best = admin(() -> faq("The " + wifi + " " + drops, "<p>Every " + evening + ": change the "
                + "channel.</p>", FaqFields.PUBLISHED));
        RecordRow other = admin(() -> faq("Slow " + wifi, "<p>Move closer.</p>", FaqFields.PUBLISHED));
        RecordRow hidden = admin(() -> faq("Draft " + wifi + " " + drops + " " + evening, "", FaqFields.DRAFT));
        RecordRow caseRow = as(AGENT, () -> newCase("My " + wifi + " " + drops, "At " + evening + " my " + drops));

        List<?> suggested = as(AGENT, () -> suggestForCase(caseRow.id(), 5));
        assertEquals("most matched words first; drafts never", List.of(best.id(), other.id()), ids(suggested));
        assertTrue((int) read(suggested.get(0), "score") > (int) read(suggested.get(1), "score"));
        assertFalse(ids(suggested).contains(hidden.id()));
        assertEquals(List.of(best.id(), other.id()), ids(as(AGENT, () -> suggest(evening + " " + wifi + " " + drops,
                5))));

        assertTrue(as(AGENT, () -> attach(caseRow.id(), best.id())));
        assertFalse("the same FAQ on the same case counts once", as(AGENT, () -> attach(caseRow.id(), best.id())));
        assertEquals(1, timesUsed(admin(() -> records.get(FAQ, best.id())).orElseThrow()));
        assertEquals(List.of(best.id()), as(AGENT, () -> attached(caseRow.id())).stream().map(RecordRow::id)
                .toList());
        assertEquals("an attached FAQ is no longer suggested", List.of(other.id()), ids(as(AGENT,
                () -> suggestForCase(caseRow.id(), 5))));
        RecordRow second = as(AGENT, () -> newCase("Second " + wifi, ""));
        assertTrue(as(AGENT, () -> attach(second.id(), best.id())));
        assertEquals(2, timesUsed(admin(() -> records.get(FAQ, best.id())).orElseThrow()));
        assertEquals("a draft is not attached", NotFoundException.class, assertThrows(CrmException.class,
                () -> as(AGENT, () -> attach(second.id(), hidden.id()))).getClass());
        assertThrows(ConflictException.class, () -> admin(() -> attach(second.id(), hidden.id())));
        assertTrue(as(AGENT, () -> detach(second.id(), best.id())));
        assertEquals(1, timesUsed(admin(() -> records.get(FAQ, best.id())).orElseThrow()));
    }

    @Test
    public void t4_usersWithoutThePermissionsOrTheCaseAreRefused() throws Exception {
        assumeCases();
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordRow faq = admin(() -> faq("Refusal" + RUN + " printer jams", "", FaqFields.PUBLISHED));
        RecordRow agents = as(AGENT, () -> newCase("Printer" + RUN + " jams", ""));
        RecordRow admins = admin(() -> newCase("Printer" + RUN + " admin's", ""));
        assertThrows(PermissionDeniedException.class, () -> as(OUTSIDER, () -> suggest("printer jams", 5)));
        assertThrows(PermissionDeniedException.class, () -> as(OUTSIDER, () -> records.page(FAQ,
                RecordQuery.page(0, 5))));
        assertThrows(PermissionDeniedException.class, () -> as(OUTSIDER, () -> attach(agents.id(), faq.id())));
        assertThrows("a case the agent does not see", NotFoundException.class, () -> as(AGENT,
                () -> suggestForCase(admins.id(), 5)));
        assertThrows(NotFoundException.class, () -> as(AGENT, () -> attach(admins.id(), faq.id())));
        assertThrows("a viewer may not publish", PermissionDeniedException.class, () -> as(AGENT,
                () -> publish(faq.id())));
        assertThrows("a viewer may not change a published FAQ", PermissionDeniedException.class, () -> as(AGENT,
                () -> records.update(FAQ, faq.id(), faq.version(), RecordValues.builder()
                        .set(FaqFields.QUESTION, "Changed").build())));
        assertThrows("without the case's edit permission", PermissionDeniedException.class, () -> as(READER,
                () -> attach(agents.id(), faq.id())));
        assertThrows(CrmException.class, () -> as(AGENT, () -> suggest("x", 0)));
        assertEquals(0, timesUsed(admin(() -> records.get(FAQ, faq.id())).orElseThrow()));
    }

    @Test
    public void t5_theRestApiSuggestsAndAttaches() throws Exception {
        assumeCases();
        RecordRow faq = admin(() -> faq("Voicemail" + RUN + " password forgotten", "<p>Dial *86.</p>",
                FaqFields.PUBLISHED));
        RecordRow caseRow = admin(() -> newCase("Forgotten voicemail" + RUN + " password", ""));
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String secret = admin(() -> tokens.create("admin", new ApiTokenRequest("faqs " + RUN, ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        HttpResponse<String> suggested = send(secret, "GET", "/api/v1/faqs/suggest?text="
                + URLEncoder.encode("voicemail" + RUN + " password", StandardCharsets.UTF_8), null);
        assertEquals(suggested.body(), 200, suggested.statusCode());
        assertTrue(suggested.body(), suggested.body().contains("\"id\":" + faq.id() + ",")
                && suggested.body().contains("Voicemail" + RUN));
        HttpResponse<String> forCase = send(secret, "GET", "/api/v1/faqs/suggest?caseId=" + caseRow.id(), null);
        assertTrue(forCase.body(), forCase.body().contains("\"id\":" + faq.id() + ","));
        String path = "/api/v1/faqs/cases/" + caseRow.id() + "/" + faq.id();
        HttpResponse<String> attached = send(secret, "POST", path, null);
        assertEquals(attached.body(), 200, attached.statusCode());
        assertTrue(attached.body(), attached.body().contains("\"attached\":true"));
        assertTrue(send(secret, "POST", path, null).body().contains("\"attached\":false"));
        HttpResponse<String> listed = send(secret, "GET", "/api/v1/faqs/cases/" + caseRow.id(), null);
        assertTrue(listed.body(), listed.body().contains("\"timesUsed\":1"));
        HttpResponse<String> bad = send(secret, "GET", "/api/v1/faqs/suggest?text=x&limit=500", null);
        assertEquals(bad.body(), 422, bad.statusCode());
        HttpResponse<String> missing = send(secret, "POST", "/api/v1/faqs/cases/" + caseRow.id() + "/999999999", null);
        assertEquals(missing.body(), 404, missing.statusCode());
    }

    @Test
    public void t6_theModuleGoesAndComesBackWithItsFaqsAndLinks() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordRow kept = admin(() -> faq("Kept" + RUN + " modem lights", "<p>Green is fine.</p>", FaqFields.PUBLISHED));
        RecordRow caseRow = cases ? admin(() -> newCase("Modem lights" + RUN, "")) : null;
        if (cases) {
            admin(() -> attach(caseRow.id(), kept.id()));
        }

        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0
                && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertTrue("no FAQs view", eventually(() -> PaxExamSupport.viewReference(context, "faqs") == null));
        assertThrows(CrmException.class, () -> admin(() -> records.get(FAQ, kept.id())));
        assertTrue("the case is still there", !cases || admin(() -> records.get(CASE, caseRow.id())).isPresent());

        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the view is back", eventually(() -> PaxExamSupport.viewReference(context, "faqs") != null));
        assertTrue("the record type is back", eventually(() -> PaxExamSupport.typeReady(callers, records, FAQ)));
        RecordRow back = as(AGENT, () -> records.get(FAQ, kept.id())).orElseThrow();
        assertEquals("<p>Green is fine.</p>", back.text(FaqFields.ANSWER));
        assertEquals(cases ? 1 : 0, timesUsed(back));
        if (cases) {
            assertEquals("the new service keeps the links", List.of(kept.id()), admin(() -> attached(caseRow.id()))
                    .stream().map(RecordRow::id).toList());
        }
        assertEquals(List.of(kept.id()), ids(admin(() -> suggest("kept" + RUN, 5))));
    }

    private void assumeCases() {
        assertTrue("crm-cases is in the build: the FAQs' links to cases are tested", cases);
    }

    // The FAQ service, called by reflection: crm-faq is not a boot feature, so the probe cannot import its API (as
    // the webhooks IT); each call takes the service registered now, the new bundle's after a reinstall.

    private RecordRow publish(long faqId) {
        return (RecordRow) call("publish", faqId);
    }

    private RecordRow unpublish(long faqId) {
        return (RecordRow) call("unpublish", faqId);
    }

    private List<?> suggest(String text, int limit) {
        return (List<?>) call("suggest", text, limit);
    }

    private List<?> suggestForCase(long caseId, int limit) {
        return (List<?>) call("suggestForCase", caseId, limit);
    }

    @SuppressWarnings("unchecked")
    private List<RecordRow> attached(long caseId) {
        return (List<RecordRow>) call("attached", caseId);
    }

    private boolean attach(long caseId, long faqId) {
        return (Boolean) call("attach", caseId, faqId);
    }

    private boolean detach(long caseId, long faqId) {
        return (Boolean) call("detach", caseId, faqId);
    }

    /** @return the ids of FAQ suggestions, in their order */
    private static List<Long> ids(List<?> suggestions) {
        return suggestions.stream().map(s -> (Long) read(s, "id")).toList();
    }

    private static Object read(Object target, String accessor) {
        return invoke(target, accessor);
    }

    private Object call(String name, Object... args) {
        try {
            return invoke(PaxExamSupport.newService(context, FAQS), name, args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls the public method of that name and arity, and throws what it throws (a refusal stays a refusal). */
    private static Object invoke(Object target, String name, Object... args) {
        Method method = Arrays.stream(target.getClass().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length).findFirst()
                .orElseThrow(() -> new AssertionError(target.getClass() + " has no " + name));
        try {
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

    private RecordRow faq(String question, String answer, String status) {
        Records records = records();
        return records.create(FAQ, RecordValues.builder().set(FaqFields.QUESTION, question)
                .set(FaqFields.ANSWER, answer).set(FaqFields.STATUS, status).set(FaqFields.CATEGORY, "Technical")
                .build());
    }

    private RecordRow newCase(String subject, String description) {
        return records().create(CASE, RecordValues.builder().set("caseType", "Complaint").set("subject", subject)
                .set("description", description).build());
    }

    private Records records() {
        try {
            return PaxExamSupport.waitFor(context, Records.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long timesUsed(RecordRow faq) {
        return faq.decimal(FaqFields.TIMES_USED).map(BigDecimal::longValue).orElse(-1L);
    }

    /** The agent, editor, reader and outsider, created once per run, each in a role of their own. */
    private void users() throws InterruptedException {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        if (admin(() -> security.users()).stream().anyMatch(u -> u.username().equals(AGENT.username()))) {
            return;
        }
        admin(() -> {
            user(security, AGENT, "FAQ agents", Set.of("faq.view", "cases.view", "cases.create", "cases.edit"));
            user(security, EDITOR, "FAQ editors", Set.of("faq.view", "faq.create", "faq.edit"));
            user(security, READER, "FAQ readers", Set.of("faq.view", "cases.view"));
            user(security, OUTSIDER, "No FAQs", Set.of("contacts.view", "cases.view", "cases.edit"));
            return null;
        });
    }

    private void user(SecurityAdmin security, Caller who, String name, Set<String> permissions) {
        Set<String> granted = cases ? permissions : permissions.stream().filter(p -> !p.startsWith("cases."))
                .collect(java.util.stream.Collectors.toSet());
        ProfileInfo profile = security.saveProfile(new ProfileInfo(null, name + " " + RUN, false, granted));
        RoleInfo role = security.saveRole(null, name + " " + RUN, null);
        security.createUser(new UserInput(who.username(), name, "", "", role.id(), profile.id(), Set.of()),
                "Secret-pass-1".toCharArray());
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

    private <T> T as(Caller who, Supplier<T> work) {
        return callers.callAs(who, work);
    }
}
