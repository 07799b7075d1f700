package org.tesseracrm.reports.internal.store;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.Sharing;

/**
 * Who looks at reports, as the sharing rules need them: a saved report is seen by its owner, by everyone when it
 * is shared with everyone, by users of a role or members of a group it is shared with, and by admins.
 *
 * @param username the user name
 * @param roleId the id of the user's role, as text; empty without one
 * @param groupIds the ids of the user's groups, as text
 * @param admin whether the user holds {@code reports.admin}
 */
public record Viewer(String username, Optional<String> roleId, Set<String> groupIds, boolean admin) {
    /** Copies the groups. */
    public Viewer {
        Objects.requireNonNull(username, "username");
        roleId = roleId == null ? Optional.empty() : roleId;
        groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
    }

    /**
     * @param report a saved report
     * @return whether this viewer sees it
     */
    public boolean sees(Report report) {
        return admin || report.owner().equals(username) || reaches(report.sharing());
    }

    /**
     * @param sharing a report's sharing
     * @return whether the sharing reaches this viewer (owner and admin aside)
     */
    public boolean reaches(Sharing sharing) {
        return sharing.everyone() || roleId.map(sharing.roles()::contains).orElse(false)
                || groupIds.stream().anyMatch(sharing.groups()::contains);
    }

    /**
     * @param report a saved report
     * @return whether this viewer may change, delete and schedule it: its owner or an admin
     */
    public boolean mayChange(Report report) {
        return admin || report.owner().equals(username);
    }
}
