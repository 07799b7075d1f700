package org.tesseracrm.kernel.ui.internal.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link FieldsView}; tracks the installed record types so the page offers exactly those. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/fields", title = "Fields and pick-lists", icon = "vaadin:list-select", group = "Administration",
        order = 50, permission = CustomFields.CUSTOMIZE)
public class FieldsViewContribution implements ViewContribution {
    private final CustomFields customFields;
    private final Map<String, String> types = new ConcurrentHashMap<>();

    /** @param customFields what the page shows and changes */
    @Activate
    public FieldsViewContribution(@Reference CustomFields customFields) {
        this.customFields = customFields;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addType(RecordType type) {
        types.put(type.id(), type.pluralLabel());
    }

    void removeType(RecordType type) {
        types.remove(type.id());
    }

    @Override
    public Class<? extends Component> viewType() {
        return FieldsView.class;
    }

    @Override
    public Component createView() {
        List<FieldsView.TypeChoice> choices = types.entrySet().stream()
                .map(e -> new FieldsView.TypeChoice(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(FieldsView.TypeChoice::label)).toList();
        return new FieldsView(customFields, choices);
    }
}
