package org.tesseracrm.projects.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.projects.api.ProjectFields;
import org.tesseracrm.projects.api.Projects;
import org.tesseracrm.projects.internal.ProjectsModule;

/**
 * Adds progress ({@link ProgressPanel}), members ({@link MembersPanel}) and related records ({@link LinksPanel}) to
 * the project form, before the other panels, in one section each.
 */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + ProjectFields.RECORD_TYPE, RecordPanel.ORDER + ":Integer=-10"})
public class ProjectPanelsContribution implements RecordPanel {
    private final Projects projects;
    private final LinksPanel.Services services;
    private final AccessControl access;

    /**
     * @param projects members, links and progress, checked by the service
     * @param records looks up records to relate
     * @param types the record types that may be related
     * @param access whether the user may change the project
     * @param kit opens a related record's form
     */
    @Activate
    public ProjectPanelsContribution(@Reference Projects projects, @Reference Records records,
            @Reference RecordTypes types, @Reference AccessControl access, @Reference RecordKit kit) {
        this.projects = projects;
        this.services = new LinksPanel.Services(projects, records, types, access, kit);
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        if (!access.permitted(ProjectsModule.VIEW)) {
            return Optional.empty();
        }
        boolean editor = access.permitted(ProjectsModule.EDIT);
        Optional<ProgressPanel> progress = ProgressPanel.of(projects, recordId);
        if (progress.isEmpty()) {
            return Optional.empty();
        }
        com.vaadin.flow.component.orderedlayout.VerticalLayout panels =
                new com.vaadin.flow.component.orderedlayout.VerticalLayout(progress.get());
        panels.setPadding(false);
        panels.setId("project-panels");
        MembersPanel.of(projects, recordId, editor).ifPresent(panels::add);
        LinksPanel.of(services, recordId, editor).ifPresent(panels::add);
        return Optional.of(panels);
    }
}
