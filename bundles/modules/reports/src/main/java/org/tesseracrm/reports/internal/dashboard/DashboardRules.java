package org.tesseracrm.reports.internal.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.internal.store.Viewer;

/**
 * Who sees and changes a dashboard, and what a saved one must hold: the same sharing rules as reports (owner,
 * everyone, roles, groups, reports admins), plus the dashboard an administrator made the default of the viewer's
 * profile, which its users see (read-only) whatever its sharing.
 */
final class DashboardRules {
    /** The longest name. */
    static final int MAX_NAME = 200;

    private DashboardRules() {
    }

    /**
     * @param viewer who looks
     * @param dashboard a dashboard
     * @param profileDefault the id of the default dashboard of the viewer's profile, if any
     * @return whether the viewer sees it
     */
    static boolean sees(Viewer viewer, Dashboard dashboard, Optional<Long> profileDefault) {
        return mayChange(viewer, dashboard) || viewer.reaches(dashboard.sharing())
                || profileDefault.map(id -> id == dashboard.id()).orElse(false);
    }

    /**
     * @param viewer who looks
     * @param dashboard a dashboard
     * @return whether the viewer may change, share and delete it: its owner or a reports admin
     */
    static boolean mayChange(Viewer viewer, Dashboard dashboard) {
        return viewer.admin() || dashboard.owner().equals(viewer.username());
    }

    /**
     * @param input a dashboard to save
     * @param usable the keys of the reports the caller may use ({@code Reports.list})
     * @return what is wrong with it, by field; empty if it may be saved
     */
    static List<FieldError> errors(DashboardInput input, Set<String> usable) {
        List<FieldError> errors = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "Enter a name of 1 to " + MAX_NAME + " characters"));
        }
        if (input.widgets().size() > Layout.MAX_WIDGETS) {
            errors.add(new FieldError("widgets", "A dashboard holds at most " + Layout.MAX_WIDGETS + " widgets"));
        }
        for (int i = 0; i < input.widgets().size(); i++) {
            String key = input.widgets().get(i).reportKey();
            boolean wellFormed = key.startsWith(ReportInfo.REPORT_PREFIX) || key.startsWith(ReportInfo.SOURCE_PREFIX);
            if (!wellFormed || !usable.contains(key)) {
                errors.add(new FieldError("widgets[" + i + "]", "There is no report " + key + " you may use; "
                        + "pick one from the list of reports"));
            }
        }
        return errors;
    }
}
