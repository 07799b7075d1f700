package org.tesseracrm.automation.internal.approval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.automation.api.ApprovalDecision;
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;
import org.tesseracrm.automation.api.ApprovalStep;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The SQL of approval processes and requests (changelog {@code automation-approvals.yaml}). The processes are read
 * often (the record platform's lock and gate checks on every change of a record of their types): they are kept in
 * memory, read again after a save or delete in this bundle.
 */
final class ApprovalStore {
    static final IdGenerator IDS = new IdGenerator("AUTO_APPROVAL_ID_GEN", "GEN_NAME", "GEN_VALUE", "APPROVAL");

    private static final String PROCESS_COLUMNS = "ID, NAME, RECORD_TYPE, CRITERIA, STEPS, GATE_FIELD, GATE_VALUES, "
            + "ACTIVE, VERSION";
    private static final String REQUEST_COLUMNS = "ID, PROCESS_ID, PROCESS_NAME, RECORD_TYPE, RECORD_ID, SUBMITTER, "
            + "SUBMIT_COMMENT, STATUS, STEP, STEPS, APPROVERS, SUBMITTED_AT, DECIDED_AT";

    private static volatile List<ApprovalProcess> cached;

    private ApprovalStore() {
    }

    /**
     * Forgets the processes kept in memory: after a change, and again after it commits (a read meanwhile may have
     * kept the old ones).
     */
    static void forget() {
        cached = null;
    }

    /**
     * @param c a connection
     * @return every process, by name (from memory once read)
     * @throws SQLException if the database fails
     */
    static List<ApprovalProcess> processes(Connection c) throws SQLException {
        List<ApprovalProcess> found = cached;
        if (found != null) {
            return found;
        }
        List<ApprovalProcess> read = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PROCESS_COLUMNS
                + " FROM AUTO_APPROVAL_PROCESS ORDER BY NAME"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                read.add(new ApprovalProcess(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Conditions.criteria(rs.getString(4)), steps(rs.getString(5)), rs.getString(6),
                        Packed.split(rs.getString(7), Packed.VALUES), rs.getBoolean(8), rs.getLong(9)));
            }
        }
        found = List.copyOf(read);
        cached = found;
        return found;
    }

    /**
     * @param c a connection
     * @param recordType a record type id
     * @return its processes, by name
     * @throws SQLException if the database fails
     */
    static List<ApprovalProcess> processes(Connection c, String recordType) throws SQLException {
        return processes(c).stream().filter(p -> p.recordType().equals(recordType)).toList();
    }

    /**
     * @param c a connection
     * @param id a process id
     * @return the process
     * @throws SQLException if the database fails
     */
    static Optional<ApprovalProcess> process(Connection c, long id) throws SQLException {
        return processes(c).stream().filter(p -> p.id() == id).findFirst();
    }

    /**
     * @param c a connection
     * @param process the process, checked; id 0 for a new one
     * @return the process as saved, at its new version
     * @throws SQLException if the database fails
     * @throws ConflictException if the process changed since the version read
     */
    static ApprovalProcess save(Connection c, ApprovalProcess process) throws SQLException {
        forget();
        long id = process.id();
        String sql = id == 0 ? "INSERT INTO AUTO_APPROVAL_PROCESS (NAME, RECORD_TYPE, CRITERIA, STEPS, GATE_FIELD, "
                + "GATE_VALUES, ACTIVE, VERSION, ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE AUTO_APPROVAL_PROCESS SET NAME = ?, RECORD_TYPE = ?, CRITERIA = ?, STEPS = ?, GATE_FIELD = ?, "
                        + "GATE_VALUES = ?, ACTIVE = ?, VERSION = ? WHERE ID = ? AND VERSION = ?";
        if (id == 0) {
            id = ModuleSql.reserveIds(c, IDS, 1);
        }
        long version = process.version() + 1;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, process.name());
            ps.setString(2, process.recordType());
            ps.setString(3, Conditions.encode(process.criteria()));
            ps.setString(4, steps(process.steps()));
            ps.setString(5, process.gateField());
            ps.setString(6, Packed.join(process.gateValues(), Packed.VALUES));
            ps.setBoolean(7, process.active());
            ps.setLong(8, version);
            ps.setLong(9, id);
            if (process.id() != 0) {
                ps.setLong(10, process.version());
            }
            if (ps.executeUpdate() != 1) {
                throw new ConflictException("Someone changed the approval process \"" + process.name()
                        + "\" since you opened it: open it again");
            }
        }
        forget();
        return new ApprovalProcess(id, process.name(), process.recordType(), process.criteria(), process.steps(),
                process.gateField(), process.gateValues(), process.active(), version);
    }

    /**
     * @param c a connection
     * @param id a process id
     * @return whether it was there
     * @throws SQLException if the database fails
     */
    static boolean delete(Connection c, long id) throws SQLException {
        forget();
        try (PreparedStatement decisions = c.prepareStatement("DELETE FROM AUTO_APPROVAL_DECISION WHERE REQUEST_ID IN "
                + "(SELECT ID FROM AUTO_APPROVAL_REQUEST WHERE PROCESS_ID = ?)");
                PreparedStatement requests = c.prepareStatement("DELETE FROM AUTO_APPROVAL_REQUEST WHERE PROCESS_ID = ?");
                PreparedStatement process = c.prepareStatement("DELETE FROM AUTO_APPROVAL_PROCESS WHERE ID = ?")) {
            decisions.setLong(1, id);
            decisions.executeUpdate();
            requests.setLong(1, id);
            requests.executeUpdate();
            process.setLong(1, id);
            boolean there = process.executeUpdate() == 1;
            forget();
            return there;
        }
    }

    /**
     * @param c a connection
     * @param recordType a record type id
     * @param recordId a record id
     * @return the record's requests, newest first, with their decisions
     * @throws SQLException if the database fails
     */
    static List<ApprovalRequest> requests(Connection c, String recordType, long recordId) throws SQLException {
        return requests(c, "RECORD_TYPE = ? AND RECORD_ID = ? ORDER BY ID DESC", List.of(recordType, recordId), 200);
    }

    /**
     * @param c a connection
     * @param recordType a record type id
     * @param recordId a record id
     * @return the record's pending request, if any (the lock check: one indexed read)
     * @throws SQLException if the database fails
     */
    static Optional<ApprovalRequest> pending(Connection c, String recordType, long recordId) throws SQLException {
        return requests(c, "RECORD_TYPE = ? AND RECORD_ID = ? AND STATUS = 'PENDING'", List.of(recordType, recordId),
                1).stream().findFirst();
    }

    /**
     * @param c a connection
     * @param recordType a record type id
     * @return the type's pending requests, oldest first (at most 2,000)
     * @throws SQLException if the database fails
     */
    static List<ApprovalRequest> pending(Connection c, String recordType) throws SQLException {
        return requests(c, "RECORD_TYPE = ? AND STATUS = 'PENDING' ORDER BY ID", List.of(recordType), 2000);
    }

    /**
     * @param c a connection
     * @param processId a process id
     * @param recordType a record type id
     * @param recordId a record id
     * @return the status of the record's newest request of that process, if any
     * @throws SQLException if the database fails
     */
    static Optional<ApprovalRequest.Status> latest(Connection c, long processId, String recordType, long recordId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS FROM AUTO_APPROVAL_REQUEST WHERE RECORD_TYPE = ? "
                + "AND RECORD_ID = ? AND PROCESS_ID = ? ORDER BY ID DESC")) {
            ps.setMaxRows(1);
            ps.setString(1, recordType);
            ps.setLong(2, recordId);
            ps.setLong(3, processId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ApprovalRequest.Status.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * @param c a connection
     * @param request the new request (id ignored)
     * @return its id
     * @throws SQLException if the database fails
     */
    static long insert(Connection c, ApprovalRequest request) throws SQLException {
        long id = ModuleSql.reserveIds(c, IDS, 1);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO AUTO_APPROVAL_REQUEST (" + REQUEST_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, request.processId());
            ps.setString(3, request.processName());
            ps.setString(4, request.recordType());
            ps.setLong(5, request.recordId());
            ps.setString(6, request.submitter());
            ps.setString(7, request.comment());
            ps.setString(8, request.status().name());
            ps.setInt(9, request.step());
            ps.setString(10, steps(request.steps()));
            ps.setString(11, Packed.join(request.approvers(), Packed.VALUES));
            ps.setTimestamp(12, Timestamp.from(request.submittedAt()));
            ps.setTimestamp(13, null);
            ps.executeUpdate();
        }
        return id;
    }

    /**
     * Writes a decision and where the request goes, if it is still pending at the step decided.
     *
     * @param c a connection
     * @param request the request as it was read (pending)
     * @param decision the decision
     * @param next where it goes
     * @param approvers who decides the next step; empty once decided
     * @return whether it was written (false: someone decided it meanwhile)
     * @throws SQLException if the database fails
     */
    static boolean decide(Connection c, ApprovalRequest request, ApprovalDecision decision, ApprovalFlow.Next next,
            List<String> approvers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE AUTO_APPROVAL_REQUEST SET STATUS = ?, STEP = ?, "
                + "APPROVERS = ?, DECIDED_AT = ? WHERE ID = ? AND STATUS = 'PENDING' AND STEP = ?")) {
            ps.setString(1, next.status().name());
            ps.setInt(2, next.step());
            ps.setString(3, Packed.join(approvers, Packed.VALUES));
            ps.setTimestamp(4, next.status() == ApprovalRequest.Status.PENDING ? null : Timestamp.from(decision.at()));
            ps.setLong(5, request.id());
            ps.setInt(6, request.step());
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO AUTO_APPROVAL_DECISION (REQUEST_ID, STEP, APPROVER, "
                + "APPROVED, DECISION_COMMENT, DECIDED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, request.id());
            ps.setInt(2, decision.step());
            ps.setString(3, decision.approver());
            ps.setBoolean(4, decision.approved());
            ps.setString(5, decision.comment());
            ps.setTimestamp(6, Timestamp.from(decision.at()));
            ps.executeUpdate();
        }
        return true;
    }

    /**
     * @param c a connection
     * @param recordType a record type id
     * @param recordId a record id
     * @throws SQLException if the database fails
     */
    static void deleteOf(Connection c, String recordType, long recordId) throws SQLException {
        try (PreparedStatement decisions = c.prepareStatement("DELETE FROM AUTO_APPROVAL_DECISION WHERE REQUEST_ID IN "
                + "(SELECT ID FROM AUTO_APPROVAL_REQUEST WHERE RECORD_TYPE = ? AND RECORD_ID = ?)");
                PreparedStatement requests = c.prepareStatement("DELETE FROM AUTO_APPROVAL_REQUEST WHERE "
                        + "RECORD_TYPE = ? AND RECORD_ID = ?")) {
            for (PreparedStatement ps : List.of(decisions, requests)) {
                ps.setString(1, recordType);
                ps.setLong(2, recordId);
                ps.executeUpdate();
            }
        }
    }

    /**
     * @param steps steps
     * @return them as text
     */
    static String steps(List<ApprovalStep> steps) {
        return Packed.join(steps.stream().map(s -> Packed.join(List.of(s.approver().name(), s.user()), Packed.FIELDS))
                .toList(), Packed.ROWS);
    }

    /**
     * @param text what {@link #steps(List)} made
     * @return the steps
     */
    static List<ApprovalStep> steps(String text) {
        return Packed.split(text, Packed.ROWS).stream().map(row -> Packed.split(row, Packed.FIELDS))
                .map(f -> new ApprovalStep(ApprovalStep.Approver.valueOf(Packed.field(f, 0)), Packed.field(f, 1)))
                .toList();
    }

    private static List<ApprovalRequest> requests(Connection c, String where, List<?> params, int limit)
            throws SQLException {
        Map<Long, ApprovalRequest> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + REQUEST_COLUMNS + " FROM AUTO_APPROVAL_REQUEST WHERE "
                + where)) {
            ps.setMaxRows(limit);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp decided = rs.getTimestamp(13);
                    found.put(rs.getLong(1), new ApprovalRequest(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                            ApprovalRequest.Status.valueOf(rs.getString(8)), rs.getInt(9), steps(rs.getString(10)),
                            Packed.split(rs.getString(11), Packed.VALUES), rs.getTimestamp(12).toInstant(),
                            Optional.ofNullable(decided).map(Timestamp::toInstant), List.of()));
                }
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ApprovalDecision>> decisions = new LinkedHashMap<>();
        String ids = String.join(", ", found.keySet().stream().map(String::valueOf).toList());
        try (PreparedStatement ps = c.prepareStatement("SELECT REQUEST_ID, STEP, APPROVER, APPROVED, DECISION_COMMENT, "
                + "DECIDED_AT FROM AUTO_APPROVAL_DECISION WHERE REQUEST_ID IN (" + ids + ") ORDER BY REQUEST_ID, STEP");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                decisions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ApprovalDecision(rs.getInt(2),
                        rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
            }
        }
        return found.values().stream().map(r -> decisions.containsKey(r.id()) ? withDecisions(r, decisions.get(r.id()))
                : r).toList();
    }

    private static ApprovalRequest withDecisions(ApprovalRequest r, List<ApprovalDecision> decisions) {
        return new ApprovalRequest(r.id(), r.processId(), r.processName(), r.recordType(), r.recordId(), r.submitter(),
                r.comment(), r.status(), r.step(), r.steps(), r.approvers(), r.submittedAt(), r.decidedAt(),
                decisions);
    }
}
