package org.tesseracrm.opportunities.internal.service;

import java.sql.SQLException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * The opportunities' contact roles follow contacts, in the change's transaction: a deleted contact leaves
 * the opportunities it took part in, a merged one's roles go to the survivor.
 */
@Component(property = RecordType.ID + "=" + ContactRolesLifecycle.CONTACT)
public class ContactRolesLifecycle implements RecordLifecycle {
    /** The Contacts module's record type. */
    static final String CONTACT = "contact";

    /** @param schema the module's tables */
    @Activate
    public ContactRolesLifecycle(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.opportunities)") MigratedSchema schema) {
        // the reference only orders the start
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        PhaseStore.deleteContact(change.connection(), change.id());
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        PhaseStore.mergeContact(change.connection(), merged.id(), change.id());
    }
}
