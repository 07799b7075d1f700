package org.tesseracrm.faq.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.faq.api.Faqs;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * Adds "Suggested FAQs" ({@link SuggestedFaqsPanel}) to the case form. The panel is registered for the record type
 * {@code case} whether or not the Cases module is installed: without it no case form is ever shown.
 */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + FaqFields.CASE_TYPE, RecordPanel.ORDER + ":Integer=20"})
public class SuggestedFaqsPanelContribution implements RecordPanel {
    private final Faqs faqs;
    private final RecordKit kit;
    private final AccessControl access;

    /**
     * @param faqs the suggestions and attachments, checked by the service
     * @param kit opens a FAQ's form
     * @param access whether the user sees FAQs
     */
    @Activate
    public SuggestedFaqsPanelContribution(@Reference Faqs faqs, @Reference RecordKit kit,
            @Reference AccessControl access) {
        this.faqs = faqs;
        this.kit = kit;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        return SuggestedFaqsPanel.of(faqs, kit, access, recordId).map(Component.class::cast);
    }
}
