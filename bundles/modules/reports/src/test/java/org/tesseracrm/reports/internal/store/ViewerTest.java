package org.tesseracrm.reports.internal.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportSpec;
import org.tesseracrm.reports.api.Sharing;

/** The sharing rules: owner, everyone, role, group, admin; only owner and admin change a report. */
class ViewerTest {
    private static Report report(Sharing sharing) {
        return new Report(1, 1, "R", "", "ann", ReportSpec.of("contact", List.of(), List.of(Measure.count())),
                sharing, Instant.EPOCH);
    }

    @Test
    void sharingReachesOwnerEveryoneRolesGroupsAndAdmins() {
        Viewer bob = new Viewer("bob", Optional.of("7"), Set.of("3"), false);
        assertFalse(bob.sees(report(Sharing.PRIVATE)));
        assertTrue(bob.sees(report(new Sharing(true, Set.of(), Set.of()))));
        assertTrue(bob.sees(report(new Sharing(false, Set.of("7"), Set.of()))));
        assertFalse(bob.sees(report(new Sharing(false, Set.of("8"), Set.of()))), "a role, not the roles above");
        assertTrue(bob.sees(report(new Sharing(false, Set.of(), Set.of("9", "3")))));
        assertFalse(bob.mayChange(report(new Sharing(true, Set.of(), Set.of()))), "shared is read-only");
        assertTrue(new Viewer("ann", Optional.empty(), Set.of(), false).mayChange(report(Sharing.PRIVATE)));
        Viewer admin = new Viewer("root", Optional.empty(), Set.of(), true);
        assertTrue(admin.sees(report(Sharing.PRIVATE)));
        assertTrue(admin.mayChange(report(Sharing.PRIVATE)));
        assertFalse(new Viewer("nobody", Optional.empty(), Set.of(), false).sees(report(new Sharing(false, Set.of("7"),
                Set.of("3")))), "no role and no group reaches nothing but everyone");
    }
}
