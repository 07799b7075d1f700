package org.tesseracrm.leads.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.leads.api.LeadConversion;

import com.vaadin.flow.component.Component;

/** Contributes the conversion mapping's admin page at {@code /admin/lead-conversion}, for {@code leads.configure}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/lead-conversion", title = "Lead conversion", icon = "vaadin:exchange",
        group = "Administration", order = 61, permission = LeadConversion.CONFIGURE)
public class LeadConversionViewContribution implements ViewContribution {
    private final LeadServices services;

    /**
     * @param conversion the mapping
     * @param kit the record platform
     * @param fields the fields a mapping offers and their labels
     * @param types the record types a conversion can create here
     * @param access the signed-in user's permissions
     */
    @Activate
    public LeadConversionViewContribution(@Reference LeadConversion conversion, @Reference RecordKit kit,
            @Reference CustomFields fields, @Reference RecordTypes types, @Reference AccessControl access) {
        this.services = new LeadServices(conversion, kit, fields, types, access);
    }

    @Override
    public Class<? extends Component> viewType() {
        return LeadConversionView.class;
    }

    @Override
    public Component createView() {
        return new LeadConversionView(services);
    }
}
