package org.tesseracrm.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.tesseracrm.benchmarks.ListBenchmark.Timing;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordGroup;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseKind;

/**
 * The opportunities of the sales-pipeline benchmark (issue 19 item 6): generated over the loaded contacts and
 * companies, then the board opened as the kit's {@code RecordBoard} opens it (grouped by phase, count and the sums
 * of amount and expected amount per column, then the first 50 cards of each column in the default order) and a
 * move through the opportunities module's {@code OpportunityPhases.move}.
 */
final class Opportunities {
    static final String TYPE = "opportunity";
    static final String PHASE = "phase";
    static final List<String> SUMS = List.of("amount", "expectedAmount");
    /** The phase the benchmark adds to the module's seven seeded ones, after "Needs analysis", for 8 phases. */
    static final String EIGHTH = "Decision makers";
    /** Share of the opportunities in each phase, in board order (per mille): early phases hold most. */
    private static final int[] SHARE = {280, 200, 140, 100, 80, 50, 70, 80};
    private static final String[] DEALS = {"Licences", "Renewal", "Support plan", "Upgrade", "Pilot", "Consulting",
        "Expansion", "Training", "Integration", "Hardware"};
    private static final String[] SOURCES = {"Web", "Referral", "Campaign", "Trade show", "Cold call", "Partner",
        "Other"};
    private static final String[] ROLES = {"Decision maker", "Champion", "Buyer", "Evaluator", "Influencer"};
    private static final String[] LOST = {"Price", "Competitor", "No budget", "No decision", "Timing"};
    private static final String[] NEXT = {"Send proposal", "Demo", "Call back", "Meet the buyer", "Contract review",
        ""};
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final int CARDS = 50;

    private Opportunities() {
    }

    /**
     * Gives the module 8 phases: the seeded 7 and {@link #EIGHTH} (50 %), through its service, which keeps the
     * phase pick-list in step.
     *
     * @return the phases in board order
     */
    static List<Phase> eightPhases(Pipeline admin) {
        List<Phase> phases = admin.phases().phases();
        if (phases.stream().noneMatch(p -> p.name().equals(EIGHTH))) {
            Phase added = admin.phases().add(EIGHTH, 50, PhaseKind.OPEN);
            List<Long> order = new ArrayList<>();
            for (Phase p : phases) {
                order.add(p.id());
                if (p.name().equals("Needs analysis")) {
                    order.add(added.id());
                }
            }
            admin.phases().reorder(order);
        }
        return admin.phases().phases();
    }

