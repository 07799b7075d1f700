package org.tesseracrm.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.cases.internal.sla.BusinessCalendar;
import org.tesseracrm.cases.internal.sla.EscalationRule;
import org.tesseracrm.cases.internal.sla.EscalationTargets;
import org.tesseracrm.cases.internal.sla.Resolution;
import org.tesseracrm.cases.internal.sla.SlaClock;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.UserInfo;

/**
 * The cases of the SLA benchmark (issue 21 item 9): open cases with SLA clocks on the cases module's schema, written
 * with JDBC batches (fixed seed) as the module would have left them at {@link #LAST}, the sweep run before the
 * measured one. Every clock, due time, state, escalation level and next check is worked out with the module's own
 * SLA code ({@code BusinessCalendar}, {@code SlaClock}, {@code EscalationRule}, {@code EscalationTargets}) over the
 * settings its changelog seeds (the Default calendar Monday to Friday 09:00-17:00 UTC, at risk from 75 %; Urgent
 * 40 min, High 8 h, Normal 2 d, Low 5 d; the rule "any case at due, every 240 business minutes, up to level 2"), the
 * same way {@code SlaEngine.store} does. Only the case's start is chosen: so many business minutes before
 * {@link #LAST}, or before the instant of its next event for the cases due in the measured sweep window
 * ({@code (LAST, NOW]}).
 */
final class Cases {
    /** The measured sweep runs at this instant: a Wednesday, 11:00 UTC, within business hours. */
    static final Instant NOW = Instant.parse("2026-12-02T11:00:00Z");
    /** The sweep before, one timer period earlier: the data is as it left it. */
    static final Instant LAST = NOW.minusSeconds(60);
    /** Users user1..user50: user1 the director, user2-user5 the regional managers, the others reps. */
    static final int USERS = 50;
    private static final String[] SUBJECTS = {"Late delivery", "Invoice does not match the order", "Refund request",
        "Damaged on arrival", "Cannot sign in to the portal", "Wrong item sent", "Warranty repair",
        "Request for a copy of the contract", "Complaint about the call centre", "Suggestion: weekend opening hours",
        "Change of billing address", "Installation appointment", "Service outage", "Duplicate charge",
        "Product information request"};
    private static final String[] CHANNELS = {"Phone", "E-mail", "Web", "Chat", "In person", "WhatsApp"};

    private final BusinessCalendar calendar;
    private final long calendarId;
    private final int atRiskPercent;
    private final Map<String, Duration> allowed = new LinkedHashMap<>();
    private final EscalationRule rule;
    private final EscalationTargets targets = new EscalationTargets(roles(), users());

