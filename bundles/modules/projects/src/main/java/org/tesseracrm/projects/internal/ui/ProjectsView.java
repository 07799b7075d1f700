package org.tesseracrm.projects.internal.ui;

import org.tesseracrm.kernel.ui.kit.RecordBoard;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;
import org.tesseracrm.projects.api.ProjectFields;

/**
 * The projects list and form, both the kit's, with a board grouped by status. Element ids are the kit's with the
 * prefixes {@code projects} (list) and {@code project} (form).
 */
public class ProjectsView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public ProjectsView(RecordKit kit) {
        super(kit, ProjectFields.RECORD_TYPE, "projects", "project");
        offerBoard(RecordBoard.Settings.defaults().groupedBy(ProjectFields.STATUS)
                .cards(ProjectFields.NAME, ProjectFields.COMPANY, ProjectFields.END_DATE, ProjectFields.BUDGET));
    }
}