    /**
     * Writes {@code count} opportunities with JDBC batches (fixed seed): each for a random loaded contact, owned by
     * that contact's owner (so spread over the same 50 users), for the contact's company, the contact linked in
     * a role; phases skewed to the early ones ({@link #SHARE}); amounts log-normal around 13,000 (500 to 2 M),
     * expected amount = amount x the phase's probability as the module computes it; closed ones closing in the
     * past year, open ones in the next; a lost reason on lost ones; and the phase history each has passed
     * through (one entry per phase entered, about 3 per opportunity).
     *
     * @return the number of phase history entries written
     */
    static long fill(Connection connection, List<Phase> phases, int count) throws SQLException {
        Random random = new Random(19);
        String[] companyNames = companyNames(connection);
        int contacts = count(connection, "CRM_CONTACT");
        String[] owners = new String[contacts + 1];
        long[] companies = new long[contacts + 1];
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, OWNER, COMPANY_ID FROM CRM_CONTACT")) {
            while (rs.next()) {
                int id = (int) rs.getLong(1);
                owners[id] = rs.getString(2).intern();
                companies[id] = rs.getLong(3);
            }
        }
        List<Phase> open = phases.stream().filter(p -> p.kind() == PhaseKind.OPEN).toList();
        LocalDateTime epoch = LocalDateTime.of(2024, 1, 1, 0, 0);
        long history = 0;
        try (PreparedStatement opp = connection.prepareStatement("INSERT INTO CRM_OPPORTUNITY (ID, NAME, COMPANY_ID, "
                + "AMOUNT, CURRENCY, PHASE, EXPECTED_AMOUNT, CLOSE_DATE, LEAD_SOURCE, NEXT_STEP, LOST_REASON, OWNER, "
                + "CREATED_AT, UPDATED_AT, VERSION) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)");
                PreparedStatement entry = connection.prepareStatement("INSERT INTO OPP_PHASE_HISTORY (ID, "
                        + "OPPORTUNITY_ID, FROM_PHASE, TO_PHASE, CHANGED_BY, CHANGED_AT) VALUES (?,?,?,?,?,?)");
                PreparedStatement role = connection.prepareStatement("INSERT INTO OPP_CONTACT (OPPORTUNITY_ID, "
                        + "CONTACT_ID, CONTACT_ROLE) VALUES (?,?,?)")) {
            for (int id = 1; id <= count; id++) {
                int contact;
                do {
                    contact = 1 + random.nextInt(contacts);
                } while (owners[contact] == null);
                Phase phase = phases.get(pick(random));
                BigDecimal amount = BigDecimal.valueOf(Math.min(2_000_000, Math.max(500,
                        Math.exp(9.5 + random.nextGaussian())))).setScale(2, RoundingMode.HALF_UP);
                LocalDateTime created = epoch.plusMinutes(random.nextInt(1_000_000));
                boolean closed = phase.kind() != PhaseKind.OPEN;
                LocalDate close = closed ? TODAY.minusDays(1 + random.nextInt(365)) : TODAY.plusDays(random.nextInt(365));
                opp.setLong(1, id);
                opp.setString(2, companyNames[(int) companies[contact]] + " - " + DEALS[random.nextInt(DEALS.length)]);
                opp.setLong(3, companies[contact]);
                opp.setBigDecimal(4, amount);
                opp.setString(5, random.nextInt(10) < 8 ? "EUR" : "USD");
                opp.setString(6, phase.name());
                opp.setBigDecimal(7, amount.multiply(BigDecimal.valueOf(phase.probability()))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                opp.setDate(8, Date.valueOf(close));
                opp.setString(9, SOURCES[random.nextInt(SOURCES.length)]);
                opp.setString(10, closed ? "" : NEXT[random.nextInt(NEXT.length)]);
                opp.setString(11, phase.kind() == PhaseKind.LOST ? LOST[random.nextInt(LOST.length)] : "");
                opp.setString(12, owners[contact]);
                opp.setTimestamp(13, Timestamp.valueOf(created));
                // the path through the phases: the open ones up to this one; won after the last open one,
                // lost after a random open one
                List<String> path = new ArrayList<>();
                int reached = switch (phase.kind()) {
                    case OPEN -> open.indexOf(phase);
                    case WON -> open.size() - 1;
                    case LOST -> random.nextInt(open.size());
                };
                for (int i = 0; i <= reached; i++) {
                    path.add(open.get(i).name());
                }
                if (closed) {
                    path.add(phase.name());
                }
                LocalDateTime at = created;
                String from = "";
                for (String to : path) {
                    entry.setLong(1, ++history);
                    entry.setLong(2, id);
                    entry.setString(3, from);
                    entry.setString(4, to);
                    entry.setString(5, owners[contact]);
                    entry.setTimestamp(6, Timestamp.valueOf(at));
                    entry.addBatch();
                    from = to;
                    at = at.plusHours(1 + random.nextInt(24 * 20));
                }
                opp.setTimestamp(14, Timestamp.valueOf(at));
                opp.addBatch();
                role.setLong(1, id);
                role.setLong(2, contact);
                role.setString(3, ROLES[random.nextInt(ROLES.length)]);
                role.addBatch();
                if (id % DataGenerator.BATCH == 0 || id == count) {
                    opp.executeBatch();
                    entry.executeBatch();
                    role.executeBatch();
                    connection.commit();
                }
                if (id % 50_000 == 0) {
                    System.out.printf("  %,d opportunities written%n", id);
                }
            }
        }
        try (PreparedStatement ids = connection.prepareStatement("UPDATE OPPORTUNITIES_ID_GEN SET GEN_VALUE = ? "
                + "WHERE GEN_NAME = ?")) {
            ids.setLong(1, count);
            ids.setString(2, "OPPORTUNITY");
            ids.addBatch();
            ids.setLong(1, history);
            ids.setString(2, "HISTORY");
            ids.addBatch();
            ids.executeBatch();
        }
        connection.commit();
        return history;
    }

    private static int pick(Random random) {
        int r = random.nextInt(1000);
        for (int i = 0; i < SHARE.length; i++) {
            r -= SHARE[i];
            if (r < 0) {
                return i;
            }
        }
        return SHARE.length - 1;
    }

