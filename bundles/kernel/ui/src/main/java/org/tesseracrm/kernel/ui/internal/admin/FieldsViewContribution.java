package org.tesseracrm.kernel.ui.internal.admin;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link FieldsView}, offering exactly the installed record types. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/fields", title = "Fields and pick-lists", icon = "vaadin:list-select", group = "Administration",
        order = 50, permission = CustomFields.CUSTOMIZE)
public class FieldsViewContribution implements ViewContribution {
    private final CustomFields customFields;
    private final RecordTypes types;

    /**
     * @param customFields what the page shows and changes
     * @param types the installed record types
     */
    @Activate
    public FieldsViewContribution(@Reference CustomFields customFields, @Reference RecordTypes types) {
        this.customFields = customFields;
        this.types = types;
    }

    @Override
    public Class<? extends Component> viewType() {
        return FieldsView.class;
    }

    @Override
    public Component createView() {
        List<FieldsView.TypeChoice> choices = types.all().stream()
                .map(t -> new FieldsView.TypeChoice(t.id(), t.pluralLabel()))
                .sorted(Comparator.comparing(FieldsView.TypeChoice::label)).toList();
        return new FieldsView(customFields, choices);
    }
}
