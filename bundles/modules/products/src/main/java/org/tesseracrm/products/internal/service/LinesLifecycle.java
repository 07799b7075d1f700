package org.tesseracrm.products.internal.service;

import java.sql.SQLException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RelatedItems;

/**
 * Product lines follow the record they belong to, whatever its type, in the change's transaction: a deleted record's
 * lines go with it; a merged record's lines are added after the survivor's; when a record's history moves
 * ({@link org.tesseracrm.kernel.api.record.Records#moveRelated}, a lead's conversion) its lines move along.
 */
@Component(service = {RecordLifecycle.class, RelatedItems.class}, property = RecordType.ID + "=" + RecordType.ALL)
public class LinesLifecycle implements RecordLifecycle, RelatedItems {
    /** @param schema the module's tables */
    @Activate
    public LinesLifecycle(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.products)") MigratedSchema schema) {
        // the reference only orders the start
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        LineStore.delete(change.connection(), change.recordType(), change.id());
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        LineStore.move(change.connection(), change.recordType(), merged.id(), change.recordType(), change.id());
    }

    @Override
    public void move(Move move) throws SQLException {
        LineStore.move(move.connection(), move.from().recordType(), move.from().id(), move.to().recordType(),
                move.to().id());
    }
}
