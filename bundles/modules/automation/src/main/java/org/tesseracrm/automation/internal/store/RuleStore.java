package org.tesseracrm.automation.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.automation.api.RuleVersion;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The engine's SQL on the tables of automation-rules.yaml, run on the connection of the transaction it belongs to
 * (a record change, a timer, a service call). Every value is bound. Instants are stored as UTC timestamps, as the
 * record platform stores date-times.
 */
public final class RuleStore {
    /** Ids of rules. */
    public static final IdGenerator RULE_IDS = new IdGenerator("AUTOMATION_ID_GEN", "GEN_NAME", "GEN_VALUE", "RULE");
    /** Ids of runs. */
    public static final IdGenerator RUN_IDS = new IdGenerator("AUTOMATION_ID_GEN", "GEN_NAME", "GEN_VALUE", "RUN");
    /** The longest rule name. */
    public static final int MAX_NAME = 200;
    /** The longest run or step message; longer ones are cut. */
    public static final int MAX_MESSAGE = 2000;
    /** The longest trigger details as JSON. */
    public static final int MAX_DETAILS = 4000;
    private static final String DUPLICATE = "23505";
    private static final String RUN_COLUMNS = "ID, RULE_ID, RULE_VERSION, RECORD_TYPE, RECORD_ID, TRIGGER_ID, ACTOR, "
            + "DETAILS, DEPTH, STATUS, STARTED_AT, FINISHED_AT, MESSAGE";

    private RuleStore() {
    }

    // ---- rules

    /**
     * @param c the transaction's connection
     * @param rule a new rule with its id, at version 1
     * @param by who saves it
     * @param at when
     * @throws SQLException if the database fails
     */
    public static void insertRule(Connection c, Rule rule, String by, Instant at) throws SQLException {
        update(c, "INSERT INTO AUTOMATION_RULE (ID, NAME, RECORD_TYPE, TRIGGER_ID, ACTIVE, CURRENT_VERSION, SAVED_BY, "
                + "SAVED_AT, CHANGED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rule.id(), rule.name(), rule.recordType(),
                rule.trigger(), rule.active(), rule.version(), by, utc(at), utc(at));
        insertVersion(c, rule, by, at);
    }

    /**
     * Makes {@code rule} the current version of its rule, if the current version is still {@code rule.version() - 1}.
     *
     * @param c the transaction's connection
     * @param rule the rule at its new version
     * @param by who saves it
     * @param at when
     * @return whether the rule was at the version before (false: someone saved it since, or it is gone)
     * @throws SQLException if the database fails
     */
    public static boolean updateRule(Connection c, Rule rule, String by, Instant at) throws SQLException {
        int changed = update(c, "UPDATE AUTOMATION_RULE SET NAME = ?, RECORD_TYPE = ?, TRIGGER_ID = ?, ACTIVE = ?, "
                + "CURRENT_VERSION = ?, SAVED_BY = ?, SAVED_AT = ?, CHANGED_AT = ? "
                + "WHERE ID = ? AND CURRENT_VERSION = ?",
                rule.name(), rule.recordType(), rule.trigger(), rule.active(), rule.version(), by, utc(at), utc(at),
                rule.id(), rule.version() - 1);
        if (changed == 1) {
            insertVersion(c, rule, by, at);
        }
        return changed == 1;
    }

    private static void insertVersion(Connection c, Rule rule, String by, Instant at) throws SQLException {
        update(c, "INSERT INTO AUTOMATION_RULE_VERSION (RULE_ID, VERSION, DEFINITION, SAVED_BY, SAVED_AT) "
                + "VALUES (?, ?, ?, ?, ?)", rule.id(), rule.version(), RuleJson.write(rule), by, utc(at));
    }

    /**
     * @param c the transaction's connection
     * @param id a rule's id
     * @param active whether it runs
     * @param at when
     * @return whether there is such a rule
     * @throws SQLException if the database fails
     */
    public static boolean setActive(Connection c, long id, boolean active, Instant at) throws SQLException {
        return update(c, "UPDATE AUTOMATION_RULE SET ACTIVE = ?, CHANGED_AT = ? WHERE ID = ?", active, utc(at),
                id) == 1;
    }

    /**
     * Deletes a rule, its versions, its runs with their steps and its once-per-record marks.
     *
     * @param c the transaction's connection
     * @param id a rule's id
     * @return whether there was such a rule
     * @throws SQLException if the database fails
     */
    public static boolean deleteRule(Connection c, long id) throws SQLException {
        update(c, "DELETE FROM AUTOMATION_RUN_STEP WHERE RUN_ID IN (SELECT ID FROM AUTOMATION_RUN WHERE RULE_ID = ?)",
                id);
        update(c, "DELETE FROM AUTOMATION_RUN WHERE RULE_ID = ?", id);
        update(c, "DELETE FROM AUTOMATION_RULE_RECORD WHERE RULE_ID = ?", id);
        update(c, "DELETE FROM AUTOMATION_RULE_VERSION WHERE RULE_ID = ?", id);
        return update(c, "DELETE FROM AUTOMATION_RULE WHERE ID = ?", id) == 1;
    }

