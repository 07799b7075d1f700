package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;
import org.tesseracrm.automation.api.ApprovalStep;
import org.tesseracrm.automation.api.Approvals;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Blueprint;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
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
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.Quotes;

/**
 * Boots the distribution with the Automation module and proves approvals and blueprints hold in the record platform,
 * whoever changes the record: a quote whose lines give it a discount of 20 or more must be approved by the rep's
 * manager (up the role tree) and then a named user before it can be sent; while it waits it is locked for
 * Records.update, delete and the REST API's PATCH (422 with the lock's message, over a real socket); the wrong
 * approver is refused; approving step 1 moves it to step 2 and notifies that approver; the outcome is in the quote's
 * history; a rejection unlocks it and the gate still holds. A blueprint on a pick-list refuses a move that is no
 * transition (Records.update and PATCH), a move by someone the transition does not name and one without its required
 * field, and allows the allowed ones; a workflow rule on "Blueprint move made" runs its action after the move it
 * names. The shell lists processes and requests. The module goes and comes back keeping processes and requests. Names carry the
 * run's id: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ApprovalsBlueprintsIT {
    private static final String FEATURE = "crm-automation";
    private static final String BUNDLE = "org.tesseracrm.automation";
    private static final String QUOTE = QuoteFields.RECORD_TYPE;
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final String PASSWORD = "Secret-pass-1";
    private static final String REP = "rep" + RUN;
    private static final String BOSS = "boss" + RUN;
    private static final String CFO = "cfo" + RUN;
    private static final String MANAGERS = "Sales managers " + RUN;
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
    public void theModulesAreInstalled() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        for (String feature : List.of("crm-quotes", FEATURE)) {
            if (!features.isInstalled(features.getFeature(feature))) {
                features.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
            }
        }
        Records records = PaxExamSupport.waitFor(context, Records.class);
        for (String type : List.of(QUOTE, "product", "company")) {
            assertTrue("the record type " + type, eventually(() -> PaxExamSupport.typeReady(callers, records, type)));
        }
        PaxExamSupport.waitFor(context, Approvals.class);
        PaxExamSupport.waitFor(context, Blueprints.class);
        users();
    }

    @Test
    public void t1_aDiscountedQuoteWaitsForTwoApprovalsLockedEvenForTheRestApi() throws Exception {
        Approvals approvals = PaxExamSupport.waitFor(context, Approvals.class);
        Quotes quotes = PaxExamSupport.waitFor(context, Quotes.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        Notifications notifications = PaxExamSupport.waitFor(context, Notifications.class);
        AuditTrail audit = PaxExamSupport.waitFor(context, AuditTrail.class);
        process();
        long quote = discounted("T1", "25");
        long plain = discounted("T1 plain", "5");
        assertEquals("a small discount needs no approval", Optional.empty(),
                as(REP, () -> approvals.processFor(QUOTE, plain)));
        assertTrue(as(REP, () -> approvals.processFor(QUOTE, quote)).isPresent());
        // The gate: it cannot be sent before approval, even by the quotes service
        ValidationException gated = assertThrows(ValidationException.class, () -> as(REP, () -> quotes.send(quote)));
        assertTrue(gated.getMessage(), gated.getMessage().contains("needs the approval \"Quote discount " + RUN
                + "\": submit it for approval first"));
        assertThrows(ValidationException.class, () -> as(REP, () -> approvals.submit(QUOTE, plain, "")));

        ApprovalRequest pending = as(REP, () -> approvals.submit(QUOTE, quote, "Big customer"));
        assertEquals(ApprovalRequest.Status.PENDING, pending.status());
        assertEquals(1, pending.step());
        assertEquals("the rep's manager, up the role tree", List.of(BOSS), pending.approvers());
        assertTrue("the manager is told, with a link", eventually(() -> as(BOSS, () -> notifications.mine(50)).stream().anyMatch(n -> n.recordId() == quote
                        && n.recordType().equals(QUOTE) && n.title().startsWith("Approval needed"))));

        // Locked in the service: Records.update, delete, and a second submit
        RecordRow row = as(REP, () -> records.get(QUOTE, quote)).orElseThrow();
        ValidationException locked = assertThrows(ValidationException.class, () -> as(REP, () -> records.update(QUOTE,
                quote, row.version(), RecordValues.builder().set(QuoteFields.SUBJECT, "Changed").build())));
        assertEquals(List.of("approval"), locked.errors().stream().map(FieldError::field).toList());
        assertTrue(locked.getMessage(), locked.getMessage().contains("is waiting for approval by " + BOSS
                + " (Quote discount " + RUN + ", step 1 of 2)"));
        assertThrows(ValidationException.class, () -> as(ADMIN, () -> records.delete(QUOTE,
                RecordSelection.of(List.of(quote)))));
        assertThrows(ValidationException.class, () -> as(REP, () -> approvals.submit(QUOTE, quote, "")));
        // ... and through the REST API over a real socket
        String secret = token(REP);
        HttpResponse<String> patch = send(secret, "PATCH", "/api/v1/records/quote/" + quote,
                "{\"subject\":\"Changed over REST\"}", "\"" + row.version() + "\"");
        assertEquals(patch.body(), 422, patch.statusCode());
        assertTrue(patch.body(), patch.body().contains("is waiting for approval by " + BOSS));
        HttpResponse<String> state = send(secret, "GET", "/api/v1/automation/approvals/records/quote/" + quote, null,
                null);
        assertEquals(state.body(), 200, state.statusCode());
        assertTrue(state.body(), state.body().contains("\"status\":\"PENDING\"") && state.body().contains("\"step\":1"));

        // Step 1 is the manager's: the named approver of step 2 and the submitter cannot decide it
        assertThrows(PermissionDeniedException.class, () -> as(CFO, () -> approvals.approve(QUOTE, quote, "")));
        assertThrows(PermissionDeniedException.class, () -> as(REP, () -> approvals.approve(QUOTE, quote, "")));
        ApprovalRequest second = as(BOSS, () -> approvals.approve(QUOTE, quote, "Fine by me"));
        assertEquals(ApprovalRequest.Status.PENDING, second.status());
        assertEquals(2, second.step());
        assertEquals(List.of(CFO), second.approvers());
        assertEquals(List.of(quote), as(CFO, () -> approvals.waiting(QUOTE)).stream()
                .map(ApprovalRequest::recordId).filter(id -> id == quote).toList());
        assertThrows("still locked at step 2", ValidationException.class, () -> as(REP, () -> records.update(QUOTE,
                quote, row.version(), RecordValues.builder().set(QuoteFields.SUBJECT, "Changed").build())));
        // Step 2 through the REST API with the named approver's token
        HttpResponse<String> approved = send(token(CFO), "POST", "/api/v1/automation/approvals/records/quote/" + quote
                + "/approve", "{\"comment\":\"Approved for Q4\"}", null);
        assertEquals(approved.body(), 200, approved.statusCode());
        assertTrue(approved.body(), approved.body().contains("\"status\":\"APPROVED\""));

        // Unlocked: the change and the send go through
        RecordRow changed = as(REP, () -> records.update(QUOTE, quote, row.version(), RecordValues.builder()
                .set(QuoteFields.SUBJECT, "Changed after approval").build()));
        assertEquals("Changed after approval", changed.text(QuoteFields.SUBJECT));
        assertEquals(QuoteFields.SENT, as(REP, () -> quotes.send(quote)).text(QuoteFields.STATUS));
        // The outcome is in the quote's history
        List<String> history = as(ADMIN, () -> audit.history(QUOTE, quote)).stream().map(AuditEntry::changes).flatMap(List::stream)
                .filter(c -> c.field().equals("approval")).map(c -> c.newValue()).toList();
        assertEquals(history.toString(), 3, history.size());
        assertTrue(history.toString(), history.stream().anyMatch(h -> h.startsWith("Submitted to \"Quote discount "
                + RUN + "\" by " + REP + ": Big customer")));
        assertTrue(history.toString(), history.stream().anyMatch(h -> h.startsWith("Approved step 2 of 2")
                && h.contains("by " + CFO + ": Approved for Q4; approved, unlocked")));
        assertTrue("the submitter is told", eventually(() -> as(REP, () -> notifications.mine(50)).stream().anyMatch(n -> n.recordId() == quote
                        && n.title().startsWith("Approved"))));
    }

    @Test
    public void t2_aRejectionUnlocksTheQuoteAndTheGateStillHolds() throws Exception {
        Approvals approvals = PaxExamSupport.waitFor(context, Approvals.class);
        Quotes quotes = PaxExamSupport.waitFor(context, Quotes.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        process();
        long quote = discounted("T2", "30");
        as(REP, () -> approvals.submit(QUOTE, quote, ""));
        ApprovalRequest rejected = as(BOSS, () -> approvals.reject(QUOTE, quote, "Too much"));
        assertEquals(ApprovalRequest.Status.REJECTED, rejected.status());
        assertEquals("Too much", rejected.decisions().get(0).comment());
        RecordRow row = as(REP, () -> records.get(QUOTE, quote)).orElseThrow();
        RecordRow changed = as(REP, () -> records.update(QUOTE, quote, row.version(), RecordValues.builder()
                .set(QuoteFields.REMARKS, "Unlocked").build()));
        assertEquals("Unlocked", changed.text(QuoteFields.REMARKS));
        ValidationException gated = assertThrows(ValidationException.class, () -> as(REP, () -> quotes.send(quote)));
        assertTrue(gated.getMessage(), gated.getMessage().contains("its approval was rejected: submit it again"));
        assertThrows(CrmException.class, () -> as(BOSS, () -> approvals.approve(QUOTE, quote, "")));
        // submitted again, it waits again
        assertEquals(ApprovalRequest.Status.PENDING, as(REP, () -> approvals.submit(QUOTE, quote, "Second try"))
                .status());
        assertEquals(2, as(REP, () -> approvals.requests(QUOTE, quote)).size());
    }

    @Test
    public void t3_aBlueprintRefusesForbiddenMovesThroughRecordsAndRestAndAllowsTheAllowedOnes() throws Exception {
        Blueprints blueprints = PaxExamSupport.waitFor(context, Blueprints.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        CustomFields fields = PaxExamSupport.waitFor(context, CustomFields.class);
        String stage = as(ADMIN, () -> fields.add("company", CustomFieldInput.pickList("Stage " + RUN, false,
                List.of("New", "Contacted", "Qualified", "Lost")))).name();
        String reason = as(ADMIN, () -> fields.add("company", CustomFieldInput.of("Reason " + RUN, FieldType.TEXT)))
                .name();
        Blueprint saved = as(ADMIN, () -> blueprints.save(new Blueprint(0, "Company stages " + RUN, "company", stage,
                List.of("New", "Contacted", "Qualified", "Lost"), List.of(
                        new Transition("Contact", "New", "Contacted", Set.of(), Set.of(), Set.of(), List.of()),
                        new Transition("Qualify", "Contacted", "Qualified", Set.of(), Set.of(MANAGERS), Set.of(),
                                List.of(reason)),
                        new Transition("Drop", Transition.ANY, "Lost", Set.of(), Set.of(), Set.of(), List.of())),
                true, 0)));
        assertTrue(saved.id() > 0);
        ValidationException bad = assertThrows(ValidationException.class, () -> as(ADMIN, () -> blueprints.save(
                new Blueprint(0, "Bad " + RUN, "company", stage, List.of("New", "Gone"), List.of(), true, 0))));
        assertTrue(bad.getMessage(), bad.getMessage().contains("\"Gone\" is not a value of"));
        // The move's actions: a workflow rule on the trigger "Blueprint move made" for the transition Qualify
        Automation automation = PaxExamSupport.waitFor(context, Automation.class);
        Notifications notifications = PaxExamSupport.waitFor(context, Notifications.class);
        long rule = as(ADMIN, () -> automation.save(new Rule(0, 1, "After Qualify " + RUN, "company", Blueprints.TRIGGER,
                Map.of("blueprint", "Company stages " + RUN, "transition", "Qualify"), Criteria.none(),
                List.of(RuleAction.of("notification.send", Map.of("to", "user", "user", CFO, "title",
                        "Qualified " + RUN))), Rule.Repeat.EVERY_TIME, true))).rule().id();
        try {
            long company = as(REP, () -> records.create("company", RecordValues.builder().set("name", "Blue " + RUN)
                    .set(stage, "New").build())).id();
            // New -> Qualified is no transition: refused through Records.update (the board's drag-and-drop) ...
            RecordRow fresh = as(REP, () -> records.get("company", company)).orElseThrow();
            ValidationException skip = assertThrows(ValidationException.class, () -> as(REP, () -> records.update(
                    "company", company, fresh.version(), Map.of(stage, "Qualified", reason, "Hot"))));
            assertEquals(List.of(stage), skip.errors().stream().map(FieldError::field).toList());
            assertTrue(skip.getMessage(), skip.getMessage().contains("does not allow moving Stage " + RUN
                    + " from New to Qualified; from New it goes to Contacted, Lost"));
            // ... and through the REST API
            String secret = token(REP);
            HttpResponse<String> patch = send(secret, "PATCH", "/api/v1/records/company/" + company,
                    "{\"" + stage + "\":\"Qualified\"}", "\"" + fresh.version() + "\"");
            assertEquals(patch.body(), 422, patch.statusCode());
            assertTrue(patch.body(), patch.body().contains("does not allow moving"));
            HttpResponse<String> moves = send(secret, "GET", "/api/v1/automation/blueprints/records/company/" + company
                    + "/transitions", null, null);
            assertEquals(moves.body(), 200, moves.statusCode());
            assertTrue(moves.body(), moves.body().contains("\"name\":\"Contact\"") && moves.body().contains(
                    "\"name\":\"Drop\"") && !moves.body().contains("\"name\":\"Qualify\""));
            // an allowed move, by anyone who may edit
            RecordRow contacted = as(REP, () -> records.update("company", company, fresh.version(),
                    Map.of(stage, "Contacted")));
            assertEquals("Contacted", contacted.text(stage));
            // Qualify is for the managers' role: the rep is refused, by Records.update and by the service
            ValidationException notYours = assertThrows(ValidationException.class, () -> as(REP, () -> records.update(
                    "company", company, contacted.version(), Map.of(stage, "Qualified", reason, "Hot"))));
            assertTrue(notYours.getMessage(), notYours.getMessage().contains("Only role " + MANAGERS
                    + " may make the move \"Qualify\""));
            assertThrows(PermissionDeniedException.class, () -> as(REP, () -> blueprints.move("company", company,
                    contacted.version(), "Qualify", Map.of(reason, "Hot"))));
            // the manager, without the required field, then with it
            ValidationException blank = assertThrows(ValidationException.class, () -> as(BOSS, () -> blueprints.move(
                    "company", company, contacted.version(), "Qualify", Map.of())));
            assertEquals(List.of(reason), blank.errors().stream().map(FieldError::field).toList());
            RecordRow qualified = as(BOSS, () -> blueprints.move("company", company, contacted.version(), "Qualify",
                    Map.of(reason, "Budget approved")));
            assertEquals("Qualified", qualified.text(stage));
            assertEquals("Budget approved", qualified.text(reason));
            assertTrue("the rule on the move ran its action", eventually(60, () -> as(CFO, () -> notifications.mine(50))
                    .stream().filter(n -> n.title().equals("Qualified " + RUN) && n.recordId() == company).count() == 1));
            // Drop from any state, through REST
            HttpResponse<String> dropped = send(secret, "POST", "/api/v1/automation/blueprints/records/company/"
                    + company + "/move", "{\"transition\":\"Drop\",\"version\":" + qualified.version() + "}", null);
            assertEquals(dropped.body(), 200, dropped.statusCode());
            assertTrue(dropped.body(), dropped.body().contains("\"" + stage + "\":\"Lost\""));
            // other fields change freely
            RecordRow lost = as(REP, () -> records.get("company", company)).orElseThrow();
            assertEquals("Blue 2 " + RUN, as(REP, () -> records.update("company", company, lost.version(),
                    Map.of("name", "Blue 2 " + RUN))).text("name"));
            assertEquals("only the move the rule names ran it", 1, as(CFO, () -> notifications.mine(50)).stream()
                    .filter(n -> n.title().equals("Qualified " + RUN)).count());
        } finally {
            as(ADMIN, () -> blueprints.delete(saved.id()));
            as(ADMIN, () -> automation.delete(rule));
        }
    }

    @Test
    public void t3b_theShellListsProcessesAndRequestsAndRefusesADecisionByAnother() throws Exception {
        Approvals approvals = PaxExamSupport.waitFor(context, Approvals.class);
        process();
        long quote = discounted("T3b", "50");
        as(REP, () -> approvals.submit(QUOTE, quote, ""));
        assertTrue("automation:approvals lists the process", eventually(60, () -> PaxExamSupport.shellOrError(shell,
                "automation:approvals").contains("\"Quote discount " + RUN + "\" quote active: 2 steps (the submitter's "
                        + "manager, " + CFO + ")")));
        String requests = PaxExamSupport.shellOrError(shell, "automation:approvals quote " + quote);
        assertTrue(requests, requests.contains("quote " + quote + ": PENDING step 1 of 2 \"Quote discount " + RUN
                + "\" by " + REP + ", waits for " + BOSS));
        String refused = PaxExamSupport.shellOrError(shell, "automation:approve quote " + quote + " looks fine");
        assertTrue(refused, refused.contains("is for " + BOSS + " to decide"));
        String blueprints = PaxExamSupport.shellOrError(shell, "automation:blueprints");
        assertFalse(blueprints, blueprints.contains("Exception"));
    }

    @Test
    public void t4_theModuleGoesAndComesBackWithItsProcessesAndRequests() throws Exception {
        Approvals approvals = PaxExamSupport.waitFor(context, Approvals.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        process();
        long quote = discounted("T4", "40");
        as(REP, () -> approvals.submit(QUOTE, quote, ""));

        List<String> gone = PaxExamSupport.uninstallWithDependents(features, FEATURE);
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0
                && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        PaxExamSupport.install(features, gone.isEmpty() ? List.of(FEATURE) : gone);
        // the probe still sees the API classes of the bundle that went: the new service answers through reflection
        Object back = PaxExamSupport.newService(context, Approvals.class.getName());
        assertTrue("the process is kept", String.valueOf(call(back, ADMIN.username(), "processes"))
                .contains("name=Quote discount " + RUN));
        assertTrue("the request is kept", String.valueOf(call(back, REP, "requests", QUOTE, quote))
                .contains("status=PENDING"));
        RecordRow row = as(REP, () -> records.get(QUOTE, quote)).orElseThrow();
        assertTrue("the lock holds again", eventually(() -> {
            try {
                as(REP, () -> records.update(QUOTE, quote, row.version(), RecordValues.builder()
                        .set(QuoteFields.REMARKS, "x").build()));
                return false;
            } catch (ValidationException e) {
                return e.getMessage().contains("is waiting for approval");
            }
        }));
        call(back, BOSS, "approve", QUOTE, quote, "");
        assertTrue(String.valueOf(call(back, CFO, "approve", QUOTE, quote, "")).contains("status=APPROVED"));
    }

    /** Calls a method of the reinstalled service by name, as a user. */
    private Object call(Object service, String user, String name, Object... args) {
        for (java.lang.reflect.Method method : service.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                return as(user, () -> PaxExamSupport.invoke(method, service, args));
            }
        }
        throw new AssertionError("no method " + name);
    }

    /** The process "Quote discount": a discount of 20 or more, the manager then the CFO; Sent and Accepted gated. */
    private void process() throws InterruptedException {
        Approvals approvals = PaxExamSupport.waitFor(context, Approvals.class);
        String name = "Quote discount " + RUN;
        if (as(ADMIN, approvals::processes).stream().noneMatch(p -> p.name().equals(name))) {
            ApprovalProcess saved = as(ADMIN, () -> approvals.saveProcess(new ApprovalProcess(0, name, QUOTE,
                    Criteria.all(new Filter(QuoteFields.DISCOUNT, FilterOp.BETWEEN, List.of("20", "")),
                            Filter.of(QuoteFields.SUBJECT, FilterOp.CONTAINS, RUN)),
                    List.of(ApprovalStep.manager(), ApprovalStep.user(CFO)), QuoteFields.STATUS,
                    List.of(QuoteFields.SENT, QuoteFields.ACCEPTED), true, 0)));
            assertEquals(1, saved.version());
            assertThrows(PermissionDeniedException.class, () -> as(REP, () -> approvals.saveProcess(saved)));
        }
    }

    /** A quote of the rep with one line of 100.00 at the given discount percent (the quote's discount: that much). */
    private long discounted(String name, String percent) throws InterruptedException {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        LineItems lines = PaxExamSupport.waitFor(context, LineItems.class);
        long product = as(ADMIN, () -> records.create("product", RecordValues.builder().set("name", "Widget " + name
                + " " + RUN).set("code", "W-" + name.replace(' ', '-') + RUN).set("costType", "One time")
                .set("taxRate", BigDecimal.ZERO).set("unitPrice", new BigDecimal("100.00")).build())).id();
        long quote = as(REP, () -> records.create(QUOTE, RecordValues.builder().set(QuoteFields.SUBJECT, "Offer "
                + name + " " + RUN).build())).id();
        as(ADMIN, () -> lines.replace(QUOTE, quote, "EUR", List.of(new LineInput(Optional.empty(), product, "Widget",
                new BigDecimal("100.00"), BigDecimal.ONE, new BigDecimal(percent), BigDecimal.ZERO))));
        assertTrue("the quote keeps the lines' discount", eventually(() -> as(ADMIN, () -> records.get(QUOTE, quote))
                .orElseThrow().decimal(QuoteFields.DISCOUNT).map(d -> d.compareTo(new BigDecimal(percent)) == 0)
                .orElse(false)));
        return quote;
    }

    /** CEO role (the CFO) above the managers' role (the boss) above the reps' (the rep), created once per run. */
    private void users() throws InterruptedException {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        if (as(ADMIN, security::users).stream().anyMatch(u -> u.username().equals(REP))) {
            return;
        }
        as(ADMIN, () -> {
            ProfileInfo sales = security.saveProfile(new ProfileInfo(null, "Approvals sales " + RUN, false,
                    Set.of("quotes.view", "quotes.create", "quotes.edit", "companies.view", "companies.create",
                            "companies.edit", "products.view")));
            RoleInfo ceo = security.saveRole(null, "CEO " + RUN, null);
            RoleInfo managers = security.saveRole(null, MANAGERS, ceo.id());
            RoleInfo reps = security.saveRole(null, "Sales reps " + RUN, managers.id());
            security.createUser(new UserInput(CFO, "Cfo", "", "", ceo.id(), sales.id(), Set.of()),
                    PASSWORD.toCharArray());
            security.createUser(new UserInput(BOSS, "Boss", "", "", managers.id(), sales.id(), Set.of()),
                    PASSWORD.toCharArray());
            security.createUser(new UserInput(REP, "Rep", "", "", reps.id(), sales.id(), Set.of()),
                    PASSWORD.toCharArray());
            return null;
        });
    }

    private String token(String user) throws InterruptedException {
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        return as(ADMIN, () -> tokens.create(user, new ApiTokenRequest("approvals " + user + " " + System.nanoTime(),
                ApiTokenScope.READ_WRITE, Set.of(), Optional.empty()))).secret();
    }

    private static HttpResponse<String> send(String secret, String method, String path, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


    private <T> T as(String user, Supplier<T> work) {
        return callers.callAs(new Caller(user), work);
    }

    private <T> T as(Caller caller, Supplier<T> work) {
        return callers.callAs(caller, work);
    }
}
