package org.tesseracrm.faq.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.faq.internal.FaqModule;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes the FAQs list at {@code /faqs} with its menu entry under Service. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "faqs", title = "FAQs", icon = "vaadin:question-circle-o", group = "Service", order = 20,
        permission = FaqModule.VIEW)
public class FaqsViewContribution implements ViewContribution {
    private final RecordKit kit;

    /**
     * @param kit the record list and form
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public FaqsViewContribution(@Reference RecordKit kit,
            @Reference(target = "(" + RecordType.ID + "=" + FaqFields.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return FaqsView.class;
    }

    @Override
    public Component createView() {
        return new FaqsView(kit);
    }
}
