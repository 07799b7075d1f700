package com.example.loyalty.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

import com.example.loyalty.api.PointsService;

/**
 * The module's workflow contributions with the automation engine (issue 22): a rule using the module's action
 * ({@code loyalty.award}) and one using its trigger ({@code loyalty.pointsAwarded}) run; with the KAR removed both
 * rules are suspended, naming what is missing; deployed again, they are active and run. Loaded only once the
 * module is there, like {@link ServiceChecks}.
 */
final class AutomationChecks {
    private static final Caller ADMIN = new Caller("admin");
    private static final String CONTACT = "contact";

    private final BundleContext context;
    private final CallerContext callers;
    private final Records records;
    private final String last = "Loyal" + System.nanoTime();
    private long awardRule;
    private long awardedRule;
    private long contactId;

    AutomationChecks(BundleContext context, CallerContext callers, Records records) {
        this.context = context;
        this.callers = callers;
        this.records = records;
    }

    /** With the module deployed: the rules are saved and run. */
    void rulesRun() throws InterruptedException {
        Automation automation = automation();
        assertTrue("the module's trigger and action in the catalogue", LoyaltyModuleIT.eventually(() ->
                admin(automation::actions).stream().map(Contribution::id).toList().contains("loyalty.award")
                        && admin(automation::triggers).stream().map(Contribution::id).toList()
                                .contains("loyalty.pointsAwarded")));
        Criteria mine = Criteria.all(Filter.of("lastName", FilterOp.EQUALS, last));
        awardRule = admin(() -> automation.save(new Rule(0, 1, "Award on update " + last, CONTACT, "record.updated",
                Map.of(), mine, List.of(RuleAction.of("loyalty.award", Map.of("points", "5", "reason", "Updated"))),
                Rule.Repeat.EVERY_TIME, true))).rule().id();
        awardedRule = admin(() -> automation.save(new Rule(0, 1, "Thank for points " + last, CONTACT,
                "loyalty.pointsAwarded", Map.of("minimumBalance", "5"), mine, List.of(RuleAction.of(
                        "notification.send", Map.of("to", "owner", "title", "Points for " + last))),
                Rule.Repeat.EVERY_TIME, true))).rule().id();
        RecordRow contact = admin(() -> records.create(CONTACT, Map.of("lastName", last)));
        contactId = contact.id();
        touch();
        awaitRuns(automation, awardRule, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.DONE);
        assertEquals("Awarded 5 points to contact #" + contactId + " (Updated)",
                admin(() -> automation.runs(awardRule, 1)).get(0).steps().get(0).message());
        PointsService points = context.getService(context.getServiceReference(PointsService.class));
        assertEquals(5, (long) admin(() -> points.balance(contactId)));
        awaitRuns(automation, awardedRule, r -> r.size() == 1 && r.get(0).status() == RuleRun.Status.DONE);
    }

    /** With the KAR removed: both rules are suspended, naming the missing contribution. */
    void rulesSuspended() throws InterruptedException {
        Automation automation = automation();
        assertTrue("the award rule is suspended", LoyaltyModuleIT.eventually(() ->
                admin(() -> automation.rule(awardRule)).state() == RuleStatus.State.SUSPENDED));
        assertEquals(List.of("loyalty.award"), admin(() -> automation.rule(awardRule)).missing());
        RuleStatus awarded = admin(() -> automation.rule(awardedRule));
        assertEquals(RuleStatus.State.SUSPENDED, awarded.state());
        assertEquals(List.of("loyalty.pointsAwarded"), awarded.missing());
        touch();
        Thread.sleep(1000);
        assertEquals("a suspended rule starts no run", 1, admin(() -> automation.runs(awardRule, 10)).size());
    }

    /** Deployed again: both rules are active and run. */
    void rulesResume() throws InterruptedException {
        Automation automation = automation();
        assertTrue("both rules are active again", LoyaltyModuleIT.eventually(() ->
                admin(() -> automation.rule(awardRule)).state() == RuleStatus.State.ACTIVE
                        && admin(() -> automation.rule(awardedRule)).state() == RuleStatus.State.ACTIVE));
        touch();
        awaitRuns(automation, awardRule, r -> r.size() == 2 && r.get(0).status() == RuleRun.Status.DONE);
        awaitRuns(automation, awardedRule, r -> r.size() == 2 && r.get(0).status() == RuleRun.Status.DONE);
        // the redeployed bundle's API is a new class, which this probe is not wired to: find its service by name
        assertTrue("the points service is back", LoyaltyModuleIT.eventually(() -> allPoints() != null));
        Object points = context.getService(allPoints()[0]);
        assertEquals(10L, (long) admin(() -> {
            try {
                return (Long) points.getClass().getMethod("balance", long.class).invoke(points, contactId);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private org.osgi.framework.ServiceReference<?>[] allPoints() {
        try {
            return context.getAllServiceReferences(PointsService.class.getName(), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void touch() {
        admin(() -> {
            RecordRow row = records.get(CONTACT, contactId).orElseThrow();
            return records.update(CONTACT, contactId, row.version(), Map.of("phone", Long.toString(System.nanoTime())));
        });
    }

    private Automation automation() throws InterruptedException {
        assertTrue("the automation engine", LoyaltyModuleIT.eventually(() ->
                context.getServiceReference(Automation.class) != null));
        return context.getService(context.getServiceReference(Automation.class));
    }

    private void awaitRuns(Automation automation, long ruleId, Predicate<List<RuleRun>> condition)
            throws InterruptedException {
        boolean met = LoyaltyModuleIT.eventually(() -> condition.test(admin(() -> automation.runs(ruleId, 100))));
        assertTrue("runs of rule " + ruleId + ": " + admin(() -> automation.runs(ruleId, 100)), met);
    }

    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }
}
