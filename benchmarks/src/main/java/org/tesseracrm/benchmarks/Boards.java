package org.tesseracrm.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.tesseracrm.benchmarks.ListBenchmark.Timing;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordGroup;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;

/**
 * The board of the loaded contacts as the kit's {@code RecordBoard} opens it: one grouped read of every column's count
 * and sum ({@code Records.groups}, by the Segment pick-list, summing the custom Score) and the first 50 cards of each
 * column ({@code Records.page} with {@code Records.groupFilter}), for the admin and for a manager who sees 10 of the 50
 * owners, and by owner (50 columns); then a move, {@code Records.update} of one card's Segment.
 */
final class Boards {
    private static final String CONTACT = "contact";
    private static final int CARDS = 50;

    private Boards() {
    }

    /** @return the Markdown table of the timings, also printed as they come */
    static String times(String db, Platform admin, Platform manager, int runs) {
        StringBuilder table = new StringBuilder("| Board of contacts | median ms | min ms | max ms | cards |\n"
                + "|---|---:|---:|---:|---:|\n");
        RecordQuery query = RecordQuery.page(0, CARDS);
        row(table, db, "by Segment (3 columns), counts + Score sums only", ListBenchmark.time(runs,
                () -> admin.records().groups(CONTACT, query, "cf_segment", List.of("cf_score")).size()));
        row(table, db, "by Segment: counts, sums and the first 50 cards of each column", ListBenchmark.time(runs,
                () -> open(admin.records(), query, "cf_segment", List.of("cf_score"))));
        row(table, db, "by Segment, 10 of 50 owners visible", ListBenchmark.time(runs,
                () -> open(manager.records(), query, "cf_segment", List.of("cf_score"))));
        row(table, db, "by Segment, 10 of 50 owners: of which the grouped read", ListBenchmark.time(runs,
                () -> manager.records().groups(CONTACT, query, "cf_segment", List.of("cf_score")).size()));
        List<RecordGroup> segments = manager.records().groups(CONTACT, query, "cf_segment", List.of("cf_score"));
        row(table, db, "by Segment, 10 of 50 owners: of which the 3 column pages", ListBenchmark.time(runs,
                () -> pages(manager.records(), query, "cf_segment", segments)));
        row(table, db, "by Segment, search \"son\"", ListBenchmark.time(runs,
                () -> open(admin.records(), query.withText("son"), "cf_segment", List.of("cf_score"))));
        row(table, db, "by owner (50 columns): counts and the first 50 cards of each", ListBenchmark.time(runs,
                () -> open(admin.records(), query, "owner", List.of())));
        List<RecordGroup> owners = admin.records().groups(CONTACT, query, "owner", List.of());
        row(table, db, "by owner: of which the grouped read", ListBenchmark.time(runs,
                () -> admin.records().groups(CONTACT, query, "owner", List.of()).size()));
        row(table, db, "by owner: of which the 50 column pages", ListBenchmark.time(runs,
                () -> pages(admin.records(), query, "owner", owners)));
        RecordRow[] card = {admin.records().page(CONTACT, query.withFilters(List.of(Records.groupFilter("cf_segment",
                java.util.Optional.of("SMB"))))).get(0)};
        int[] run = {0};
        row(table, db, "a move: Records.update of one card's Segment (SMB <-> Enterprise)", ListBenchmark.time(runs, () -> {
            String to = run[0]++ % 2 == 0 ? "Enterprise" : "SMB";
            card[0] = admin.records().update(CONTACT, card[0].id(), card[0].version(),
                    RecordValues.builder().set("cf_segment", to).build());
            return 1;
        }));
        return table.append('\n').toString();
    }

    /** @return the number of cards read: the groups, then each column's first page */
    private static int open(Records records, RecordQuery query, String field, List<String> sums) {
        return pages(records, query, field, records.groups(CONTACT, query, field, sums));
    }

    /** @return the number of cards of the columns' first pages (the columns read before) */
    private static int pages(Records records, RecordQuery query, String field, List<RecordGroup> groups) {
        int cards = 0;
        for (RecordGroup group : groups) {
            List<Filter> filters = new ArrayList<>(query.filters());
            filters.add(Records.groupFilter(field, group.value()));
            cards += records.page(CONTACT, query.withFilters(filters)).size();
        }
        return cards;
    }

    static void row(StringBuilder table, String db, String name, Timing timing) {
        table.append(String.format("| %s | %.1f | %.1f | %.1f | %,d |%n", name, timing.median(), timing.min(),
                timing.max(), timing.rows()));
        System.out.printf("%s: board %s -> %.1f ms%n", db, name, timing.median());
    }
}
