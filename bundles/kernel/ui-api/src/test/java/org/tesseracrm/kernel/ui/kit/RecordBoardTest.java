package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;

/** The board's column ids, grouping fields and quick filters. */
class RecordBoardTest {
    @Test
    void aColumnsKeyIsItsValueInLowerCaseWithOtherCharactersAsOneDashAndNoneForNoValue() {
        assertEquals("enterprise", RecordBoard.key(Optional.of("Enterprise")));
        assertEquals("closed-won", RecordBoard.key(Optional.of(" Closed / Won!")));
        assertEquals("négociation-2", RecordBoard.key(Optional.of("Négociation 2")));
        assertEquals("none", RecordBoard.key(Optional.empty()));
        assertEquals("value-" + Integer.toHexString("!!".hashCode()), RecordBoard.key(Optional.of("!!")));
    }

    @Test
    void boardsGroupBySinglePickListsAndUsersOnly() {
        List<FieldDefinition> fields = List.of(field("name", FieldType.TEXT), field("phase", FieldType.PICKLIST),
                field("tags", FieldType.MULTI_PICKLIST), field("amount", FieldType.MONEY), field("owner", FieldType.USER));

        assertEquals(List.of("phase", "owner"), RecordBoard.groupable(fields).stream().map(FieldDefinition::name).toList());
    }

    @Test
    void quickFiltersAreTheOwnerTheCalendarMonthAndTheUsersWeek() {
        LocalDate saturday = LocalDate.of(2026, 12, 5);

        assertEquals(List.of(Filter.of("owner", FilterOp.IN, "ann")), filters(EnumSet.of(RecordBoard.Quick.MINE),
                saturday, DayOfWeek.MONDAY));
        assertEquals(List.of(new Filter("closeDate", FilterOp.BETWEEN, List.of("2026-12-01", "2026-12-31"))),
                filters(EnumSet.of(RecordBoard.Quick.CLOSING_THIS_MONTH), saturday, DayOfWeek.MONDAY));
        assertEquals(List.of(new Filter("closeDate", FilterOp.BETWEEN, List.of("2027-01-01", "2027-01-31"))),
                filters(EnumSet.of(RecordBoard.Quick.CLOSING_NEXT_MONTH), saturday, DayOfWeek.MONDAY));
        assertEquals(List.of(new Filter("createdAt", FilterOp.BETWEEN, List.of("2026-11-30", "2026-12-06"))),
                filters(EnumSet.of(RecordBoard.Quick.NEW_THIS_WEEK), saturday, DayOfWeek.MONDAY));
        assertEquals(List.of(new Filter("createdAt", FilterOp.BETWEEN, List.of("2026-11-22", "2026-11-28"))),
                filters(EnumSet.of(RecordBoard.Quick.NEW_LAST_WEEK), saturday, DayOfWeek.SUNDAY));
        assertEquals(2, filters(EnumSet.of(RecordBoard.Quick.MINE, RecordBoard.Quick.NEW_THIS_WEEK), saturday,
                DayOfWeek.MONDAY).size());
    }

    private static List<Filter> filters(EnumSet<RecordBoard.Quick> on, LocalDate today, DayOfWeek firstDay) {
        return RecordBoard.quickFilters(on, today, "ann", firstDay, "closeDate", "createdAt");
    }

    private static FieldDefinition field(String name, FieldType type) {
        return FieldDefinition.predefined(name, name, type, name.toUpperCase(), false, 100);
    }
}
