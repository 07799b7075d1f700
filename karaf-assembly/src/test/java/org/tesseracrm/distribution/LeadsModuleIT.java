package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Hashtable;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Notes;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
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
import org.tesseracrm.leads.api.ConversionProposal;
import org.tesseracrm.leads.api.ConversionRequest;
import org.tesseracrm.leads.api.ConversionRequest.Target;
import org.tesseracrm.leads.api.ConversionResult;
import org.tesseracrm.leads.api.FieldMapping;
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.opportunities.api.OpportunityContact;
import org.tesseracrm.opportunities.api.OpportunityPhases;

/**
 * Boots the real distribution with the Leads module (part of the sales profile) and proves the conversion: a lead
 * becomes a company, a contact and an opportunity with the mapped values (a custom field included), its note, file
 * and activity move to the contact and the lead stays read-only with links; a failure in the last step (or an
 * opportunity the platform refuses) leaves no company, contact or opportunity behind and the lead as it was; the
 * platform's permissions apply to every type touched; discarding takes a reason; the REST endpoints answer; and the
 * module goes and comes back at runtime with its data. Users, fields and names carry this run's marker: the
 * PostgreSQL subclass shares its database with the other PostgreSQL ITs of the run.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class LeadsModuleIT {
    private static final String FEATURE = "crm-leads";
    private static final String BUNDLE = "org.tesseracrm.leads";
    private static final String LEAD = LeadConversion.RECORD_TYPE;
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
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
    public void karafInstalledItsBootFeatures() throws InterruptedException {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
    }

    @Test
    public void t1_aLeadBecomesACompanyAContactAndAnOpportunityWithItsHistory() throws Exception {
        Records records = waitFor(Records.class);
        LeadConversion leads = waitFor(LeadConversion.class);
        // The conversion puts the contact on the opportunity through the leads bundle's bridge to the opportunities
        // module, an optional reference of the conversion that comes with the opportunities' service: a conversion
        // made at boot before it came does not (the CI of 80ba505 met this once on PostgreSQL)
        assertTrue("the leads module's bridge to the opportunities", eventually(60, () -> context.getServiceReference(
                "org.tesseracrm.leads.internal.service.OpportunityContacts") != null));
        CustomFields fields = waitFor(CustomFields.class);
        Notes notes = waitFor(Notes.class);
        Attachments files = waitFor(Attachments.class);
        assertTrue("the leads view", eventually(() -> PaxExamSupport.viewReference(context, "leads") != null));
        RecordTypes types = waitFor(RecordTypes.class);
        assertTrue("the types a lead becomes", eventually(60, () -> types.find("company").isPresent()
                && types.find("contact").isPresent() && types.find("opportunity").isPresent()));
        // The platform seeds the statuses the lead type declares, and keeps the two the service sets.
        List<String> statuses = List.of("New", "Contacted", "Qualified", "Discarded", "Converted");
        assertTrue("the seeded statuses", eventually(() -> statuses.equals(admin(() -> fields.pickList(LEAD, "status"))
                .stream().map(PickListValue::value).toList())));
        ValidationException withoutConverted = assertThrows(ValidationException.class, () -> admin(() -> {
            fields.savePickList(LEAD, "status", List.of(PickListValue.of("New"), PickListValue.of("Discarded")));
            return null;
        }));
        assertTrue(withoutConverted.getMessage(), withoutConverted.errors().get(0).message()
                .contains("\"Converted\" is set by the leads module"));
        // A custom field of the lead mapped to one of the contact by the admin
        FieldDefinition interest = admin(() -> fields.add(LEAD, CustomFieldInput.of("Interest " + RUN, FieldType.TEXT)));
        FieldDefinition contactInterest = admin(() -> fields.add("contact",
                CustomFieldInput.of("Lead interest " + RUN, FieldType.TEXT)));
        admin(() -> {
            leads.map(new FieldMapping(interest.name(), "contact", contactInterest.name(), false));
            return null;
        });
        assertTrue(admin(() -> leads.mappings()).contains(new FieldMapping(interest.name(), "contact",
                contactInterest.name(), false)));
        ValidationException badMapping = assertThrows(ValidationException.class, () -> admin(() -> {
            leads.map(new FieldMapping(interest.name(), "opportunity", "amount", false));
            return null;
        }));
        assertEquals("targetField", badMapping.errors().get(0).field());

        RecordRow lead = admin(() -> records.create(LEAD, RecordValues.builder().set("firstName", "Ada")
                .set("lastName", "Lovelace" + RUN).set("companyName", "Engines " + RUN).set("email", "ada" + RUN
                        + "@engines.example")
                .set("phone", "+44 20 7946 0000").set("city", "London").set("source", "Web")
                .set(interest.name(), "Difference engines").build()));
        assertEquals("a new lead starts New", "New", lead.text("status"));
        // Plain writes cannot convert, discard or set the links
        ValidationException plainConvert = assertThrows(ValidationException.class, () -> admin(() -> records.update(LEAD,
                lead.id(), lead.version(), RecordValues.builder().set("status", "Converted").build())));
        assertEquals("status", plainConvert.errors().get(0).field());
        assertThrows(ValidationException.class, () -> admin(() -> records.create(LEAD, RecordValues.builder()
                .set("lastName", "Discarded" + RUN).set("status", "Discarded").build())));
        // Its history: a note, a file and an activity
        admin(() -> notes.add(LEAD, lead.id(), "Met at the fair " + RUN));
        admin(() -> files.add(LEAD, lead.id(), "brief.txt", new ByteArrayInputStream("brief".getBytes(StandardCharsets.UTF_8))));
        String tomorrow = RecordRow.format(LocalDateTime.now(ZoneOffset.UTC).plusDays(1));
        RecordRow call = admin(() -> records.create("activity", RecordValues.ofText(Map.of("kind", "call",
                "subject", "Call Ada " + RUN, "dueAt", tomorrow, "relatedType", LEAD,
                "relatedId", Long.toString(lead.id()), "relatedTitle", "Ada Lovelace" + RUN))));

        ConversionProposal proposal = admin(() -> leads.propose(lead.id()));
        assertEquals("Engines " + RUN, proposal.opportunityName());
        assertTrue("a new company name matches nothing", proposal.companyMatches().isEmpty());
        ConversionResult result = admin(() -> leads.convert(new ConversionRequest(lead.id(), lead.version(), Target.CREATE,
                Target.CREATE, Optional.of(RecordValues.builder().set("amount", new BigDecimal("5000"))
                        .set("closeDate", LocalDate.now().plusMonths(1)).build()))));
        long company = result.company().orElseThrow().id();
        long contact = result.contact().orElseThrow().id();
        long opportunity = result.opportunity().orElseThrow().id();
        RecordRow companyRow = admin(() -> records.get("company", company)).orElseThrow();
        assertEquals("Engines " + RUN, companyRow.text("name"));
        assertEquals("London", companyRow.text("city"));
        RecordRow contactRow = admin(() -> records.get("contact", contact)).orElseThrow();
        assertEquals("Ada", contactRow.text("firstName"));
        assertEquals("Lovelace" + RUN, contactRow.text("lastName"));
        assertEquals("ada" + RUN + "@engines.example", contactRow.text("email"));
        assertEquals(company, contactRow.lookup("company").orElseThrow());
        assertEquals("the admin's mapping", "Difference engines", contactRow.text(contactInterest.name()));
        RecordRow opportunityRow = admin(() -> records.get("opportunity", opportunity)).orElseThrow();
        assertEquals("Engines " + RUN, opportunityRow.text("name"));
        assertEquals(0, new BigDecimal("5000").compareTo(opportunityRow.decimal("amount").orElseThrow()));
        assertEquals(company, opportunityRow.lookup("company").orElseThrow());
        assertEquals("Web", opportunityRow.text("leadSource"));
        OpportunityPhases phases = waitFor(OpportunityPhases.class);
        assertEquals("the contact is on the opportunity", List.of(contact), admin(() -> phases.contacts(opportunity))
                .stream().map(OpportunityContact::contactId).toList());
        // The history went to the contact
        assertTrue(admin(() -> notes.list(LEAD, lead.id())).isEmpty());
        assertEquals("Met at the fair " + RUN, admin(() -> notes.list("contact", contact)).get(0).text());
        assertTrue(admin(() -> files.list(LEAD, lead.id())).isEmpty());
        assertEquals("brief.txt", admin(() -> files.list("contact", contact)).get(0).fileName());
        RecordRow movedCall = admin(() -> records.get("activity", call.id())).orElseThrow();
        assertEquals("contact", movedCall.text("relatedType"));
        assertEquals(0, BigDecimal.valueOf(contact).compareTo(movedCall.decimal("relatedId").orElseThrow()));
        // The lead: converted, linked, read-only
        RecordRow converted = admin(() -> records.get(LEAD, lead.id())).orElseThrow();
        assertEquals("Converted", converted.text("status"));
        assertEquals(company, converted.lookup("convertedCompany").orElseThrow());
        assertEquals(contact, converted.lookup("convertedContact").orElseThrow());
        assertEquals(opportunity, converted.lookup("convertedOpportunity").orElseThrow());
        assertTrue(converted.dateTime("convertedAt").isPresent());
        assertEquals(converted.id(), result.lead().id());
        ValidationException readOnly = assertThrows(ValidationException.class, () -> admin(() -> records.update(LEAD,
                converted.id(), converted.version(), RecordValues.builder().set("city", "Paris").build())));
        assertTrue(readOnly.getMessage(), readOnly.getMessage().contains("read-only"));
        assertThrows(ValidationException.class, () -> admin(() -> leads.discard(converted.id(), converted.version(), "Other")));
        assertThrows(ValidationException.class, () -> admin(() -> leads.propose(converted.id())));
        // A converted lead may be deleted; what it became stays
        admin(() -> records.delete(LEAD, RecordSelection.of(List.of(converted.id()))));
        assertTrue(admin(() -> records.get("contact", contact)).isPresent());
    }

    @Test
    public void t2_aFailureInTheLastStepLeavesNoCompanyContactOrOpportunity() throws Exception {
        Records records = waitFor(Records.class);
        LeadConversion leads = waitFor(LeadConversion.class);
        Notes notes = waitFor(Notes.class);
        String name = "Atomic" + RUN;
        RecordRow lead = admin(() -> records.create(LEAD, RecordValues.builder().set("firstName", "Alan")
                .set("lastName", name).set("companyName", name).build()));
        admin(() -> notes.add(LEAD, lead.id(), "Keep me " + RUN));
        ConversionRequest request = new ConversionRequest(lead.id(), lead.version(), Target.CREATE, Target.CREATE,
                Optional.of(RecordValues.builder().set("amount", new BigDecimal("10")).build()));
        // The last step (marking the lead converted) fails: a participant on leads refuses it
        ServiceRegistration<RecordLifecycle> failing = context.registerService(RecordLifecycle.class, new RecordLifecycle() {
            @Override
            public void afterUpdate(Change change) {
                if ("Converted".equals(change.after().orElseThrow().text("status"))) {
                    throw new ValidationException(List.of(new FieldError("status", "Refused by the test")));
                }
            }
        }, new Hashtable<>(Map.of(RecordType.ID, LEAD)));
        try {
            ValidationException refused = assertThrows(ValidationException.class, () -> admin(() -> leads.convert(request)));
            assertEquals("Refused by the test", refused.errors().get(0).message());
        } finally {
            failing.unregister();
        }
        assertNothingBehind(records, name);
        RecordRow unchanged = admin(() -> records.get(LEAD, lead.id())).orElseThrow();
        assertEquals(lead.version(), unchanged.version());
        assertEquals("New", unchanged.text("status"));
        assertTrue(unchanged.value("convertedCompany").isEmpty());
        assertEquals("the note stayed on the lead", 1, admin(() -> notes.list(LEAD, lead.id())).size());

        // An opportunity the platform refuses: the error names the opportunity's field, nothing stays
        ServiceRegistration<RecordLifecycle> refusing = context.registerService(RecordLifecycle.class, new RecordLifecycle() {
            @Override
            public void beforeCreate(Change change) {
                throw new ValidationException(List.of(new FieldError("amount", "Too small for the test")));
            }
        }, new Hashtable<>(Map.of(RecordType.ID, "opportunity")));
        try {
            ValidationException refused = assertThrows(ValidationException.class, () -> admin(() -> leads.convert(request)));
            assertEquals("opportunity.amount", refused.errors().get(0).field());
        } finally {
            refusing.unregister();
        }
        assertNothingBehind(records, name);
        assertEquals(lead.version(), admin(() -> records.get(LEAD, lead.id())).orElseThrow().version());
        // Once nothing refuses, the same request converts the lead
        ConversionResult done = admin(() -> leads.convert(request));
        assertTrue(done.opportunity().isPresent());
        assertEquals(1, admin(() -> notes.list("contact", done.contact().orElseThrow().id())).size());
    }

    private void assertNothingBehind(Records records, String name) {
        assertTrue("no company", admin(() -> records.page("company", RecordQuery.page(0, 5)
                .withFilters(List.of(Filter.of("name", FilterOp.EQUALS, name))))).isEmpty());
        assertTrue("no contact", admin(() -> records.page("contact", RecordQuery.page(0, 5)
                .withFilters(List.of(Filter.of("lastName", FilterOp.EQUALS, name))))).isEmpty());
        assertTrue("no opportunity", admin(() -> records.page("opportunity", RecordQuery.page(0, 5)
                .withFilters(List.of(Filter.of("name", FilterOp.EQUALS, name))))).isEmpty());
    }

    @Test
    public void t3_theCallerNeedsTheRightsOfEveryTypeTheConversionTouches() throws Exception {
        Records records = waitFor(Records.class);
        LeadConversion leads = waitFor(LeadConversion.class);
        Notes notes = waitFor(Notes.class);
        String rep = users();
        String name = "Rights" + RUN;
        RecordRow lead = callers.callAs(new Caller(rep), () -> records.create(LEAD, RecordValues.builder()
                .set("firstName", "Grace").set("lastName", name).set("companyName", name).build()));
        callers.callAs(new Caller(rep), () -> notes.add(LEAD, lead.id(), "Rep's note " + RUN));
        // No companies.create: a new company is refused
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(rep), () -> leads.convert(
                new ConversionRequest(lead.id(), lead.version(), Target.CREATE, Target.CREATE, Optional.empty()))));
        // No opportunities.create either: the contact created before the opportunity goes with the conversion
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(rep), () -> leads.convert(
                new ConversionRequest(lead.id(), lead.version(), Target.SKIP, Target.CREATE,
                        Optional.of(RecordValues.empty())))));
        assertNothingBehind(records, name);
        assertEquals("New", admin(() -> records.get(LEAD, lead.id())).orElseThrow().text("status"));
        // Without leads.convert nothing at all
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller("leadviewer" + RUN),
                () -> leads.propose(lead.id())));
        // What the rep may do: a contact only, and the note follows it
        ConversionResult done = callers.callAs(new Caller(rep), () -> leads.convert(new ConversionRequest(lead.id(),
                lead.version(), Target.SKIP, Target.CREATE, Optional.empty())));
        assertTrue(done.company().isEmpty());
        long contact = done.contact().orElseThrow().id();
        assertEquals(1, callers.callAs(new Caller(rep), () -> notes.list("contact", contact)).size());
        assertEquals("Converted", done.lead().text("status"));
    }

    @Test
    public void t4_discardWithAReasonAndTheRestEndpoints() throws Exception {
        Records records = waitFor(Records.class);
        LeadConversion leads = waitFor(LeadConversion.class);
        RecordRow lead = admin(() -> records.create(LEAD, RecordValues.builder().set("lastName", "Discard" + RUN)
                .build()));
        ValidationException unknown = assertThrows(ValidationException.class, () -> admin(() -> leads.discard(lead.id(),
                lead.version(), "Because" + RUN)));
        assertEquals("discardReason", unknown.errors().get(0).field());
        RecordRow discarded = admin(() -> leads.discard(lead.id(), lead.version(), "No budget"));
        assertEquals("Discarded", discarded.text("status"));
        assertEquals("No budget", discarded.text("discardReason"));
        assertThrows(ValidationException.class, () -> admin(() -> leads.propose(lead.id())));
        // Reopened by a plain edit: the reason goes
        RecordRow reopened = admin(() -> records.update(LEAD, lead.id(), discarded.version(), RecordValues.builder()
                .set("status", "Qualified").build()));
        assertEquals("Qualified", reopened.text("status"));
        assertTrue(reopened.value("discardReason").isEmpty());

        // REST: proposal, convert (a company linked, a contact created, no opportunity), discard errors
        ApiTokens tokens = waitFor(ApiTokens.class);
        String secret = admin(() -> tokens.create("admin", new ApiTokenRequest("leads " + RUN, ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        RecordRow existing = admin(() -> records.create("company", RecordValues.builder().set("name", "Rest" + RUN)
                .build()));
        RecordRow restLead = admin(() -> records.create(LEAD, RecordValues.builder().set("firstName", "Rest")
                .set("lastName", "Lead" + RUN).set("companyName", "Rest" + RUN).build()));
        HttpResponse<String> proposal = send(secret, "GET", "/api/v1/leads/" + restLead.id() + "/conversion-proposal", null);
        assertEquals(proposal.body(), 200, proposal.statusCode());
        assertTrue(proposal.body(), proposal.body().contains("\"companyMatches\":[{") && proposal.body().contains("\"id\":" + existing.id() + ","));
        assertTrue(proposal.body(), proposal.body().contains("\"opportunityName\":\"Rest" + RUN + "\""));
        HttpResponse<String> stale = send(secret, "POST", "/api/v1/leads/" + restLead.id() + "/convert",
                "{\"version\":" + (restLead.version() + 5) + ",\"contact\":{\"action\":\"create\"}}");
        assertEquals(stale.body(), 409, stale.statusCode());
        HttpResponse<String> converted = send(secret, "POST", "/api/v1/leads/" + restLead.id() + "/convert",
                "{\"version\":" + restLead.version() + ",\"company\":{\"action\":\"link\",\"id\":" + existing.id()
                        + "},\"contact\":{\"action\":\"create\"},\"opportunity\":null}");
        assertEquals(converted.body(), 200, converted.statusCode());
        assertTrue(converted.body(), converted.body().contains("\"status\":\"Converted\""));
        assertEquals(existing.id(), admin(() -> records.get(LEAD, restLead.id())).orElseThrow().lookup("convertedCompany").orElseThrow());
        assertTrue(converted.body(), converted.body().contains("\"opportunity\":null"));
        RecordRow other = admin(() -> records.create(LEAD, RecordValues.builder().set("lastName", "Other" + RUN).build()));
        HttpResponse<String> noReason = send(secret, "POST", "/api/v1/leads/" + other.id() + "/discard",
                "{\"version\":" + other.version() + "}");
        assertEquals(noReason.body(), 422, noReason.statusCode());
        assertTrue(noReason.headers().firstValue("Content-Type").orElse(""),
                noReason.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> discardedRest = send(secret, "POST", "/api/v1/leads/" + other.id() + "/discard",
                "{\"version\":" + other.version() + ",\"reason\":\"Not interested\"}");
        assertEquals(discardedRest.body(), 200, discardedRest.statusCode());
        assertTrue(discardedRest.body(), discardedRest.body().contains("\"discardReason\":\"Not interested\""));
        HttpResponse<String> docs = send(secret, "GET", "/api/v1/openapi.json", null);
        assertTrue("the OpenAPI document lists the endpoints",
                docs.body().contains("/v1/leads/{id}/convert") && docs.body().contains("/v1/leads/{id}/discard"));
    }

    @Test
    public void t5_theModuleGoesAndComesBackWithItsData() throws Exception {
        Records records = waitFor(Records.class);
        LeadConversion leads = waitFor(LeadConversion.class);
        RecordRow kept = admin(() -> records.create(LEAD, RecordValues.builder().set("lastName", "Kept" + RUN)
                .set("rating", "Hot").build()));
        int mappings = admin(() -> leads.mappings()).size();

        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0 && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertThrows(CrmException.class, () -> admin(() -> records.get(LEAD, kept.id())));

        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the record type is back", eventually(() -> {
            try {
                return admin(() -> records.get(LEAD, kept.id())).isPresent();
            } catch (CrmException e) {
                return false;
            }
        }));
        RecordRow back = admin(() -> records.get(LEAD, kept.id())).orElseThrow();
        assertEquals("Hot", back.text("rating"));
        assertEquals("New", back.text("status"));
        // The new revision's service, called through JDK types (this bundle is wired to the old API revision)
        Object reinstalled = PaxExamSupport.newService(context, LeadConversion.class.getName());
        Method mappingsMethod = reinstalled.getClass().getMethod("mappings");
        assertEquals("the admin's mappings are kept", mappings, ((List<?>) admin(() -> PaxExamSupport.invoke(mappingsMethod,
                reinstalled))).size());
        // Still the same rules after the reinstall
        assertThrows(ValidationException.class, () -> admin(() -> records.update(LEAD, kept.id(), back.version(),
                RecordValues.builder().set("status", "Converted").build())));
    }

    @Test
    public void t6_theShellCommandsMapAndConvert() throws Exception {
        Records records = waitFor(Records.class);
        CustomFields fields = waitFor(CustomFields.class);
        FieldDefinition mobile = admin(() -> fields.add("contact", CustomFieldInput.of("Mobile " + RUN, FieldType.PHONE)));
        assertTrue("crm:lead-mappings is there", eventually(60, () -> shellOrError("crm:lead-mappings").contains("built-in")));
        String mapped = shellOrError("crm:lead-map mobile contact " + mobile.name());
        assertTrue(mapped, mapped.contains("now goes to contact." + mobile.name()));
        assertTrue(shellOrError("crm:lead-mappings").contains(mobile.name()));
        String refused = shellOrError("crm:lead-map description opportunity amount");
        assertFalse(refused, refused.contains("now goes to"));
        RecordRow lead = admin(() -> records.create(LEAD, RecordValues.builder().set("lastName", "Shell" + RUN)
                .set("mobile", "+34 600 000 000").build()));
        String converted = shellOrError("crm:lead-convert --no-opportunity " + lead.id());
        assertTrue(converted, converted.contains("Lead " + lead.id() + " converted"));
        RecordRow after = admin(() -> records.get(LEAD, lead.id())).orElseThrow();
        assertEquals("Converted", after.text("status"));
        assertTrue("no company name, no company", after.value("convertedCompany").isEmpty());
        assertTrue("no opportunity", after.value("convertedOpportunity").isEmpty());
        long contact = after.lookup("convertedContact").orElseThrow();
        assertEquals("+34 600 000 000", admin(() -> records.get("contact", contact)).orElseThrow().text(mobile.name()));
        String unmapped = shellOrError("crm:lead-unmap mobile contact");
        assertTrue(unmapped, unmapped.contains("no longer goes to contact"));
        assertFalse(shellOrError("crm:lead-mappings").contains(mobile.name()));
    }

    /** @return what the command printed, or the message of the exception it failed with */
    private String shellOrError(String command) {
        return PaxExamSupport.shellOrError(shell, command);
    }

    /** A rep who may convert leads into contacts only, and a viewer of leads, created once per run. */
    private String users() throws InterruptedException {
        SecurityAdmin security = waitFor(SecurityAdmin.class);
        String rep = "leadrep" + RUN;
        boolean exists = admin(() -> security.users()).stream().anyMatch(u -> u.username().equals(rep));
        if (!exists) {
            admin(() -> {
                ProfileInfo converter = security.saveProfile(new ProfileInfo(null, "Lead converters " + RUN, false,
                        Set.of("leads.view", "leads.create", "leads.edit", LeadConversion.CONVERT, "contacts.view",
                                "contacts.create", "contacts.edit", "companies.view", "opportunities.view")));
                ProfileInfo viewer = security.saveProfile(new ProfileInfo(null, "Lead viewers " + RUN, false,
                        Set.of("leads.view")));
                RoleInfo role = security.saveRole(null, "Lead rep " + RUN, null);
                security.createUser(new UserInput(rep, "Lead rep", "", "", role.id(), converter.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                security.createUser(new UserInput("leadviewer" + RUN, "Lead viewer", "", "", role.id(), viewer.id(),
                        Set.of()), "Secret-pass-1".toCharArray());
                return null;
            });
        }
        return rep;
    }

    private static HttpResponse<String> send(String secret, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(20));
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

    private <T> T waitFor(Class<T> type) throws InterruptedException {
        return PaxExamSupport.waitFor(context, type);
    }

}
