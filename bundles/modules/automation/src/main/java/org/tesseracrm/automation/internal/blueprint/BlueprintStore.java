package org.tesseracrm.automation.internal.blueprint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.tesseracrm.automation.api.Blueprint;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.automation.internal.approval.Packed;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The SQL of blueprints (changelog {@code automation-blueprints.yaml}). They are read on every change of a record
 * (the record platform's check), so they are kept in memory, read again after a save or delete in this bundle.
 */
final class BlueprintStore {
    static final IdGenerator IDS = new IdGenerator("AUTO_BLUEPRINT_ID_GEN", "GEN_NAME", "GEN_VALUE", "BLUEPRINT");

    private static volatile List<Blueprint> cached;

    private BlueprintStore() {
    }

    /** Forgets the blueprints kept in memory: after a change commits (a read meanwhile may have kept the old ones). */
    static void forget() {
        cached = null;
    }

    /**
     * @param c a connection
     * @return every blueprint, by name (from memory once read)
     * @throws SQLException if the database fails
     */
    static List<Blueprint> all(Connection c) throws SQLException {
        List<Blueprint> found = cached;
        if (found != null) {
            return found;
        }
        List<Blueprint> read = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, NAME, RECORD_TYPE, FIELD_NAME, STATES, TRANSITIONS, "
                + "ACTIVE, VERSION FROM AUTO_BLUEPRINT ORDER BY NAME"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                read.add(new Blueprint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Packed.split(rs.getString(5), Packed.ROWS), transitions(rs.getString(6)), rs.getBoolean(7),
                        rs.getLong(8)));
            }
        }
        found = List.copyOf(read);
        cached = found;
        return found;
    }

    /**
     * @param c a connection
     * @param recordType a record type id
     * @return its active blueprints
     * @throws SQLException if the database fails
     */
    static List<Blueprint> active(Connection c, String recordType) throws SQLException {
        return all(c).stream().filter(b -> b.active() && b.recordType().equals(recordType)).toList();
    }

    /**
     * @param c a connection
     * @param id a blueprint id
     * @return it
     * @throws SQLException if the database fails
     */
    static Optional<Blueprint> find(Connection c, long id) throws SQLException {
        return all(c).stream().filter(b -> b.id() == id).findFirst();
    }

    /**
     * @param c a connection
     * @param blueprint checked; id 0 for a new one
     * @return it as saved, at its new version
     * @throws SQLException if the database fails
     * @throws ConflictException if it changed since the version read
     */
    static Blueprint save(Connection c, Blueprint blueprint) throws SQLException {
        cached = null;
        long id = blueprint.id();
        String sql = id == 0 ? "INSERT INTO AUTO_BLUEPRINT (NAME, RECORD_TYPE, FIELD_NAME, STATES, TRANSITIONS, ACTIVE, "
                + "VERSION, ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE AUTO_BLUEPRINT SET NAME = ?, RECORD_TYPE = ?, FIELD_NAME = ?, STATES = ?, TRANSITIONS = ?, "
                        + "ACTIVE = ?, VERSION = ? WHERE ID = ? AND VERSION = ?";
        if (id == 0) {
            id = ModuleSql.reserveIds(c, IDS, 1);
        }
        long version = blueprint.version() + 1;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, blueprint.name());
            ps.setString(2, blueprint.recordType());
            ps.setString(3, blueprint.field());
            ps.setString(4, Packed.join(blueprint.states(), Packed.ROWS));
            ps.setString(5, transitions(blueprint.transitions()));
            ps.setBoolean(6, blueprint.active());
            ps.setLong(7, version);
            ps.setLong(8, id);
            if (blueprint.id() != 0) {
                ps.setLong(9, blueprint.version());
            }
            if (ps.executeUpdate() != 1) {
                throw new ConflictException("Someone changed the blueprint \"" + blueprint.name()
                        + "\" since you opened it: open it again");
            }
        }
        cached = null;
        return new Blueprint(id, blueprint.name(), blueprint.recordType(), blueprint.field(), blueprint.states(),
                blueprint.transitions(), blueprint.active(), version);
    }

    /**
     * @param c a connection
     * @param id a blueprint id
     * @return whether it was there
     * @throws SQLException if the database fails
     */
    static boolean delete(Connection c, long id) throws SQLException {
        cached = null;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM AUTO_BLUEPRINT WHERE ID = ?")) {
            ps.setLong(1, id);
            boolean there = ps.executeUpdate() == 1;
            cached = null;
            return there;
        }
    }

    /**
     * @param transitions transitions
     * @return them as text: one row each (name, from, to, users, roles, groups, required fields)
     */
    static String transitions(List<Transition> transitions) {
        return Packed.join(transitions.stream().map(t -> Packed.join(List.of(t.name(), t.from(), t.to(),
                values(t.users()), values(t.roles()), values(t.groups()),
                Packed.join(t.requiredFields(), Packed.VALUES)), Packed.FIELDS)).toList(), Packed.ROWS);
    }

    /**
     * @param text what {@link #transitions(List)} made
     * @return the transitions
     */
    static List<Transition> transitions(String text) {
        return Packed.split(text, Packed.ROWS).stream().map(row -> Packed.split(row, Packed.FIELDS))
                .map(f -> new Transition(Packed.field(f, 0), Packed.field(f, 1), Packed.field(f, 2),
                        Set.copyOf(Packed.split(Packed.field(f, 3), Packed.VALUES)),
                        Set.copyOf(Packed.split(Packed.field(f, 4), Packed.VALUES)),
                        Set.copyOf(Packed.split(Packed.field(f, 5), Packed.VALUES)),
                        Packed.split(Packed.field(f, 6), Packed.VALUES)))
                .toList();
    }

    private static String values(Set<String> values) {
        return Packed.join(List.copyOf(new TreeSet<>(values)), Packed.VALUES);
    }
}
