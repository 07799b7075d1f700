package org.tesseracrm.reports.internal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.reports.api.Sharing;
import org.tesseracrm.reports.internal.store.Viewer;

class DashboardRulesTest {
    private static final Viewer DORA = new Viewer("dora", Optional.of("7"), Set.of("3"), false);
    private static final Viewer ADMIN = new Viewer("ann", Optional.empty(), Set.of(), true);

    private static Dashboard owned(String owner, Sharing sharing) {
        return new Dashboard(5, 1, "Sales", owner, sharing, DashboardPeriod.ALL, List.of(), Instant.EPOCH);
    }

    @Test
    void aPrivateDashboardIsItsOwnersAndTheAdmins() {
        Dashboard mine = owned("dora", Sharing.PRIVATE);
        Dashboard theirs = owned("max", Sharing.PRIVATE);
        assertTrue(DashboardRules.sees(DORA, mine, Optional.empty()));
        assertTrue(DashboardRules.mayChange(DORA, mine));
        assertFalse(DashboardRules.sees(DORA, theirs, Optional.empty()));
        assertTrue(DashboardRules.sees(ADMIN, theirs, Optional.empty()));
        assertTrue(DashboardRules.mayChange(ADMIN, theirs));
    }

    @Test
    void sharingReachesEveryoneARoleOrAGroupReadOnly() {
        Dashboard everyone = owned("max", new Sharing(true, Set.of(), Set.of()));
        Dashboard myRole = owned("max", new Sharing(false, Set.of("7"), Set.of()));
        Dashboard otherRole = owned("max", new Sharing(false, Set.of("8"), Set.of()));
        Dashboard myGroup = owned("max", new Sharing(false, Set.of(), Set.of("3", "4")));
        assertTrue(DashboardRules.sees(DORA, everyone, Optional.empty()));
        assertTrue(DashboardRules.sees(DORA, myRole, Optional.empty()));
        assertFalse(DashboardRules.sees(DORA, otherRole, Optional.empty()));
        assertTrue(DashboardRules.sees(DORA, myGroup, Optional.empty()));
        assertFalse(DashboardRules.mayChange(DORA, everyone), "shared means seen, not changed");
    }

    @Test
    void theProfilesDefaultIsSeenWhateverItsSharing() {
        Dashboard theirs = owned("max", Sharing.PRIVATE);
        assertTrue(DashboardRules.sees(DORA, theirs, Optional.of(5L)));
        assertFalse(DashboardRules.sees(DORA, theirs, Optional.of(6L)));
        assertFalse(DashboardRules.mayChange(DORA, theirs));
    }

    @Test
    void aSavedDashboardNeedsANameAndReportsTheCallerMayUse() {
        DashboardInput ok = new DashboardInput(0, 0, " Pipeline ", Sharing.PRIVATE, DashboardPeriod.ALL,
                List.of(new Widget("report:1", 2), new Widget("source:kpi.nps", 1)));
        assertEquals(List.of(), DashboardRules.errors(ok, Set.of("report:1", "source:kpi.nps")));
        DashboardInput bad = new DashboardInput(0, 0, "  ", Sharing.PRIVATE, DashboardPeriod.ALL,
                List.of(new Widget("report:2", 2), new Widget("drop table", 1)));
        List<String> fields = DashboardRules.errors(bad, Set.of("report:1")).stream().map(FieldError::field).toList();
        assertEquals(List.of("name", "widgets[0]", "widgets[1]"), fields);
    }
}
