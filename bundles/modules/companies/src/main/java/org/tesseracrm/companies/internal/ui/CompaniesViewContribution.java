package org.tesseracrm.companies.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.companies.internal.CompaniesModule;
import org.tesseracrm.companies.internal.service.CompanyRecordType;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes the companies list at {@code /companies} with its menu entry under Sales. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "companies", title = "Companies", icon = "vaadin:building", group = "Sales", order = 20,
        permission = CompaniesModule.VIEW)
public class CompaniesViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public CompaniesViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + CompanyRecordType.ID + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return CompaniesView.class;
    }

    @Override
    public Component createView() {
        return new CompaniesView(kit);
    }
}