    /**
     * @param c the transaction's connection
     * @return every rule at its current version, by name
     * @throws SQLException if the database fails
     */
    public static List<StoredRule> rules(Connection c) throws SQLException {
        return rules(c, "", List.of());
    }

    /**
     * @param c the transaction's connection
     * @param id a rule's id
     * @return the rule at its current version
     * @throws SQLException if the database fails
     */
    public static Optional<StoredRule> rule(Connection c, long id) throws SQLException {
        return rules(c, " WHERE R.ID = ?", List.of(id)).stream().findFirst();
    }

    private static List<StoredRule> rules(Connection c, String where, List<?> params) throws SQLException {
        List<StoredRule> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT R.ID, R.CURRENT_VERSION, R.ACTIVE, V.DEFINITION, "
                + "R.SAVED_BY, R.SAVED_AT FROM AUTOMATION_RULE R JOIN AUTOMATION_RULE_VERSION V ON V.RULE_ID = R.ID "
                + "AND V.VERSION = R.CURRENT_VERSION" + where + " ORDER BY R.NAME, R.ID")) {
            ModuleSql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new StoredRule(RuleJson.read(rs.getLong(1), rs.getInt(2), rs.getBoolean(3),
                            rs.getString(4)), rs.getString(5), instant(rs.getTimestamp(6))));
                }
            }
        }
        return found;
    }

    /**
     * @param c the transaction's connection
     * @param id a rule's id
     * @param active whether the rule is switched on now (versions carry no switch of their own)
     * @return every saved version, newest first
     * @throws SQLException if the database fails
     */
    public static List<RuleVersion> versions(Connection c, long id, boolean active) throws SQLException {
        List<RuleVersion> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION, DEFINITION, SAVED_BY, SAVED_AT FROM "
                + "AUTOMATION_RULE_VERSION WHERE RULE_ID = ? ORDER BY VERSION DESC")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new RuleVersion(RuleJson.read(id, rs.getInt(1), active, rs.getString(2)),
                            rs.getString(3), instant(rs.getTimestamp(4))));
                }
            }
        }
        return found;
    }

    /**
     * @param c the transaction's connection
     * @param id a rule's id
     * @param version one of its versions
     * @return the rule as that version was saved, with whether the rule is switched on now; empty if the rule or the
     *     version is gone
     * @throws SQLException if the database fails
     */
    public static Optional<Rule> version(Connection c, long id, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT R.ACTIVE, V.DEFINITION FROM AUTOMATION_RULE R JOIN "
                + "AUTOMATION_RULE_VERSION V ON V.RULE_ID = R.ID WHERE R.ID = ? AND V.VERSION = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RuleJson.read(id, version, rs.getBoolean(1), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * @param c the transaction's connection
     * @return what changes whenever a rule is saved, switched or deleted on any node: how many rules there are and
     *     the last change, as text
     * @throws SQLException if the database fails
     */
    public static String stamp(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(CHANGED_AT) FROM AUTOMATION_RULE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getTimestamp(2);
        }
    }

    // ---- runs

    /**
     * @param c the transaction's connection
     * @param run a new run
     * @throws SQLException if the database fails
     */
    public static void insertRun(Connection c, StoredRun run) throws SQLException {
        update(c, "INSERT INTO AUTOMATION_RUN (" + RUN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.id(), run.ruleId(), run.ruleVersion(), run.recordType(), run.recordId(), run.trigger(),
                cut(run.actor(), 100), RuleJson.writeDetails(run.details()), run.depth(), run.status().name(),
                utc(run.startedAt()), run.finishedAt().map(RuleStore::utc).orElse(null), cut(run.message(),
                        MAX_MESSAGE));
    }

    /**
     * @param c the transaction's connection
     * @param id a run's id
     * @param status where it is now
     * @param finishedAt when it ended, or empty while it goes on
     * @param message why it stopped, failed or waits; "" for none
     * @throws SQLException if the database fails
     */
    public static void updateRun(Connection c, long id, RuleRun.Status status, Optional<Instant> finishedAt,
            String message) throws SQLException {
        update(c, "UPDATE AUTOMATION_RUN SET STATUS = ?, FINISHED_AT = ?, MESSAGE = ? WHERE ID = ?", status.name(),
                finishedAt.map(RuleStore::utc).orElse(null), cut(message, MAX_MESSAGE), id);
    }

    /**
     * @param c the transaction's connection
     * @param id a run's id
     * @return the run
     * @throws SQLException if the database fails
     */
    public static Optional<StoredRun> run(Connection c, long id) throws SQLException {
        return runs(c, "SELECT " + RUN_COLUMNS + " FROM AUTOMATION_RUN WHERE ID = ?", List.of(id), 1).stream()
                .findFirst();
    }

    /**
     * @param c the transaction's connection
     * @param status a status
     * @param limit the most returned
     * @return the ids of the runs in it, oldest first
     * @throws SQLException if the database fails
     */
    public static List<Long> runIds(Connection c, RuleRun.Status status, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM AUTOMATION_RUN WHERE STATUS = ? ORDER BY ID")) {
            ps.setMaxRows(limit);
            ps.setString(1, status.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * @param c the transaction's connection
     * @param ruleId a rule
     * @param limit the most returned
     * @return its runs, newest first, with their steps
     * @throws SQLException if the database fails
     */
    public static List<RuleRun> runLog(Connection c, long ruleId, int limit) throws SQLException {
        List<StoredRun> runs = runs(c, "SELECT " + RUN_COLUMNS + " FROM AUTOMATION_RUN WHERE RULE_ID = ? "
                + "ORDER BY ID DESC", List.of(ruleId), limit);
        Map<Long, List<RuleRun.Step>> steps = new LinkedHashMap<>();
        if (!runs.isEmpty()) {
            List<Object> ids = new ArrayList<>();
            runs.forEach(r -> ids.add(r.id()));
            try (PreparedStatement ps = c.prepareStatement("SELECT RUN_ID, POSITION, ACTION_ID, OUTCOME, MESSAGE, "
                    + "DONE_AT FROM AUTOMATION_RUN_STEP WHERE RUN_ID IN (" + ModuleSql.placeholders(ids.size())
                    + ") ORDER BY RUN_ID, POSITION")) {
                ModuleSql.bind(ps, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RuleRun.Step(
                                rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                instant(rs.getTimestamp(6))));
                    }
                }
            }
        }
        return runs.stream().map(r -> new RuleRun(r.id(), r.ruleId(), r.ruleVersion(), r.recordType(), r.recordId(),
                r.trigger(), r.depth(), r.status(), r.startedAt(), r.finishedAt(), r.message(),
                steps.getOrDefault(r.id(), List.of()))).toList();
    }

    private static List<StoredRun> runs(Connection c, String sql, List<?> params, int limit) throws SQLException {
        List<StoredRun> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(limit);
            ModuleSql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp finished = rs.getTimestamp(12);
                    found.add(new StoredRun(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), rs.getString(7), RuleJson.readDetails(rs.getString(8)),
                            rs.getInt(9), RuleRun.Status.valueOf(rs.getString(10)), instant(rs.getTimestamp(11)),
                            Optional.ofNullable(finished).map(RuleStore::instant), rs.getString(13)));
                }
            }
        }
        return found;
    }

    /**
     * @param c the transaction's connection
     * @param runId a run
     * @param position the action's place in the rule, from 1
     * @param action the action's id
     * @param outcome DONE, SKIPPED or FAILED
     * @param message what it said
     * @param at when
     * @throws SQLException if the database fails
     */
    public static void insertStep(Connection c, long runId, int position, String action, String outcome,
            String message, Instant at) throws SQLException {
        update(c, "INSERT INTO AUTOMATION_RUN_STEP (RUN_ID, POSITION, ACTION_ID, OUTCOME, MESSAGE, DONE_AT) VALUES "
                + "(?, ?, ?, ?, ?, ?)", runId, position, action, outcome, cut(message, MAX_MESSAGE), utc(at));
    }

    /**
     * @param c the transaction's connection
     * @param runId a run
     * @return the position of its last logged step, 0 for none (the steps up to it never run again)
     * @throws SQLException if the database fails
     */
    public static int lastStep(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(POSITION) FROM AUTOMATION_RUN_STEP WHERE RUN_ID = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    // ---- once per record

    /**
     * Notes that a rule that runs once per record runs for a record, unless it did before.
     *
     * @param c the transaction's connection
     * @param ruleId the rule
     * @param recordType the record's type
     * @param recordId the record's id
     * @return true if this is the first time (noted now), false if the rule ran for the record before
     * @throws SQLException if the database fails
     */
    public static boolean markOnce(Connection c, long ruleId, String recordType, long recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM AUTOMATION_RULE_RECORD WHERE RULE_ID = ? AND "
                + "RECORD_TYPE = ? AND RECORD_ID = ?")) {
            ModuleSql.bind(ps, List.of(ruleId, recordType, recordId));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        Savepoint before = c.setSavepoint();
        try {
            update(c, "INSERT INTO AUTOMATION_RULE_RECORD (RULE_ID, RECORD_TYPE, RECORD_ID) VALUES (?, ?, ?)", ruleId,
                    recordType, recordId);
        } catch (SQLException e) {
            if (!DUPLICATE.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before); // another change of the record noted it first
            return false;
        }
        c.releaseSavepoint(before);
        return true;
    }

    // ---- helpers

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ModuleSql.bind(ps, Arrays.asList(params));
            return ps.executeUpdate();
        }
    }

    private static Timestamp utc(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp at) {
        return at.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
