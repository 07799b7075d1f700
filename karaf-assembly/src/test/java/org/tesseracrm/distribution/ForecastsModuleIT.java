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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.tesseracrm.forecasts.api.Figure;
import org.tesseracrm.forecasts.api.Forecast;
import org.tesseracrm.forecasts.api.ForecastOpportunity;
import org.tesseracrm.forecasts.api.ForecastPeriod;
import org.tesseracrm.forecasts.api.ForecastRow;
import org.tesseracrm.forecasts.api.ForecastSubject;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.forecasts.api.RowPlace;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.record.RecordQuery;
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
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.PhaseKind;

/**
 * Boots the real distribution with the Forecasts module (one boot; the tests share one set-up) and proves, on real
 * opportunities, the checks: a manager's forecast shows each subordinate role's target, achieved and
 * pipeline worked out by hand; a rep cannot open the manager's (the service refuses, the API answers 403); a
 * drill-down lists exactly the opportunities counted; an exchange rate changes the figures and a missing one is
 * reported. The tree: Head (mgr, peer) > East (east) and West (west). Names carry the run's id and the test's own
 * phases: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ForecastsModuleIT {
    private static final String FEATURE = "crm-forecasts";
    private static final String TYPE = "opportunity";
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final ForecastPeriod Q4 = ForecastPeriod.parse("2026-Q4");
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();
    private static final String PASSWORD = "Secret-pass-1";

    /** What the set-up made, once per boot. */
    private record Fixture(long head, long east, long west, String mgr, String peer, String eastRep, String westRep,
            Map<String, Long> deals) {
    }

    private static Fixture fixture;

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
    }

    @Test
    public void t1_aManagerSeesEachSubordinateRolesTargetAchievedAndPipeline() throws Exception {
        Fixture f = fixture();
        Forecasts forecasts = PaxExamSupport.waitFor(context, Forecasts.class);
        assertTrue("the forecasts view", eventually(() -> PaxExamSupport.viewReference(context, "forecasts") != null));
        assertTrue("the exchange rates page", eventually(() -> PaxExamSupport.viewReference(context, "admin/exchange-rates") != null));
        as(f.mgr(), () -> {
            forecasts.setTarget(Q4, ForecastSubject.role(f.east()), Optional.of(new BigDecimal("2000")));
            forecasts.setTarget(Q4, ForecastSubject.role(f.west()), Optional.of(new BigDecimal("1000")));
            forecasts.setTarget(Q4, ForecastSubject.user(f.mgr()), Optional.of(new BigDecimal("100")));
            forecasts.setTarget(Q4, ForecastSubject.user(f.peer()), Optional.of(new BigDecimal("500")));
            return null;
        });
        Forecast forecast = as(f.mgr(), () -> forecasts.forecast(Q4));
        assertEquals("EUR", forecast.reportingCurrency());
        assertEquals(Optional.of("FC Head " + RUN), forecast.roleName());
        assertEquals(List.of(RowPlace.OWN_ROLE, RowPlace.SELF, RowPlace.MEMBER, RowPlace.SUBORDINATE_ROLE,
                RowPlace.SUBORDINATE_ROLE), forecast.rows().stream().map(ForecastRow::place).toList());
        // East: won 1,000.00 EUR + 200.00 USD x 0.9 = 180.00 -> 1,180.00 (2); the lost one and the January one do
        // not count; open 500.00 at 60 % -> weighted 300.00; 1,180 / 2,000 = 59.0 %
        assertRow(forecast, ForecastSubject.role(f.east()), "2000.00", "1180.00", 2, "500.00", "300.00", 1, "59.0");
        // West: won 300.00 on the last day of the quarter; open 1,000.00 at 60 % on its first day; 300 / 1,000 = 30.0 %
        assertRow(forecast, ForecastSubject.role(f.west()), "1000.00", "300.00", 1, "1000.00", "600.00", 1, "30.0");
        // mgr's own 50.00; Head = everyone: 50 + 1,180 + 300 = 1,530.00 (4), pipeline 1,500.00, weighted 900.00
        assertRow(forecast, ForecastSubject.user(f.mgr()), "100.00", "50.00", 1, "0.00", "0.00", 0, "50.0");
        assertRow(forecast, ForecastSubject.user(f.peer()), "500.00", "0.00", 0, "0.00", "0.00", 0, "0.0");
        assertRow(forecast, ForecastSubject.role(f.head()), null, "1530.00", 4, "1500.00", "900.00", 2, null);
        assertTrue("the manager sets the roles below", forecast.row(ForecastSubject.role(f.east())).orElseThrow().targetEditable());
        assertTrue("not the own role", !forecast.row(ForecastSubject.role(f.head())).orElseThrow().targetEditable());
        assertEquals(Set.of(), forecast.missingRates());
    }

    @Test
    public void t2_aRepCannotOpenTheManagersForecast() throws Exception {
        Fixture f = fixture();
        Forecasts forecasts = PaxExamSupport.waitFor(context, Forecasts.class);
        Forecast own = as(f.eastRep(), () -> forecasts.forecast(Q4));
        assertEquals("the rep's role and themselves only", List.of(ForecastSubject.role(f.east()),
                ForecastSubject.user(f.eastRep())), own.rows().stream().map(ForecastRow::subject).toList());
        assertRow(own, ForecastSubject.role(f.east()), "2000.00", "1180.00", 2, "500.00", "300.00", 1, "59.0");
        assertThrows(PermissionDeniedException.class, () -> as(f.eastRep(), () -> forecasts.forecastOf(Q4, f.mgr())));
        assertThrows(PermissionDeniedException.class, () -> as(f.eastRep(), () -> forecasts.forecastOf(Q4, f.westRep())));
        assertThrows(PermissionDeniedException.class, () -> as(f.eastRep(),
                () -> forecasts.opportunities(Q4, ForecastSubject.role(f.head()), Figure.ACHIEVED)));
        assertThrows(PermissionDeniedException.class, () -> as(f.eastRep(),
                () -> forecasts.opportunities(Q4, ForecastSubject.user(f.westRep()), Figure.PIPELINE)));
        assertThrows(PermissionDeniedException.class, () -> as(f.eastRep(), () -> {
            forecasts.setTarget(Q4, ForecastSubject.role(f.east()), Optional.of(BigDecimal.ONE));
            return null;
        }));
        // the manager looks at East through the rep's eyes
        Forecast asRep = as(f.mgr(), () -> forecasts.forecastOf(Q4, f.eastRep()));
        assertEquals(own.rows().stream().map(ForecastRow::achieved).toList(),
                asRep.rows().stream().map(ForecastRow::achieved).toList());

        // The same over the REST API: the rep's token gets 403 for the manager's forecast
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String rep = admin(() -> tokens.create(f.eastRep(), new ApiTokenRequest("fc rep " + RUN, ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        HttpResponse<String> refused = send(rep, "GET", "/api/v1/forecasts?period=2026-Q4&user=" + f.mgr(), null);
        assertEquals(refused.body(), 403, refused.statusCode());
        HttpResponse<String> mine = send(rep, "GET", "/api/v1/forecasts?period=2026-Q4", null);
        assertEquals(mine.body(), 200, mine.statusCode());
        assertTrue(mine.body(), mine.body().contains("\"achieved\":1180.00") && !mine.body().contains("FC Head"));
        HttpResponse<String> target = send(rep, "PUT", "/api/v1/forecasts/2026-Q4/targets/roles/" + f.east(),
                "{\"amount\": 1}");
        assertEquals(target.body(), 403, target.statusCode());
        HttpResponse<String> malformed = send(rep, "GET", "/api/v1/forecasts?period=2026-Q9", null);
        assertEquals(malformed.body(), 422, malformed.statusCode());
    }

    @Test
    public void t3_aDrillDownListsExactlyTheOpportunitiesCounted() throws Exception {
        Fixture f = fixture();
        Forecasts forecasts = PaxExamSupport.waitFor(context, Forecasts.class);
        Map<String, Long> d = f.deals();
        assertEquals(Set.of(d.get("east won"), d.get("east won usd")), ids(as(f.mgr(),
                () -> forecasts.opportunities(Q4, ForecastSubject.role(f.east()), Figure.ACHIEVED))));
        assertEquals(Set.of(d.get("east open")), ids(as(f.mgr(),
                () -> forecasts.opportunities(Q4, ForecastSubject.role(f.east()), Figure.PIPELINE))));
        assertEquals(Set.of(d.get("mgr won"), d.get("east won"), d.get("east won usd"), d.get("west won")), ids(as(f.mgr(),
                () -> forecasts.opportunities(Q4, ForecastSubject.role(f.head()), Figure.ACHIEVED))));
        assertEquals(Set.of(d.get("west won")), ids(as(f.mgr(),
                () -> forecasts.opportunities(Q4, ForecastSubject.user(f.westRep()), Figure.ACHIEVED))));
        List<ForecastOpportunity> usd = as(f.mgr(), () -> forecasts.opportunities(Q4, ForecastSubject.role(f.east()),
                Figure.ACHIEVED)).stream().filter(o -> o.currency().equals("USD")).toList();
        assertEquals(Optional.of(new BigDecimal("180.00")), usd.get(0).converted());

        // The REST API's drill-down gives the same ids; a target set over it shows in the forecast
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String mgr = admin(() -> tokens.create(f.mgr(), new ApiTokenRequest("fc mgr " + RUN, ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        HttpResponse<String> drill = send(mgr, "GET", "/api/v1/forecasts/opportunities?period=2026-Q4&role=" + f.east()
                + "&figure=achieved", null);
        assertEquals(drill.body(), 200, drill.statusCode());
        List<Long> expected = List.of(d.get("east won usd"), d.get("east won"));
        assertTrue(drill.body(), drill.body().startsWith("{\"ids\":[" + expected.get(0) + "," + expected.get(1) + "]"));
        HttpResponse<String> put = send(mgr, "PUT", "/api/v1/forecasts/2026-Q4/targets/roles/" + f.west(),
                "{\"amount\": 1200}");
        assertEquals(put.body(), 204, put.statusCode());
        HttpResponse<String> got = send(mgr, "GET", "/api/v1/forecasts?period=2026-Q4", null);
        assertTrue(got.body(), got.body().contains("\"target\":1200.00,\"achieved\":300.00"));
        assertTrue(got.body(), got.body().contains("\"percentOfTarget\":25.0"));
    }

    @Test
    public void t4_anExchangeRateChangesTheFiguresAndAMissingOneIsReported() throws Exception {
        Fixture f = fixture();
        Forecasts forecasts = PaxExamSupport.waitFor(context, Forecasts.class);
        try {
            admin(() -> {
                forecasts.setRate("USD", Optional.of(new BigDecimal("1.1")));
                return null;
            });
            // 200.00 USD x 1.1 = 220.00: East achieved 1,220.00
            assertRow(as(f.mgr(), () -> forecasts.forecast(Q4)), ForecastSubject.role(f.east()), "2000.00", "1220.00", 2,
                    "500.00", "300.00", 1, "61.0");
            admin(() -> {
                forecasts.setRate("USD", Optional.empty());
                return null;
            });
            Forecast without = as(f.mgr(), () -> forecasts.forecast(Q4));
            assertEquals(Set.of("USD"), without.missingRates());
            ForecastRow east = without.row(ForecastSubject.role(f.east())).orElseThrow();
            assertRow(without, ForecastSubject.role(f.east()), "2000.00", "1000.00", 1, "500.00", "300.00", 1, "50.0");
            assertEquals(Map.of("USD", new BigDecimal("200.00")), east.unconverted());
            // only the configure permission changes rates
            assertThrows(PermissionDeniedException.class, () -> as(f.mgr(), () -> {
                forecasts.setRate("USD", Optional.of(BigDecimal.ONE));
                return null;
            }));
        } finally {
            admin(() -> {
                forecasts.setRate("USD", Optional.of(new BigDecimal("0.9")));
                return null;
            });
        }
    }

    /** Roles Head > East, West; users mgr and peer (Head), east, west; the test's phases; the deals. */
    private Fixture fixture() throws Exception {
        if (fixture != null) {
            return fixture;
        }
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        Records records = PaxExamSupport.waitFor(context, Records.class);
        OpportunityPhases phases = PaxExamSupport.waitFor(context, OpportunityPhases.class);
        Forecasts forecasts = PaxExamSupport.waitFor(context, Forecasts.class);
        assertTrue("the opportunity type", eventually(() -> {
            try {
                admin(() -> records.page(TYPE, RecordQuery.page(0, 1)));
                return true;
            } catch (CrmException e) {
                return false;
            }
        }));
        Set<String> sales = Set.of("forecasts.view", "opportunities.view", "opportunities.create", "opportunities.edit");
        Set<String> managing = new java.util.HashSet<>(sales);
        managing.add("forecasts.manage");
        String mgr = "fcmgr" + RUN;
        String peer = "fcpeer" + RUN;
        String eastRep = "fceast" + RUN;
        String westRep = "fcwest" + RUN;
        long[] roles = admin(() -> {
            ProfileInfo managers = security.saveProfile(new ProfileInfo(null, "FC managers " + RUN, false, managing));
            ProfileInfo reps = security.saveProfile(new ProfileInfo(null, "FC reps " + RUN, false, sales));
            RoleInfo head = security.saveRole(null, "FC Head " + RUN, null);
            RoleInfo east = security.saveRole(null, "FC East " + RUN, head.id());
            RoleInfo west = security.saveRole(null, "FC West " + RUN, head.id());
            security.createUser(new UserInput(mgr, "Mara Manager", "", "", head.id(), managers.id(), Set.of()),
                    PASSWORD.toCharArray());
            security.createUser(new UserInput(peer, "Pat Peer", "", "", head.id(), managers.id(), Set.of()),
                    PASSWORD.toCharArray());
            security.createUser(new UserInput(eastRep, "Eddie East", "", "", east.id(), reps.id(), Set.of()),
                    PASSWORD.toCharArray());
            security.createUser(new UserInput(westRep, "Wendy West", "", "", west.id(), reps.id(), Set.of()),
                    PASSWORD.toCharArray());
            phases.add("FC won " + RUN, 100, PhaseKind.WON);
            phases.add("FC open " + RUN, 60, PhaseKind.OPEN);
            phases.add("FC lost " + RUN, 0, PhaseKind.LOST);
            forecasts.setReportingCurrency("EUR");
            forecasts.setRate("USD", Optional.of(new BigDecimal("0.9")));
            return new long[] {head.id(), east.id(), west.id()};
        });
        Map<String, Long> deals = new java.util.LinkedHashMap<>();
        deals.put("mgr won", deal(records, mgr, "won", "50.00", "EUR", LocalDate.of(2026, 10, 1)));
        deals.put("east won", deal(records, eastRep, "won", "1000.00", "EUR", LocalDate.of(2026, 11, 15)));
        deals.put("east won usd", deal(records, eastRep, "won", "200.00", "USD", LocalDate.of(2026, 10, 10)));
        deals.put("east open", deal(records, eastRep, "open", "500.00", "EUR", LocalDate.of(2026, 12, 1)));
        deals.put("east lost", deal(records, eastRep, "lost", "999.00", "EUR", LocalDate.of(2026, 11, 1)));
        deals.put("east next year", deal(records, eastRep, "won", "5000.00", "EUR", LocalDate.of(2027, 1, 5)));
        deals.put("east q3", deal(records, eastRep, "open", "7000.00", "EUR", LocalDate.of(2026, 9, 30)));
        deals.put("west won", deal(records, westRep, "won", "300.00", "EUR", LocalDate.of(2026, 12, 31)));
        deals.put("west open", deal(records, westRep, "open", "1000.00", "EUR", LocalDate.of(2026, 10, 1)));
        fixture = new Fixture(roles[0], roles[1], roles[2], mgr, peer, eastRep, westRep, Map.copyOf(deals));
        return fixture;
    }

    private long deal(Records records, String owner, String phase, String amount, String currency, LocalDate close) {
        RecordValues.Builder values = RecordValues.builder().set("name", "FC " + phase + " " + owner + " " + close)
                .set("owner", owner).set("phase", "FC " + phase + " " + RUN).set("amount", new BigDecimal(amount))
                .set("currency", currency).set("closeDate", close);
        if (phase.equals("lost")) {
            values.set("lostReason", "Price");
        }
        RecordRow row = admin(() -> records.create(TYPE, values.build()));
        return row.id();
    }

    private static Set<Long> ids(List<ForecastOpportunity> opportunities) {
        return Set.copyOf(opportunities.stream().map(ForecastOpportunity::id).toList());
    }

    private static void assertRow(Forecast forecast, ForecastSubject subject, String target, String achieved,
            long achievedCount, String pipeline, String weighted, long pipelineCount, String percent) {
        ForecastRow row = forecast.row(subject).orElseThrow(() -> new AssertionError("no row " + subject + " in "
                + forecast.rows()));
        assertEquals(subject + " target", Optional.ofNullable(target).map(BigDecimal::new), row.target());
        assertEquals(subject + " achieved", new BigDecimal(achieved), row.achieved());
        assertEquals(subject + " achieved count", achievedCount, row.achievedCount());
        assertEquals(subject + " pipeline", new BigDecimal(pipeline), row.pipeline());
        assertEquals(subject + " weighted", new BigDecimal(weighted), row.weighted());
        assertEquals(subject + " pipeline count", pipelineCount, row.pipelineCount());
        assertEquals(subject + " %", Optional.ofNullable(percent).map(BigDecimal::new), row.percentOfTarget());
    }

    private HttpResponse<String> send(String secret, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(10));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> T as(String username, Supplier<T> work) {
        return callers.callAs(new Caller(username), work);
    }

    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }
}
