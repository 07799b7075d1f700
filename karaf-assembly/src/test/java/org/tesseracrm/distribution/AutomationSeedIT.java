package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
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
import org.osgi.framework.ServiceReference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.kernel.api.automation.BusinessHours;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.leads.api.LeadConversion;

/**
 * The Exact Spotter workflow seed's examples (issue 22 item 9) on the real distribution, with the contributions of
 * the modules that take part: a lead received from the marketing platform (leads.received, source Web) gets a "first
 * filter" call due in 45 minutes with its reminder (activities.create); a lead discarded at the second filter
 * (leads.discarded from Qualified) gets "recover lead" due in 3 months; a scheduled meeting gets "confirm meeting" due
 * 120 minutes before it starts, on the meeting's lead; business hours from a cases SLA calendar shift a due time
 * past the closed days; the creation permission "groups" skips leads of owners outside the group; an activity still
 * open at its due time is flagged late, one completed in time is not. Names carry the run's id: the PostgreSQL ITs
 * of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AutomationSeedIT {
    private static final String LEAD = "lead";
    private static final String ACTIVITY = "activity";
    private static final String CREATE_ACTIVITY = "activities.create";
    private static final String LATE_HANDLER = "activities.late";
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

    @Inject
    private BundleContext context;

    @Inject
    private CallerContext callers;

    @Inject
    private SessionFactory shell;

    /** On PostgreSQL (CI time: one boot; ApprovalsBlueprintsIT and AutomationModuleIT run the module on Derby). */
    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT, PaxExamSupport.postgres());
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    @Before
    public void theContributionsAreThere() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        PaxExamSupport.awaitBootSchemas(context);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        assertTrue("leads and activities", eventually(60, () -> PaxExamSupport.typeReady(callers, records, LEAD)
                && PaxExamSupport.typeReady(callers, records, ACTIVITY)));
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        assertTrue("the seed's triggers and action in the catalogue", eventually(60, () -> {
            List<String> triggers = admin(automation::triggers).stream().map(Contribution::id).toList();
            List<String> actions = admin(automation::actions).stream().map(Contribution::id).toList();
            return triggers.containsAll(List.of("leads.received", "leads.discarded", "record.created"))
                    && actions.contains(CREATE_ACTIVITY);
        }));
    }

    @Test
    public void t1_aLeadFromTheMarketingPlatformGetsAFirstFilterCallDueInXMinutes() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        String last = "Web" + RUN;
        long ruleId = save(automation, rule("First filter " + RUN, LEAD, "leads.received", Map.of("source", "Web"),
                mine(last), RuleAction.of(CREATE_ACTIVITY, Map.of("kind", "call", "subject", "First filter " + RUN,
                        "completeWithin", "45 minutes", "notifyBefore", "10 minutes", "notes", "From the web"))));
        Instant before = Instant.now();
        RecordRow web = lead(last, "Web");
        Instant after = Instant.now();
        RecordRow referral = lead(last, "Referral");

        RuleRun run = awaitRuns(automation, ruleId, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.DONE)
                .get(0);
        assertEquals(web.id(), run.recordId());
        assertEquals("leads.received", run.trigger());
        assertTrue(run.steps().get(0).message(), run.steps().get(0).message()
                .startsWith("Created call \"First filter " + RUN + "\" for admin due "));
        RecordRow activity = activityOn(web.id(), "First filter " + RUN);
        assertEquals("call", activity.text("kind"));
        assertEquals("admin", activity.text("owner"));
        assertEquals("From the web", activity.text("description"));
        assertFalse(activity.bool("done").orElse(true));
        Instant due = utc(activity.dateTime("dueAt").orElseThrow());
        assertBetween(due, before.plus(Duration.ofMinutes(45)), after.plus(Duration.ofMinutes(45)));
        assertEquals(due.minus(Duration.ofMinutes(10)), utc(activity.dateTime("remindAt").orElseThrow()));
        Timers timers = PaxExamSupport.waitFor(context, Timers.class);
        Instant lateAt = timers.find(LATE_HANDLER, Long.toString(activity.id())).orElseThrow().dueAt();
        assertTrue("the late flag's timer at the due time: " + lateAt,
                Duration.between(due, lateAt).abs().compareTo(Duration.ofSeconds(1)) < 0);
        Thread.sleep(1000);
        assertEquals("a lead from another source starts no run", 1, admin(() -> automation.runs(ruleId, 10)).size());
        assertTrue(activitiesOn(referral.id()).isEmpty());
    }

    @Test
    public void t2_aLeadDiscardedAtTheSecondFilterGetsRecoverLeadInThreeMonths() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        LeadConversion leads = PaxExamSupport.waitFor(context, LeadConversion.class);
        String last = "Discarded" + RUN;
        long ruleId = save(automation, rule("Recover lead " + RUN, LEAD, "leads.discarded",
                Map.of("fromStatus", "Qualified"), mine(last), RuleAction.of(CREATE_ACTIVITY, Map.of("kind", "task",
                        "subject", "Recover lead " + RUN, "completeWithin", "3 months"))));
        RecordRow qualified = setStatus(lead(last, "Event"), "Qualified");
        RecordRow contacted = setStatus(lead(last, "Event"), "Contacted");
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC);
        admin(() -> leads.discard(qualified.id(), qualified.version(), "No budget"));
        LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC);
        admin(() -> leads.discard(contacted.id(), contacted.version(), "No budget"));

        RuleRun run = awaitRuns(automation, ruleId, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.DONE)
                .get(0);
        assertEquals(qualified.id(), run.recordId());
        RecordRow activity = activityOn(qualified.id(), "Recover lead " + RUN);
        assertEquals("task", activity.text("kind"));
        LocalDateTime due = activity.dateTime("dueAt").orElseThrow();
        assertTrue(due + " in 3 months", !due.isBefore(before.plusMonths(3).truncatedTo(ChronoUnit.MILLIS))
                && !due.isAfter(after.plusMonths(3)));
        Thread.sleep(1000);
        assertEquals("discarded at the first filter: no run", 1, admin(() -> automation.runs(ruleId, 10)).size());
        assertTrue(activitiesOn(contacted.id()).isEmpty());
    }

    @Test
    public void t3_aScheduledMeetingGetsConfirmMeeting120MinutesBeforeItStarts() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        String subject = "Demo " + RUN;
        long ruleId = save(automation, rule("Confirm meeting " + RUN, ACTIVITY, "record.created", Map.of(),
                Criteria.all(Filter.of("kind", FilterOp.EQUALS, "meeting"), Filter.of("subject", FilterOp.EQUALS,
                        subject)),
                RuleAction.of(CREATE_ACTIVITY, Map.of("kind", "call", "subject", "Confirm meeting " + RUN,
                        "dueField", "dueAt", "dueBefore", "120 minutes"))));
        RecordRow lead = lead("Meeting" + RUN, "Web");
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        RecordRow meeting = admin(() -> records().create(ACTIVITY, RecordValues.builder().set("kind", "meeting")
                .set("subject", subject).set("dueAt", start).set("endAt", start.plusHours(1))
                .set("relatedType", LEAD).set("relatedId", lead.id()).build()));

        RuleRun run = awaitRuns(automation, ruleId, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.DONE)
                .get(0);
        assertEquals(meeting.id(), run.recordId());
        RecordRow confirm = activityOn(lead.id(), "Confirm meeting " + RUN);
        assertEquals("on the meeting's lead", LEAD, confirm.text("relatedType"));
        assertEquals(start.minusMinutes(120), confirm.dateTime("dueAt").orElseThrow());
        Thread.sleep(1000);
        assertEquals("the created call is no meeting: no second run", 1, admin(() -> automation.runs(ruleId, 10))
                .size());
    }

    @Test
    public void t4_businessHoursOfACasesCalendarShiftTheDueTimePastClosedDays() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        String calendar = "Seed" + RUN;
        LocalDate open = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        String day = open.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT);
        String saved = PaxExamSupport.shellOrError(shell, "crm:case-sla-calendar --zone UTC --hours "
                + day + "=09:00-17:00 " + calendar);
        assertTrue(saved, eventually(() -> !references(BusinessHours.class,
                "(" + BusinessHours.NAME + "=" + calendar + ")").isEmpty()));
        assertFalse("the Default calendar is there too", references(BusinessHours.class, "(" + BusinessHours.NAME
                + "=" + BusinessHours.DEFAULT + ")").isEmpty());
        String last = "Hours" + RUN;
        long ruleId = save(automation, rule("Business hours " + RUN, LEAD, "leads.received", Map.of(), mine(last),
                RuleAction.of(CREATE_ACTIVITY, Map.of("kind", "call", "subject", "Within hours " + RUN,
                        "completeWithin", "2 hours", "businessHours", "true", "calendar", calendar))));
        RecordRow lead = lead(last, "Web");

        RuleRun run = awaitRuns(automation, ruleId, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.DONE)
                .get(0);
        assertTrue(run.steps().get(0).message(), run.steps().get(0).message().endsWith("(business hours " + calendar
                + ")"));
        RecordRow activity = activityOn(lead.id(), "Within hours " + RUN);
        assertEquals("two business hours after the opening two days later", open.atTime(11, 0),
                activity.dateTime("dueAt").orElseThrow());
    }

    @Test
    public void t5_theGroupRestrictionSkipsLeadsOfOwnersOutsideTheGroups() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String member = "sdr" + RUN;
        String outsider = "field" + RUN;
        String group = "SDR " + RUN;
        admin(() -> {
            GroupInfo sdr = security.saveGroup(null, group);
            ProfileInfo sellers = security.saveProfile(new ProfileInfo(null, "Lead sellers " + RUN, false,
                    Set.of("leads.view", "leads.create", "activities.view")));
            RoleInfo role = security.saveRole(null, "Sellers " + RUN, null);
            security.createUser(new UserInput(member, "Member", "", "", role.id(), sellers.id(), Set.of(sdr.id())),
                    "Secret-pass-1".toCharArray());
            security.createUser(new UserInput(outsider, "Outsider", "", "", role.id(), sellers.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
            return null;
        });
        String last = "Group" + RUN;
        long ruleId = save(automation, rule("Groups " + RUN, LEAD, "leads.received", Map.of(), mine(last),
                RuleAction.of(CREATE_ACTIVITY, Map.of("kind", "call", "subject", "SDR call " + RUN,
                        "completeWithin", "1 day", "creation", "groups", "groups", group))));
        RecordRow ofMember = leadAs(new Caller(member), last);
        RecordRow ofOutsider = leadAs(new Caller(outsider), last);

        List<RuleRun> runs = awaitRuns(automation, ruleId, r -> r.size() == 2
                && r.stream().allMatch(x -> x.status() == RuleRun.Status.DONE));
        RuleRun skipped = runs.stream().filter(r -> r.recordId() == ofOutsider.id()).findFirst().orElseThrow();
        assertEquals("SKIPPED", skipped.steps().get(0).outcome());
        assertEquals("The record's owner " + outsider + " is in none of the groups " + group + ".",
                skipped.steps().get(0).message());
        assertTrue(activitiesOn(ofOutsider.id()).isEmpty());
        RecordRow call = activityOn(ofMember.id(), "SDR call " + RUN);
        assertEquals("the record's owner", member, call.text("owner"));
    }

    @Test
    public void t6_anActivityStillOpenAtItsDueTimeIsFlaggedLateOneDoneInTimeIsNot() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        Timers timers = PaxExamSupport.waitFor(context, Timers.class);
        String last = "Late" + RUN;
        long ruleId = save(automation, rule("Late " + RUN, LEAD, "leads.received", Map.of(), mine(last),
                RuleAction.of(CREATE_ACTIVITY, Map.of("kind", "call", "subject", "Call back " + RUN,
                        "completeWithin", "30 minutes"))));
        RecordRow missed = lead(last, "Web");
        RecordRow kept = lead(last, "Web");
        awaitRuns(automation, ruleId, r -> r.size() == 2 && r.stream().allMatch(x -> x.status() == RuleRun.Status.DONE));
        RecordRow open = activityOn(missed.id(), "Call back " + RUN);
        RecordRow done = activityOn(kept.id(), "Call back " + RUN);
        // the due time is half an hour away: completing one now is in time
        admin(() -> records().update(ACTIVITY, done.id(), done.version(), RecordValues.builder().set("done", true)
                .build()));
        // time passes: the open one's due time is behind us, and both timers come due
        admin(() -> records().update(ACTIVITY, open.id(), open.version(), RecordValues.builder().set("dueAt",
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1)).build()));
        RecordRow doneNow = admin(() -> records().get(ACTIVITY, done.id())).orElseThrow();
        admin(() -> records().update(ACTIVITY, done.id(), doneNow.version(), RecordValues.builder().set("dueAt",
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1)).build()));
        for (RecordRow activity : List.of(open, done)) {
            TimerInfo timer = timers.find(LATE_HANDLER, Long.toString(activity.id())).orElseThrow();
            timers.schedule(LATE_HANDLER, timer.key(), Instant.now(), timer.payload());
        }
        assertTrue("the open one is flagged late", eventually(() -> admin(() -> records().get(ACTIVITY, open.id()))
                .orElseThrow().bool("late").orElse(false)));
        assertTrue("both timers are done", eventually(() -> timers.find(LATE_HANDLER, Long.toString(open.id()))
                .isEmpty() && timers.find(LATE_HANDLER, Long.toString(done.id())).isEmpty()));
        assertFalse("done in time: not late", admin(() -> records().get(ACTIVITY, done.id())).orElseThrow()
                .bool("late").orElse(false));
        // managers filter the list by it
        List<RecordRow> late = admin(() -> records().page(ACTIVITY, RecordQuery.page(0, 50).withFilters(List.of(
                Filter.of("late", FilterOp.EQUALS, "true"), Filter.of("subject", FilterOp.EQUALS, "Call back " + RUN)))));
        assertEquals(List.of(open.id()), late.stream().map(RecordRow::id).toList());
    }

    // ---- helpers

    private static Rule rule(String name, String type, String trigger, Map<String, String> config, Criteria criteria,
            RuleAction... actions) {
        return new Rule(0, 1, name, type, trigger, config, criteria, List.of(actions), Rule.Repeat.EVERY_TIME, true);
    }

    private static Criteria mine(String lastName) {
        return Criteria.all(Filter.of("lastName", FilterOp.EQUALS, lastName));
    }

    private long save(Automation automation, Rule rule) {
        return admin(() -> automation.save(rule)).rule().id();
    }

    private RecordRow lead(String lastName, String source) {
        return admin(() -> records().create(LEAD, RecordValues.builder().set("firstName", "Ada")
                .set("lastName", lastName).set("source", source).build()));
    }

    private RecordRow leadAs(Caller caller, String lastName) {
        return callers.callAs(caller, () -> records().create(LEAD, RecordValues.builder().set("lastName", lastName)
                .set("source", "Web").build()));
    }

    private RecordRow setStatus(RecordRow lead, String status) {
        return admin(() -> records().update(LEAD, lead.id(), lead.version(), RecordValues.builder()
                .set("status", status).build()));
    }

    private List<RecordRow> activitiesOn(long leadId) {
        return admin(() -> records().page(ACTIVITY, RecordQuery.page(0, 50).withFilters(List.of(
                Filter.of("relatedType", FilterOp.EQUALS, LEAD), Filter.of("relatedId", FilterOp.EQUALS,
                        Long.toString(leadId))))));
    }

    private RecordRow activityOn(long leadId, String subject) throws InterruptedException {
        List<RecordRow> found = new ArrayList<>();
        eventually(() -> {
            found.clear();
            activitiesOn(leadId).stream().filter(a -> a.text("subject").equals(subject)).forEach(found::add);
            return !found.isEmpty();
        });
        assertEquals("one activity " + subject + " on lead #" + leadId, 1, found.size());
        return found.get(0);
    }

    private static Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }

    private static void assertBetween(Instant value, Instant from, Instant to) {
        assertTrue(value + " between " + from + " and " + to, !value.isBefore(from.truncatedTo(ChronoUnit.MILLIS))
                && !value.isAfter(to));
    }

    private List<RuleRun> awaitRuns(Automation automation, long ruleId, Predicate<List<RuleRun>> condition)
            throws InterruptedException {
        boolean met = eventually(30, () -> condition.test(admin(() -> automation.runs(ruleId, 100))));
        List<RuleRun> runs = admin(() -> automation.runs(ruleId, 100));
        assertTrue("runs of rule " + ruleId + ": " + runs, met);
        return runs;
    }

    private <T> Collection<ServiceReference<T>> references(Class<T> type, String filter) {
        try {
            return context.getServiceReferences(type, filter);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Records records() {
        return context.getService(context.getServiceReference(Records.class));
    }


    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }
}