    /** Reads the settings the cases changelog seeded (calendar, resolution times, the escalation rule). */
    Cases(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID, ZONE_ID, HOURS_MON, "
                + "HOURS_TUE, HOURS_WED, HOURS_THU, HOURS_FRI, HOURS_SAT, HOURS_SUN, AT_RISK_PERCENT FROM "
                + "CASE_SLA_CALENDAR WHERE NAME = 'Default'")) {
            rs.next();
            Map<java.time.DayOfWeek, List<BusinessCalendar.Span>> week = new java.util.EnumMap<>(java.time.DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                week.put(java.time.DayOfWeek.of(i + 1), BusinessCalendar.parseHours(rs.getString(3 + i)));
            }
            calendarId = rs.getLong(1);
            calendar = new BusinessCalendar(BusinessCalendar.DEFAULT, java.time.ZoneId.of(rs.getString(2)), week,
                    java.util.Set.of());
            atRiskPercent = rs.getInt(10);
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT PRIORITY, AMOUNT, UNIT FROM CASE_SLA_RESOLUTION")) {
            while (rs.next()) {
                allowed.put(rs.getString(1), Resolution.parse(rs.getInt(2) + rs.getString(3)).businessTime(calendar));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID, POSITION, CASE_TYPE, "
                + "PRIORITY, TRIGGER_KIND, AMOUNT, REPEAT_MINUTES, MAX_LEVEL FROM CASE_SLA_RULE ORDER BY POSITION, ID")) {
            rs.next();
            rule = new EscalationRule(rs.getLong(1), rs.getInt(2), Optional.of(rs.getString(3)),
                    Optional.of(rs.getString(4)), EscalationRule.Trigger.parse(rs.getString(5)), rs.getInt(6),
                    rs.getInt(7), rs.getInt(8));
        }
        c.commit();
    }

    /** Director (1: user1) over Region 1-4 (2-5: user2-user5), each over Reps 1-4 (6-9: user6-user50). */
    static List<RoleInfo> roles() {
        List<RoleInfo> roles = new ArrayList<>();
        roles.add(new RoleInfo(1, "Director", null));
        for (int region = 1; region <= 4; region++) {
            roles.add(new RoleInfo(1 + region, "Region " + region, 1L));
            roles.add(new RoleInfo(5 + region, "Reps " + region, 1L + region));
        }
        return roles;
    }

    /** @return user1..user50 in the roles of {@link #roles}, all active */
    static List<UserInfo> users() {
        List<UserInfo> users = new ArrayList<>();
        for (int u = 1; u <= USERS; u++) {
            long role = u == 1 ? 1 : u <= 5 ? u : 6 + (u - 6) % 4;
            users.add(new UserInfo(u, "user" + u, "User " + u, "user" + u + "@example.com", "", role, null,
                    java.util.Set.of(), true, false));
        }
        return users;
    }

    /** What kind of case is generated; the shares are of all cases. */
    enum Kind {
        /** Running, before 75 % of its time. */
        ON_TRACK,
        /** Running, past 75 %, before due. */
        AT_RISK,
        /** Running, past due (escalated to level 1 or 2 as the rule says). */
        BREACHED,
        /** Waiting on the customer since before its due time. */
        PAUSED,
        /** Waiting on the customer since after its due time: still Breached. */
        BREACHED_WAITING,
        /** Due in the measured sweep window: reaches 75 % there (becomes At risk). */
        DUE_AT_RISK,
        /** Due in the window: reaches its due time there (Breached, escalated to level 1). */
        DUE_BREACH,
        /** Due in the window: level 2 there (240 business minutes after due). */
        DUE_LEVEL_2
    }

    /**
     * Writes the cases with their clocks and the escalations already reached, and the numbering state.
     *
     * @param count how many cases
     * @return how many of each kind were written
     */
    Map<Kind, Integer> fill(Connection c, int count) throws SQLException {
        Random random = new Random(21);
        Map<Kind, Integer> kinds = new java.util.EnumMap<>(Kind.class);
        Map<String, Integer> numbers = new HashMap<>();
        String[] types = {CaseFields.PETITION, CaseFields.COMPLAINT, CaseFields.CLAIM, CaseFields.SUGGESTION};
        String[] prefixes = {"PET", "QUE", "REC", "SUG"};
        try (PreparedStatement cs = c.prepareStatement("INSERT INTO CRM_CASE (ID, CASE_TYPE, CASE_NUMBER, NUMBER_KEY, "
                + "SUBJECT, STATUS, PRIORITY, CHANNEL, RESPONSIBLE, OWNER, CONTACT_ID, COMPANY_ID, DESCRIPTION, "
                + "SLA_DUE_AT, SLA_STATE, ESCALATION_LEVEL, CREATED_AT, UPDATED_AT, VERSION) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)");
                PreparedStatement clock = c.prepareStatement("INSERT INTO CASE_SLA_CLOCK (CASE_ID, CALENDAR_ID, "
                        + "STARTED_AT, ALLOWED_SECONDS, PAUSED_SECONDS, PAUSED_SINCE, NEXT_CHECK_AT) "
                        + "VALUES (?,?,?,?,?,?,?)");
                PreparedStatement escalation = c.prepareStatement("INSERT INTO CASE_SLA_ESCALATION (CASE_ID, "
                        + "LEVEL_NO, ESCALATED_AT, ROLE_NAME, USERS) VALUES (?,?,?,?,?)")) {
            for (int id = 1; id <= count; id++) {
                Kind kind = kind(id, random);
                kinds.merge(kind, 1, Integer::sum);
                int t = pick(random, 40, 25, 25, 10);
                String priority = List.of(CaseFields.URGENT, CaseFields.HIGH, CaseFields.NORMAL, CaseFields.LOW)
                        .get(pick(random, 5, 20, 60, 15));
                Duration time = allowed.get(priority);
                // the responsible is a rep (none on 10 %: the owner, then a rep, answers for it); the owner anyone
                int rep = 6 + random.nextInt(USERS - 5);
                String responsible = random.nextInt(10) == 0 ? "" : "user" + rep;
                String owner = responsible.isEmpty() ? "user" + rep : "user" + (1 + random.nextInt(USERS));
                boolean waiting = kind == Kind.PAUSED || kind == Kind.BREACHED_WAITING;
                Optional<Instant> pausedSince = Optional.empty();
                Instant start;
                switch (kind) {
                    case ON_TRACK -> start = before(LAST, share(time, 2 + random.nextInt(69))); // 2-70 %
                    case AT_RISK -> start = before(LAST, share(time, 76 + random.nextInt(20))); // 76-95 %
                    case BREACHED -> {
                        // up to 3 business days late; not within minutes of level 2 (that would be due now)
                        int late = 1 + random.nextInt(3 * 480);
                        start = before(LAST, time.plusMinutes(late >= rule.repeatMinutes() - 3
                                && late <= rule.repeatMinutes() ? late + 5 : late));
                    }
                    case PAUSED, BREACHED_WAITING -> {
                        Instant since = before(LAST, Duration.ofMinutes(10 + random.nextInt(2 * 480)));
                        pausedSince = Optional.of(since);
                        start = before(since, kind == Kind.PAUSED ? share(time, 10 + random.nextInt(80))
                                : time.plusMinutes(1 + random.nextInt(480)));
                    }
                    default -> {
                        // the event falls within the sweep window (LAST, NOW]
                        Instant event = LAST.plusSeconds(1 + random.nextInt(60));
                        Duration used = switch (kind) {
                            case DUE_AT_RISK -> time.multipliedBy(atRiskPercent).dividedBy(100);
                            case DUE_BREACH -> time;
                            default -> time.plusMinutes((long) rule.repeatMinutes());
                        };
                        start = before(event, used);
                    }
                }
                SlaClock sla = SlaClock.start(calendar, start, time);
                if (pausedSince.isPresent()) {
                    sla = sla.pause(pausedSince.get());
                }
                StatusKind statusKind = waiting ? StatusKind.WAITING : StatusKind.OPEN;
                String state = sla.state(calendar, statusKind, LAST, atRiskPercent);
                // the levels the sweeps before reached: those whose time came while the clock ran, up to LAST
                Instant until = pausedSince.orElse(LAST);
                int level = 0;
                while (level < rule.maxLevel() && !rule.firesAt(calendar, sla, level + 1).isAfter(until)) {
                    level++;
                }
                // as SlaEngine.store: the next state change or the next level, whichever comes first
                Optional<Instant> next = sla.nextStateChange(calendar, LAST, atRiskPercent);
                if (!waiting && level < rule.maxLevel()) {
                    Instant escalates = rule.firesAt(calendar, sla, level + 1);
                    if (next.isEmpty() || escalates.isBefore(next.get())) {
                        next = Optional.of(escalates);
                    }
                }
                String status = waiting ? CaseFields.WAITING_ON_CUSTOMER
                        : random.nextInt(10) < 4 ? CaseFields.NEW : CaseFields.IN_PROGRESS;
                String number = String.format("%s-%06d", prefixes[t], numbers.merge(prefixes[t], 1, Integer::sum));
                cs.setLong(1, id);
                cs.setString(2, types[t]);
                cs.setString(3, number);
                cs.setString(4, number);
                cs.setString(5, SUBJECTS[random.nextInt(SUBJECTS.length)] + (random.nextInt(7) == 0
                        ? " – Ñandú Comercial" : ""));
                cs.setString(6, status);
                cs.setString(7, priority);
                cs.setString(8, CHANNELS[random.nextInt(CHANNELS.length)]);
                cs.setString(9, responsible);
                cs.setString(10, owner);
                setId(cs, 11, random.nextInt(10) < 8 ? 1 + random.nextInt(1_000_000) : 0);
                setId(cs, 12, random.nextInt(10) < 6 ? 1 + random.nextInt(50_000) : 0);
                cs.setString(13, "The customer wrote on " + LocalDate.ofInstant(start, ZoneOffset.UTC) + " about "
                        + "case " + number + ". Order " + (100_000 + random.nextInt(900_000)) + "; please call back "
                        + "before the end of the day and note the outcome in the case.");
                cs.setTimestamp(14, timestamp(sla.dueAt()));
                cs.setString(15, state);
                if (level == 0) {
                    cs.setNull(16, Types.DECIMAL);
                } else {
                    cs.setInt(16, level);
                }
                cs.setTimestamp(17, timestamp(start));
                cs.setTimestamp(18, timestamp(pausedSince.orElse(start)));
                cs.addBatch();
                clock.setLong(1, id);
                clock.setLong(2, calendarId);
                clock.setTimestamp(3, timestamp(start));
                clock.setLong(4, time.toSeconds());
                clock.setLong(5, 0);
                setInstant(clock, 6, pausedSince);
                setInstant(clock, 7, waiting ? Optional.empty() : next);
                clock.addBatch();
                for (int l = 1; l <= level; l++) {
                    EscalationTargets.Target to = targets.of(responsible.isEmpty() ? owner : responsible, l)
                            .orElseThrow();
                    escalation.setLong(1, id);
                    escalation.setInt(2, l);
                    escalation.setTimestamp(3, timestamp(rule.firesAt(calendar, sla, l)));
                    escalation.setString(4, to.role().name());
                    escalation.setString(5, String.join(", ", to.users()));
                    escalation.addBatch();
                }
                if (id % DataGenerator.BATCH == 0 || id == count) {
                    cs.executeBatch();
                    clock.executeBatch();
                    escalation.executeBatch();
                    c.commit();
                }
                if (id % 50_000 == 0) {
                    System.out.printf("  %,d cases written%n", id);
                }
            }
        }
        try (PreparedStatement seq = c.prepareStatement("INSERT INTO CASE_NUMBER_SEQ (PREFIX, LAST_NUMBER) VALUES (?, ?)");
                PreparedStatement ids = c.prepareStatement("UPDATE CASES_ID_GEN SET GEN_VALUE = ? WHERE GEN_NAME = 'CASE'")) {
            for (Map.Entry<String, Integer> e : numbers.entrySet()) {
                seq.setString(1, e.getKey());
                seq.setLong(2, e.getValue());
                seq.addBatch();
            }
            seq.executeBatch();
            ids.setLong(1, count);
            ids.executeUpdate();
        }
        c.commit();
        return kinds;
    }

    /** 1 % of the cases (every hundredth) are due in the sweep window; the others drawn by their shares. */
    private static Kind kind(int id, Random random) {
        if (id % 100 == 50) {
            return List.of(Kind.DUE_AT_RISK, Kind.DUE_BREACH, Kind.DUE_BREACH, Kind.DUE_AT_RISK, Kind.DUE_LEVEL_2)
                    .get(id / 100 % 5);
        }
        // of the other 99 %: 18 % breached while running, 2 % breached then waiting, 12 % at risk, 12 % paused
        return List.of(Kind.BREACHED, Kind.BREACHED_WAITING, Kind.AT_RISK, Kind.PAUSED, Kind.ON_TRACK)
                .get(pick(random, 180, 20, 120, 120, 550));
    }

    private static int pick(Random random, int... weights) {
        int r = random.nextInt(java.util.Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Duration share(Duration time, int percent) {
        return time.multipliedBy(percent).dividedBy(100);
    }

    /**
     * Business time backwards, the counterpart of {@code BusinessCalendar.plus} over its own intervals.
     *
     * @return the instant from which {@code amount} of business time has passed at {@code to}
     */
    Instant before(Instant to, Duration amount) {
        Duration left = amount;
        LocalDate date = to.atZone(calendar.zone()).toLocalDate().plusDays(1);
        for (int i = 0; i < 3660; i++, date = date.minusDays(1)) {
            List<Instant[]> intervals = calendar.intervals(date);
            for (int k = intervals.size() - 1; k >= 0; k--) {
                Instant open = intervals.get(k)[0];
                if (!open.isBefore(to)) {
                    continue;
                }
                Instant end = intervals.get(k)[1].isAfter(to) ? to : intervals.get(k)[1];
                Duration span = Duration.between(open, end);
                if (span.compareTo(left) >= 0) {
                    return end.minus(left);
                }
                left = left.minus(span);
            }
        }
        throw new IllegalStateException("No business hours before " + to);
    }

    private static void setId(PreparedStatement ps, int index, long id) throws SQLException {
        if (id == 0) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, id);
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Optional<Instant> at) throws SQLException {
        if (at.isPresent()) {
            ps.setTimestamp(index, timestamp(at.get()));
        } else {
            ps.setNull(index, Types.TIMESTAMP);
        }
    }

    /** As the module stores instants: UTC wall time. */
    static Timestamp timestamp(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
