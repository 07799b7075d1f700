package org.tesseracrm.projects.internal.shell;

import org.tesseracrm.projects.api.ProjectLink;
import org.tesseracrm.projects.api.ProjectMember;

/** How the project commands print members and links: one line each. */
final class ProjectShell {
    private ProjectShell() {
    }

    /** @return e.g. {@code ana (Consultant) added by admin at 2026-12-06T01:00:00Z} */
    static String line(ProjectMember member) {
        return member.username() + (member.role().isEmpty() ? "" : " (" + member.role() + ")") + " added by "
                + member.addedBy() + " at " + member.addedAt();
    }

    /** @return e.g. {@code case 17 Case "Late delivery"} or {@code case 18 Case (hidden)} */
    static String line(ProjectLink link) {
        return link.recordType() + " " + link.recordId() + " " + link.typeLabel() + " " + link.title()
                .map(t -> "\"" + t + "\"").orElse("(" + link.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
