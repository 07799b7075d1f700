package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.tesseracrm.collections.api.AgedObligation;
import org.tesseracrm.collections.api.AgingBucket;
import org.tesseracrm.collections.api.AgingBy;
import org.tesseracrm.collections.api.AgingReport;
import org.tesseracrm.collections.api.AgingRow;
import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Obligation;
import org.tesseracrm.collections.api.ObligationInput;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
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
 * Boots the real distribution with the Collections module and proves its rules in the service whoever calls:
 * obligations saved and removed keep the collection's totals (outstanding, overdue, next due) in the same
 * transaction; the aging puts obligations due at every bucket edge in the right bucket, per customer and per
 * collector, with totals per currency; users without rights are refused and a rep sees only their own collections;
 * the REST API does the same over a real socket; the module goes and comes back with its collections and
 * obligations. Names carry the run's id: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CollectionsModuleIT {
    private static final String FEATURE = "crm-collections";
    private static final String BUNDLE = "org.tesseracrm.collections";
    private static final String COLLECTION = CollectionFields.RECORD_TYPE;
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    /** The aging's day in t2 and t4: fixed, so the edges do not depend on the clock. */
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
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
    public void theModuleIsInstalled() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(60, () -> context.getServiceReference(BootFinished.class) != null));
        if (!features.isInstalled(features.getFeature(FEATURE))) {
            features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        }
        Records records = PaxExamSupport.waitFor(context, Records.class);
        for (String type : List.of(COLLECTION, "contact", "company")) {
            assertTrue("the record type " + type, eventually(() -> PaxExamSupport.typeReady(callers, records, type)));
        }
    }

    @Test
    public void t1_obligationsSavedAndRemovedKeepTheTotals() throws Exception {
        Receivables receivables = PaxExamSupport.waitFor(context, Receivables.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        assertTrue("the collections view", eventually(() -> PaxExamSupport.viewReference(context, "collections") != null));
        assertTrue("the aging view", eventually(() -> PaxExamSupport.viewReference(context, "collections-aging") != null));
        long company = company("T1");
        RecordRow collection = admin(() -> records.create(COLLECTION, RecordValues.builder()
                .set(CollectionFields.SUBJECT, "Invoices T1 " + RUN).set(CollectionFields.COMPANY, company)
                .set(CollectionFields.CURRENCY, "EUR").build()));
        assertEquals("the status pick-list's default", CollectionFields.OPEN, collection.text(CollectionFields.STATUS));
        assertEquals("no collector: the owner collects", "admin", collection.text(CollectionFields.COLLECTOR));
        assertMoney("0", collection.decimal(CollectionFields.OUTSTANDING).orElseThrow());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        RecordRow saved = admin(() -> receivables.saveObligations(collection.id(), List.of(
                input("1000.00", today.minusDays(10), null, "400.00", "Promised the rest"),
                input("250.50", today, null, null, null),
                input("300", today.plusDays(20), null, null, null),
                input("99.99", today.minusDays(200), CollectionFields.WRITTEN_OFF, null, "Customer bankrupt"))));
        // total 1650.49; outstanding 600.00 + 250.50 + 300.00 = 1150.50; overdue only the 600.00 (due today is not)
        assertMoney("1650.49", saved.decimal(CollectionFields.TOTAL_AMOUNT).orElseThrow());
        assertMoney("1150.50", saved.decimal(CollectionFields.OUTSTANDING).orElseThrow());
        assertMoney("600.00", saved.decimal(CollectionFields.OVERDUE).orElseThrow());
        assertEquals(today, saved.date(CollectionFields.NEXT_DUE).orElseThrow());
        List<Obligation> stored = admin(() -> receivables.obligations(collection.id()));
        assertEquals(List.of(CollectionFields.PARTIALLY_PAID, CollectionFields.PENDING, CollectionFields.PENDING,
                CollectionFields.WRITTEN_OFF), stored.stream().map(Obligation::status).toList());
        assertEquals("Promised the rest", stored.get(0).notes());

        // remove the partly paid one and mark the one due today paid: the totals follow in the same save
        RecordRow changed = admin(() -> receivables.saveObligations(collection.id(), List.of(
                new ObligationInput(Optional.of(stored.get(1).id()), stored.get(1).amount(), today,
                        CollectionFields.PAID, null, "Paid by transfer", ""),
                ObligationInput.of(stored.get(2)), ObligationInput.of(stored.get(3)))));
        assertMoney("650.49", changed.decimal(CollectionFields.TOTAL_AMOUNT).orElseThrow());
        assertMoney("300.00", changed.decimal(CollectionFields.OUTSTANDING).orElseThrow());
        assertMoney("0", changed.decimal(CollectionFields.OVERDUE).orElseThrow());
        assertEquals(today.plusDays(20), changed.date(CollectionFields.NEXT_DUE).orElseThrow());
        List<Obligation> after = admin(() -> receivables.obligations(collection.id()));
        assertEquals("ids are kept", List.of(stored.get(1).id(), stored.get(2).id(), stored.get(3).id()),
                after.stream().map(Obligation::id).toList());
        assertMoney("250.50", after.get(0).amountPaid());

        // a wrong row is refused by field and nothing changes
        ValidationException wrong = assertThrows(ValidationException.class, () -> admin(() -> receivables
                .saveObligations(collection.id(), List.of(input("10", today, null, null, null),
                        input("-5", null, null, null, null)))));
        assertEquals(List.of("obligations[1].amount", "obligations[1].dueDate"),
                wrong.errors().stream().map(FieldError::field).toList());
        assertEquals(3, admin(() -> receivables.obligations(collection.id())).size());
        // the totals are the module's, the customer is required, the currency stays while there are obligations
        RecordRow current = admin(() -> records.get(COLLECTION, collection.id())).orElseThrow();
        ValidationException own = assertThrows(ValidationException.class, () -> admin(() -> records.update(COLLECTION,
                current.id(), current.version(), RecordValues.builder().set(CollectionFields.OUTSTANDING,
                        BigDecimal.ONE).build())));
        assertEquals(List.of(CollectionFields.OUTSTANDING), own.errors().stream().map(FieldError::field).toList());
        ValidationException currency = assertThrows(ValidationException.class, () -> admin(() -> records.update(
                COLLECTION, current.id(), current.version(), RecordValues.builder().set(CollectionFields.CURRENCY,
                        "USD").build())));
        assertEquals(CollectionFields.CURRENCY, currency.errors().get(0).field());
        ValidationException customer = assertThrows(ValidationException.class, () -> admin(() -> records.create(
                COLLECTION, RecordValues.builder().set(CollectionFields.SUBJECT, "Nobody's " + RUN).build())));
        assertEquals(CollectionFields.COMPANY, customer.errors().get(0).field());
        // a deleted collection takes its obligations along
        admin(() -> records.delete(COLLECTION, org.tesseracrm.kernel.api.record.RecordSelection.of(
                List.of(current.id()))));
        assertThrows(NotFoundException.class, () -> admin(() -> receivables.obligations(current.id())));
    }

    @Test
    public void t2_theAgingPutsEveryEdgeInItsBucketPerCustomerAndCollector() throws Exception {
        Receivables receivables = PaxExamSupport.waitFor(context, Receivables.class);
        users();
        long acme = company("Acme T2");
        Records records = PaxExamSupport.waitFor(context, Records.class);
        long contact = admin(() -> records.create("contact", RecordValues.builder().set("firstName", "Zoë")
                .set("lastName", "Díaz T2 " + RUN).build())).id();
        String collector = "collrep" + RUN;
        long first = collection("Acme T2", acme, null, "admin", "CHF");
        long second = collection("Zoë T2", null, contact, collector, "CHF");
        admin(() -> receivables.saveObligations(first, List.of(
                input("1", AS_OF, null, null, null), // due today: current
                input("2", AS_OF.plusDays(1), null, null, null), // not yet due: current
                input("4", AS_OF.minusDays(1), null, null, null), // 1 day: 1-30
                input("8", AS_OF.minusDays(30), null, null, null), // 30 days: 1-30
                input("16", AS_OF.minusDays(31), null, null, null), // 31 days: 31-60
                input("32", AS_OF.minusDays(60), null, null, null), // 60 days: 31-60
                input("64", AS_OF.minusDays(61), null, null, null), // 61 days: 61-90
                input("128", AS_OF.minusDays(90), null, null, null), // 90 days: 61-90
                input("256", AS_OF.minusDays(91), null, null, null), // 91 days: over 90
                input("512", AS_OF.minusDays(91), CollectionFields.PAID, null, null), // paid: not counted
                input("1024", AS_OF.minusDays(91), CollectionFields.WRITTEN_OFF, null, null)))); // written off
        admin(() -> receivables.saveObligations(second, List.of(
                input("100", AS_OF.minusDays(30), null, "40", null), // 60 outstanding, 1-30
                input("1000", AS_OF.minusDays(91), null, null, null)))); // over 90

        AgingReport byCustomer = admin(() -> receivables.aging(AgingBy.CUSTOMER, Optional.of(AS_OF)));
        assertEquals(AS_OF, byCustomer.asOf());
        AgingRow acmeRow = row(byCustomer, "company:" + acme);
        assertEquals("Ñandú Acme T2 " + RUN, acmeRow.label());
        assertAmounts(acmeRow, "3", "12", "48", "192", "256", "511");
        assertEquals(9, acmeRow.obligations());
        AgingRow zoeRow = row(byCustomer, "contact:" + contact);
        assertTrue(zoeRow.label(), zoeRow.label().contains("Díaz T2 " + RUN));
        assertAmounts(zoeRow, "0", "60", "0", "0", "1000", "1060");
        AgingRow chf = byCustomer.totals().stream().filter(r -> r.currency().equals("CHF")).findFirst().orElseThrow();
        assertAmounts(chf, "3", "72", "48", "192", "1256", "1571");

        AgingReport byCollector = admin(() -> receivables.aging(AgingBy.COLLECTOR, Optional.of(AS_OF)));
        assertAmounts(row(byCollector, collector), "0", "60", "0", "0", "1000", "1060");
        AgingRow admins = byCollector.rows().stream().filter(r -> r.key().equals("admin") && r.currency().equals("CHF"))
                .findFirst().orElseThrow();
        assertAmounts(admins, "3", "12", "48", "192", "256", "511");
        // the same obligations a day later: what was due today is 1 day late, 30 becomes 31, 90 becomes 91
        AgingRow nextDay = row(admin(() -> receivables.aging(AgingBy.CUSTOMER, Optional.of(AS_OF.plusDays(1)))),
                "company:" + acme);
        assertAmounts(nextDay, "2", "5", "24", "96", "384", "511");

        List<AgedObligation> cell = admin(() -> receivables.agedObligations(AgingBy.CUSTOMER, "company:" + acme, "CHF",
                Optional.of(AgingBucket.DAYS_61_90), Optional.of(AS_OF)));
        assertEquals(List.of(90L, 61L), cell.stream().map(AgedObligation::daysPastDue).toList());
        assertEquals("Invoices Acme T2 " + RUN, cell.get(0).collection());
    }

    @Test
    public void t3_usersWithoutRightsAreRefusedAndARepSeesOnlyTheirOwn() throws Exception {
        Receivables receivables = PaxExamSupport.waitFor(context, Receivables.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        users();
        long company = company("T3");
        Caller rep = new Caller("collrep" + RUN);
        long repsCompany = callers.callAs(rep, () -> records.create("company", RecordValues.builder()
                .set("name", "Rep's customer T3 " + RUN).build())).id();
        long adminsCollection = collection("T3 admin", company, null, "admin", "EUR");
        admin(() -> receivables.saveObligations(adminsCollection, List.of(input("10", AS_OF, null, null, null))));
        Caller outsider = new Caller("nocoll" + RUN);
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider,
                () -> receivables.aging(AgingBy.CUSTOMER, Optional.empty())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider,
                () -> receivables.obligations(adminsCollection)));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(outsider, receivables::today));
        Caller reader = new Caller("collreader" + RUN);
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(reader,
                () -> receivables.saveObligations(adminsCollection, List.of())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(reader, receivables::refreshDue));
        assertEquals(1, admin(() -> receivables.obligations(adminsCollection)).size());

        // a rep (own records only) makes a collection, saves obligations, and sees only their own in the aging
        long mine = callers.callAs(rep, () -> records.create(COLLECTION, RecordValues.builder()
                .set(CollectionFields.SUBJECT, "Mine T3 " + RUN).set(CollectionFields.COMPANY, repsCompany)
                .set(CollectionFields.CURRENCY, "EUR").build())).id();
        RecordRow saved = callers.callAs(rep, () -> receivables.saveObligations(mine, List.of(
                input("70", AS_OF.minusDays(45), null, null, null))));
        assertMoney("70", saved.decimal(CollectionFields.OUTSTANDING).orElseThrow());
        assertThrows(NotFoundException.class, () -> callers.callAs(rep, () -> receivables.obligations(adminsCollection)));
        assertThrows(NotFoundException.class, () -> callers.callAs(rep,
                () -> receivables.saveObligations(adminsCollection, List.of())));
        AgingReport own = callers.callAs(rep, () -> receivables.aging(AgingBy.COLLECTOR, Optional.of(AS_OF)));
        assertEquals(List.of("collrep" + RUN), own.rows().stream().map(AgingRow::key).distinct().toList());
        AgingRow eur = own.totals().stream().filter(r -> r.currency().equals("EUR")).findFirst().orElseThrow();
        assertAmounts(eur, "0", "0", "70", "0", "0", "70");
        assertEquals(List.of(), callers.callAs(rep, () -> receivables.agedObligations(AgingBy.COLLECTOR, "admin", "EUR",
                Optional.empty(), Optional.of(AS_OF))));
    }

    @Test
    public void t4_theRestApiSavesObligationsAndShowsTheAging() throws Exception {
        long company = company("T4");
        long id = collection("T4", company, null, "admin", "USD");
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String secret = admin(() -> tokens.create("admin", new ApiTokenRequest("collections " + RUN,
                ApiTokenScope.READ_WRITE, Set.of(), Optional.empty()))).secret();
        HttpResponse<String> put = send(secret, "PUT", "/api/v1/collections/" + id + "/obligations",
                "{\"obligations\":[{\"amount\":120.00,\"dueDate\":\"" + AS_OF.minusDays(31) + "\",\"result\":\"Called\"},"
                + "{\"amount\":80,\"dueDate\":\"" + AS_OF.plusDays(5) + "\",\"amountPaid\":30}]}");
        assertEquals(put.body(), 200, put.statusCode());
        assertTrue(put.body(), put.body().contains("\"totalAmount\":200.00") && put.body().contains("\"status\":\"Partially paid\""));
        HttpResponse<String> list = send(secret, "GET", "/api/v1/collections/" + id + "/obligations", null);
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue(list.body(), list.body().contains("\"dueDate\":\"" + AS_OF.minusDays(31) + "\"")
                && list.body().contains("\"outstanding\":50.00"));
        HttpResponse<String> aging = send(secret, "GET", "/api/v1/collections/aging?by=customer&asOf=" + AS_OF, null);
        assertEquals(aging.body(), 200, aging.statusCode());
        assertTrue(aging.body(), aging.body().contains("\"key\":\"company:" + company + "\"")
                && aging.body().contains("\"DAYS_31_60\":120.00") && aging.body().contains("\"asOf\":\"" + AS_OF + "\""));
        HttpResponse<String> cell = send(secret, "GET", "/api/v1/collections/aging/obligations?by=customer&key=company:"
                + company + "&currency=USD&bucket=DAYS_31_60&asOf=" + AS_OF, null);
        assertEquals(cell.body(), 200, cell.statusCode());
        assertTrue(cell.body(), cell.body().contains("\"daysPastDue\":31"));
        HttpResponse<String> badDate = send(secret, "GET", "/api/v1/collections/aging?asOf=30.06.2026", null);
        assertEquals(badDate.body(), 422, badDate.statusCode());
        assertTrue(badDate.body(), badDate.body().contains("asOf"));
        HttpResponse<String> badRow = send(secret, "PUT", "/api/v1/collections/" + id + "/obligations",
                "{\"obligations\":[{\"amount\":1,\"dueDate\":\"2026-02-30\"}]}");
        assertEquals(badRow.body(), 422, badRow.statusCode());
        assertTrue(badRow.body(), badRow.body().contains("obligations[0].dueDate"));
        HttpResponse<String> missing = send(secret, "GET", "/api/v1/collections/999999999/obligations", null);
        assertEquals(missing.body(), 404, missing.statusCode());
        // the fields come through the records API, totals included
        HttpResponse<String> record = send(secret, "GET", "/api/v1/records/collection/" + id, null);
        assertTrue(record.body(), record.body().contains("\"outstanding\":170.00"));
        // a token of a user without the module is refused
        users();
        String outsider = admin(() -> tokens.create("nocoll" + RUN, new ApiTokenRequest("outsider " + RUN,
                ApiTokenScope.READ_WRITE, Set.of(), Optional.empty()))).secret();
        HttpResponse<String> refused = send(outsider, "GET", "/api/v1/collections/aging", null);
        assertEquals(refused.body(), 403, refused.statusCode());
    }

    @Test
    public void t5_theModuleGoesAndComesBackWithItsCollections() throws Exception {
        Receivables receivables = PaxExamSupport.waitFor(context, Receivables.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        long kept = collection("T5", company("T5"), null, "admin", "EUR");
        admin(() -> receivables.saveObligations(kept, List.of(input("42.42", AS_OF, null, null, "kept"))));

        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the module's services left", eventually(() -> PaxExamSupport.servicesOf(context, BUNDLE) == 0
                && !PaxExamSupport.bundleInstalled(context, BUNDLE)));
        assertTrue("no collections view", eventually(() -> PaxExamSupport.viewReference(context, "collections") == null));
        assertThrows(CrmException.class, () -> admin(() -> records.get(COLLECTION, kept)));

        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue("the view is back", eventually(() -> PaxExamSupport.viewReference(context, "collections") != null));
        assertTrue("the record type is back", eventually(() -> PaxExamSupport.typeReady(callers, records, COLLECTION)));
        // the new bundle's service (its API classes are not the probe's: called by reflection)
        Object back = PaxExamSupport.newService(context, Receivables.class.getName());
        assertTrue("the new service answers", back != null);
        RecordRow row = admin(() -> records.get(COLLECTION, kept)).orElseThrow();
        assertMoney("42.42", row.decimal(CollectionFields.TOTAL_AMOUNT).orElseThrow());
        List<?> obligations = (List<?>) admin(() -> PaxExamSupport.invoke(method(back, "obligations"), back, kept));
        assertEquals(1, obligations.size());
        assertTrue(obligations.toString(), obligations.get(0).toString().contains("notes=kept"));
        assertTrue(obligations.toString(), obligations.get(0).toString().contains("amount=42.42"));
    }

    private static java.lang.reflect.Method method(Object target, String name) {
        return java.util.Arrays.stream(target.getClass().getMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
    }

    private long company(String name) throws InterruptedException {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        return admin(() -> records.create("company", RecordValues.builder().set("name", "Ñandú " + name + " " + RUN)
                .build()).id());
    }

    private long collection(String name, Long company, Long contact, String collector, String currency)
            throws InterruptedException {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        RecordValues.Builder values = RecordValues.builder().set(CollectionFields.SUBJECT, "Invoices " + name + " " + RUN)
                .set(CollectionFields.COLLECTOR, collector).set(CollectionFields.CURRENCY, currency);
        if (company != null) {
            values.set(CollectionFields.COMPANY, company.longValue());
        }
        if (contact != null) {
            values.set(CollectionFields.CONTACT, contact.longValue());
        }
        return admin(() -> records.create(COLLECTION, values.build())).id();
    }

    /**
     * A reader (collections.view), a rep (collections view, create, edit and companies; sees their own) and an
     * outsider (contacts only), created once per run.
     */
    private void users() throws InterruptedException {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String reader = "collreader" + RUN;
        if (admin(() -> security.users()).stream().noneMatch(u -> u.username().equals(reader))) {
            admin(() -> {
                ProfileInfo viewing = security.saveProfile(new ProfileInfo(null, "Collection readers " + RUN, false,
                        Set.of("collections.view")));
                ProfileInfo collecting = security.saveProfile(new ProfileInfo(null, "Collectors " + RUN, false,
                        Set.of("collections.view", "collections.create", "collections.edit", "companies.view",
                                "companies.create")));
                ProfileInfo other = security.saveProfile(new ProfileInfo(null, "No collections " + RUN, false,
                        Set.of("contacts.view")));
                RoleInfo role = security.saveRole(null, "Collectors " + RUN, null);
                security.createUser(new UserInput(reader, "Reader", "", "", role.id(), viewing.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                security.createUser(new UserInput("collrep" + RUN, "Rep", "", "", role.id(), collecting.id(),
                        Set.of()), "Secret-pass-1".toCharArray());
                security.createUser(new UserInput("nocoll" + RUN, "Outsider", "", "", role.id(), other.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                return null;
            });
        }
    }

    private static ObligationInput input(String amount, LocalDate due, String status, String paid, String notes) {
        return new ObligationInput(Optional.empty(), new BigDecimal(amount), due, status,
                paid == null ? null : new BigDecimal(paid), "", notes == null ? "" : notes);
    }

    private static AgingRow row(AgingReport report, String key) {
        return report.rows().stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + report.rows()));
    }

    private static void assertAmounts(AgingRow row, String current, String d30, String d60, String d90, String over,
            String total) {
        List<String> expected = List.of(current, d30, d60, d90, over, total);
        List<BigDecimal> actual = new java.util.ArrayList<>(row.amounts());
        actual.add(row.total());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(row.label() + " " + actual, 0, new BigDecimal(expected.get(i)).compareTo(actual.get(i)));
        }
    }

    private static HttpRequest.Builder request(String secret, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(String secret, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = request(secret, path);
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

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(expected + " vs " + actual, 0, new BigDecimal(expected).compareTo(actual));
    }
}
