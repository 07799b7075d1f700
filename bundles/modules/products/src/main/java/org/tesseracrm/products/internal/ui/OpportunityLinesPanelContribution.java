package org.tesseracrm.products.internal.ui;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.internal.ProductsModule;

import com.vaadin.flow.component.Component;

/**
 * The Products panel on the opportunity form (record type {@code opportunity}, named by its id so the Products module
 * runs without the Opportunities module). Shown to users who may view products; editable for those who may also
 * edit opportunities (the service checks again on save).
 */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class, property = {
        RecordType.ID + "=" + OpportunityLinesPanelContribution.OPPORTUNITY, RecordPanel.ORDER + ":Integer=5"})
public class OpportunityLinesPanelContribution implements RecordPanel {
    /** The Opportunities module's record type. */
    static final String OPPORTUNITY = "opportunity";

    private final LineItems lineItems;
    private final Records records;
    private final RecordTypes types;
    private final AccessControl access;

    /**
     * @param lineItems the opportunity's lines
     * @param records the opportunity (currency, amount) and the products
     * @param types the opportunity type's module, whose edit permission allows changing the lines
     * @param access who may see and change them
     */
    @Activate
    public OpportunityLinesPanelContribution(@Reference LineItems lineItems, @Reference Records records,
            @Reference RecordTypes types, @Reference AccessControl access) {
        this.lineItems = lineItems;
        this.records = records;
        this.types = types;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        Optional<RecordType> type = types.find(recordType);
        if (type.isEmpty() || !access.permitted(ProductsModule.VIEW) || !access.permitted(type.get().moduleId() + ".view")) {
            return Optional.empty();
        }
        boolean mayEdit = access.permitted(type.get().moduleId() + ".edit");
        return Optional.of(new OpportunityLinesPanel(lineItems, records, recordType, recordId, mayEdit));
    }
}
