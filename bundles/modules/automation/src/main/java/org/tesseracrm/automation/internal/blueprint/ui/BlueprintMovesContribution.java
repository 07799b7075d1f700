package org.tesseracrm.automation.internal.blueprint.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/** Adds the blueprint moves the user may make now to the form of every record type with an active blueprint. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + RecordType.ALL, RecordPanel.ORDER + ":Integer=6"})
public class BlueprintMovesContribution implements RecordPanel {
    private final Blueprints blueprints;

    /** @param blueprints the moves, which check the permissions */
    @Activate
    public BlueprintMovesContribution(@Reference Blueprints blueprints) {
        this.blueprints = blueprints;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        try {
            if (blueprints.active(recordType).isEmpty()) {
                return Optional.empty();
            }
            List<Transition> moves = blueprints.available(recordType, recordId);
            return Optional.of(new BlueprintMoves(blueprints, recordType, moves));
        } catch (CrmException e) {
            return Optional.empty();
        }
    }
}
