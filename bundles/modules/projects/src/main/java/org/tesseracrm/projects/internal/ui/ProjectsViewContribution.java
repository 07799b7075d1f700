package org.tesseracrm.projects.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.projects.api.ProjectFields;
import org.tesseracrm.projects.internal.ProjectsModule;

/** Contributes the projects list and board at {@code /projects} with its menu entry under Finance. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "projects", title = "Projects", icon = "vaadin:tasks", group = "Finance", order = 30,
        permission = ProjectsModule.VIEW)
public class ProjectsViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list, board and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public ProjectsViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + ProjectFields.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ProjectsView.class;
    }

    @Override
    public Component createView() {
        return new ProjectsView(kit);
    }
}
