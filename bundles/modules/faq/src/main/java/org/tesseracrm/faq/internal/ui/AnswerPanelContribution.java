package org.tesseracrm.faq.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Adds the rendered answer ({@link AnswerPanel}) to the FAQ form, first among the panels. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + FaqFields.RECORD_TYPE, RecordPanel.ORDER + ":Integer=-10"})
public class AnswerPanelContribution implements RecordPanel {
    private final RecordKit kit;

    /** @param kit reads the FAQ as the signed-in user */
    @Activate
    public AnswerPanelContribution(@Reference RecordKit kit) {
        this.kit = kit;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        return AnswerPanel.of(kit.records(), recordId).map(Component.class::cast);
    }
}
