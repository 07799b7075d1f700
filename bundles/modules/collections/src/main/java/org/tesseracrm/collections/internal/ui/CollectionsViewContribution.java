package org.tesseracrm.collections.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.internal.CollectionsModule;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes the collections list and board at {@code /collections} with its menu entry under Finance. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "collections", title = "Collections", icon = "vaadin:money-withdraw", group = "Finance", order = 10,
        permission = CollectionsModule.VIEW)
public class CollectionsViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list, board and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public CollectionsViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + CollectionFields.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return CollectionsView.class;
    }

    @Override
    public Component createView() {
        return new CollectionsView(kit);
    }
}
