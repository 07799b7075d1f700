package org.tesseracrm.collections.internal.ui;

import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.kernel.ui.kit.RecordBoard;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;

/**
 * The collections list and form, both the kit's (the obligations join the form through {@link ObligationsPanel}),
 * with a board grouped by status. Element ids are the kit's with the prefixes {@code collections} (list) and
 * {@code collection} (form).
 */
public class CollectionsView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public CollectionsView(RecordKit kit) {
        super(kit, CollectionFields.RECORD_TYPE, "collections", "collection");
        offerBoard(RecordBoard.Settings.defaults().groupedBy(CollectionFields.STATUS)
                .cards(CollectionFields.SUBJECT, CollectionFields.COMPANY, CollectionFields.OUTSTANDING,
                        CollectionFields.OVERDUE, CollectionFields.NEXT_DUE));
    }
}
