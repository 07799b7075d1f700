package org.tesseracrm.reports.internal.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.tesseracrm.reports.api.Sharing;

/**
 * A saved dashboard: a grid of report widgets with one period for all of them, private to its owner or shared
 * like a report (everyone, roles, groups).
 *
 * @param id its id
 * @param version the optimistic-locking version
 * @param name what users call it
 * @param owner who made it
 * @param sharing who else sees it
 * @param period the period every widget runs over
 * @param widgets the widgets, in their order on the grid
 * @param updatedAt when it was last saved
 */
public record Dashboard(long id, long version, String name, String owner, Sharing sharing, DashboardPeriod period,
        List<Widget> widgets, Instant updatedAt) {
    /** Copies the widgets. */
    public Dashboard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        sharing = sharing == null ? Sharing.PRIVATE : sharing;
        period = period == null ? DashboardPeriod.ALL : period;
        widgets = List.copyOf(widgets);
    }
}
