package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditQuery;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.FieldChange;
import org.tesseracrm.kernel.api.module.ModuleAdmin;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.Notes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.Typifications;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.leads.api.ConversionRequest;
import org.tesseracrm.leads.api.ConversionResult;
import org.tesseracrm.leads.api.FieldMapping;
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.opportunities.api.OpportunityContact;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseKind;

/**
 * Security in the real distribution: record visibility along a three-level role tree, assignment
 * rules, a permission sweep over every public method of every module service (found by reflection,
 * so a new method cannot be forgotten), the audit trail, the JAAS realm of the shell, and module
 * enable/disable through the admin service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SecurityIT {
    private static final String PASSWORD = "Correct-Horse-9";
    private static final Set<String> SALES = Set.of("contacts.view", "contacts.create", "contacts.edit", "contacts.delete");
    private static final int HTTP_PORT = PaxExamSupport.freePortOrFail();
    private static final String OPPORTUNITY = "opportunity";
    /** Contacts created by each user in {@link #fixture()}, by user name. */
    private static Map<String, ContactData> owned;

    @Inject
    private BundleContext context;

    @Inject
    private CallerContext callers;

    @Inject
    private SecurityAdmin security;

    @Inject
    private ContactService contacts;

    @Inject
    private AuditTrail audit;

    @Inject
    private ModuleAdmin moduleAdmin;

    @Inject
    private ModuleRegistry modules;

    @Inject
    private Authenticator authenticator;

    @Inject
    private UserSettings userSettings;

    @Inject
    private ApiTokens apiTokens;

    @Inject
    private AccessControl access;

    @Inject
    private Records records;

    @Inject
    private Notes notes;

    @Inject
    private Attachments attachments;

    @Inject
    private Typifications typifications;

    @Inject
    private Imports imports;

    @Inject
    private SavedViews savedViews;

    @Inject
    private CustomFields customFields;

    @Inject
    private Timers timers;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    /**
     * CEO → sales manager → two sales reps (peers), all with the same sales profile; each owns one
     * contact. Built once for the class.
     */
    private Map<String, ContactData> fixture() {
        if (owned == null) {
            asSystem(() -> {
                ProfileInfo sales = security.saveProfile(new ProfileInfo(null, "Sales", false, SALES));
                RoleInfo ceo = security.saveRole(null, "CEO", null);
                RoleInfo manager = security.saveRole(null, "Sales manager", ceo.id());
                RoleInfo rep = security.saveRole(null, "Sales rep", manager.id());
                user("ceo", ceo, sales);
                user("manager", manager, sales);
                user("rep", rep, sales);
                user("rep2", rep, sales);
                return null;
            });
            Map<String, ContactData> byOwner = new HashMap<>();
            for (String user : List.of("ceo", "manager", "rep", "rep2")) {
                byOwner.put(user, as(user, () -> contacts.create(new ContactInput("Contact", "Of " + user, "", "", ""))));
            }
            owned = byOwner;
        }
        return owned;
    }

    @Test
    public void t1_eachUserSeesExactlyTheirOwnAndTheirSubordinatesContacts() {
        Map<String, ContactData> data = fixture();
        assertEquals(Set.of("Of ceo", "Of manager", "Of rep", "Of rep2"), visibleTo("ceo"));
        assertEquals(Set.of("Of manager", "Of rep", "Of rep2"), visibleTo("manager"));
        assertEquals(Set.of("Of rep"), visibleTo("rep"));
        assertEquals(Set.of("Of rep2"), visibleTo("rep2"));
        assertEquals(3L, (long) as("manager", () -> contacts.count(Optional.of("Of"))));
        assertEquals(1L, (long) as("rep", () -> contacts.count(Optional.empty())));

        // The boss's contact does not exist for the manager: not readable, not changeable, not deletable.
        long bossContact = data.get("ceo").id();
        assertTrue(as("manager", () -> contacts.get(bossContact)).isEmpty());
        assertThrows(NotFoundException.class, () -> as("manager", () -> contacts.update(bossContact, 0,
                new ContactInput("", "Hijacked", "", "", ""))));
        assertThrows(NotFoundException.class, () -> as("manager", () -> {
            contacts.delete(bossContact);
            return null;
        }));
        assertTrue(as("ceo", () -> contacts.get(data.get("manager").id())).isPresent());
    }

    @Test
    public void t2_recordsAreAssignedOnlyToUsersAtOrBelowTheCaller() {
        Map<String, ContactData> data = fixture();
        assertEquals(List.of("manager", "rep", "rep2"), as("manager", access::assignableUsers));
        ContactData handed = as("manager", () -> contacts.assign(data.get("manager").id(), data.get("manager").version(), "rep"));
        assertEquals("rep", handed.owner());
        assertEquals(Set.of("Of manager", "Of rep"), visibleTo("rep"));

        assertThrows(PermissionDeniedException.class, () -> as("rep", () -> contacts.assign(handed.id(), handed.version(), "manager")));
        ContactData toPeer = as("rep", () -> contacts.assign(handed.id(), handed.version(), "rep2"));
        assertEquals("rep2", toPeer.owner());
        owned.put("manager", toPeer);

        // The assignments are in the record's history, old → new, for those who see the record.
        List<AuditEntry> history = as("manager", () -> audit.history(ContactService.RECORD_TYPE, toPeer.id()));
        assertEquals(List.of(AuditAction.UPDATE, AuditAction.UPDATE, AuditAction.CREATE),
                history.stream().map(AuditEntry::action).toList());
        assertEquals(List.of(new FieldChange("owner", "rep", "rep2")), history.get(0).changes());
        assertEquals("rep", history.get(0).username());
        assertTrue("rep no longer sees it", as("rep", () -> audit.history(ContactService.RECORD_TYPE, toPeer.id())).isEmpty());
    }

    @Test
    public void t3_theAuditTrailKeepsOldAndNewValuesAndOnlyAdminsSearchIt() {
        ContactData mine = fixture().get("rep");
        as("rep", () -> contacts.update(mine.id(), mine.version(), new ContactInput("Contact", "Renamed", "r@example.org", "", "")));
        AuditEntry edit = as("ceo", () -> audit.history(ContactService.RECORD_TYPE, mine.id())).get(0);
        assertEquals(List.of(new FieldChange("lastName", "Of rep", "Renamed"), new FieldChange("email", "", "r@example.org")),
                edit.changes());

        List<AuditEntry> byRep = asSystem(() -> audit.search(new AuditQuery("rep", "contact", null, null, 0, 50)));
        assertTrue(byRep.stream().anyMatch(e -> e.id() == edit.id()));
        assertTrue(byRep.stream().allMatch(e -> e.username().equals("rep")));
        assertThrows(PermissionDeniedException.class, () -> as("manager", () -> audit.search(new AuditQuery(null, null, null, null, 0, 10))));
        // Security administration is audited too, with names rather than ids.
        List<AuditEntry> roles = asSystem(() -> audit.search(new AuditQuery(null, "role", null, null, 0, 50)));
        assertTrue(roles.toString(), roles.stream().anyMatch(e -> e.label().equals("Sales rep")
                && e.changes().contains(new FieldChange("reportsTo", "", "Sales manager"))));
        List<AuditEntry> users = asSystem(() -> audit.search(new AuditQuery(null, "user", null, null, 0, 50)));
        assertTrue(users.toString(), users.stream().anyMatch(e -> e.label().equals("manager")
                && e.changes().contains(new FieldChange("role", "", "Sales manager"))
                && e.changes().contains(new FieldChange("profile", "", "Sales"))));
    }

    @Test
    public void t4_everyPublicMethodOfEveryModuleServiceRefusesAUserWithoutRights() throws Exception {
        fixture();
        asSystem(() -> {
            ProfileInfo none = security.saveProfile(new ProfileInfo(null, "Nothing", false, Set.of()));
            return security.createUser(new UserInput("nobody", "No Rights", "", "", null, none.id(), Set.of()),
                    PASSWORD.toCharArray());
        });
        // The boot features' modules start in the background (their persistence units come up asynchronously): the
        // sweep waits for the services it must find rather than sweeping whatever has started so far.
        List<String> expected = List.of("ContactService", "LeadConversion", "OpportunityPhases", "ActivityService",
                "FollowUpService", "PriceLists", "LineItems", "Quotes", "Cases");
        assertTrue("the module services came", PaxExamSupport.eventually(120, () -> {
            try {
                Set<String> names = new TreeSet<>();
                moduleServices().keySet().forEach(type -> names.add(type.getSimpleName()));
                return names.containsAll(expected);
            } catch (Exception e) {
                return false;
            }
        }));
        // Issue 20: the forecasts' service and REST resource are swept too (they start after the opportunities' schema)
        assertTrue("the forecasts' service came", PaxExamSupport.eventually(120,
                () -> context.getServiceReference("org.tesseracrm.forecasts.api.Forecasts") != null));
        // Issue 21: the collections' service and REST resource are swept too: the module ships in the distribution
        // without starting (profile crm-profile-collections), so the admin enables it first
        asSystem(() -> {
            moduleAdmin.enableModule("collections");
            return null;
        });
        assertTrue("the collections' service came", PaxExamSupport.eventually(120,
                () -> context.getServiceReference("org.tesseracrm.collections.api.Receivables") != null));
        // Issue 22: the automation service and its REST resource (a boot feature) are swept too
        assertTrue("the automation resource came", PaxExamSupport.eventually(120, () -> context.getServiceReference(
                "org.tesseracrm.automation.internal.rest.AutomationResource") != null));
        List<String> swept = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        for (Map.Entry<Class<?>, Object> service : moduleServices().entrySet()) {
            sweep(service.getKey(), service.getValue(), swept, notRefused);
        }
        sweep(SecurityAdmin.class, security, swept, notRefused);
        sweep(ModuleAdmin.class, moduleAdmin, swept, notRefused);
        sweep(Records.class, records, swept, notRefused);
        sweep(CustomFields.class, customFields, swept, notRefused);
        sweep(Imports.class, imports, swept, notRefused);
        sweep(SavedViews.class, savedViews, swept, notRefused);
        sweep(Notes.class, notes, swept, notRefused);
        sweep(Attachments.class, attachments, swept, notRefused);
        sweep(Typifications.class, typifications, swept, notRefused);
        sweep(UserSettings.class, userSettings, swept, notRefused);
        sweep(Timers.class, timers, swept, notRefused);
        sweep(ApiTokens.class, apiTokens, swept, notRefused);
        // The upload widget's limits are configuration, not records: anyone signed in may read them. The due flag's
        // colour is a pure function of a time; the list decorations' page reads answer nothing without the permission
        // instead of failing the list; the merge hook runs inside Records.merge, after its checks.
        // Users read their own time zone and locale and store their browser's at their first sign-in (t4b checks
        // that nobody reads or changes anybody else's).
        // Modules schedule, cancel and find their own timers by handler name; only the admin listing and retry are guarded.
        // Checking a token's secret is how an API call gets a caller, like a password sign-in.
        notRefused.removeIf(n -> n.equals("ApiTokens.authenticate -> returned normally"));
        // The currency documents use when their record names none is configuration (a pick-list's default), as the
        // upload limits are: anyone signed in may read it.
        notRefused.removeIf(n -> n.equals("LineItems.defaultCurrency -> returned normally"));
        // The leads' REST resource refuses a conversion or discard request without a body (no lead version) as
        // malformed, a 400 before LeadConversion's 403, as RecordsApiIT's REST sweep allows for malformed bodies;
        // every well-formed call goes through LeadConversion, which t4d sweeps with real leads.
        notRefused.removeIf(n -> n.equals("LeadsResource.convert -> org.tesseracrm.kernel.api.ValidationException: "
                + "version: Give the version of the lead you read") || n.equals("LeadsResource.discard -> "
                + "org.tesseracrm.kernel.api.ValidationException: version: Give the version of the lead you read"));
        notRefused.removeIf(n -> n.startsWith("Timers.schedule -> ") || n.startsWith("Timers.cancel -> ")
                || n.startsWith("Timers.find -> "));
        notRefused.removeIf(n -> n.equals("UserSettings.regional -> returned normally")
                || n.startsWith("UserSettings.adoptIfUnset -> "));
        notRefused.removeIf(n -> n.startsWith("Attachments.allowedExtensions -> returned normally")
                || n.startsWith("Attachments.maxBytes -> returned normally")
                || n.startsWith("ActivityService.flag -> ") || n.startsWith("ActivityService.nextDue -> ")
                || n.startsWith("FollowUpService.marks -> ") || n.startsWith("ActivityService.repoint -> ")
                // titles never refuse: without the view permission they name nothing (t5b checks what they give; the
                // sweep's null ids make shownTitles fail on them instead)
                || n.equals("Records.titles -> returned normally") || n.startsWith("Records.shownTitles -> "));
        assertTrue("the sweep found the contacts service: " + swept, swept.contains("ContactService.list")
                && swept.contains("ContactService.assign") && swept.contains("SecurityAdmin.createUser"));
        assertTrue("the sweep found the leads' service: " + swept, swept.containsAll(List.of("LeadConversion.convert",
                "LeadConversion.discard", "LeadConversion.map", "LeadConversion.unmap")));
        assertTrue("the sweep found the opportunities' service: " + swept, swept.containsAll(List.of("OpportunityPhases.move",
                "OpportunityPhases.history", "OpportunityPhases.putContact", "OpportunityPhases.add")));
        assertTrue("the sweep found the quotes' service and resource: " + swept, swept.containsAll(List.of(
                "Quotes.fromOpportunity", "Quotes.send", "Quotes.revise", "Quotes.accept", "Quotes.saveLines",
                "Quotes.pdf", "Quotes.expire", "QuotesResource.accept", "QuotesResource.pdf")));
        assertTrue("the sweep found the cases' service and resource: " + swept, swept.containsAll(List.of(
                "Cases.solve", "Cases.close", "Cases.dependents", "Cases.openDependency", "Cases.kindOf",
                "Cases.statusKinds", "Cases.setStatusKind", "Cases.types", "Cases.saveType", "CasesResource.solve",
                "CasesResource.saveType", "CasesResource.setKind", "CasesResource.statuses",
                "SlaResource.createCalendar", "SlaResource.updateCalendar", "SlaResource.deleteCalendar",
                "SlaResource.setResolution", "SlaResource.createRule", "SlaResource.sweep")));
        assertTrue("the sweep found the activities' and follow-ups' services: " + swept,
                swept.contains("ActivityService.schedule") && swept.contains("ActivityService.join")
                        && swept.contains("FollowUpService.unattended") && swept.contains("FollowUpService.recordResult"));
        assertEquals("methods that did not refuse a user without rights", List.of(), notRefused);
        assertTrue("the sweep found the forecasts' service and resource: " + swept, swept.containsAll(List.of(
                "Forecasts.forecast", "Forecasts.forecastOf", "Forecasts.opportunities", "Forecasts.setTarget",
                "Forecasts.setRate", "Forecasts.rates", "ForecastsResource.forecast", "ForecastsResource.setRate")));
        assertTrue("the sweep found the collections' service and resource: " + swept, swept.containsAll(List.of(
                "Receivables.obligations", "Receivables.saveObligations", "Receivables.aging",
                "Receivables.agedObligations", "Receivables.refreshDue", "Receivables.today",
                "CollectionsResource.obligations", "CollectionsResource.saveObligations", "CollectionsResource.aging",
                "CollectionsResource.agedObligations")));
        assertTrue("the sweep found the automation service and resource: " + swept, swept.containsAll(List.of(
                "Automation.rules", "Automation.save", "Automation.setActive", "Automation.delete", "Automation.runs",
                "Automation.triggers", "AutomationResource.rules", "AutomationResource.create",
                "AutomationResource.update", "AutomationResource.delete", "AutomationResource.setActive",
                "AutomationResource.runs", "AutomationResource.versions", "AutomationResource.actions")));
        System.out.printf("Permission sweep: %d methods refused a user without rights%n", swept.size());
    }

    /**
     * The opportunities' own service, each operation with real records: a user lacking the operation's permission
     * (view only, move-phase only, or no opportunity permission at all) is refused with PermissionDeniedException and
     * nothing changes (phases, opportunities, phase histories, contact roles, audit trail); a rep gets NotFound for a
     * peer's opportunity from every method, which the service checks itself; a user with move-phase but not edit
     * moves their own opportunity, audited under their name, and still may not edit it.
     */
    @Test
    public void t4c_opportunityPhasesRefuseEachOperationWithoutItsPermissionAndShowOnlyVisibleOpportunities()
            throws Exception {
        fixture();
        OpportunityPhases phases = waitFor(OpportunityPhases.class);
        Map<String, RoleInfo> roles = new HashMap<>();
        asSystem(() -> {
            security.roles().forEach(r -> roles.put(r.name(), r));
            ProfileInfo sellers = security.saveProfile(new ProfileInfo(null, "Opportunity sellers", false, Set.of(
                    "opportunities.view", "opportunities.create", "opportunities.edit", "contacts.view")));
            ProfileInfo viewers = security.saveProfile(new ProfileInfo(null, "Opportunity viewers", false, Set.of(
                    "opportunities.view", "contacts.view")));
            ProfileInfo movers = security.saveProfile(new ProfileInfo(null, "Opportunity movers", false, Set.of(
                    "opportunities.view", OpportunityPhases.MOVE_PHASE)));
            ProfileInfo strangers = security.saveProfile(new ProfileInfo(null, "Contacts only", false, Set.of(
                    "contacts.view", "contacts.edit")));
            user("oppseller", roles.get("Sales rep"), sellers);
            user("oppseller2", roles.get("Sales rep"), sellers);
            user("oppviewer", roles.get("Sales manager"), viewers);
            user("oppmover", roles.get("Sales rep"), movers);
            user("oppstranger", roles.get("Sales manager"), strangers);
            return null;
        });
        RecordRow mine = as("oppseller", () -> records.create(OPPORTUNITY, RecordValues.builder()
                .set("name", "Deal of oppseller").set("amount", new BigDecimal("1000")).build()));
        RecordRow peers = as("oppseller2", () -> records.create(OPPORTUNITY, RecordValues.builder()
                .set("name", "Deal of oppseller2").set("amount", new BigDecimal("2000")).build()));
        RecordRow movers = asSystem(() -> records.create(OPPORTUNITY, RecordValues.builder()
                .set("name", "Deal of oppmover").set("amount", new BigDecimal("3000")).set("owner", "oppmover").build()));
        long contact = asSystem(() -> records.create(ContactService.RECORD_TYPE, RecordValues.builder()
                .set("lastName", "Buyer").build())).id();
        asSystem(() -> {
            phases.putContact(mine.id(), contact, "Decision maker");
            phases.putContact(peers.id(), contact, "Champion");
            return null;
        });
        List<Long> deals = List.of(mine.id(), peers.id(), movers.id());
        List<Phase> seeded = asSystem(phases::phases);
        Phase last = seeded.get(seeded.size() - 1);
        List<Long> reversed = new ArrayList<>(seeded.stream().map(Phase::id).toList());
        java.util.Collections.reverse(reversed);
        Supplier<List<Object>> state = () -> asSystem(() -> {
            List<Object> all = new ArrayList<>();
            all.add(phases.phases());
            all.add(records.get(OPPORTUNITY, deals));
            for (long deal : deals) {
                all.add(phases.history(deal).stream().map(h -> List.of(h.from(), h.to(), h.by(), h.at())).toList());
                all.add(phases.contacts(deal));
                all.add(audit.history(OPPORTUNITY, deal).size());
            }
            return all;
        });
        List<Object> before = state.get();

        // Each operation without its permission: refused, whoever the record belongs to
        Map<String, Supplier<?>> calls = new LinkedHashMap<>();
        for (String user : List.of("oppviewer", "oppmover", "oppstranger")) {
            long deal = user.equals("oppmover") ? movers.id() : mine.id();
            long version = user.equals("oppmover") ? movers.version() : mine.version();
            calls.put(user + " add", () -> phases.add("Sneaky", 10, PhaseKind.OPEN));
            calls.put(user + " change", () -> phases.change(last.id(), "Renamed", 1, last.kind(), false));
            calls.put(user + " reorder", () -> run(() -> phases.reorder(reversed)));
            calls.put(user + " delete", () -> run(() -> phases.delete(last.id())));
            calls.put(user + " putContact", () -> run(() -> phases.putContact(deal, contact, "Sneaky")));
            calls.put(user + " removeContact", () -> run(() -> phases.removeContact(deal, contact)));
            if (!user.equals("oppmover")) {
                calls.put(user + " move", () -> phases.move(deal, version, "Proposal", ""));
            }
            if (user.equals("oppstranger")) {
                calls.put(user + " phases", phases::phases);
                calls.put(user + " history", () -> phases.history(deal));
                calls.put(user + " contacts", () -> phases.contacts(deal));
                calls.put(user + " opportunitiesOf", () -> phases.opportunitiesOf(contact));
            }
        }
        List<String> wrong = new ArrayList<>();
        calls.forEach((name, call) -> outcome(name, name.substring(0, name.indexOf(' ')), call,
                PermissionDeniedException.class, wrong));
        // A peer's opportunity does not exist for a rep, whatever the rep's permissions
        Map<String, Supplier<?>> hidden = new LinkedHashMap<>();
        hidden.put("oppseller history", () -> phases.history(peers.id()));
        hidden.put("oppseller contacts", () -> phases.contacts(peers.id()));
        hidden.put("oppseller move", () -> phases.move(peers.id(), peers.version(), "Proposal", ""));
        hidden.put("oppseller putContact", () -> run(() -> phases.putContact(peers.id(), contact, "Sneaky")));
        hidden.put("oppseller removeContact", () -> run(() -> phases.removeContact(peers.id(), contact)));
        hidden.put("oppmover move", () -> phases.move(mine.id(), mine.version(), "Proposal", ""));
        hidden.put("oppmover history", () -> phases.history(mine.id()));
        hidden.forEach((name, call) -> outcome(name, name.substring(0, name.indexOf(' ')), call,
                NotFoundException.class, wrong));
        assertEquals("calls that were not refused as they should", List.of(), wrong);
        assertEquals("nothing changed", before, state.get());
        assertEquals(List.of(mine.id()), as("oppseller", () -> phases.opportunitiesOf(contact)).stream()
                .map(OpportunityContact::opportunityId).toList());
        assertEquals(Set.of(mine.id(), peers.id()), as("oppviewer", () -> phases.opportunitiesOf(contact)).stream()
                .map(OpportunityContact::opportunityId).collect(java.util.stream.Collectors.toSet()));
        assertTrue(as("oppseller", () -> audit.history(OPPORTUNITY, peers.id())).isEmpty());
        assertEquals(1, as("oppviewer", () -> phases.history(peers.id())).size());

        // move-phase without edit: the move is the user's own in the phase history and the audit trail, and the
        // edit permission it used does not outlive it
        RecordRow moved = as("oppmover", () -> phases.move(movers.id(), movers.version(), "Qualification", ""));
        assertEquals("Qualification", moved.text("phase"));
        assertEquals("oppmover", asSystem(() -> phases.history(movers.id())).get(1).by());
        AuditEntry entry = asSystem(() -> audit.history(OPPORTUNITY, movers.id())).get(0);
        assertEquals("oppmover", entry.username());
        assertTrue(entry.changes().toString(), entry.changes().contains(new FieldChange("phase", movers.text("phase"),
                "Qualification")));
        assertThrows(PermissionDeniedException.class, () -> as("oppmover", () -> records.update(OPPORTUNITY, moved.id(),
                moved.version(), RecordValues.builder().set("amount", new BigDecimal("1")).build())));
        System.out.printf("Opportunity phases: %d calls refused, %d hidden records%n", calls.size(), hidden.size());
    }

    /**
     * The leads' conversion service, each operation with real leads: convert needs {@code leads.convert} and the create
     * permission of every type it creates (a conversion refused at its last step leaves no record of the earlier ones),
     * discard {@code leads.discard}, map and unmap {@code leads.configure}, mappings {@code leads.view}; a refused call
     * changes nothing; a rep gets NotFound for a peer's lead from every method; a permitted conversion is audited under
     * the converting user's name.
     */
    @Test
    public void t4d_leadConversionRefusesEachOperationWithoutItsPermissionsAndShowsOnlyVisibleLeads() throws Exception {
        fixture();
        LeadConversion conversion = waitFor(LeadConversion.class);
        asSystem(() -> {
            Set<String> work = Set.of("leads.view", "leads.create", "leads.edit", "contacts.view", "contacts.create",
                    "companies.view", "companies.create", "opportunities.view", "opportunities.create");
            Set<String> closing = new java.util.HashSet<>(work);
            // no contacts.edit: the lead's notes, files and activities may move onto the contact the conversion
            // itself creates (editing a linked, existing contact would need it)
            closing.addAll(Set.of(LeadConversion.CONVERT, LeadConversion.DISCARD));
            ProfileInfo workers = security.saveProfile(new ProfileInfo(null, "Lead workers", false, work));
            ProfileInfo closers = security.saveProfile(new ProfileInfo(null, "Lead closers", false, closing));
            ProfileInfo converters = security.saveProfile(new ProfileInfo(null, "Lead converters without companies",
                    false, Set.of("leads.view", "leads.create", LeadConversion.CONVERT, "contacts.view", "contacts.create",
                            "companies.view", "opportunities.view")));
            ProfileInfo strangers = security.saveProfile(new ProfileInfo(null, "No leads", false, Set.of("contacts.view")));
            // a role of their own, outside the fixture's tree: t6 counts the contacts the sales manager sees
            RoleInfo desk = security.saveRole(null, "Lead desk", null);
            user("leadworker", desk, workers);
            user("leadcloser", desk, closers);
            user("leadcloser2", desk, closers);
            user("leadconverter", desk, converters);
            user("leadstranger", desk, strangers);
            return null;
        });
        Map<String, RecordRow> leads = new LinkedHashMap<>();
        for (String user : List.of("leadworker", "leadcloser", "leadcloser2", "leadconverter")) {
            leads.put(user, as(user, () -> records.create(LeadConversion.RECORD_TYPE, RecordValues.builder()
                    .set("firstName", "Lead").set("lastName", "Of " + user).set("companyName", "Firm of " + user + " Ltd")
                    .set("email", user + "@lead.example").build())));
        }
        List<Long> leadIds = leads.values().stream().map(RecordRow::id).toList();
        Supplier<List<Object>> state = () -> asSystem(() -> {
            List<Object> all = new ArrayList<>();
            all.add(conversion.mappings());
            all.add(records.get(LeadConversion.RECORD_TYPE, leadIds));
            for (String type : List.of("company", ContactService.RECORD_TYPE, OPPORTUNITY)) {
                all.add(records.count(type, RecordQuery.page(0, 1), 1_000_000));
            }
            leadIds.forEach(id -> all.add(audit.history(LeadConversion.RECORD_TYPE, id).size()));
            return all;
        });
        List<Object> before = state.get();
        FieldMapping mapping = new FieldMapping("description", OPPORTUNITY, "nextStep", false);

        Map<String, Supplier<?>> calls = new LinkedHashMap<>();
        for (String user : List.of("leadworker", "leadconverter", "leadstranger")) {
            RecordRow lead = leads.get(user.equals("leadstranger") ? "leadworker" : user);
            calls.put(user + " discard", () -> conversion.discard(lead.id(), lead.version(), "No budget"));
            calls.put(user + " map", () -> run(() -> conversion.map(mapping)));
            calls.put(user + " unmap", () -> run(() -> conversion.unmap("description", OPPORTUNITY)));
            if (!user.equals("leadconverter")) {
                calls.put(user + " propose", () -> conversion.propose(lead.id()));
                calls.put(user + " convert", () -> conversion.convert(new ConversionRequest(lead.id(), lead.version(),
                        ConversionRequest.Target.CREATE, ConversionRequest.Target.CREATE, Optional.empty())));
            }
        }
        calls.put("leadstranger mappings", conversion::mappings);
        // leads.convert without companies.create, or without opportunities.create: the contact made before the
        // opportunity is refused does not stay
        RecordRow own = leads.get("leadconverter");
        calls.put("leadconverter convert with a new company", () -> conversion.convert(new ConversionRequest(own.id(),
                own.version(), ConversionRequest.Target.CREATE, ConversionRequest.Target.CREATE, Optional.empty())));
        calls.put("leadconverter convert with a new opportunity", () -> conversion.convert(new ConversionRequest(own.id(),
                own.version(), ConversionRequest.Target.SKIP, ConversionRequest.Target.CREATE,
                Optional.of(RecordValues.builder().set("amount", new BigDecimal("10")).build()))));
        List<String> wrong = new ArrayList<>();
        calls.forEach((name, call) -> outcome(name, name.substring(0, name.indexOf(' ')), call,
                PermissionDeniedException.class, wrong));
        RecordRow peers = leads.get("leadcloser2");
        Map<String, Supplier<?>> hidden = new LinkedHashMap<>();
        hidden.put("leadcloser propose", () -> conversion.propose(peers.id()));
        hidden.put("leadcloser convert", () -> conversion.convert(new ConversionRequest(peers.id(), peers.version(),
                ConversionRequest.Target.CREATE, ConversionRequest.Target.CREATE, Optional.empty())));
        hidden.put("leadcloser discard", () -> conversion.discard(peers.id(), peers.version(), "No budget"));
        hidden.forEach((name, call) -> outcome(name, name.substring(0, name.indexOf(' ')), call,
                NotFoundException.class, wrong));
        assertEquals("calls that were not refused as they should", List.of(), wrong);
        assertEquals("nothing changed", before, state.get());

        // With every permission the conversion needs: company, contact and opportunity, audited under the user's name
        RecordRow mine = leads.get("leadcloser");
        ConversionResult result = as("leadcloser", () -> conversion.convert(new ConversionRequest(mine.id(),
                mine.version(), ConversionRequest.Target.CREATE, ConversionRequest.Target.CREATE,
                Optional.of(RecordValues.builder().set("amount", new BigDecimal("500")).build()))));
        assertTrue(result.toString(), result.company().isPresent() && result.contact().isPresent()
                && result.opportunity().isPresent());
        for (RecordRef made : List.of(result.company().get(), result.contact().get(), result.opportunity().get())) {
            assertEquals(made.toString(), "leadcloser", asSystem(() -> audit.history(made.recordType(), made.id())).get(0)
                    .username());
        }
        assertEquals("leadcloser", asSystem(() -> audit.history(LeadConversion.RECORD_TYPE, mine.id())).get(0).username());
        System.out.printf("Lead conversion: %d calls refused, %d hidden leads%n", calls.size(), hidden.size());
    }

    @Test
    public void t5_theShellRealmLetsInOnlyUsersWithShellAccess() throws Exception {
        asSystem(() -> {
            ProfileInfo ops = security.saveProfile(new ProfileInfo(null, "Operators", false, Set.of("administration.shell")));
            security.createUser(new UserInput("operator", "Op Erator", "", "", null, ops.id(), Set.of()), PASSWORD.toCharArray());
            return null;
        });
        // A new user must first choose their own password; then the shell realm lets them in with Karaf's roles.
        assertThrows(LoginException.class, () -> shellLogin("operator", PASSWORD));
        as("operator", () -> {
            authenticator.changePassword(PASSWORD.toCharArray(), "Shell-Access-77".toCharArray(), "Shell-Access-77".toCharArray());
            return null;
        });
        Subject subject = shellLogin("operator", "Shell-Access-77");
        Set<String> principals = new TreeSet<>();
        subject.getPrincipals().forEach(p -> principals.add(p.getClass().getSimpleName() + ":" + p.getName()));
        assertTrue(principals.toString(), principals.contains("TesseraPrincipal:operator"));
        assertTrue(principals.toString(), principals.contains("RolePrincipal:ssh"));
        assertTrue(principals.toString(), principals.contains("RolePrincipal:admin"));
        assertThrows(LoginException.class, () -> shellLogin("operator", "wrong-password-1"));
        as("rep", () -> {
            authenticator.changePassword(PASSWORD.toCharArray(), "Field-Sales-2026".toCharArray(), "Field-Sales-2026".toCharArray());
            return null;
        });
        LoginException refused = assertThrows(LoginException.class, () -> shellLogin("rep", "Field-Sales-2026"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("does not grant") && refused.getMessage().contains("administration.shell"));
    }

    @Test
    public void t6_adminServiceDisablesAndEnablesAModuleAndRefusesOthers() throws Exception {
        fixture();
        assertThrows(PermissionDeniedException.class, () -> as("manager", () -> {
            moduleAdmin.disableModule("contacts");
            return null;
        }));
        // Quotes need products: products stays until quotes is disabled, and the refusal says so.
        ConflictException needed = assertThrows(ConflictException.class, () -> asSystem(() -> {
            moduleAdmin.disableModule("products");
            return null;
        }));
        assertEquals("quotes needs products: disable it first.", needed.getMessage());
        assertTrue(asSystem(() -> moduleAdmin.modules()).stream().anyMatch(m -> m.id().equals("products") && m.installed()));
        asSystem(() -> {
            moduleAdmin.disableModule("contacts");
            return null;
        });
        assertTrue("contacts gone", eventually(60, () -> modules.module("contacts").isEmpty() && contactServices().length == 0));
        asSystem(() -> {
            moduleAdmin.enableModule("contacts");
            return null;
        });
        assertTrue("contacts back", eventually(60, () -> modules.module("contacts").map(m -> m.state().equals("ACTIVE")).orElse(false)
                && contactServices().length == 1));
        // The reinstalled bundle is a new class space, invisible to this probe's typed lookups: call it by reflection.
        ServiceReference<?> ref = contactServices()[0];
        Object reinstalled = context.getService(ref);
        Method count = reinstalled.getClass().getMethod("count", Optional.class);
        long seen = as("manager", () -> {
            try {
                return (Long) count.invoke(reinstalled, Optional.empty());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("the manager still sees the same contacts after the module came back", 3L, seen);
    }

    @Test
    public void t5a_membersOfAGroupSignInAndSeeTheirGroupMates() {
        fixture();
        asSystem(() -> {
            GroupInfo team = security.saveGroup(null, "Field team");
            ProfileInfo sales = security.profiles().stream().filter(p -> p.name().equals("Sales")).findFirst().orElseThrow();
            ProfileInfo full = security.profiles().stream().filter(ProfileInfo::fullAccess).findFirst().orElseThrow();
            security.createUser(new UserInput("member", "Group Member", "", "", null, sales.id(), Set.of(team.id())),
                    PASSWORD.toCharArray());
            security.createUser(new UserInput("lead", "Group Lead", "", "", null, full.id(), Set.of(team.id())),
                    PASSWORD.toCharArray());
            return null;
        });
        // Signing in reads the user's grant, group mates included: this failed on Derby (BOOLEAN compared with 1).
        assertTrue(authenticator.authenticate("member", PASSWORD.toCharArray()).isPresent());
        assertEquals(Set.of("member", "lead"), as("member", () -> access.groupMates()));
        assertEquals(Set.of("member", "lead"), as("lead", () -> access.groupMates()));
        assertTrue(as("member", () -> access.permitted("contacts.view")));
        assertTrue(as("lead", () -> access.permitted("administration.users")));
    }

    @Test
    public void t5b_aCallerWithoutContactsViewReceivesNoContactTitleFromAnyService() throws Exception {
        // Before t6: once contacts are reinstalled, this class's ContactService cannot be injected any more.
        fixture();
        String secret = "Secretname" + System.nanoTime();
        Set<String> granted = Set.of("contacts.view", "contacts.create", "activities.view", "activities.create",
                "activities.edit", "activities.export", "followups.view", "followups.create");
        ProfileInfo field = asSystem(() -> {
            ProfileInfo profile = security.saveProfile(new ProfileInfo(null, "Field work", false, granted));
            user("field", security.saveRole(null, "Field worker", null), profile);
            return profile;
        });
        ContactData contact = as("field", () -> contacts.create(new ContactInput("Ada", secret, "", "", "")));
        Object activities = moduleService("org.tesseracrm.activities.internal.service.ActivityService");
        Object followUps = moduleService("org.tesseracrm.followups.internal.service.FollowUpService");
        LocalDateTime past = LocalDateTime.now(ZoneOffset.UTC).minusHours(2);
        Object activity = as("field", () -> call(activities, "schedule", ContactService.RECORD_TYPE, contact.id(),
                RecordValues.builder().set("kind", "call").set("subject", "Call back").set("dueAt", past).set("remindAt", past)
                        .build(),
                List.of(new RecordRef(ContactService.RECORD_TYPE, contact.id(), secret))));
        long activityId = (Long) call(activity, "id");
        as("field", () -> call(followUps, "plan", ContactService.RECORD_TYPE, contact.id(), "Send the offer", past, null));
        assertTrue("while the user may see contacts, My activities names the contact",
                String.valueOf(as("field", () -> call(activities, "mine", false))).contains(secret));

        // The profile loses contacts.view: every service answers with a neutral name instead of the contact's.
        asSystem(() -> security.saveProfile(new ProfileInfo(field.id(), "Field work", false, Set.of("activities.view",
                "activities.create", "activities.edit", "activities.export", "followups.view", "followups.create"))));
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("ActivityService.mine", as("field", () -> call(activities, "mine", false)));
        answers.put("ActivityService.get", as("field", () -> call(activities, "get", activityId)));
        answers.put("ActivityService.participants", as("field", () -> call(activities, "participants", activityId)));
        answers.put("ActivityService.dueReminders", as("field", () -> call(activities, "dueReminders")));
        answers.put("FollowUpService.unattended", as("field", () -> call(followUps, "unattended", null, null, null, null)));
        answers.put("Records.page", as("field", () -> records.page("activity", RecordQuery.page(0, 50))));
        answers.put("Records.get", as("field", () -> records.get("activity", activityId)));
        answers.put("Records.titles", as("field", () -> records.titles(ContactService.RECORD_TYPE, List.of(contact.id()))));
        answers.put("Records.shownTitles", as("field", () -> records.shownTitles(ContactService.RECORD_TYPE,
                List.of(contact.id()))));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        as("field", () -> records.export("activity", RecordQuery.page(0, 1), List.of(), ExportFormat.CSV, csv, n -> { }));
        answers.put("Records.export", csv.toString(StandardCharsets.UTF_8));
        answers.put("AuditTrail.history", as("field", () -> audit.history("activity", activityId)));
        answers.forEach((name, answer) -> assertFalse(name + " gave the contact's name: " + answer,
                String.valueOf(answer).contains(secret)));
        String neutral = "Contact #" + contact.id();
        for (String name : List.of("ActivityService.mine", "ActivityService.get", "ActivityService.participants",
                "ActivityService.dueReminders", "FollowUpService.unattended", "Records.page", "Records.shownTitles",
                "Records.export")) {
            assertTrue(name + " names the contact neutrally: " + answers.get(name), String.valueOf(answers.get(name)).contains(neutral));
        }
        assertEquals(Map.of(), answers.get("Records.titles"));
        assertThrows("a record the caller cannot see has no activities for them", IllegalStateException.class,
                () -> as("field", () -> call(activities, "of", ContactService.RECORD_TYPE, contact.id())));
    }

    // ---- helpers

    /** @return a module's service registered by its class name (an internal class this probe cannot import) */
    private Object moduleService(String className) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getAllServiceReferences(className, null);
        assertNotNull(className + " is registered", refs);
        return context.getService(refs[0]);
    }

    /** Calls the public method of that name and arity; a failure comes back with the messages of its causes. */
    private static Object call(Object target, String name, Object... args) {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError("no method " + name + " with " + args.length + " parameters on " + target.getClass());
    }

    /** Runs a call as the user and adds its name to wrong unless it failed with the expected exception. */
    private void outcome(String name, String user, Supplier<?> call, Class<? extends Exception> expected, List<String> wrong) {
        try {
            Object answer = as(user, call);
            wrong.add(name + " -> returned " + answer);
        } catch (RuntimeException e) {
            if (!expected.isInstance(e)) {
                wrong.add(name + " -> " + e);
            }
        }
    }

    private static Object run(Runnable call) {
        call.run();
        return null;
    }

    private <T> T waitFor(Class<T> type) throws InterruptedException {
        return PaxExamSupport.waitFor(context, type);
    }

    private void user(String name, RoleInfo role, ProfileInfo profile) {
        security.createUser(new UserInput(name, name.toUpperCase(), name + "@example.org", "HQ", role.id(), profile.id(), Set.of()),
                PASSWORD.toCharArray());
    }

    /** @return the registered contact services, whichever class space they come from */
    private ServiceReference<?>[] contactServices() {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(ContactService.class.getName(), null);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> visibleTo(String user) {
        Set<String> names = new TreeSet<>();
        as(user, () -> contacts.list(RecordQuery.page(0, 100))).forEach(c -> names.add(c.lastName()));
        return names;
    }

    @Test
    public void t4b_usersChangeOnlyTheirOwnTimeZoneAndLocaleAndUserAdministratorsAnybodys() {
        fixture();
        org.tesseracrm.kernel.api.security.RegionalSettings berlin = new org.tesseracrm.kernel.api.security.RegionalSettings(
                java.time.ZoneId.of("Europe/Berlin"), java.util.Locale.GERMANY);
        org.tesseracrm.kernel.api.security.RegionalSettings tokyo = new org.tesseracrm.kernel.api.security.RegionalSettings(
                java.time.ZoneId.of("Asia/Tokyo"), java.util.Locale.JAPAN);
        assertEquals(org.tesseracrm.kernel.api.security.RegionalSettings.DEFAULT, as("rep2", () -> userSettings.regional()));
        assertEquals(berlin, as("rep", () -> userSettings.changeRegional("rep", berlin)));
        assertEquals(berlin, as("rep", () -> userSettings.regional()));
        assertEquals(berlin, as("rep", () -> userSettings.regional("rep")));
        assertThrows(PermissionDeniedException.class, () -> as("rep", () -> userSettings.changeRegional("rep2", berlin)));
        assertThrows(PermissionDeniedException.class, () -> as("manager", () -> userSettings.regional("rep")));
        // The browser's settings are kept only by a user who has none yet.
        assertEquals(berlin, as("rep", () -> userSettings.adoptIfUnset(tokyo)));
        assertEquals(tokyo, as("rep2", () -> userSettings.adoptIfUnset(tokyo)));
        assertEquals(tokyo, as("rep2", () -> userSettings.regional()));
        // The first admin (full access, so administration.users) sets anybody's; the change is audited.
        assertEquals(berlin, as("admin", () -> userSettings.changeRegional("rep2", berlin)));
        assertEquals(berlin, as("rep2", () -> userSettings.regional()));
        assertTrue(asSystem(() -> audit.search(new AuditQuery("admin", "user", null, null, 0, 50))).stream()
                .anyMatch(e -> "rep2".equals(e.label()) && e.changesText().contains("Europe/Berlin")));
        assertThrows(org.tesseracrm.kernel.api.ValidationException.class, () -> as("admin", () -> userSettings.changeRegional(
                "rep2", new org.tesseracrm.kernel.api.security.RegionalSettings(java.time.ZoneId.of("UTC"), java.util.Locale.ROOT))));
    }

    private <T> T as(String user, Supplier<T> work) {
        return callers.callAs(new Caller(user), work);
    }

    private <T> T asSystem(Supplier<T> work) {
        return callers.callAs(Caller.SYSTEM, work);
    }

    /** @return every service that a module bundle registers under an interface of a package it exports */
    /** Internal services that hold no user data: the reminder scheduler only tells open pages of their own user. */
    private static final Set<String> INTERNAL_WITHOUT_USER_DATA = Set.of(
            "org.tesseracrm.activities.internal.service.ReminderScheduler",
            "org.tesseracrm.activities.internal.service.ReminderTimer");

    /**
     * Whiteboard interfaces a module exports for others to implement, not to call: a ready-made report
     * ({@code ReportSource}) is run only through the reports service, which checks {@code reports.view} and reads the
     * records as the caller (the sweep covers {@code Reports}).
     */
    private static final Set<String> WHITEBOARD = Set.of("org.tesseracrm.reports.api.ReportSource");

    private Map<Class<?>, Object> moduleServices() throws Exception {
        Map<Class<?>, Object> found = new LinkedHashMap<>();
        Collection<ServiceReference<ModuleDescriptor>> descriptors = context.getServiceReferences(ModuleDescriptor.class, null);
        assertFalse("no module installed", descriptors.isEmpty());
        for (ServiceReference<ModuleDescriptor> descriptor : descriptors) {
            Bundle module = descriptor.getBundle();
            Set<String> exported = new TreeSet<>();
            for (BundleCapability export : module.adapt(BundleWiring.class).getCapabilities("osgi.wiring.package")) {
                exported.add((String) export.getAttributes().get("osgi.wiring.package"));
            }
            for (ServiceReference<?> ref : module.getRegisteredServices()) {
                for (String type : (String[]) ref.getProperty("objectClass")) {
                    String pkg = type.substring(0, type.lastIndexOf('.'));
                    // The module's API services, and the services its own views call (internal classes, registered
                    // by class: other bundles cannot import them, but they guard the same data).
                    boolean ownService = pkg.startsWith(module.getSymbolicName() + ".internal")
                            && !module.loadClass(type).isInterface() && !INTERNAL_WITHOUT_USER_DATA.contains(type);
                    if (exported.contains(pkg) && !WHITEBOARD.contains(type) || ownService) {
                        found.put(module.loadClass(type), context.getService(ref));
                    }
                }
            }
        }
        return found;
    }

    private void sweep(Class<?> type, Object service, List<String> swept, List<String> notRefused) {
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = type.getSimpleName() + "." + method.getName();
            swept.add(name);
            Object[] args = new Object[method.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = placeholder(method.getParameterTypes()[i]);
            }
            Throwable outcome = as("nobody", () -> {
                try {
                    method.invoke(service, args);
                    return null;
                } catch (InvocationTargetException e) {
                    return e.getCause();
                } catch (IllegalAccessException e) {
                    return e;
                }
            });
            if (!(outcome instanceof PermissionDeniedException)) {
                notRefused.add(name + " -> " + (outcome == null ? "returned normally" : outcome));
            }
        }
    }

    private static Object placeholder(Class<?> type) {
        if (type == long.class) {
            return 0L;
        } else if (type == int.class) {
            return 0;
        } else if (type == boolean.class) {
            return false;
        } else if (type == String.class) {
            return ContactService.RECORD_TYPE; // a record type that exists, so the record platform gets to its check
        } else if (type == Optional.class) {
            return Optional.empty();
        } else if (type == char[].class) {
            return "placeholder-1".toCharArray();
        } else if (type == RecordQuery.class) {
            return RecordQuery.page(0, 10);
        } else if (type == RecordSelection.class) {
            return RecordSelection.of(List.of(1L));
        } else if (type == SavedView.class) {
            return new SavedView(ContactService.RECORD_TYPE, "placeholder", "placeholder", false, "", List.of(), List.of(),
                    List.of());
        }
        return null;
    }

    private static Subject shellLogin(String user, String password) throws LoginException {
        Subject subject = new Subject();
        LoginContext login = new LoginContext("tessera", subject, callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(user);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.toCharArray());
                }
            }
        });
        login.login();
        assertNotNull(subject);
        return subject;
    }

}
