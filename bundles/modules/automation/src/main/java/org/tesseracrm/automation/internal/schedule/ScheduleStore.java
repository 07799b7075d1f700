package org.tesseracrm.automation.internal.schedule;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.automation.api.Schedule;
import org.tesseracrm.automation.api.ScheduleRun;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;

/** The schedules' SQL. Instants are UTC timestamps. */
final class ScheduleStore {
    private static final IdGenerator SCHEDULE_IDS = new IdGenerator("AUTOMATION_SCHEDULE_ID_GEN", "GEN_NAME",
            "GEN_VALUE", "SCHEDULE");
    private static final IdGenerator RUN_IDS = new IdGenerator("AUTOMATION_SCHEDULE_ID_GEN", "GEN_NAME", "GEN_VALUE",
            "RUN");
    private static final String COLUMNS = "NAME, RECORD_TYPE, VIEW_OWNER, VIEW_NAME, CONDITIONS, FREQUENCY, "
            + "RUN_DATE, RUN_TIME, DAY_OF_WEEK, DAY_OF_MONTH, ZONE_ID, ACTIONS, ACTIVE, NEXT_RUN, ID";

    private ScheduleStore() {
    }

    /** @return the schedules, by name, or the one with the id when {@code id > 0} */
    static List<Schedule> read(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM AUTOMATION_SCHEDULE"
                + (id > 0 ? " WHERE ID = ?" : "") + " ORDER BY NAME, ID")) {
            if (id > 0) {
                s.setLong(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Schedule> schedules = new ArrayList<>();
                while (rs.next()) {
                    Date date = rs.getDate(7);
                    String day = rs.getString(9);
                    Timestamp next = rs.getTimestamp(14);
                    schedules.add(new Schedule(rs.getLong(15), rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), Conditions.filters(rs.getString(5)),
                            Schedule.Frequency.valueOf(rs.getString(6)),
                            Optional.ofNullable(date).map(Date::toLocalDate), LocalTime.parse(rs.getString(8)),
                            Optional.ofNullable(day).map(DayOfWeek::valueOf), rs.getInt(10), ZoneId.of(rs.getString(11)),
                            actions(rs.getString(12)), rs.getBoolean(13),
                            Optional.ofNullable(next).map(t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC))));
                }
                return schedules;
            }
        }
    }

    /** @return the schedule's id, new for a new one; -1 if the one to change is not there */
    static long save(Connection c, Schedule schedule) throws SQLException {
        boolean insert = schedule.id() == 0;
        long id = insert ? ModuleSql.reserveIds(c, SCHEDULE_IDS, 1) : schedule.id();
        try (PreparedStatement s = c.prepareStatement(insert
                ? "INSERT INTO AUTOMATION_SCHEDULE (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE AUTOMATION_SCHEDULE SET NAME = ?, RECORD_TYPE = ?, VIEW_OWNER = ?, VIEW_NAME = ?, "
                        + "CONDITIONS = ?, FREQUENCY = ?, RUN_DATE = ?, RUN_TIME = ?, DAY_OF_WEEK = ?, DAY_OF_MONTH = ?, "
                        + "ZONE_ID = ?, ACTIONS = ?, ACTIVE = ?, NEXT_RUN = ? WHERE ID = ?")) {
            ModuleSql.bind(s, java.util.Arrays.asList(schedule.name(), schedule.recordType(), schedule.viewOwner(),
                    schedule.viewName(), Conditions.encode(schedule.conditions()), schedule.frequency().name(),
                    schedule.date().map(Date::valueOf).orElse(null), schedule.time().toString(),
                    schedule.dayOfWeek().map(DayOfWeek::name).orElse(null), schedule.dayOfMonth(),
                    schedule.zone().getId(), encode(schedule.actions()), schedule.active(),
                    schedule.nextRun().map(ScheduleStore::timestamp).orElse(null), id));
            return s.executeUpdate() == 1 ? id : -1;
        }
    }

    /** Sets when a schedule runs next (null: not again). */
    static void setNextRun(Connection c, long id, Instant next) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE AUTOMATION_SCHEDULE SET NEXT_RUN = ? WHERE ID = ?")) {
            s.setTimestamp(1, next == null ? null : timestamp(next));
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /** @return whether there was such a schedule; its runs go with it */
    static boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM AUTOMATION_SCHEDULE_RUN WHERE SCHEDULE_ID = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM AUTOMATION_SCHEDULE WHERE ID = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Logs a run. @return it with its id */
    static ScheduleRun log(Connection c, ScheduleRun run) throws SQLException {
        long id = ModuleSql.reserveIds(c, RUN_IDS, 1);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO AUTOMATION_SCHEDULE_RUN (ID, SCHEDULE_ID, "
                + "STARTED_AT, FINISHED_AT, RECORDS, DONE, SKIPPED, FAILED, MESSAGE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            String message = run.message().length() > 1000 ? run.message().substring(0, 1000) : run.message();
            ModuleSql.bind(s, List.of(id, run.scheduleId(), timestamp(run.startedAt()), timestamp(run.finishedAt()),
                    run.records(), run.done(), run.skipped(), run.failed(), message));
            s.executeUpdate();
        }
        return new ScheduleRun(id, run.scheduleId(), run.startedAt(), run.finishedAt(), run.records(), run.done(),
                run.skipped(), run.failed(), run.message());
    }

    /** @return a schedule's runs, newest first */
    static List<ScheduleRun> runs(Connection c, long scheduleId, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ID, STARTED_AT, FINISHED_AT, RECORDS, DONE, SKIPPED, "
                + "FAILED, MESSAGE FROM AUTOMATION_SCHEDULE_RUN WHERE SCHEDULE_ID = ? ORDER BY ID DESC")) {
            s.setLong(1, scheduleId);
            s.setMaxRows(limit);
            try (ResultSet rs = s.executeQuery()) {
                List<ScheduleRun> runs = new ArrayList<>();
                while (rs.next()) {
                    runs.add(new ScheduleRun(rs.getLong(1), scheduleId, instant(rs.getTimestamp(2)),
                            instant(rs.getTimestamp(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                            rs.getString(8)));
                }
                return runs;
            }
        }
    }

    /** @return the actions as text: one a line, the action's id then its settings' names and values */
    static String encode(List<RuleAction> actions) {
        List<String> lines = new ArrayList<>();
        for (RuleAction action : actions) {
            List<String> parts = new ArrayList<>();
            parts.add(action.action());
            action.config().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                parts.add(e.getKey());
                parts.add(e.getValue());
            });
            lines.add(Conditions.join(parts));
        }
        return String.join("\n", lines);
    }

    /** @return the actions read back from {@link #encode} */
    static List<RuleAction> actions(String text) {
        List<RuleAction> actions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return actions;
        }
        for (String line : text.split("\n")) {
            List<String> parts = Conditions.split(line);
            Map<String, String> config = new HashMap<>();
            for (int i = 1; i + 1 < parts.size(); i += 2) {
                config.put(parts.get(i), parts.get(i + 1));
            }
            actions.add(RuleAction.of(parts.get(0), config));
        }
        return actions;
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
