package org.tesseracrm.reports.internal.dashboard;

import java.util.List;

import org.tesseracrm.reports.api.Sharing;

/**
 * A dashboard to save: a new one ({@code id} 0) or a change of the version the caller read.
 *
 * @param id the dashboard's id, or 0 for a new one
 * @param version the version read, for a change
 * @param name its name, 1 to 200 characters
 * @param sharing who else sees it
 * @param period the period of every widget
 * @param widgets the widgets in order
 */
public record DashboardInput(long id, long version, String name, Sharing sharing, DashboardPeriod period,
        List<Widget> widgets) {
    /** Copies the widgets; nulls mean none. */
    public DashboardInput {
        sharing = sharing == null ? Sharing.PRIVATE : sharing;
        period = period == null ? DashboardPeriod.ALL : period;
        widgets = widgets == null ? List.of() : List.copyOf(widgets);
    }
}
