package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.inject.Inject;
import javax.sql.DataSource;

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
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;
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
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Boots the real distribution with the Cases module and proves the SLA on business hours and the escalation: an
 * Urgent case (40 minutes) created at 16:50 on a 09:00-17:00 calendar is due at 09:30 on the next business morning,
 * after a two-day "weekend" and a holiday (the calendar is made in a time zone whose clocks show 16:50 when the case
 * is created, so the test does not wait for a Friday); a case past due is escalated to its responsible's manager (the
 * role above in the role tree) by one sweep, recorded on the case (escalation level 1) and in its history once, with one in-app notification to the manager, and
 * neither a second sweep nor a restart of the module's bundle escalates it again; the sweep by hand is refused to a
 * user without {@code cases.configure}; the settings over REST on a real socket (a calendar created, read, changed
 * and deleted; 422 with field errors for a body that does not read, 403 without {@code cases.configure}), and a
 * holiday added to a calendar moving the due time of an open case on it; a status whose kind becomes waiting pausing
 * the cases in it, which resume with a later due time when it is open again; a recompute left half done (its row in
 * CASE_SLA_RECOMPUTE, as after a crash) going on when its durable timer runs. The settings of t1 to t3 are written
 * straight into the SLA tables and the sweep is called by reflection on the service the bundle registers. Names carry
 * the run's id: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CasesSlaIT {
    private static final String FEATURE = "crm-cases";
    private static final String BUNDLE = "org.tesseracrm.cases";
    private static final String CASE = "case";
    private static final String SLA_SERVICE = "org.tesseracrm.cases.internal.sla.SlaService";
    private static final Caller ADMIN = new Caller("admin");
    private static final String RUN = Long.toString(System.nanoTime());
    private static final long CALENDAR_ID = 1_000_000 + Math.floorMod(System.nanoTime(), 1_000_000);
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
        assertTrue("the record type case", eventually(() -> PaxExamSupport.typeReady(callers, records, CASE)));
        PaxExamSupport.newService(context, SLA_SERVICE);
    }

    @Test
    public void t1_anUrgentCaseAtTenToFiveIsDueTheNextBusinessMorningAfterAWeekendAndAHoliday() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        // the case is created at about `at`; a fixed offset makes the calendar's clocks show 16:50 then
        Instant at = Instant.now().plusSeconds(3);
        LocalTime utcTime = LocalTime.ofInstant(at, ZoneOffset.UTC);
        int seconds = Math.floorMod(LocalTime.of(16, 50).toSecondOfDay() - utcTime.toSecondOfDay() + 12 * 3600,
                24 * 3600) - 12 * 3600;
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(seconds);
        LocalDate day = LocalDateTime.ofInstant(at, zone).toLocalDate();
        assertEquals(16, LocalDateTime.ofInstant(at, zone).getHour());
        // open 09:00-17:00 every day but the two after today (its "weekend"); the third day after is a holiday
        List<String> hours = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            DayOfWeek weekday = DayOfWeek.MONDAY.plus(i);
            boolean weekend = weekday == day.getDayOfWeek().plus(1) || weekday == day.getDayOfWeek().plus(2);
            hours.add(weekend ? "" : "09:00-17:00");
        }
        LocalDate holiday = day.plusDays(3);
        String type = "Suggestion";
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CASE_SLA_CALENDAR (ID, NAME, ZONE_ID, HOURS_MON, "
                    + "HOURS_TUE, HOURS_WED, HOURS_THU, HOURS_FRI, HOURS_SAT, HOURS_SUN, AT_RISK_PERCENT) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 75)")) {
                ps.setLong(1, CALENDAR_ID);
                ps.setString(2, "IT " + RUN);
                ps.setString(3, zone.getId());
                for (int i = 0; i < 7; i++) {
                    ps.setString(4 + i, hours.get(i));
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO CASE_SLA_HOLIDAY (CALENDAR_ID, HOLIDAY, NAME) VALUES (?, ?, 'Founders day')")) {
                ps.setLong(1, CALENDAR_ID);
                ps.setDate(2, java.sql.Date.valueOf(holiday));
                ps.executeUpdate();
            }
            update(c, "DELETE FROM CASE_SLA_TYPE_CALENDAR WHERE CASE_TYPE = ?", type);
            update(c, "INSERT INTO CASE_SLA_TYPE_CALENDAR (CASE_TYPE, CALENDAR_ID) VALUES (?, " + CALENDAR_ID + ")",
                    type);
            update(c, "UPDATE CASE_SLA_RESOLUTION SET AMOUNT = 40, UNIT = 'm' WHERE PRIORITY = ?", "Urgent");
            return null;
        });
        try {
            long wait = Duration.between(Instant.now(), at).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            RecordRow created = admin(() -> records.create(CASE, RecordValues.builder().set("caseType", type)
                    .set("subject", "Due after the weekend " + RUN).set("priority", "Urgent").build()));
            RecordRow urgent = admin(() -> records.get(CASE, created.id())).orElseThrow();
            LocalDateTime createdAt = urgent.dateTime("createdAt").orElseThrow();
            LocalDateTime localCreated = createdAt.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
            assertEquals("created at 16:50 on the calendar's clocks", LocalTime.of(16, 50),
                    localCreated.toLocalTime().withSecond(0).withNano(0));
            LocalDateTime due = urgent.dateTime("slaDueAt").orElseThrow().atOffset(ZoneOffset.UTC)
                    .atZoneSameInstant(zone).toLocalDateTime();
            assertEquals("10 minutes today, none on the weekend and the holiday, 30 the morning after",
                    LocalDateTime.of(day.plusDays(4), LocalTime.of(9, 30)), due.withSecond(0).withNano(0));
            assertEquals(localCreated.getSecond(), due.getSecond());
            assertEquals("On track", urgent.text("slaState"));

            // waiting pauses the clock; back to work, the due time is there again (business time stood still: none)
            RecordRow waiting = admin(() -> records.update(CASE, urgent.id(), urgent.version(), RecordValues.builder()
                    .set("status", "Waiting on customer").build()));
            assertEquals("Paused", admin(() -> records.get(CASE, waiting.id())).orElseThrow().text("slaState"));
            RecordRow back = admin(() -> records.get(CASE, waiting.id())).orElseThrow();
            admin(() -> records.update(CASE, back.id(), back.version(), RecordValues.builder()
                    .set("status", "In progress").build()));
            RecordRow resumed = admin(() -> records.get(CASE, back.id())).orElseThrow();
            assertEquals("On track", resumed.text("slaState"));
            assertTrue("the due time does not move back", !resumed.dateTime("slaDueAt").orElseThrow()
                    .isBefore(urgent.dateTime("slaDueAt").orElseThrow()));

            // a new priority works the due time out again: High is 8 business hours, 10 minutes today and 7:50 then
            RecordRow high = admin(() -> records.update(CASE, resumed.id(), resumed.version(), RecordValues.builder()
                    .set("priority", "High").build()));
            LocalDateTime highDue = admin(() -> records.get(CASE, high.id())).orElseThrow().dateTime("slaDueAt")
                    .orElseThrow().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
            assertEquals(LocalDateTime.of(day.plusDays(4), LocalTime.of(16, 50)), highDue.withSecond(0).withNano(0));
        } finally {
            sql(c -> update(c, "DELETE FROM CASE_SLA_TYPE_CALENDAR WHERE CASE_TYPE = ?", type));
        }
    }

    @Test
    public void t2_aLateCaseEscalatesToTheManagerOnceEvenAfterARestart() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String manager = "slamgr" + RUN;
        String agent = "slaagent" + RUN;
        admin(() -> {
            ProfileInfo profile = security.saveProfile(new ProfileInfo(null, "SLA agents " + RUN, false,
                    Set.of("cases.view", "cases.create", "cases.edit")));
            RoleInfo top = security.saveRole(null, "SLA managers " + RUN, null);
            RoleInfo below = security.saveRole(null, "SLA agents " + RUN, top.id());
            security.createUser(new UserInput(manager, "Mia Manager", "", "", top.id(), profile.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
            security.createUser(new UserInput(agent, "Al Agent", "", "", below.id(), profile.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
            return null;
        });
        RecordRow late = admin(() -> records.create(CASE, RecordValues.builder().set("caseType", "Complaint")
                .set("subject", "Late " + RUN).set("priority", "Urgent").set("responsible", agent).build()));
        assertEquals(0, level(late.id()));
        // the case was opened a month ago: its 40 minutes are long gone
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE CASE_SLA_CLOCK SET STARTED_AT = ?, NEXT_CHECK_AT = ? "
                    + "WHERE CASE_ID = ?")) {
                ps.setTimestamp(1, utc(monthAgo));
                ps.setTimestamp(2, utc(monthAgo));
                ps.setLong(3, late.id());
                assertEquals(1, ps.executeUpdate());
            }
            return null;
        });

        sweep();
        assertEquals("one sweep escalates to the manager", 1, level(late.id()));
        RecordRow escalated = admin(() -> records.get(CASE, late.id())).orElseThrow();
        assertEquals("Breached", escalated.text("slaState"));
        assertEquals(List.of("SLA managers " + RUN + " -> " + manager), escalations(late.id()));
        assertEquals(1, historyOfEscalation(late.id()));
        assertEquals("the manager is notified once, linked to the case", 1, notified(manager, late.id()));
        assertEquals("the agent is not", 0, notified(agent, late.id()));

        sweep();
        forceCheck(late.id());
        sweep();
        assertEquals("swept again: still level 1", 1, level(late.id()));
        assertEquals(1, escalations(late.id()).size());
        assertEquals(1, historyOfEscalation(late.id()));

        Bundle bundle = bundle();
        bundle.stop();
        assertTrue("the SLA service left", eventually(() -> reference() == null));
        bundle.start();
        PaxExamSupport.newService(context, SLA_SERVICE);
        forceCheck(late.id());
        sweep();
        // the timer runs after the restart too (10 s after the sweep timer's start, then every minute)
        Thread.sleep(12_000);
        assertEquals("after a restart: still level 1", 1, level(late.id()));
        assertEquals(1, escalations(late.id()).size());
        assertEquals(1, historyOfEscalation(late.id()));
        assertEquals(1, notified(manager, late.id()));
    }

    @Test
    public void t3_theSweepByHandNeedsCasesConfigure() throws Exception {
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        String reader = "slareader" + RUN;
        admin(() -> {
            ProfileInfo profile = security.saveProfile(new ProfileInfo(null, "SLA readers " + RUN, false,
                    Set.of("cases.view")));
            security.createUser(new UserInput(reader, "Reader", "", "", null, profile.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
            return null;
        });
        Object service = PaxExamSupport.newService(context, SLA_SERVICE);
        Method sweepNow = service.getClass().getMethod("sweepNow");
        Throwable refused = null;
        try {
            callers.callAs(new Caller(reader), () -> PaxExamSupport.invoke(sweepNow, service));
        } catch (IllegalStateException e) {
            refused = e.getCause() instanceof InvocationTargetException target ? target.getCause() : e;
        }
        assertTrue("refused: " + refused, refused instanceof PermissionDeniedException);
    }

    @Test
    public void t4_theSlaSettingsOverRestAndAHolidayThatMovesAnOpenCase() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String secret = admin(() -> tokens.create("admin", new ApiTokenRequest("sla " + RUN, ApiTokenScope.READ_WRITE,
                Set.of(), Optional.empty()))).secret();
        String viewer = "slaviewer" + RUN;
        String viewerSecret = admin(() -> {
            ProfileInfo profile = security.saveProfile(new ProfileInfo(null, "SLA viewers " + RUN, false,
                    Set.of("cases.view")));
            security.createUser(new UserInput(viewer, "Viewer", "", "", null, profile.id(), Set.of()),
                    "Secret-pass-1".toCharArray());
            return tokens.create(viewer, new ApiTokenRequest("sla " + RUN, ApiTokenScope.READ_WRITE, Set.of(),
                    Optional.empty())).secret();
        });
        String base = "/api/v1/cases/sla/calendars";

        HttpResponse<String> bad = send(secret, "POST", base, "{\"name\":\"\",\"zone\":\"Mars/Olympus\","
                + "\"hours\":{\"funday\":\"09:00-17:00\",\"mon\":\"9 to 5\"},\"atRiskPercent\":0}");
        assertEquals(bad.body(), 422, bad.statusCode());
        for (String field : List.of("name", "zone", "hours.funday", "hours.mon", "atRiskPercent")) {
            assertTrue(bad.body(), bad.body().contains("\"field\":\"" + field + "\""));
        }
        assertTrue("no stack trace: " + bad.body(), !bad.body().contains("at org."));
        HttpResponse<String> refused = send(viewerSecret, "POST", base, always("Viewer's " + RUN, ""));
        assertEquals(refused.body(), 403, refused.statusCode());

        HttpResponse<String> made = send(secret, "POST", base, always("Always " + RUN, ""));
        assertEquals(made.body(), 201, made.statusCode());
        long id = Long.parseLong(made.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
        HttpResponse<String> read = send(viewerSecret, "GET", base + "/" + id, null);
        assertEquals(read.body(), 200, read.statusCode());
        assertTrue(read.body(), read.body().contains("\"sunday\":\"00:00-24:00\"")
                && read.body().contains("\"name\":\"Always " + RUN + "\""));
        assertTrue(send(secret, "GET", base, null).body().contains("\"id\":" + id + ","));
        HttpResponse<String> viewerChange = send(viewerSecret, "PUT", base + "/" + id, "{\"atRiskPercent\":50}");
        assertEquals(viewerChange.body(), 403, viewerChange.statusCode());

        String type = "Claim";
        HttpResponse<String> typed = send(secret, "PUT", "/api/v1/cases/sla/type-calendars/" + type,
                "{\"calendarId\":" + id + "}");
        assertEquals(typed.body(), 200, typed.statusCode());
        try {
            // an Urgent claim (40 minutes) on a calendar open day and night: due 40 minutes after its creation
            RecordRow open = admin(() -> records.create(CASE, RecordValues.builder().set("caseType", type)
                    .set("subject", "On the always-open calendar " + RUN).set("priority", "Urgent").build()));
            LocalDateTime created = admin(() -> records.get(CASE, open.id())).orElseThrow().dateTime("createdAt")
                    .orElseThrow();
            LocalDateTime due = dueOf(records, open.id());
            assertEquals(created.plusMinutes(40).withNano(0), due.withNano(0));
            // today (UTC) becomes a holiday: the 40 minutes start at midnight
            LocalDate today = created.toLocalDate();
            HttpResponse<String> holiday = send(secret, "PUT", base + "/" + id, "{\"holidays\":[{\"date\":\""
                    + today + "\",\"name\":\"Founders day\"}]}");
            assertEquals(holiday.body(), 200, holiday.statusCode());
            assertTrue(holiday.body(), holiday.body().contains("\"date\":\"" + today + "\""));
            assertEquals("the due time moved past the holiday", today.plusDays(1).atTime(0, 40),
                    dueOf(records, open.id()).withSecond(0).withNano(0));
            assertTrue("nothing left to recompute", send(secret, "GET", "/api/v1/cases/sla/recomputes", null).body()
                    .equals("{\"data\":[]}"));
            HttpResponse<String> used = send(secret, "DELETE", base + "/" + id, null);
            assertEquals("a calendar in use stays: " + used.body(), 422, used.statusCode());
        } finally {
            HttpResponse<String> back = send(secret, "PUT", "/api/v1/cases/sla/type-calendars/" + type,
                    "{\"calendarId\":null}");
            assertEquals(back.body(), 200, back.statusCode());
        }
        HttpResponse<String> spare = send(secret, "POST", base, always("Spare " + RUN, ""));
        long spareId = Long.parseLong(spare.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
        assertEquals(204, send(secret, "DELETE", base + "/" + spareId, null).statusCode());
        assertEquals(404, send(secret, "GET", base + "/" + spareId, null).statusCode());
    }

    @Test
    public void t5_aStatusWhoseKindBecomesWaitingPausesItsCasesAndTheyResumeWhenItIsOpenAgain() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        CustomFields fields = PaxExamSupport.waitFor(context, CustomFields.class);
        Cases cases = PaxExamSupport.waitFor(context, Cases.class);
        String parked = "Parked " + RUN;
        admin(() -> {
            List<PickListValue> statuses = new ArrayList<>(fields.pickList(CASE, "status"));
            statuses.add(PickListValue.of(parked));
            fields.savePickList(CASE, "status", statuses);
            return null;
        });
        // a calendar open day and night, so that the seconds the case stands still count
        long calendar = sql(c -> {
            long id = CALENDAR_ID + 1;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CASE_SLA_CALENDAR (ID, NAME, ZONE_ID, HOURS_MON, "
                    + "HOURS_TUE, HOURS_WED, HOURS_THU, HOURS_FRI, HOURS_SAT, HOURS_SUN, AT_RISK_PERCENT) VALUES (?, ?, "
                    + "'UTC', ?, ?, ?, ?, ?, ?, ?, 75)")) {
                ps.setLong(1, id);
                ps.setString(2, "Day and night " + RUN);
                for (int i = 0; i < 7; i++) {
                    ps.setString(3 + i, "00:00-24:00");
                }
                ps.executeUpdate();
            }
            update(c, "DELETE FROM CASE_SLA_TYPE_CALENDAR WHERE CASE_TYPE = ?", "Petition");
            update(c, "INSERT INTO CASE_SLA_TYPE_CALENDAR (CASE_TYPE, CALENDAR_ID) VALUES (?, " + id + ")", "Petition");
            return id;
        });
        try {
            RecordRow made = admin(() -> records.create(CASE, RecordValues.builder().set("caseType", "Petition")
                    .set("subject", "Parked " + RUN).set("priority", "Urgent").build()));
            RecordRow row = admin(() -> records.get(CASE, made.id())).orElseThrow();
            admin(() -> records.update(CASE, row.id(), row.version(), RecordValues.builder().set("status", parked)
                    .build()));
            assertEquals("a status without a kind is open", "On track", admin(() -> records.get(CASE, made.id()))
                    .orElseThrow().text("slaState"));
            LocalDateTime dueBefore = dueOf(records, made.id());

            admin(() -> {
                cases.setStatusKind(parked, StatusKind.WAITING);
                return null;
            });
            assertEquals("the case stands still as if it had moved into a waiting status", "Paused",
                    admin(() -> records.get(CASE, made.id())).orElseThrow().text("slaState"));
            Thread.sleep(2_500);
            admin(() -> {
                cases.setStatusKind(parked, StatusKind.OPEN);
                return null;
            });
            RecordRow resumed = admin(() -> records.get(CASE, made.id())).orElseThrow();
            assertEquals("On track", resumed.text("slaState"));
            LocalDateTime dueAfter = dueOf(records, made.id());
            assertTrue("the due time moved on by the seconds it stood still: " + dueBefore + " -> " + dueAfter,
                    !dueAfter.isBefore(dueBefore.plusSeconds(2)) && dueAfter.isBefore(dueBefore.plusSeconds(60)));
        } finally {
            sql(c -> update(c, "DELETE FROM CASE_SLA_TYPE_CALENDAR WHERE CASE_TYPE = ?", "Petition"));
        }
        assertTrue(calendar > 0);
    }

    @Test
    public void t6_aRecomputeLeftHalfDoneGoesOnWhenItsTimerRuns() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        CustomFields fields = PaxExamSupport.waitFor(context, CustomFields.class);
        Timers timers = PaxExamSupport.waitFor(context, Timers.class);
        String held = "Held " + RUN;
        admin(() -> {
            List<PickListValue> statuses = new ArrayList<>(fields.pickList(CASE, "status"));
            statuses.add(PickListValue.of(held));
            fields.savePickList(CASE, "status", statuses);
            return null;
        });
        RecordRow made = admin(() -> records.create(CASE, RecordValues.builder().set("caseType", "Complaint")
                .set("subject", "Held " + RUN).set("priority", "Normal").build()));
        RecordRow row = admin(() -> records.get(CASE, made.id())).orElseThrow();
        admin(() -> records.update(CASE, row.id(), row.version(), RecordValues.builder().set("status", held).build()));
        assertEquals("On track", admin(() -> records.get(CASE, made.id())).orElseThrow().text("slaState"));
        // the state a crash leaves: the kind changed and the recompute's row written, no batch run yet
        String key = "status:" + held;
        sql(c -> {
            update(c, "INSERT INTO CASE_STATUS_KIND (STATUS, KIND) VALUES (?, 'waiting')", held);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CASE_SLA_RECOMPUTE (SCOPE_KEY, AFTER_ID, "
                    + "REQUESTED_AT, DONE_COUNT) VALUES (?, 0, ?, 0)")) {
                ps.setString(1, key);
                ps.setTimestamp(2, utc(Instant.now()));
                ps.executeUpdate();
            }
            return null;
        });
        timers.schedule("cases.sla.recompute", key, Instant.now(), "");
        assertTrue("the timer worked the case out and ended the recompute", eventually(30, () -> {
            try {
                return "Paused".equals(admin(() -> records.get(CASE, made.id())).orElseThrow().text("slaState"))
                        && sql(c -> count(c, "SELECT COUNT(*) FROM CASE_SLA_RECOMPUTE WHERE SCOPE_KEY = ?", key)) == 0;
            } catch (Exception e) {
                return false;
            }
        }));
        assertTrue("the timer is done", eventually(10, () -> timers.find("cases.sla.recompute", key).isEmpty()));
    }

    /** @return a calendar body open day and night every day, with the holidays given (JSON array items) */
    private static String always(String name, String holidays) {
        StringBuilder hours = new StringBuilder();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            hours.append(hours.length() == 0 ? "" : ",").append("\"").append(day).append("\":\"00:00-24:00\"");
        }
        return "{\"name\":\"" + name + "\",\"zone\":\"UTC\",\"hours\":{" + hours + "},\"holidays\":[" + holidays
                + "],\"atRiskPercent\":75}";
    }

    private LocalDateTime dueOf(Records records, long caseId) {
        return admin(() -> records.get(CASE, caseId)).orElseThrow().dateTime("slaDueAt").orElseThrow();
    }

    private static HttpResponse<String> send(String secret, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int sweep() throws Exception {
        Object service = PaxExamSupport.newService(context, SLA_SERVICE);
        Method sweepNow = service.getClass().getMethod("sweepNow");
        return (Integer) callers.callAs(ADMIN, () -> PaxExamSupport.invoke(sweepNow, service));
    }

    private void forceCheck(long caseId) throws Exception {
        sql(c -> update(c, "UPDATE CASE_SLA_CLOCK SET NEXT_CHECK_AT = STARTED_AT WHERE CASE_ID = ?", caseId));
    }

    private int level(long caseId) throws Exception {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ESCALATION_LEVEL FROM CRM_CASE WHERE ID = ?")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private List<String> escalations(long caseId) throws Exception {
        return sql(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ROLE_NAME, USERS FROM CASE_SLA_ESCALATION WHERE CASE_ID = ? ORDER BY LEVEL_NO")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + " -> " + rs.getString(2));
                    }
                }
            }
            return rows;
        });
    }

    private long historyOfEscalation(long caseId) throws InterruptedException {
        AuditTrail audit = PaxExamSupport.waitFor(context, AuditTrail.class);
        List<AuditEntry> history = admin(() -> audit.history(CASE, caseId));
        return history.stream().filter(e -> e.changes().stream().anyMatch(f -> f.field().equals("escalatedTo")
                && f.newValue() != null && f.newValue().startsWith("Level 1 to SLA managers " + RUN))).count();
    }

    /** @return how many notifications of the case's level-1 escalation the user has */
    private long notified(String username, long caseId) throws InterruptedException {
        Notifications notifications = PaxExamSupport.waitFor(context, Notifications.class);
        return callers.callAs(new Caller(username), () -> notifications.mine(Notifications.MAX_LIST)).stream()
                .filter(n -> n.source().equals("cases.escalation:" + caseId + ":1") && n.recordType().equals(CASE)
                        && n.recordId() == caseId && n.title().contains("Late " + RUN))
                .count();
    }

    private Bundle bundle() {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(BUNDLE)) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + BUNDLE);
    }

    private ServiceReference<?> reference() {
        return context.getServiceReference(SLA_SERVICE);
    }

    private static Timestamp utc(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static long count(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int update(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            return ps.executeUpdate();
        }
    }

    /** Work on the CRM database, committed. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(Work<T> work) throws Exception {
        ServiceReference<DataSource> ref = context.getServiceReferences(DataSource.class,
                "(osgi.jndi.service.name=crm)").iterator().next();
        DataSource dataSource = context.getService(ref);
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            c.setAutoCommit(auto);
            return result;
        } finally {
            context.ungetService(ref);
        }
    }


    private <T> T admin(Supplier<T> work) {
        return callers.callAs(ADMIN, work);
    }
}
