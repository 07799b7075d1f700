package org.tesseracrm.projects.internal.service;

import java.sql.SQLException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.projects.api.ProjectFields;

/**
 * The projects' rules ({@link ProjectRules}), kept in the record platform's change whoever makes it (form, import,
 * REST API, bulk edit), in its transaction: the end date is not before the start date, the budget not below 0, the
 * number is the project's id with its prefix; a deleted project's members and links are deleted with it.
 */
@Component(property = RecordType.ID + "=" + ProjectFields.RECORD_TYPE)
public class ProjectLifecycle implements RecordLifecycle {
    /** @param schema the module's tables */
    @Activate
    public ProjectLifecycle(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.projects)") MigratedSchema schema) {
        // the reference only orders the start
    }

    /** Checks the new project and gives it its number. */
    @Override
    public void afterCreate(Change change) throws SQLException {
        refuse(ProjectRules.errors(change.after().orElseThrow()));
        ProjectStore.keepNumber(change.connection(), change.id());
    }

    /** Checks the project and puts its number back if a write (an import, the API) changed it. */
    @Override
    public void afterUpdate(Change change) throws SQLException {
        refuse(ProjectRules.errors(change.after().orElseThrow()));
        ProjectStore.keepNumber(change.connection(), change.id());
    }

    /** A deleted project's members and links go with it. */
    @Override
    public void beforeDelete(Change change) throws SQLException {
        ProjectStore.forgetProject(change.connection(), change.id());
    }

    /** The merged project's members and links move to the survivor (those the survivor has stay once). */
    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        ProjectStore.moveProject(change.connection(), merged.id(), change.id());
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
