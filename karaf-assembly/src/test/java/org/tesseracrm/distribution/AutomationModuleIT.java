package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
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
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.automation.api.RuleVersion;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.automation.Trigger;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.notification.Notification;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Boots the real distribution with the Automation module (a boot feature) and proves the engine on contacts: rules
 * are versioned with an optimistic check and refused with field errors when they do not fit; a field changed from a
 * value to a value runs a notification and a field update in order, logged with the version used and each step;
 * once per record runs once where every time runs each time; a contributed trigger posted on Event Admin runs the
 * rules whose configuration it matches, for records that meet their criteria; a date-reached rule waits on its timer
 * for the record's date plus the offset, and a delete cancels it and runs the rules on deleted records; a delayed
 * action waits on its durable timer and fires once; an action that fails has its writes rolled back and the run says
 * why, the actions before it kept; two rules that change each other's trigger field stop at the depth limit and say
 * so; a rule switched off stops its queued run; a rule whose action's bundle goes is suspended, its run waits and
 * goes on when the action is back; users without the permissions are refused; the module goes and comes back with
 * its rules and runs. Names carry the run's id: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class AutomationModuleIT {
    private static final String FEATURE = "crm-automation";
    private static final String BUNDLE = "org.tesseracrm.automation";
    private static final String CONTACT = "contact";
    private static final String RUN_HANDLER = "automation.run";
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final String ECHO = "test.echo" + RUN;
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

    /** An action of a test bundle: counts its runs. */
    static final class Echo implements Action {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String id() {
            return ECHO;
        }

        @Override
        public String label() {
            return "Echo " + RUN;
        }

        @Override
        public ActionResult run(ActionContext context) {
            runs.incrementAndGet();
            return ActionResult.done("Echoed " + context.recordType() + " #" + context.recordId());
        }
    }

    @Before
    public void theModuleIsInstalled() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        Records records = PaxExamSupport.waitFor(context, Records.class);
        assertTrue("the record type contact", eventually(() -> PaxExamSupport.typeReady(callers, records, CONTACT)));
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        assertTrue("the built-in triggers and actions", eventually(() -> admin(automation::actions).stream()
                .map(Contribution::id).toList().contains("record.updateField")
                && admin(automation::triggers).size() >= 5));
    }

    @Test
    public void t1_rulesAreVersionedCheckedAndRefusedWhenStale() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        List<String> triggers = admin(automation::triggers).stream().map(Contribution::id).toList();
        assertTrue(triggers.toString(), triggers.containsAll(List.of("record.created", "record.updated",
                "record.fieldChanged", "record.deleted", "record.dateReached")));
        assertEquals(BUNDLE, admin(automation::triggers).stream().filter(t -> t.id().equals("record.created"))
                .findFirst().orElseThrow().bundle());

        Rule draft = rule("Versioned " + RUN, "record.created", Map.of(), Criteria.none(), Rule.Repeat.EVERY_TIME,
                notify("Hello"));
        RuleStatus saved = admin(() -> automation.save(draft));
        assertEquals(1, saved.rule().version());
        assertTrue(saved.rule().id() > 0);
        assertEquals(RuleStatus.State.ACTIVE, saved.state());
        assertEquals("admin", saved.savedBy());
        Rule renamed = new Rule(saved.rule().id(), 1, "Versioned again " + RUN, CONTACT, "record.created", Map.of(),
                Criteria.none(), saved.rule().actions(), Rule.Repeat.EVERY_TIME, true);
        RuleStatus second = admin(() -> automation.save(renamed));
        assertEquals(2, second.rule().version());
        ConflictException stale = assertThrows(ConflictException.class, () -> admin(() -> automation.save(renamed)));
        assertTrue(stale.getMessage(), stale.getMessage().contains("version 2"));
        List<RuleVersion> versions = admin(() -> automation.versions(saved.rule().id()));
        assertEquals(List.of(2, 1), versions.stream().map(v -> v.rule().version()).toList());
        assertEquals("Versioned " + RUN, versions.get(1).rule().name());
        assertEquals("Versioned again " + RUN, admin(() -> automation.rule(saved.rule().id())).rule().name());
        assertTrue(admin(() -> automation.delete(saved.rule().id())));
        assertFalse(admin(() -> automation.delete(saved.rule().id())));

        assertFields(automation, rule("", "record.created", Map.of(), Criteria.none(), Rule.Repeat.EVERY_TIME,
                notify("x")), "name");
        assertFields(automation, new Rule(0, 1, "No type " + RUN, "nosuchtype", "record.created", Map.of(),
                Criteria.none(), List.of(notify("x")), Rule.Repeat.EVERY_TIME, true), "recordType");
        assertFields(automation, rule("Bad parts " + RUN, "nosuch.trigger", Map.of(), Criteria.none(),
                Rule.Repeat.EVERY_TIME, RuleAction.of("nosuch.action", Map.of())), "trigger", "actions[1]");
        assertFields(automation, rule("No field " + RUN, "record.fieldChanged", Map.of("to", "x"), Criteria.none(),
                Rule.Repeat.EVERY_TIME, RuleAction.of("notification.send", Map.of("to", "everyone", "title", "x"))),
                "trigger.field", "actions[1].to");
        assertFields(automation, rule("Not a date " + RUN, "record.dateReached", Map.of("field", "lastName",
                "when", "before"), Criteria.all(Filter.of("nosuchfield", FilterOp.EQUALS, "x")),
                Rule.Repeat.EVERY_TIME, notify("x")), "trigger.field", "criteria.nosuchfield");
    }

    @Test
    public void t10_aContributedTriggerPostedOnEventAdminRunsTheRulesItMatches() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        EventAdmin events = PaxExamSupport.waitFor(context, EventAdmin.class);
        String ping = "test.ping" + RUN;
        Trigger trigger = new Trigger() {
            @Override
            public String id() {
                return ping;
            }

            @Override
            public String label() {
                return "Ping " + RUN;
            }

            @Override
            public Set<String> recordTypes() {
                return Set.of(CONTACT);
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(Parameter.of("word", "Word", ParameterType.TEXT, true));
            }

            @Override
            public boolean matches(TriggerEvent event, Map<String, String> config) {
                return config.get("word").equals(event.details().get("word"));
            }
        };
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Trigger.ID, ping);
        ServiceRegistration<Trigger> registration = context.registerService(Trigger.class, trigger, properties);
        assertTrue("the catalogue lists the trigger", eventually(() -> admin(automation::triggers).stream()
                .anyMatch(t -> t.id().equals(ping) && t.recordTypes().equals(Set.of(CONTACT)))));
        assertFields(automation, new Rule(0, 1, "Wrong type " + RUN, "company", ping, Map.of("word", "x"),
                Criteria.none(), List.of(notify("x")), Rule.Repeat.EVERY_TIME, true), "trigger");
        String last = "Pinged" + RUN;
        long ruleId = admin(() -> automation.save(rule("Pinged " + RUN, ping, Map.of("word", "hello"),
                Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last)), Rule.Repeat.EVERY_TIME,
                notify("Pinged " + RUN)))).rule().id();
        RecordRow contact = contact(last, "");
        RecordRow other = contact("Other" + RUN, "");
        post(events, ping, contact.id(), "goodbye"); // the trigger does not match the rule's word
        post(events, ping, other.id(), "hello"); // the record does not meet the criteria
        post(events, ping, contact.id(), "hello");
        RuleRun run = awaitRuns(automation, ruleId, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.DONE)
                .get(0);
        assertEquals(ping, run.trigger());
        assertEquals(contact.id(), run.recordId());
        assertEquals(1, run.depth());
        Thread.sleep(1000);
        assertEquals(1, admin(() -> automation.runs(ruleId, 10)).size());
        registration.unregister();
        assertEquals(List.of(ping), admin(() -> automation.rule(ruleId)).missing());
    }

    @Test
    public void t11_aDateReachedRuleWaitsForItsDateAndADeletedRecordRunsItsRule() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        Timers timers = PaxExamSupport.waitFor(context, Timers.class);
        String last = "Dated" + RUN;
        Criteria mine = Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last));
        long dated = admin(() -> automation.save(rule("An hour after creation " + RUN, "record.dateReached",
                Map.of("field", "createdAt", "offset", "1 hour", "when", "after"), mine, Rule.Repeat.EVERY_TIME,
                notify("An hour later " + RUN)))).rule().id();
        long deleted = admin(() -> automation.save(rule("Deleted " + RUN, "record.deleted", Map.of(), mine,
                Rule.Repeat.EVERY_TIME, RuleAction.of("notification.send", Map.of("to", "user", "user", "admin",
                        "title", "Deleted " + RUN))))).rule().id();
        RecordRow contact = contact(last, "");
        String key = dated + ":" + contact.id();
        TimerInfo timer = timers.find("automation.date", key).orElseThrow();
        Instant created = contact.dateTime("createdAt").orElseThrow().toInstant(java.time.ZoneOffset.UTC);
        assertTrue(timer.dueAt() + " for " + created, Math.abs(java.time.Duration.between(created.plusSeconds(3600),
                timer.dueAt()).toMillis()) < 1000);
        assertTrue("no run before the date", admin(() -> automation.runs(dated, 10)).isEmpty());
        // the hour passes
        timers.schedule("automation.date", key, Instant.now(), timer.payload());
        RuleRun run = awaitRuns(automation, dated, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.DONE)
                .get(0);
        assertEquals("record.dateReached", run.trigger());
        assertEquals(contact.id(), run.recordId());

        RecordRow gone = contact(last, "");
        assertTrue(timers.find("automation.date", dated + ":" + gone.id()).isPresent());
        admin(() -> records().delete(CONTACT, RecordSelection.of(List.of(gone.id()))));
        assertTrue("the delete cancelled its date", timers.find("automation.date", dated + ":" + gone.id())
                .isEmpty());
        RuleRun removal = awaitRuns(automation, deleted, r -> r.size() == 1
                && r.get(0).status() == RuleRun.Status.DONE).get(0);
        assertEquals("record.deleted", removal.trigger());
        assertEquals(gone.id(), removal.recordId());
        assertEquals("Notified admin", removal.steps().get(0).message());
    }

    @Test
    public void t12_aFailingActionsWritesRollBackAndTheRunSaysWhyWhileEarlierActionsStay() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        String breaker = "test.breaker" + RUN;
        Action failing = new Action() {
            @Override
            public String id() {
                return breaker;
            }

            @Override
            public String label() {
                return "Breaker " + RUN;
            }

            @Override
            public ActionResult run(ActionContext action) {
                RecordRow row = records().get(CONTACT, action.recordId()).orElseThrow();
                records().update(CONTACT, row.id(), row.version(), RecordValues.ofText(Map.of("phone", "5550199")));
                throw new ValidationException(List.of(new FieldError("phone", "broken on purpose")));
            }
        };
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Action.ID, breaker);
        ServiceRegistration<Action> registration = context.registerService(Action.class, failing, properties);
        assertTrue(eventually(() -> admin(automation::actions).stream().anyMatch(a -> a.id().equals(breaker))));
        String last = "Broken" + RUN;
        long ruleId = admin(() -> automation.save(rule("Breaks " + RUN, "record.created", Map.of(),
                Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last)), Rule.Repeat.EVERY_TIME,
                RuleAction.of("record.updateField", Map.of("field", "firstName", "value", "Before")),
                RuleAction.of(breaker, Map.of()), notify("Never " + RUN)))).rule().id();
        RecordRow contact = contact(last, "");
        RuleRun run = awaitRuns(automation, ruleId, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.FAILED)
                .get(0);
        assertEquals(List.of("DONE", "FAILED"), run.steps().stream().map(RuleRun.Step::outcome).toList());
        assertEquals("phone: broken on purpose", run.steps().get(1).message());
        assertTrue(run.message(), run.message().startsWith("Action 2 (" + breaker + ") failed: "));
        assertTrue(run.finishedAt().isPresent());
        RecordRow after = admin(() -> records().get(CONTACT, contact.id())).orElseThrow();
        assertEquals("the first action's change stays", "Before", after.text("firstName"));
        assertEquals("the failing action's change rolled back", "", after.text("phone"));
        registration.unregister();
    }

    /** Posts as a contributing bundle does; an Event Admin topic holds no dot, the trigger id is in the property. */
    private static void post(EventAdmin events, String trigger, long id, String word) {
        events.postEvent(new Event(TriggerEvent.TOPIC_PREFIX + trigger.replace('.', '_'), new TriggerEvent(trigger,
                CONTACT, id, "admin", Instant.now(), Map.of("word", word)).properties()));
    }

    @Test
    public void t2_aFieldChangedFromToRunsItsActionsInOrderWithARunLog() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        Notifications notifications = PaxExamSupport.waitFor(context, Notifications.class);
        String last = "Moved" + RUN;
        RuleStatus rule = admin(() -> automation.save(rule("Moved to Globex " + RUN, "record.fieldChanged",
                Map.of("field", "companyName", "from", "Acme " + RUN, "to", "Globex " + RUN),
                Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last)), Rule.Repeat.EVERY_TIME,
                notify("Moved to Globex " + RUN),
                RuleAction.of("record.updateField", Map.of("field", "firstName", "value", "Relocated")))));
        RecordRow contact = contact(last, "Acme " + RUN);
        update(contact.id(), Map.of("companyName", "Initech " + RUN)); // not from Acme to Globex
        update(contact.id(), Map.of("companyName", "Acme " + RUN));
        update(contact.id(), Map.of("companyName", "Globex " + RUN));

        List<RuleRun> runs = awaitRuns(automation, rule.rule().id(), r -> r.size() == 1
                && r.get(0).status() == RuleRun.Status.DONE);
        RuleRun run = runs.get(0);
        assertEquals(1, run.ruleVersion());
        assertEquals(contact.id(), run.recordId());
        assertEquals("record.fieldChanged", run.trigger());
        assertEquals(1, run.depth());
        assertTrue(run.finishedAt().isPresent());
        assertEquals(List.of("notification.send", "record.updateField"), run.steps().stream()
                .map(RuleRun.Step::action).toList());
        assertEquals(List.of("DONE", "DONE"), run.steps().stream().map(RuleRun.Step::outcome).toList());
        assertEquals("Set firstName to Relocated", run.steps().get(1).message());
        assertEquals("Relocated", admin(() -> records().get(CONTACT, contact.id())).orElseThrow().text("firstName"));
        List<Notification> mine = admin(() -> notifications.mine(200));
        assertEquals(1, mine.stream().filter(n -> n.title().equals("Moved to Globex " + RUN)
                && n.recordId() == contact.id()).count());
        // a new version: later runs record it
        Rule v2 = new Rule(rule.rule().id(), 1, rule.rule().name(), CONTACT, "record.fieldChanged",
                Map.of("field", "companyName", "to", "Acme " + RUN), rule.rule().criteria(),
                List.of(notify("Back at Acme " + RUN)), Rule.Repeat.EVERY_TIME, true);
        admin(() -> automation.save(v2));
        update(contact.id(), Map.of("companyName", "Acme " + RUN));
        runs = awaitRuns(automation, rule.rule().id(), r -> r.size() == 2 && r.get(0).status() == RuleRun.Status.DONE);
        assertEquals(2, runs.get(0).ruleVersion());
        assertEquals(1, runs.get(1).ruleVersion());
    }

    @Test
    public void t3_oncePerRecordRunsOnceAndEveryTimeEachTime() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        String last = "Twice" + RUN;
        Criteria mine = Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last));
        long once = admin(() -> automation.save(rule("Once " + RUN, "record.updated", Map.of(), mine,
                Rule.Repeat.ONCE_PER_RECORD, notify("Once " + RUN)))).rule().id();
        long every = admin(() -> automation.save(rule("Every " + RUN, "record.updated", Map.of(), mine,
                Rule.Repeat.EVERY_TIME, notify("Every " + RUN)))).rule().id();
        RecordRow contact = contact(last, "");
        update(contact.id(), Map.of("phone", "111"));
        update(contact.id(), Map.of("phone", "222"));
        update(contact.id(), Map.of("phone", "333"));
        awaitRuns(automation, every, r -> r.size() == 3 && r.stream().allMatch(x -> x.status() == RuleRun.Status.DONE));
        List<RuleRun> onceRuns = awaitRuns(automation, once, r -> r.size() == 1
                && r.get(0).status() == RuleRun.Status.DONE);
        assertEquals(1, onceRuns.size());
        // another record runs it again
        RecordRow other = contact(last, "");
        update(other.id(), Map.of("phone", "444"));
        awaitRuns(automation, once, r -> r.size() == 2);
    }

    @Test
    public void t4_aDelayedActionWaitsOnItsTimerAndFiresOnce() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        Timers timers = PaxExamSupport.waitFor(context, Timers.class);
        String last = "Later" + RUN;
        long ruleId = admin(() -> automation.save(rule("Later " + RUN, "record.created", Map.of(),
                Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last)), Rule.Repeat.EVERY_TIME,
                notify("Now " + RUN), new RuleAction("record.updateField", Map.of("field", "phone", "value", "999"),
                        Optional.of(TimeSpan.parse("1 hour")))))).rule().id();
        Instant before = Instant.now();
        RecordRow contact = contact(last, "");
        List<RuleRun> runs = awaitRuns(automation, ruleId, r -> r.size() == 1 && r.get(0).steps().size() == 1);
        RuleRun run = runs.get(0);
        assertEquals(RuleRun.Status.QUEUED, run.status());
        // the run's timer moves on to the delayed step as its firing ends (clean-clone CI on PostgreSQL once read it
        // still due now): wait for it to settle an hour away; gone would fail here
        assertTrue("the run's timer waits an hour", eventually(() -> timers.find(RUN_HANDLER, Long.toString(run.id()))
                .map(t -> t.dueAt().isAfter(before.plusSeconds(3500))).orElse(false)));
        TimerInfo timer = timers.find(RUN_HANDLER, Long.toString(run.id())).orElseThrow();
        assertEquals("", admin(() -> records().get(CONTACT, contact.id())).orElseThrow().text("phone"));
        // the hour passes: the timer comes due now
        timers.schedule(RUN_HANDLER, timer.key(), Instant.now(), timer.payload());
        runs = awaitRuns(automation, ruleId, r -> r.get(0).status() == RuleRun.Status.DONE);
        assertEquals(2, runs.get(0).steps().size());
        assertEquals("999", admin(() -> records().get(CONTACT, contact.id())).orElseThrow().text("phone"));
        assertTrue("the timer is gone", eventually(() -> timers.find(RUN_HANDLER, timer.key()).isEmpty()));
        Thread.sleep(1000);
        assertEquals(2, admin(() -> automation.runs(ruleId, 10)).get(0).steps().size());
    }

    @Test
    public void t5_rulesThatTriggerEachOtherStopAtTheDepthLimitAndSaySo() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        String last = "Loop" + RUN;
        Criteria mine = Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last));
        long ping = admin(() -> automation.save(rule("Ping " + RUN, "record.fieldChanged",
                Map.of("field", "firstName", "to", "Ping"), mine, Rule.Repeat.EVERY_TIME,
                RuleAction.of("record.updateField", Map.of("field", "firstName", "value", "Pong"))))).rule().id();
        long pong = admin(() -> automation.save(rule("Pong " + RUN, "record.fieldChanged",
                Map.of("field", "firstName", "to", "Pong"), mine, Rule.Repeat.EVERY_TIME,
                RuleAction.of("record.updateField", Map.of("field", "firstName", "value", "Ping"))))).rule().id();
        RecordRow contact = contact(last, "");
        update(contact.id(), Map.of("firstName", "Ping"));
        // depth 1 ping, 2 pong, 3 ping, 4 pong, 5 ping (done); 6 pong is stopped
        List<RuleRun> stopped = awaitRuns(automation, pong, r -> r.size() == 3
                && r.get(0).status() == RuleRun.Status.STOPPED);
        RuleRun last6 = stopped.get(0);
        assertEquals(6, last6.depth());
        assertTrue(last6.message(), last6.message().startsWith("Rule \"Pong " + RUN + "\" (version 1) stopped on "
                + "contact #" + contact.id() + ": it is run 6 deep"));
        assertTrue(last6.message(), last6.message().contains("at most 5"));
        assertTrue(last6.steps().isEmpty());
        List<RuleRun> pings = admin(() -> automation.runs(ping, 10));
        assertEquals(List.of(5, 3, 1), pings.stream().map(RuleRun::depth).toList());
        assertTrue(pings.stream().allMatch(r -> r.status() == RuleRun.Status.DONE));
        assertEquals("Pong", admin(() -> records().get(CONTACT, contact.id())).orElseThrow().text("firstName"));
    }

    @Test
    public void t6_aRuleSwitchedOffStopsItsQueuedRunAndStartsNoMore() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        Timers timers = PaxExamSupport.waitFor(context, Timers.class);
        String last = "Off" + RUN;
        long ruleId = admin(() -> automation.save(rule("Off " + RUN, "record.created", Map.of(),
                Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last)), Rule.Repeat.EVERY_TIME,
                new RuleAction("notification.send", Map.of("to", "owner", "title", "Off " + RUN),
                        Optional.of(TimeSpan.parse("2 days")))))).rule().id();
        contact(last, "");
        RuleRun queued = awaitRuns(automation, ruleId, r -> r.size() == 1).get(0);
        assertEquals(RuleRun.Status.QUEUED, queued.status());
        RuleStatus off = admin(() -> automation.setActive(ruleId, false));
        assertEquals(RuleStatus.State.INACTIVE, off.state());
        assertEquals(1, off.rule().version());
        TimerInfo timer = timers.find(RUN_HANDLER, Long.toString(queued.id())).orElseThrow();
        timers.schedule(RUN_HANDLER, timer.key(), Instant.now(), timer.payload());
        RuleRun stopped = awaitRuns(automation, ruleId, r -> r.get(0).status() == RuleRun.Status.STOPPED).get(0);
        assertTrue(stopped.message(), stopped.message().contains("switched off"));
        contact(last, "");
        Thread.sleep(1500);
        assertEquals(1, admin(() -> automation.runs(ruleId, 10)).size());
        assertEquals(RuleStatus.State.ACTIVE, admin(() -> automation.setActive(ruleId, true)).state());
        contact(last, "");
        awaitRuns(automation, ruleId, r -> r.size() == 2);
    }

    @Test
    public void t7_aRuleWhoseActionGoesIsSuspendedItsRunWaitsAndGoesOnWhenItIsBack() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        Timers timers = PaxExamSupport.waitFor(context, Timers.class);
        Echo echo = new Echo();
        ServiceRegistration<Action> registration = register(echo);
        assertTrue("the catalogue lists the echo", eventually(() -> admin(automation::actions).stream()
                .anyMatch(a -> a.id().equals(ECHO))));
        String last = "Echo" + RUN;
        long ruleId = admin(() -> automation.save(rule("Echo " + RUN, "record.updated", Map.of(),
                Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last)), Rule.Repeat.EVERY_TIME,
                RuleAction.of(ECHO, Map.of()), new RuleAction(ECHO, Map.of(), Optional.of(TimeSpan.parse("1 day"))))))
                .rule().id();
        RecordRow contact = contact(last, "");
        update(contact.id(), Map.of("phone", "5550101"));
        RuleRun run = awaitRuns(automation, ruleId, r -> r.size() == 1 && r.get(0).steps().size() == 1).get(0);
        assertEquals(1, echo.runs.get());

        registration.unregister();
        RuleStatus suspended = admin(() -> automation.rule(ruleId));
        assertEquals(RuleStatus.State.SUSPENDED, suspended.state());
        assertEquals(List.of(ECHO), suspended.missing());
        update(contact.id(), Map.of("phone", "5550102"));
        TimerInfo timer = timers.find(RUN_HANDLER, Long.toString(run.id())).orElseThrow();
        timers.schedule(RUN_HANDLER, timer.key(), Instant.now(), timer.payload());
        RuleRun waiting = awaitRuns(automation, ruleId, r -> r.get(0).status() == RuleRun.Status.WAITING).get(0);
        assertTrue(waiting.message(), waiting.message().contains(ECHO));
        assertEquals("a suspended rule starts no runs", 1, admin(() -> automation.runs(ruleId, 10)).size());

        register(echo);
        assertEquals(RuleStatus.State.ACTIVE, admin(() -> automation.rule(ruleId)).state());
        RuleRun done = awaitRuns(automation, ruleId, r -> r.get(0).status() == RuleRun.Status.DONE).get(0);
        assertEquals(2, done.steps().size());
        assertEquals(2, echo.runs.get());
    }

    @Test
    public void t8_usersWithoutThePermissionsAreRefused() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String viewer = "autoviewer" + RUN;
        String outsider = "autooutsider" + RUN;
        admin(() -> {
            ProfileInfo viewing = security.saveProfile(new ProfileInfo(null, "Automation viewers " + RUN, false,
                    Set.of(Automation.VIEW)));
            ProfileInfo none = security.saveProfile(new ProfileInfo(null, "No automation " + RUN, false,
                    Set.of("contacts.view")));
            RoleInfo role = security.saveRole(null, "Automation " + RUN, null);
            security.createUser(new UserInput(viewer, "Viewer", "", "", role.id(), viewing.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
            security.createUser(new UserInput(outsider, "Outsider", "", "", role.id(), none.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
            return null;
        });
        long ruleId = admin(() -> automation.save(rule("Guarded " + RUN, "record.created", Map.of(),
                Criteria.none(), Rule.Repeat.EVERY_TIME, notify("x")))).rule().id();
        admin(() -> automation.setActive(ruleId, false));
        Caller view = new Caller(viewer);
        assertTrue(callers.callAs(view, automation::rules).stream().anyMatch(r -> r.rule().id() == ruleId));
        callers.callAs(view, () -> automation.runs(ruleId, 10));
        Rule draft = rule("Refused " + RUN, "record.created", Map.of(), Criteria.none(), Rule.Repeat.EVERY_TIME,
                notify("x"));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(view, () -> automation.save(draft)));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(view, () -> automation.setActive(ruleId,
                true)));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(view, () -> automation.delete(ruleId)));
        Caller out = new Caller(outsider);
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(out, automation::rules));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(out, () -> automation.rule(ruleId)));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(out, () -> automation.runs(ruleId, 1)));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(out, automation::triggers));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(out, () -> automation.save(draft)));
        assertEquals(RuleStatus.State.INACTIVE, admin(() -> automation.rule(ruleId)).state());
    }

    @Test
    public void t9_theModuleGoesAndComesBackWithItsRulesAndRuns() throws Exception {
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        String last = "Kept" + RUN;
        long ruleId = admin(() -> automation.save(rule("Kept " + RUN, "record.created", Map.of(),
                Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last)), Rule.Repeat.EVERY_TIME,
                notify("Kept " + RUN)))).rule().id();
        contact(last, "");
        awaitRuns(automation, ruleId, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.DONE);

        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0
                && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        contact(last, ""); // no engine: no run

        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        // the probe still sees the API classes of the bundle that went: the new service answers through reflection
        Object back = PaxExamSupport.newService(context, Automation.class.getName());
        assertTrue("the actions are back", eventually(() -> String.valueOf(call(back, "actions"))
                .contains("id=notification.send")));
        String kept = String.valueOf(call(back, "rule", ruleId));
        assertTrue(kept, kept.contains("name=Kept " + RUN) && kept.contains("state=ACTIVE"));
        assertEquals(1, ((List<?>) call(back, "runs", ruleId, 10)).size());
        contact(last, "");
        assertTrue("the rule runs again", eventually(() -> {
            List<?> runs = (List<?>) call(back, "runs", ruleId, 10);
            return runs.size() == 2 && String.valueOf(runs.get(0)).contains("status=DONE");
        }));
    }

    // ---- helpers

    /** Calls a method of the reinstalled service by name, as the admin. */
    private Object call(Object service, String name, Object... args) {
        for (java.lang.reflect.Method method : service.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                return admin(() -> PaxExamSupport.invoke(method, service, args));
            }
        }
        throw new AssertionError("no method " + name);
    }

    private ServiceRegistration<Action> register(Echo echo) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Action.ID, ECHO);
        return context.registerService(Action.class, echo, properties);
    }

    private static Rule rule(String name, String trigger, Map<String, String> config, Criteria criteria,
            Rule.Repeat repeat, RuleAction... actions) {
        return new Rule(0, 1, name, CONTACT, trigger, config, criteria, List.of(actions), repeat, true);
    }

    private static RuleAction notify(String title) {
        return RuleAction.of("notification.send", Map.of("to", "owner", "title", title, "text", "From a rule"));
    }

    private void assertFields(Automation automation, Rule rule, String... fields) {
        ValidationException e = assertThrows(ValidationException.class, () -> admin(() -> automation.save(rule)));
        List<String> named = e.errors().stream().map(FieldError::field).toList();
        assertEquals(e.getMessage(), List.of(fields), named);
    }

    private List<RuleRun> awaitRuns(Automation automation, long ruleId, Predicate<List<RuleRun>> condition)
            throws InterruptedException {
        boolean met = eventually(30, () -> condition.test(admin(() -> automation.runs(ruleId, 100))));
        List<RuleRun> runs = admin(() -> automation.runs(ruleId, 100));
        assertTrue("runs of rule " + ruleId + ": " + runs, met);
        return runs;
    }

    private RecordRow contact(String lastName, String company) throws InterruptedException {
        Map<String, String> values = new HashMap<>();
        values.put("lastName", lastName);
        values.put("companyName", company);
        return admin(() -> records().create(CONTACT, values));
    }

    private void update(long id, Map<String, String> values) {
        admin(() -> {
            RecordRow row = records().get(CONTACT, id).orElseThrow();
            return records().update(CONTACT, id, row.version(), RecordValues.ofText(values));
        });
    }

    private Records records() {
        return context.getService(context.getServiceReference(Records.class));
    }


    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }
}
