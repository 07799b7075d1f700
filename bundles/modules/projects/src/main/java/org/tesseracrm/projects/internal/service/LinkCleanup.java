package org.tesseracrm.projects.internal.service;

import java.sql.SQLException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * Takes a deleted record of any type off the projects it was related to, in the deleting transaction, so a project
 * never lists a record that is gone (records deleted while this module was not installed are shown as removed); the
 * projects related to a merged record follow it to the record that stays.
 */
@Component(property = RecordType.ID + "=" + RecordType.ALL)
public class LinkCleanup implements RecordLifecycle {
    /** @param schema the module's tables */
    @Activate
    public LinkCleanup(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.projects)") MigratedSchema schema) {
        // the reference only orders the start
    }

    @Override
    public void afterDelete(Change change) throws SQLException {
        ProjectStore.forgetRecord(change.connection(), change.recordType(), change.id());
    }

    /** The projects related to a merged record are related to the one that stays. */
    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        ProjectStore.moveRecord(change.connection(), change.recordType(), merged.id(), change.id());
    }
}
