package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordEvents;
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
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseChange;
import org.tesseracrm.opportunities.api.PhaseKind;

/**
 * Boots the real distribution with the Opportunities module (part of the sales profile) and proves its rules
 * hold in the service whoever writes: the expected amount follows amount and phase through
 * {@code Records.create/update}, a change of phase writes the phase history in the same transaction, a lost
 * phase without a reason is refused with nothing written, a probability change recomputes the phase's
 * opportunities, visibility and the move-phase permission apply, the REST API lists opportunities, and the
 * module goes and comes back at runtime with its data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OpportunitiesModuleIT {
    private static final String FEATURE = "crm-opportunities";
    private static final String BUNDLE = "org.tesseracrm.opportunities";
    private static final String TYPE = "opportunity";
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
    public void karafInstalledItsBootFeatures() throws InterruptedException {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
    }

    @Test
    public void t1_expectedAmountAndHistoryFollowEveryChangeThroughTheRecordPlatform() throws Exception {
        Records records = waitFor(Records.class);
        OpportunityPhases phases = waitFor(OpportunityPhases.class);
        CustomFields fields = waitFor(CustomFields.class);
        assertTrue("the opportunities view", eventually(() -> PaxExamSupport.viewReference(context, "opportunities") != null));
        assertTrue("the phases admin page", eventually(() -> PaxExamSupport.viewReference(context, "admin/opportunity-phases") != null));
        // The usual phases are seeded, in order, and the phase pick-list follows them
        List<String> names = admin(() -> phases.phases()).stream().filter(Phase::active).map(Phase::name).toList();
        assertTrue(names.toString(), names.containsAll(List.of("Prospecting", "Qualification", "Needs analysis",
                "Proposal", "Negotiation", "Closed won", "Closed lost")));
        assertTrue(names.indexOf("Prospecting") < names.indexOf("Proposal"));
        List<String> pickList = admin(() -> fields.pickList(TYPE, "phase")).stream().map(PickListValue::value).toList();
        assertEquals(admin(() -> phases.phases()).stream().map(Phase::name).toList(), pickList);
        assertTrue(admin(() -> fields.pickList(TYPE, "currency")).stream().anyMatch(PickListValue::isDefault));

        // Create with amount and phase: expected amount = amount x 20 %; a value sent by the caller is replaced
        RecordRow deal = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Deal " + RUN)
                .set("amount", new BigDecimal("10000.00")).set("phase", "Qualification")
                .set("expectedAmount", new BigDecimal("1.00")).build()));
        assertMoney("2000.00", deal, "expectedAmount");
        assertFalse("the currency pick-list's default", deal.text("currency").isEmpty());
        // Without a phase: the first open phase
        RecordRow plain = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Plain " + RUN)
                .set("amount", new BigDecimal("500")).build()));
        assertEquals("Prospecting", plain.text("phase"));
        assertMoney("50.00", plain, "expectedAmount");

        // Records.update with a new phase (what the board does): recomputed and the history written
        RecordRow moved = admin(() -> records.update(TYPE, deal.id(), deal.version(),
                RecordValues.builder().set("phase", "Proposal").build()));
        assertMoney("6000.00", moved, "expectedAmount");
        assertMoney("6000.00", admin(() -> records.get(TYPE, deal.id())).orElseThrow(), "expectedAmount");
        List<PhaseChange> history = admin(() -> phases.history(deal.id()));
        assertEquals(2, history.size());
        assertEquals("", history.get(0).from());
        assertEquals("Qualification", history.get(0).to());
        assertEquals("Qualification", history.get(1).from());
        assertEquals("Proposal", history.get(1).to());
        assertEquals("admin", history.get(1).by());
        // An amount change alone recomputes (money scale, half up) and writes no history
        RecordRow repriced = admin(() -> records.update(TYPE, deal.id(), moved.version(),
                RecordValues.builder().set("amount", new BigDecimal("12345.67")).build()));
        assertMoney("7407.40", repriced, "expectedAmount");
        assertEquals(2, admin(() -> phases.history(deal.id())).size());
        // A bulk edit of the phase goes through the same participant
        admin(() -> records.updateAll(TYPE, RecordSelection.of(List.of(deal.id(), plain.id())), "phase", "Negotiation"));
        assertMoney("9876.54", admin(() -> records.get(TYPE, deal.id())).orElseThrow(), "expectedAmount");
        assertMoney("400.00", admin(() -> records.get(TYPE, plain.id())).orElseThrow(), "expectedAmount");
        assertEquals("Negotiation", admin(() -> phases.history(plain.id())).get(1).to());
    }

    @Test
    public void t2_aLostPhaseWithoutAReasonIsRefusedAndNothingIsWritten() throws Exception {
        Records records = waitFor(Records.class);
        OpportunityPhases phases = waitFor(OpportunityPhases.class);
        RecordRow deal = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Lost " + RUN)
                .set("amount", new BigDecimal("800")).set("phase", "Proposal").build()));
        ValidationException refused = assertThrows(ValidationException.class, () -> admin(() -> records.update(TYPE,
                deal.id(), deal.version(), RecordValues.builder().set("phase", "Closed lost").build())));
        assertEquals(List.of("lostReason"), refused.errors().stream().map(FieldError::field).toList());
        RecordRow unchanged = admin(() -> records.get(TYPE, deal.id())).orElseThrow();
        assertEquals(deal.version(), unchanged.version());
        assertEquals("Proposal", unchanged.text("phase"));
        assertEquals(1, admin(() -> phases.history(deal.id())).size());
        // The move operation: same rule, then the reason makes it pass; a stale version is a conflict
        assertThrows(ValidationException.class, () -> admin(() -> phases.move(deal.id(), deal.version(), "Closed lost", "")));
        RecordRow lost = admin(() -> phases.move(deal.id(), deal.version(), "Closed lost", "Price too high"));
        assertEquals("Closed lost", lost.text("phase"));
        assertEquals("Price too high", lost.text("lostReason"));
        assertMoney("0.00", lost, "expectedAmount");
        assertThrows(ConflictException.class, () -> admin(() -> phases.move(deal.id(), deal.version(), "Proposal", "")));
        // Clearing the reason while lost is refused as well
        assertThrows(ValidationException.class, () -> admin(() -> records.update(TYPE, deal.id(), lost.version(),
                RecordValues.builder().clear("lostReason").build())));
        List<PhaseChange> history = admin(() -> phases.history(deal.id()));
        assertEquals(2, history.size());
        assertEquals("Closed lost", history.get(1).to());
        // An unknown phase is a pick-list error of the platform
        assertThrows(ValidationException.class, () -> admin(() -> phases.move(deal.id(), lost.version(), "Nowhere", "")));
    }

    @Test
    public void t3_aProbabilityChangeRecomputesThePhaseAndAPhaseInUseIsOnlyDeactivated() throws Exception {
        Records records = waitFor(Records.class);
        OpportunityPhases phases = waitFor(OpportunityPhases.class);
        CustomFields fields = waitFor(CustomFields.class);
        Phase demo = admin(() -> phases.add("Demo " + RUN, 30, PhaseKind.OPEN));
        assertTrue(admin(() -> fields.pickList(TYPE, "phase")).stream().anyMatch(v -> v.value().equals(demo.name())));
        RecordRow deal = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Demo deal " + RUN)
                .set("amount", new BigDecimal("1000")).set("phase", demo.name()).build()));
        assertMoney("300.00", deal, "expectedAmount");
        Phase renamed = admin(() -> phases.change(demo.id(), "Demo day " + RUN, 45, PhaseKind.OPEN, true));
        RecordRow after = admin(() -> records.get(TYPE, deal.id())).orElseThrow();
        assertMoney("450.00", after, "expectedAmount");
        assertEquals("the opportunity follows the renamed phase", renamed.name(), after.text("phase"));
        assertEquals(renamed.name(), admin(() -> phases.history(deal.id())).get(0).to());
        ValidationException inUse = assertThrows(ValidationException.class, () -> admin(() -> {
            phases.delete(demo.id());
            return null;
        }));
        assertTrue(inUse.getMessage(), inUse.getMessage().contains("deactivate"));
        // Reorder: the pick-list (the board's columns) follows the admin's order
        List<Long> order = new java.util.ArrayList<>(admin(() -> phases.phases()).stream().map(Phase::id).toList());
        order.remove(demo.id());
        order.add(0, demo.id());
        admin(() -> {
            phases.reorder(order);
            return null;
        });
        assertEquals(renamed.name(), admin(() -> fields.pickList(TYPE, "phase")).get(0).value());
        // Deactivated: kept by its opportunity, offered no more
        admin(() -> phases.change(demo.id(), renamed.name(), 45, PhaseKind.OPEN, false));
        assertFalse(admin(() -> fields.pickList(TYPE, "phase")).get(0).active());
        assertThrows(ValidationException.class, () -> admin(() -> records.create(TYPE, RecordValues.builder()
                .set("name", "Late " + RUN).set("phase", renamed.name()).build())));
        // Leave the phases as they were: the opportunity goes, then the phase
        admin(() -> records.delete(TYPE, RecordSelection.of(List.of(deal.id()))));
        admin(() -> {
            phases.delete(demo.id());
            return null;
        });
        assertTrue(admin(() -> phases.phases()).stream().noneMatch(p -> p.id() == demo.id()));
        // Without opportunities.configure the phases are read only
        String rep = rep();
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(rep),
                () -> phases.add("Nope " + RUN, 5, PhaseKind.OPEN)));
    }

    @Test
    public void t4_aRepSeesTheirOwnOpportunitiesAndAMoverOnlyMovesThem() throws Exception {
        Records records = waitFor(Records.class);
        OpportunityPhases phases = waitFor(OpportunityPhases.class);
        String rep = rep();
        String manager = "mgr" + RUN;
        String marker = "Visible" + RUN;
        RecordRow mine = callers.callAs(new Caller(rep), () -> records.create(TYPE, RecordValues.builder()
                .set("name", marker + " rep").set("amount", new BigDecimal("100")).build()));
        RecordRow theirs = callers.callAs(new Caller(manager), () -> records.create(TYPE, RecordValues.builder()
                .set("name", marker + " manager").set("amount", new BigDecimal("200")).build()));
        assertEquals(List.of(mine.id()), callers.callAs(new Caller(rep), () -> records.page(TYPE,
                RecordQuery.page(0, 10).withText(marker))).stream().map(RecordRow::id).toList());
        assertEquals(Set.of(mine.id(), theirs.id()), Set.copyOf(callers.callAs(new Caller(manager), () -> records.page(TYPE,
                RecordQuery.page(0, 10).withText(marker))).stream().map(RecordRow::id).toList()));
        assertThrows(NotFoundException.class, () -> callers.callAs(new Caller(rep), () -> phases.history(theirs.id())));
        assertThrows(CrmException.class, () -> callers.callAs(new Caller(rep), () -> phases.move(theirs.id(),
                theirs.version(), "Proposal", "")));
        // A user with view + move-phase but not edit moves a visible opportunity; the phase history, the audit trail
        // and the record event name them, not the system (CallerContext.callWithPermissions, not Caller.SYSTEM)
        String mover = "mover" + RUN;
        List<Event> heard = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> listener = context.registerService(EventHandler.class, heard::add,
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, RecordEvents.TOPIC_PREFIX + TYPE + "/"
                        + RecordEvents.UPDATED)));
        RecordRow moved;
        try {
            moved = callers.callAs(new Caller(mover), () -> phases.move(theirs.id(), theirs.version(), "Proposal", ""));
            assertTrue("the move's record event", eventually(() -> heard.stream()
                    .anyMatch(e -> Long.valueOf(theirs.id()).equals(e.getProperty(RecordEvents.ID)))));
        } finally {
            listener.unregister();
        }
        assertEquals("Proposal", moved.text("phase"));
        assertEquals(mover, admin(() -> phases.history(theirs.id())).get(1).by());
        AuditTrail audit = waitFor(AuditTrail.class);
        AuditEntry audited = admin(() -> audit.history(TYPE, theirs.id())).get(0);
        assertEquals(mover, audited.username());
        assertTrue(audited.changes().toString(), audited.changes().stream()
                .anyMatch(c -> c.field().equals("phase") && c.newValue().equals("Proposal")));
        assertEquals(List.of(mover), heard.stream().filter(e -> Long.valueOf(theirs.id()).equals(e.getProperty(RecordEvents.ID)))
                .map(e -> e.getProperty(RecordEvents.ACTOR)).toList());
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(mover), () -> records.update(TYPE,
                moved.id(), moved.version(), RecordValues.builder().set("amount", new BigDecimal("1")).build())));
        // Contact roles: a contact of the opportunity, listed from both sides
        RecordRow contact = admin(() -> records.create("contact", RecordValues.builder().set("firstName", "Ada")
                .set("lastName", "Role" + RUN).build()));
        admin(() -> {
            phases.putContact(mine.id(), contact.id(), "Decision maker");
            return null;
        });
        assertEquals("Decision maker", admin(() -> phases.contacts(mine.id())).get(0).role());
        assertEquals(mine.id(), admin(() -> phases.opportunitiesOf(contact.id())).get(0).opportunityId());
        assertEquals(1, callers.callAs(new Caller(rep), () -> phases.opportunitiesOf(contact.id())).size());
        admin(() -> records.delete("contact", RecordSelection.of(List.of(contact.id()))));
        assertTrue("a deleted contact leaves the opportunity", admin(() -> phases.contacts(mine.id())).isEmpty());
        // The REST API lists opportunities like any record type
        ApiTokens tokens = waitFor(ApiTokens.class);
        String secret = admin(() -> tokens.create("admin", new ApiTokenRequest("opps " + RUN, ApiTokenScope.READ,
                Set.of(TYPE), Optional.empty()))).secret();
        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + HTTP_PORT + "/api/v1/records/opportunity?q=" + marker + "&fields=name,expectedAmount"))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(listed.body(), 200, listed.statusCode());
        assertTrue(listed.body(), listed.body().contains("\"id\":" + mine.id()) && listed.body().contains("\"expectedAmount\":10"));
    }

    @Test
    public void t5_theModuleGoesAndComesBackWithItsData() throws Exception {
        Records records = waitFor(Records.class);
        OpportunityPhases phases = waitFor(OpportunityPhases.class);
        RecordRow kept = admin(() -> records.create(TYPE, RecordValues.builder().set("name", "Kept " + RUN)
                .set("amount", new BigDecimal("999.99")).set("phase", "Needs analysis").build()));
        assertMoney("400.00", kept, "expectedAmount");
        int phaseCount = admin(() -> phases.phases()).size();

        List<String> removed = PaxExamSupport.uninstallWithDependents(features, FEATURE);
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0 && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertTrue("no opportunities view", eventually(() -> PaxExamSupport.viewReference(context, "opportunities") == null));
        assertThrows(CrmException.class, () -> admin(() -> records.get(TYPE, kept.id())));

        PaxExamSupport.install(features, removed);
        assertTrue("the view is back", eventually(() -> PaxExamSupport.viewReference(context, "opportunities") != null));
        assertTrue("the record type is back", eventually(() -> {
            try {
                return admin(() -> records.get(TYPE, kept.id())).isPresent();
            } catch (CrmException e) {
                return false;
            }
        }));
        RecordRow back = admin(() -> records.get(TYPE, kept.id())).orElseThrow();
        assertMoney("400.00", back, "expectedAmount");
        assertEquals("Needs analysis", back.text("phase"));
        // The new revision's service, called through JDK types (this bundle is wired to the old API revision)
        Object reinstalled = PaxExamSupport.newService(context, OpportunityPhases.class.getName());
        Method phasesMethod = reinstalled.getClass().getMethod("phases");
        Method historyMethod = reinstalled.getClass().getMethod("history", long.class);
        assertEquals(phaseCount, ((List<?>) admin(() -> PaxExamSupport.invoke(phasesMethod, reinstalled))).size());
        assertEquals(1, ((List<?>) admin(() -> PaxExamSupport.invoke(historyMethod, reinstalled, kept.id()))).size());
        // Still the same rules after the reinstall
        RecordRow moved = admin(() -> records.update(TYPE, kept.id(), back.version(), RecordValues.builder()
                .set("phase", "Closed won").build()));
        assertMoney("999.99", moved, "expectedAmount");
    }

    /** A rep under a manager, and a mover who may only view and move, created once per run. */
    private String rep() throws InterruptedException {
        SecurityAdmin security = waitFor(SecurityAdmin.class);
        String rep = "rep" + RUN;
        boolean exists = admin(() -> security.users()).stream().anyMatch(u -> u.username().equals(rep));
        if (!exists) {
            admin(() -> {
                Set<String> sales = Set.of("opportunities.view", "opportunities.create", "opportunities.edit",
                        "opportunities.delete", "contacts.view");
                ProfileInfo seller = security.saveProfile(new ProfileInfo(null, "Opportunity sellers " + RUN, false, sales));
                ProfileInfo moving = security.saveProfile(new ProfileInfo(null, "Opportunity movers " + RUN, false,
                        Set.of("opportunities.view", "opportunities.move-phase")));
                RoleInfo director = security.saveRole(null, "Opp director " + RUN, null);
                RoleInfo manager = security.saveRole(null, "Opp manager " + RUN, director.id());
                RoleInfo reps = security.saveRole(null, "Opp rep " + RUN, manager.id());
                security.createUser(new UserInput("mgr" + RUN, "Manager", "", "", manager.id(), seller.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                security.createUser(new UserInput(rep, "Rep", "", "", reps.id(), seller.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                security.createUser(new UserInput("mover" + RUN, "Mover", "", "", director.id(), moving.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                return null;
            });
        }
        return rep;
    }

    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }

    private static void assertMoney(String expected, RecordRow row, String field) {
        assertEquals(row.values().toString(), 0, new BigDecimal(expected).compareTo(row.decimal(field).orElseThrow()));
    }

    private <T> T waitFor(Class<T> type) throws InterruptedException {
        return PaxExamSupport.waitFor(context, type);
    }

}