    private static String[] companyNames(Connection connection) throws SQLException {
        String[] names = new String[count(connection, "CRM_COMPANY") + 1];
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT ID, NAME FROM CRM_COMPANY")) {
            while (rs.next()) {
                names[(int) rs.getLong(1)] = rs.getString(2);
            }
        }
        return names;
    }

    static int count(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } finally {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    /**
     * @return the Markdown table of the timings, also printed as they come: the board by phase for all owners, a
     *     manager seeing 10 of 50 owners and a rep seeing their own, each also split into the grouped read and the
     *     column pages; then a move
     */
    static String times(String db, Connection connection, Pipeline admin, Pipeline manager, Pipeline rep, int runs)
            throws SQLException {
        StringBuilder table = new StringBuilder("| Board of opportunities by phase (8 columns) | median ms | min ms "
                + "| max ms | cards |\n|---|---:|---:|---:|---:|\n");
        RecordQuery query = RecordQuery.page(0, CARDS);
        for (Object[] who : new Object[][] {{"all owners", admin}, {"a manager, 10 of 50 owners", manager},
            {"a rep, own records (1 of 50 owners)", rep}}) {
            Records records = ((Pipeline) who[1]).records();
            Boards.row(table, db, who[0] + ": open (counts, both sums, first 50 cards of each column)",
                    ListBenchmark.time(runs, () -> open(records, query)));
            Boards.row(table, db, who[0] + ": of which the grouped read (counts, sums)", ListBenchmark.time(runs,
                    () -> records.groups(TYPE, query, PHASE, SUMS).size()));
            List<RecordGroup> groups = records.groups(TYPE, query, PHASE, SUMS);
            Boards.row(table, db, who[0] + ": of which the 8 column pages", ListBenchmark.time(runs,
                    () -> pages(records, query, groups)));
        }
        table.append(move(db, connection, admin, runs));
        return table.append('\n').toString();
    }

    /** Times moves of one open card between two phases through OpportunityPhases.move and checks what it wrote. */
    private static String move(String db, Connection connection, Pipeline admin, int runs) throws SQLException {
        String a = "Qualification";
        String b = "Needs analysis";
        RecordRow[] card = {admin.records().page(TYPE, RecordQuery.page(0, 1).withFilters(List.of(
                Records.groupFilter(PHASE, Optional.of(a))))).get(0)};
        long historyBefore = historyOf(connection, card[0].id());
        int[] run = {0};
        Timing timing = ListBenchmark.time(runs, () -> {
            String to = run[0]++ % 2 == 0 ? b : a;
            card[0] = admin.phases().move(card[0].id(), card[0].version(), to, null);
            return 1;
        });
        int moves = run[0];
        long written = historyOf(connection, card[0].id()) - historyBefore;
        BigDecimal expected = card[0].decimal("amount").orElseThrow().multiply(BigDecimal.valueOf(
                card[0].text(PHASE).equals(a) ? 20 : 40)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        if (written != moves || card[0].decimal("expectedAmount").orElseThrow().compareTo(expected) != 0) {
            throw new IllegalStateException("The move did not go through the module's lifecycle: " + written
                    + " history entries for " + moves + " moves, expected amount " + card[0].decimal("expectedAmount")
                    + " instead of " + expected);
        }
        StringBuilder row = new StringBuilder();
        String name = String.format("a move: `OpportunityPhases.move` of one card, %s <-> %s (expected amount and a "
                + "history entry written; %d moves checked)", a, b, moves);
        row.append(String.format("| %s | %.1f | %.1f | %.1f | %d |%n", name, timing.median(), timing.min(),
                timing.max(), timing.rows()));
        System.out.printf("%s: opportunities %s -> %.1f ms%n", db, name, timing.median());
        return row.toString();
    }

    private static long historyOf(Connection connection, long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM OPP_PHASE_HISTORY WHERE "
                + "OPPORTUNITY_ID = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } finally {
            connection.commit();
        }
    }

    /** @return the cards read: the groups, then each column's first page, as RecordBoard opens */
    static int open(Records records, RecordQuery query) {
        return pages(records, query, records.groups(TYPE, query, PHASE, SUMS));
    }

    private static int pages(Records records, RecordQuery query, List<RecordGroup> groups) {
        int cards = 0;
        for (RecordGroup group : groups) {
            List<Filter> filters = new ArrayList<>(query.filters());
            filters.add(Records.groupFilter(PHASE, group.value()));
            cards += records.page(TYPE, query.withFilters(filters)).size();
        }
        return cards;
    }

}
