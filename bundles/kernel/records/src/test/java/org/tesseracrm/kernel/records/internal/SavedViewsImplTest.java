package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SortOrder;

/** The stored form of a view reads back as the same view, minus fields the type no longer has. */
class SavedViewsImplTest {
    private static final SavedView VIEW = new SavedView("person", "Big, \"new\" accounts", "ann", true, "a,b \"c\"\nd",
            List.of(new Filter("cf_segment", FilterOp.IN, List.of("Enterprise", "Mid, market")),
                    new Filter("cf_score", FilterOp.BETWEEN, List.of("", "990")),
                    new Filter("email", FilterOp.EMPTY, List.of())),
            List.of(new SortOrder("cf_score", false), new SortOrder("name", true)),
            List.of("name", "cf_segment", "cf_score"));

    @Test
    void aViewReadsBackUnchanged() {
        String stored = SavedViewsImpl.encode(VIEW);

        assertEquals(VIEW, SavedViewsImpl.decode("person", "ann", "Big, \"new\" accounts", true, stored,
                Set.of("name", "email", "cf_segment", "cf_score")));
    }

    @Test
    void aBoardConfigurationReadsBackWithItsGroupingFieldAndAnOldListViewStaysAList() {
        SavedView board = new SavedView("person", "Pipeline", "ann", false, "", VIEW.filters(), VIEW.sort(),
                List.of("name", "cf_score"), java.util.Optional.of("cf_segment"));
        Set<String> fields = Set.of("name", "email", "cf_segment", "cf_score");

        SavedView read = SavedViewsImpl.decode("person", "ann", "Pipeline", false, SavedViewsImpl.encode(board), fields);

        assertEquals(board, read);
        assertEquals(true, read.board());
        assertEquals(false, SavedViewsImpl.decode("person", "ann", "v", true, SavedViewsImpl.encode(VIEW), fields).board());
    }

    @Test
    void filtersSortKeysAndColumnsOfRemovedFieldsAreLeftOut() {
        SavedView read = SavedViewsImpl.decode("person", "ann", "v", false, SavedViewsImpl.encode(VIEW),
                Set.of("name", "email", "cf_segment"));

        assertEquals(List.of("cf_segment", "email"), read.filters().stream().map(Filter::field).toList());
        assertEquals(List.of(new SortOrder("name", true)), read.sort());
        assertEquals(List.of("name", "cf_segment"), read.columns());
    }
}
