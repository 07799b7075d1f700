package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.RowDecoration;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.kernel.api.ui.HeaderItem;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * Boots the real distribution and takes the Contacts module, then the Companies module, then the
 * Activities module out and back in at runtime: its services, menu entry and route come and go, nothing
 * of it is left behind, the kernel keeps running untouched, and the data is still there afterwards.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ContactsModuleIT {
    private static final String FEATURE = "crm-contacts";
    private static final String BUNDLE = "org.tesseracrm.contacts";
    private static final Caller ADMIN = new Caller("admin");
    private static final String ACTIVITIES = "org.tesseracrm.activities";
    private static final String ACTIVITY_SERVICE = "org.tesseracrm.activities.internal.service.ActivityService";
    private static final String FOLLOWUPS = "org.tesseracrm.followups";
    private static final String FOLLOW_UP_SERVICE = "org.tesseracrm.followups.internal.service.FollowUpService";
    private static final String NORTH = Long.toString(System.nanoTime());
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private CallerContext callers;

    @Inject
    private ModuleRegistry modules;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    /**
     * The tests uninstall boot features, which Karaf records as installed only when its boot installation
     * ends; the modules' services can be up before that (an uninstall then fails: "not installed").
     */
    @Before
    public void karafInstalledItsBootFeatures() throws InterruptedException {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
    }

    @Test
    public void t1_contactsModuleInstallsUninstallsAndReinstallsWithoutRestartOrDataLoss() throws Exception {
        // Installed by default: services, menu entry, route and module descriptor are there.
        ContactService contacts = waitFor(ContactService.class);
        assertNotNull("ContactService after boot", contacts);
        assertTrue("the contacts view contribution", eventually(() -> PaxExamSupport.viewReference(context, "contacts") != null));
        ServiceReference<ViewContribution> view = PaxExamSupport.viewReference(context, "contacts");
        assertEquals("Contacts", view.getProperty(ViewContribution.TITLE));
        assertTrue("contacts in the module registry", eventually(() -> modules.module("contacts")
                .map(m -> m.routes().contains("contacts")).orElse(false)));
        assertTrue("contacts in /health", eventually(() -> health().contains("\"routes\":[\"contacts\"]")));

        String marker = "Paxexam" + System.nanoTime();
        ContactData ada = callers.callAs(ADMIN, () -> contacts.create(
                new ContactInput("Ada", marker, "ada@example.org", "+44 20 7946 0958", "Analytical Engines")));
        assertEquals("admin", ada.owner());
        assertEquals(1, callers.callAs(ADMIN, () -> contacts.list(RecordQuery.page(0, 10).withText(marker))).size());

        Set<Long> kernelServicesBefore = kernelServiceIds();
        assertTrue("kernel services found", kernelServicesBefore.size() >= 6);
        long coreServiceId = serviceId(CallerContext.class);
        List<String> servicesBefore = settledServices();

        // Uninstall: everything the module registered disappears; the kernel and the web shell keep running.
        long start = System.nanoTime();
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("contacts left /health", eventually(() -> !health().contains("\"id\":\"contacts\"")));
        System.out.printf("uninstall -> gone from /health: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertTrue(modules.module("contacts").isEmpty());
        assertTrue("nothing of the module left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0));
        assertEquals("no view contribution left", null, PaxExamSupport.viewReference(context, "contacts"));
        assertEquals("no services of the module left", 0, PaxExamSupport.servicesOf(context, BUNDLE));
        assertTrue("no ModuleDescriptor of the module left", context.getServiceReferences(ModuleDescriptor.class, null)
                .stream().noneMatch(ref -> BUNDLE.equals(ref.getBundle().getSymbolicName())));
        assertFalse("bundle is gone", PaxExamSupport.bundleInstalled(context, BUNDLE));
        assertEquals(200, status("/login"));
        assertEquals("kernel services were not restarted", coreServiceId, serviceId(CallerContext.class));
        assertEquals(kernelServicesBefore, kernelServiceIds());
        int servicesGone = servicesBefore.size() - services().size();
        assertTrue("the module's services went away (" + servicesGone + ")", servicesGone >= 4);

        // Reinstall: it comes back with the data stored before.
        start = System.nanoTime();
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("contacts back in /health", eventually(() -> health().contains("\"routes\":[\"contacts\"]")));
        System.out.printf("install -> back in /health: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertNotNull(PaxExamSupport.viewReference(context, "contacts"));
        Object reinstalled = newContactService();
        boolean same = eventually(() -> services().equals(servicesBefore));
        assertTrue("the same services as before the uninstall; " + difference(servicesBefore, services()), same);
        // The test bundle is still wired to the old revision of the contacts API, so the new service is
        // called reflectively, through JDK types only.
        Method count = reinstalled.getClass().getMethod("count", Optional.class);
        long found = callers.callAs(ADMIN, () -> invoke(count, reinstalled, Optional.of(marker)));
        assertEquals("the contact created before the uninstall is still there", 1L, found);
        assertEquals(coreServiceId, serviceId(CallerContext.class));
        assertEquals(kernelServicesBefore, kernelServiceIds());
    }

    /**
     * Companies are a kit-only module that contacts point at: while it is out, contacts keep working and
     * keep their company ids but take no new ones; back in, its records are there again.
     */
    @Test
    public void t2_companiesModuleGoesAndComesBackWhileContactsKeepTheirCompany() throws Exception {
        Records records = waitFor(Records.class);
        assertTrue("the companies view contribution", eventually(() -> PaxExamSupport.viewReference(context, "companies") != null));
        String marker = "Globex" + System.nanoTime();
        // Typed writes: a lookup is the record pointed at; a value of the wrong Java type is refused like bad text
        RecordRow globex = callers.callAs(ADMIN, () -> records.create("company",
                RecordValues.builder().set("name", marker).build()));
        RecordRow homer = callers.callAs(ADMIN, () -> records.create(ContactService.RECORD_TYPE, RecordValues.builder()
                .set("lastName", "Simpson").set("company", new RecordRef("company", globex.id(), marker)).build()));
        assertEquals(OptionalLong.of(globex.id()), homer.lookup("company"));
        ValidationException wrongType = assertThrows(ValidationException.class, () -> callers.callAs(ADMIN,
                () -> records.update(ContactService.RECORD_TYPE, homer.id(), homer.version(),
                        RecordValues.builder().set("company", String.valueOf(globex.id())).build())));
        assertEquals(List.of(new FieldError("company", "Enter the id of a record")), wrongType.errors());
        List<String> servicesBefore = settledServices();

        features.uninstallFeature("crm-companies", EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("companies left /health", eventually(() -> !health().contains("\"id\":\"companies\"")));
        assertTrue("nothing of the module left", eventually(() -> PaxExamSupport.servicesOf(context, "org.tesseracrm.companies") == 0));
        assertFalse(PaxExamSupport.bundleInstalled(context, "org.tesseracrm.companies"));
        assertEquals(null, PaxExamSupport.viewReference(context, "companies"));
        RecordRow kept = callers.callAs(ADMIN, () -> records.get(ContactService.RECORD_TYPE, homer.id())).orElseThrow();
        assertEquals("the contact keeps its company's id", globex.id(), kept.values().get("company"));
        ValidationException refused = assertThrows(ValidationException.class, () -> callers.callAs(ADMIN,
                () -> records.update(ContactService.RECORD_TYPE, kept.id(), kept.version(),
                        RecordValues.builder().set("company", globex.id()).build())));
        assertEquals("company", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).message(), refused.errors().get(0).message().contains("not installed"));
        assertThrows(NotFoundException.class, () -> callers.callAs(ADMIN, () -> records.get("company", globex.id())));
        assertEquals(200, status("/login"));

        features.installFeature("crm-companies", EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("companies back in /health", eventually(() -> health().contains("\"routes\":[\"companies\"]")));
        boolean same = eventually(() -> services().equals(servicesBefore));
        assertTrue("the same services as before the uninstall; " + difference(servicesBefore, services()), same);
        assertEquals("the company is still there", Map.of(globex.id(), marker),
                callers.callAs(ADMIN, () -> records.titles("company", List.of(globex.id()))));
        callers.callAs(ADMIN, () -> records.delete(ContactService.RECORD_TYPE, RecordSelection.of(List.of(homer.id()))));
    }

    /**
     * Activities extend every module's screens (a form panel, a due-flag column, bulk actions, the reminder
     * bell) through the kit's extension points only: installed, contacts' screens get them; uninstalled,
     * they vanish with the reminder thread and contacts keep working; reinstalled, the activities and
     * check-ins are still there. On the way, joining a video check-in records a check-in once, joining a
     * video call completes it without one.
     */
    @Test
    public void t3_activitiesExtendContactsScreensAndLeaveThemWorkingWhenUninstalled() throws Exception {
        Records records = waitFor(Records.class);
        RecordKit kit = waitFor(RecordKit.class);
        assertTrue("activities' panel, due flag, bulk actions and bell", eventually(() -> servicesOf(ACTIVITIES, RecordPanel.class) == 1
                && servicesOf(ACTIVITIES, RowDecoration.class) == 1 && servicesOf(ACTIVITIES, BulkAction.class) == 2
                && servicesOf(ACTIVITIES, HeaderItem.class) == 1));
        // two handlers: the reminders' look and the late flag of activities a workflow rule created (issue 22)
        assertTrue("the reminders run on a kernel timer, not a thread of the module's own", servicesOf(ACTIVITIES,
                TimerHandler.class) == 2 && waitFor(Timers.class).find("activities.reminders", "look").isPresent()
                && !reminderThreadRuns());
        RecordRow grace = callers.callAs(ADMIN, () -> records.create(ContactService.RECORD_TYPE,
                Map.of("lastName", "Hopper" + System.nanoTime(), "phone", "+1 555 0100")));
        int marks = callers.callAs(ADMIN, () -> kit.decorations(ContactService.RECORD_TYPE)).size();
        assertEquals("contacts' own mark, the due flag and the follow-up status", 3, marks);
        assertEquals(2, callers.callAs(ADMIN, () -> kit.bulkActions(ContactService.RECORD_TYPE)).stream()
                .filter(a -> a.id().startsWith("activities.")).count());

        Object activities = service(ACTIVITY_SERVICE);
        String yesterday = RecordRow.format(LocalDateTime.now(ZoneOffset.UTC).minusDays(1).minusHours(1));
        Object overdue = callers.callAs(ADMIN, () -> call(activities, "schedule", ContactService.RECORD_TYPE, grace.id(),
                RecordValues.ofText(Map.of("kind", "call", "subject", "Follow up", "dueAt", yesterday)), List.of()));
        RowDecoration flag = decorationOf(ACTIVITIES);
        RowDecoration.Mark mark = callers.callAs(ADMIN, () -> flag.decorate(ContactService.RECORD_TYPE, List.of(grace))).get(grace.id());
        assertEquals("an overdue call flags the contact red", "error", mark.tone());
        assertEquals("Overdue 1 d", mark.text());
        ValidationException badLink = assertThrows(ValidationException.class, () -> callers.callAs(ADMIN, () -> records.create(
                "activity", Map.of("kind", "video-checkin", "subject", "Demo", "dueAt", yesterday,
                        "meetingLink", "https://example.com/meet"))));
        assertEquals("meetingLink", badLink.errors().get(0).field());

        String tomorrow = RecordRow.format(LocalDateTime.now(ZoneOffset.UTC).plusDays(1));
        Object checkInMeeting = callers.callAs(ADMIN, () -> call(activities, "schedule", ContactService.RECORD_TYPE, grace.id(),
                RecordValues.ofText(Map.of("kind", "video-checkin", "subject", "Demo", "dueAt", tomorrow,
                        "meetingLink", "https://zoom.us/j/123456")), List.of()));
        long checkInId = (Long) call(checkInMeeting, "id");
        Object joined = callers.callAs(ADMIN, () -> call(activities, "join", checkInId));
        assertTrue("joining a video check-in records a check-in", ((Optional<?>) call(joined, "checkIn")).isPresent());
        assertEquals("https://zoom.us/j/123456", call(joined, "link"));
        Object again = callers.callAs(ADMIN, () -> call(activities, "join", checkInId));
        assertFalse("joining again records no second check-in", ((Optional<?>) call(again, "checkIn")).isPresent());
        Object videoCall = callers.callAs(ADMIN, () -> call(activities, "schedule", ContactService.RECORD_TYPE, grace.id(),
                RecordValues.ofText(Map.of("kind", "video-call", "subject", "Check-up", "dueAt", tomorrow,
                        "meetingLink", "https://teams.microsoft.com/l/meetup-join/abc")), List.of()));
        long videoCallId = (Long) call(videoCall, "id");
        assertFalse("a video call makes no check-in", ((Optional<?>) call(callers.callAs(ADMIN,
                () -> call(activities, "join", videoCallId)), "checkIn")).isPresent());
        assertEquals("the video call is a completed activity", Boolean.TRUE, callers.callAs(ADMIN,
                () -> records.get("activity", videoCallId)).orElseThrow().values().get("done"));
        assertEquals(1, ((List<?>) callers.callAs(ADMIN, () -> call(activities, "checkIns", ContactService.RECORD_TYPE,
                grace.id()))).size());
        AuditTrail audit = waitFor(AuditTrail.class);
        assertTrue("the contact's history shows the check-in", callers.callAs(ADMIN,
                () -> audit.history(ContactService.RECORD_TYPE, grace.id())).stream().flatMap(e -> e.changes().stream())
                .anyMatch(c -> c.field().equals("checkIn") && c.newValue().equals("video check-in")));
        List<String> servicesBefore = settledServices();

        features.uninstallFeature("crm-activities", EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("nothing of the module left", eventually(() -> PaxExamSupport.servicesOf(context, ACTIVITIES) == 0));
        assertFalse(PaxExamSupport.bundleInstalled(context, ACTIVITIES));
        assertTrue("the reminders' timer waits for the module", waitFor(Timers.class).find("activities.reminders", "look")
                .isPresent());
        assertEquals("the due flag is gone", marks - 1, callers.callAs(ADMIN, () -> kit.decorations(ContactService.RECORD_TYPE)).size());
        assertEquals("the activities' bulk actions are gone (other modules' stay)", List.of(), callers.callAs(ADMIN,
                () -> kit.bulkActions(ContactService.RECORD_TYPE)).stream().filter(a -> a.id().startsWith("activities.")).toList());
        assertEquals(null, PaxExamSupport.viewReference(context, "activities"));
        assertEquals("contacts still work", grace.values().get("lastName"), callers.callAs(ADMIN,
                () -> records.get(ContactService.RECORD_TYPE, grace.id())).orElseThrow().values().get("lastName"));

        features.installFeature("crm-activities", EnumSet.noneOf(FeaturesService.Option.class));
        boolean same = eventually(() -> services().equals(servicesBefore));
        assertTrue("the same services as before the uninstall; " + difference(servicesBefore, services()), same);
        Object back = service(ACTIVITY_SERVICE);
        long overdueId = (Long) call(overdue, "id");
        assertEquals("the call is still there", "Follow up", callers.callAs(ADMIN,
                () -> records.get("activity", overdueId)).orElseThrow().values().get("subject"));
        assertEquals("and so is the check-in", 1, ((List<?>) callers.callAs(ADMIN, () -> call(back, "checkIns",
                ContactService.RECORD_TYPE, grace.id()))).size());
        assertEquals(3, ((List<?>) callers.callAs(ADMIN, () -> call(back, "of", ContactService.RECORD_TYPE, grace.id()))).size());
    }

    /**
     * Follow-ups chain on any record (here companies): the next one is planned only from a recorded
     * result, the list shows each operation's status, and the unattended report lists exactly the
     * overdue ones of the chosen branch, agent and period. The module goes and comes back like the others.
     */
    @Test
    public void t4_followUpsChainTheirStatusAndTheUnattendedReportAcrossAnUninstall() throws Exception {
        Records records = waitFor(Records.class);
        RecordKit kit = waitFor(RecordKit.class);
        SecurityAdmin security = waitFor(SecurityAdmin.class);
        Object followUps = service(FOLLOW_UP_SERVICE);
        callers.callAs(ADMIN, () -> {
            ProfileInfo full = security.saveProfile(new ProfileInfo(null, "Everything " + System.nanoTime(), true, Set.of()));
            return security.createUser(new UserInput("north" + NORTH, "North Agent", "", "North", null, full.id(), Set.of()),
                    "Tessera-2026-secret".toCharArray());
        });
        Caller north = new Caller("north" + NORTH);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        RecordRow overdue = callers.callAs(ADMIN, () -> records.create("company", Map.of("name", "Overdue " + NORTH)));
        RecordRow onTime = callers.callAs(ADMIN, () -> records.create("company", Map.of("name", "On time " + NORTH)));
        RecordRow closed = callers.callAs(ADMIN, () -> records.create("company", Map.of("name", "Closed " + NORTH)));
        RecordRow northern = callers.callAs(north, () -> records.create("company", Map.of("name", "Northern " + NORTH)));

        Object late = callers.callAs(ADMIN, () -> call(followUps, "plan", "company", overdue.id(), "Call about the quote",
                now.minusDays(1), null));
        callers.callAs(ADMIN, () -> call(followUps, "plan", "company", onTime.id(), "Send the contract", now.plusDays(1),
                now.plusHours(20)));
        Object first = callers.callAs(ADMIN, () -> call(followUps, "plan", "company", closed.id(), "Present the offer",
                now.minusDays(5), null));
        ValidationException notYet = assertThrows(ValidationException.class, () -> callers.callAs(ADMIN,
                () -> call(followUps, "plan", "company", closed.id(), "Too early", now.plusDays(1), null)));
        assertTrue(notYet.errors().get(0).message(), notYet.errors().get(0).message().startsWith("Record the result"));
        callers.callAs(ADMIN, () -> call(followUps, "recordResult", call(first, "id"), call(first, "version"),
                now.minusDays(4), "They signed", true));
        Object northLate = callers.callAs(north, () -> call(followUps, "plan", "company", northern.id(), "Visit the plant",
                now.minusDays(2), null));
        // With Activities installed each follow-up is also a task, so its reminder pops up; the result completes it.
        AuditTrail audit = waitFor(AuditTrail.class);
        assertTrue("the operation's history shows the follow-up and its result", callers.callAs(ADMIN,
                () -> audit.history("company", closed.id())).stream().flatMap(e -> e.changes().stream())
                .anyMatch(c -> c.field().equals("followUpResult") && c.newValue().equals("They signed (concluded)")));
        long task = (Long) call(late, "activityId");
        assertEquals("Follow-up: Call about the quote", callers.callAs(ADMIN, () -> records.get("activity", task))
                .orElseThrow().values().get("subject"));
        long firstTask = (Long) call(first, "activityId");
        assertEquals(Boolean.TRUE, callers.callAs(ADMIN, () -> records.get("activity", firstTask)).orElseThrow()
                .values().get("done"));

        RowDecoration statusMarks = decorationOf(FOLLOWUPS);
        Map<Long, RowDecoration.Mark> marks = callers.callAs(ADMIN, () -> statusMarks.decorate("company",
                List.of(overdue, onTime, closed)));
        assertEquals("error", marks.get(overdue.id()).tone());
        assertEquals("warning", marks.get(onTime.id()).tone());
        assertEquals("Concluded", marks.get(closed.id()).text());

        Set<Long> expected = Set.of((Long) call(late, "id"), (Long) call(northLate, "id"));
        assertEquals("every overdue follow-up, and only those", expected, unattendedIds(followUps, null, null, null, null));
        assertEquals(Set.of((Long) call(northLate, "id")), unattendedIds(followUps, "North", null, null, null));
        assertEquals(Set.of((Long) call(late, "id")), unattendedIds(followUps, null, "admin", now.toLocalDate().minusDays(1),
                now.toLocalDate()));
        assertEquals("outside the period", Set.of(), unattendedIds(followUps, null, "admin", now.toLocalDate().minusDays(30),
                now.toLocalDate().minusDays(2)));
        int companyMarks = callers.callAs(ADMIN, () -> kit.decorations("company")).size();

        features.uninstallFeature("crm-followups", EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("nothing of the module left", eventually(() -> PaxExamSupport.servicesOf(context, FOLLOWUPS) == 0));
        assertEquals(companyMarks - 1, callers.callAs(ADMIN, () -> kit.decorations("company")).size());
        assertEquals(null, PaxExamSupport.viewReference(context, "reports/unattended-follow-ups"));
        features.installFeature("crm-followups", EnumSet.noneOf(FeaturesService.Option.class));
        Object back = service(FOLLOW_UP_SERVICE);
        assertEquals("the chain is still there", 1, ((List<?>) callers.callAs(ADMIN, () -> call(back, "chain", "company",
                closed.id()))).size());
        assertEquals(expected, unattendedIds(back, null, null, null, null));

        // Merging moves an operation's follow-ups (and their tasks) to the survivor; deleting an operation takes
        // its follow-ups and tasks with it, in the same transaction.
        RecordRow survivor = callers.callAs(ADMIN, () -> records.get("company", onTime.id())).orElseThrow();
        callers.callAs(ADMIN, () -> records.merge("company", survivor.id(), survivor.version(), overdue.id(), Map.of()));
        assertEquals(2, ((List<?>) callers.callAs(ADMIN, () -> call(back, "chain", "company", onTime.id()))).size());
        assertEquals(onTime.id(), ((Number) callers.callAs(ADMIN, () -> records.get("activity", task)).orElseThrow()
                .values().get("relatedId")).longValue());
        callers.callAs(ADMIN, () -> records.delete("company", RecordSelection.of(List.of(onTime.id()))));
        assertEquals(Set.of((Long) call(northLate, "id")), unattendedIds(back, null, null, null, null));
        assertTrue("the follow-up's task went with its operation",
                callers.callAs(ADMIN, () -> records.get("activity", task)).isEmpty());
    }

    /**
     * Issue 17: the modules import Vaadin (org.tesseracrm.vaadin) and the UI contract
     * (org.tesseracrm.kernel.ui.api), never the shell, so updating and refreshing the shell restarts none of
     * them: their bundles see no event and keep every service (same service ids), while the shell comes back.
     */
    @Test
    public void t5_updatingAndRefreshingTheShellRestartsNoModule() throws Exception {
        List<String> moduleNames = List.of(BUNDLE, "org.tesseracrm.companies", ACTIVITIES, FOLLOWUPS);
        for (String route : List.of("contacts", "companies")) {
            assertTrue(route + " view contribution", eventually(60, () -> PaxExamSupport.viewReference(context, route) != null));
        }
        assertTrue("/health answers", healthAnswers());
        assertFrontendServed();
        Bundle shell = bundle("org.tesseracrm.kernel.ui");
        long shellServiceBefore = serviceIdOf(shell);
        Map<String, String> before = moduleSnapshot(moduleNames);
        for (String name : moduleNames) {
            assertTrue(name + " has services", before.get(name).contains("service.id"));
        }
        List<String> moduleEvents = Collections.synchronizedList(new ArrayList<>());
        org.osgi.framework.BundleListener listener = event -> {
            if (moduleNames.contains(event.getBundle().getSymbolicName())) {
                moduleEvents.add(event.getBundle().getSymbolicName() + " event " + event.getType());
            }
        };
        context.addBundleListener(listener);
        try {
            shell.update();
            java.util.concurrent.CountDownLatch refreshed = new java.util.concurrent.CountDownLatch(1);
            context.getBundle(0).adapt(org.osgi.framework.wiring.FrameworkWiring.class)
                    .refreshBundles(List.of(shell), event -> refreshed.countDown());
            assertTrue("the shell's refresh ended", refreshed.await(60, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue("the shell is active again", eventually(60, () -> shell.getState() == Bundle.ACTIVE));
            assertTrue("the shell's /health answers again", eventually(60, ContactsModuleIT::healthAnswers));
            assertTrue("the shell registered its services anew", serviceIdOf(shell) > shellServiceBefore);
            assertEquals(200, status("/login"));
            assertFrontendServed();
        } finally {
            context.removeBundleListener(listener);
        }
        assertEquals("no module bundle stopped or started", List.of(), moduleEvents);
        assertEquals("the modules' bundles and services are unchanged", before, moduleSnapshot(moduleNames));
    }

    /**
     * The page's script, which the browser loads next, is served: the prebuilt frontend lives in the Vaadin
     * bundle, and the shell must read it through that bundle's class loader (a 404 here is a blank page).
     */
    private static void assertFrontendServed() {
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("VAADIN/build/[^\"]+\\.js")
                .matcher(get("/login").body());
        assertTrue("the login page names its script", script.find());
        assertEquals("/" + script.group() + " is served", 200, status("/" + script.group()));
    }

    /** @return whether the shell's /health servlet answers (UP or DEGRADED/DOWN with its report) */
    private static boolean healthAnswers() {
        int status = status("/health");
        return (status == 200 || status == 503) && health().contains("\"status\"");
    }

    /** @return per module bundle: its id, state and the ids and classes of the services it registered */
    private Map<String, String> moduleSnapshot(List<String> names) {
        Map<String, String> snapshot = new java.util.TreeMap<>();
        for (String name : names) {
            Bundle bundle = bundle(name);
            List<String> services = new ArrayList<>();
            if (bundle.getRegisteredServices() != null) {
                for (ServiceReference<?> ref : bundle.getRegisteredServices()) {
                    services.add("service.id " + ref.getProperty("service.id") + " "
                            + String.join(",", (String[]) ref.getProperty("objectClass")));
                }
            }
            Collections.sort(services);
            snapshot.put(name, "bundle " + bundle.getBundleId() + " state " + bundle.getState() + " " + services);
        }
        return snapshot;
    }

    /** @return the highest service id among the bundle's services, or 0 */
    private static long serviceIdOf(Bundle bundle) {
        long max = 0;
        ServiceReference<?>[] refs = bundle.getRegisteredServices();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            max = Math.max(max, (Long) ref.getProperty("service.id"));
        }
        return max;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private Set<Long> unattendedIds(Object followUps, String branch, String agent, LocalDate from, LocalDate to) {
        List<?> rows = (List<?>) callers.callAs(ADMIN, () -> call(followUps, "unattended", branch, agent, from, to));
        Set<Long> ids = new TreeSet<>();
        for (Object row : rows) {
            String title = (String) call(row, "recordTitle");
            if (title.endsWith(NORTH)) { // this test's operations only
                ids.add((Long) call(row, "id"));
            }
        }
        return ids;
    }

    private RowDecoration decorationOf(String bundle) throws Exception {
        for (ServiceReference<RowDecoration> ref : context.getServiceReferences(RowDecoration.class, null)) {
            if (bundle.equals(ref.getBundle().getSymbolicName())) {
                return context.getService(ref);
            }
        }
        throw new AssertionError("no row decoration of " + bundle);
    }

    /** The thread the reminders had before they moved onto the kernel's timers. */
    private static boolean reminderThreadRuns() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("tessera-activity-reminders"));
    }

    /** A module's internal service, found by class name: the test bundle cannot import internal packages. */
    private Object service(String className) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] refs = context.getAllServiceReferences(className, null);
            if (refs != null && refs.length > 0) {
                return context.getService(refs[0]);
            }
            Thread.sleep(100);
        }
        throw new AssertionError(className + " did not come");
    }

    /** Calls the public method of that name and arity through JDK types only. */
    private static Object call(Object target, String name, Object... args) {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                try {
                    return method.invoke(target, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    if (e.getCause() instanceof ValidationException validation) {
                        throw validation;
                    }
                    // Only the messages: the causes may be classes the test runner outside the container lacks.
                    StringBuilder messages = new StringBuilder(name + " failed:");
                    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                        messages.append(' ').append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
                    }
                    throw new IllegalStateException(messages.toString());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no method " + name + "/" + args.length + " on " + target.getClass());
    }

    private int servicesOf(String symbolicName, Class<?> type) {
        int count = 0;
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getRegisteredServices() != null) {
                for (ServiceReference<?> ref : bundle.getRegisteredServices()) {
                    if (List.of((String[]) ref.getProperty("objectClass")).contains(type.getName())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private Object newContactService() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] refs = context.getAllServiceReferences(ContactService.class.getName(), null);
            if (refs != null && refs.length > 0) {
                return context.getService(refs[0]);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ContactService did not come back");
    }

    private static Long invoke(Method method, Object target, Object arg) {
        try {
            return (Long) method.invoke(target, arg);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T waitFor(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            return tracker.waitForService(60_000);
        } finally {
            tracker.close();
        }
    }

    private long serviceId(Class<?> type) {
        return (Long) context.getServiceReference(type).getProperty("service.id");
    }

    /**
     * The ids of the kernel bundles' services, except the per-module schema markers: a different set
     * means some kernel service was re-registered, i.e. the kernel was restarted.
     */
    private Set<Long> kernelServiceIds() {
        Set<Long> ids = new TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().startsWith("org.tesseracrm.kernel") && bundle.getRegisteredServices() != null) {
                for (ServiceReference<?> ref : bundle.getRegisteredServices()) {
                    if (!List.of((String[]) ref.getProperty("objectClass")).contains(MigratedSchema.class.getName())) {
                        ids.add((Long) ref.getProperty("service.id"));
                    }
                }
            }
        }
        return ids;
    }

    /** Every registered service as "bundle: object classes", sorted, so two snapshots compare as multisets. */
    private List<String> services() {
        try {
            List<String> all = new ArrayList<>();
            for (ServiceReference<?> ref : context.getAllServiceReferences(null, null)) {
                all.add(ref.getBundle().getSymbolicName() + ": " + String.join(",", (String[]) ref.getProperty("objectClass")));
            }
            Collections.sort(all);
            return all;
        } catch (org.osgi.framework.InvalidSyntaxException | NullPointerException e) {
            return List.of(); // a service went away while we looked; the caller asks again
        }
    }

    /**
     * The services once the container has stopped registering new ones for two seconds: boot goes on in the
     * background (shell commands, JMX, web bundles) after the contacts service is up, and a snapshot taken in
     * the middle of it would differ from any later one for reasons that have nothing to do with the module.
     */
    private List<String> settledServices() throws InterruptedException {
        List<String> last = services();
        long stableSince = System.currentTimeMillis();
        long deadline = stableSince + 60_000;
        while (System.currentTimeMillis() < deadline && System.currentTimeMillis() - stableSince < 2_000) {
            Thread.sleep(100);
            List<String> now = services();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.currentTimeMillis();
            }
        }
        return last;
    }

    private static String difference(List<String> before, List<String> after) {
        List<String> missing = new ArrayList<>(before);
        after.forEach(missing::remove);
        List<String> extra = new ArrayList<>(after);
        before.forEach(extra::remove);
        return "missing " + missing + ", extra " + extra;
    }

    private static String health() {
        return get("/health").body();
    }

    private static int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IllegalStateException e) {
            return -1; // nothing answers (yet)
        }
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
