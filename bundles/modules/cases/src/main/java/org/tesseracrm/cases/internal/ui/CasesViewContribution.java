package org.tesseracrm.cases.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes the cases list and board at {@code /cases} with its menu entry under Service. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "cases", title = "Cases", icon = "vaadin:lifebuoy", group = "Service", order = 10,
        permission = CasesModule.VIEW)
public class CasesViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list, board and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public CasesViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + CaseFields.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return CasesView.class;
    }

    @Override
    public Component createView() {
        return new CasesView(kit);
    }
}
