package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.security.RegionalSettings;

class FilterDialogTest {
    private static final LocalTimes BERLIN = LocalTimes.of(new RegionalSettings(ZoneId.of("Europe/Berlin"), Locale.US));
    private static final FieldDefinition SEEN = FieldDefinition.predefined("seen", "Seen", FieldType.DATE_TIME, "SEEN", false, 0);
    private static final FieldDefinition BORN = FieldDefinition.predefined("born", "Born", FieldType.DATE, "BORN", false, 0);

    @Test
    void aDayRangeOfDateTimesIsTheUsersDaysInUtc() {
        assertEquals(List.of("2026-12-03 23:00", "2026-12-05 23:00"),
                FilterDialog.stored(SEEN, FilterOp.BETWEEN, List.of("2026-12-04", "Dec 5, 2026"), BERLIN));
    }

    @Test
    void typedDateTimesAreTheUsersLocalTimes() {
        assertEquals(List.of("2026-07-01 10:00", ""),
                FilterDialog.stored(SEEN, FilterOp.BETWEEN, List.of("Jul 1, 2026, 12:00 PM", ""), BERLIN));
        assertEquals(List.of("2026-12-04 16:14"), FilterDialog.stored(SEEN, FilterOp.EQUALS, List.of("2026-12-04 17:14"), BERLIN));
    }

    @Test
    void datesInTheUsersFormBecomeIsoAndNoDateStaysForTheServiceToRefuse() {
        assertEquals(List.of("2026-12-04", "soon"), FilterDialog.stored(BORN, FilterOp.BETWEEN, List.of("Dec 4, 2026", "soon"), BERLIN));
    }
}
