package org.tesseracrm.products.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.products.api.ProductFields;

/**
 * Gives the product's pick-lists their first values once, when the platform first has the product type: cost types
 * Monthly, On demand, One time (quotes total by these three), categories Product, Service, Subscription, and the
 * currencies opportunities also offer (EUR the default). The admin edits them in Fields and pick-lists afterwards.
 */
@Component(service = {}, immediate = true)
public class ProductPickLists {
    private static final Logger LOG = LoggerFactory.getLogger(ProductPickLists.class);
    static final List<String> COST_TYPES = List.of(ProductFields.MONTHLY, ProductFields.ON_DEMAND, ProductFields.ONE_TIME);
    static final List<String> CATEGORIES = List.of("Product", "Service", "Subscription");
    /** ISO 4217 codes offered on first install, as the opportunities' currency pick-list. */
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD", "MXN", "COP", "BRL");

    private final CustomFields fields;
    private final CallerContext callers;
    private final RecordTypes types;
    private final RecordTypes.Listener listener = new RecordTypes.Listener() {
        @Override
        public void added(RecordType type) {
            if (type.id().equals(ProductFields.RECORD_TYPE)) {
                seed();
            }
        }
    };

    /**
     * @param fields the pick-lists
     * @param callers seeds them with the platform's rights
     * @param types the installed record types: seeded once the platform has the product type
     * @param type the product type, registered once the module's tables exist
     */
    @Activate
    public ProductPickLists(@Reference CustomFields fields, @Reference CallerContext callers,
            @Reference RecordTypes types,
            @Reference(target = "(" + RecordType.ID + "=" + ProductFields.RECORD_TYPE + ")") RecordType type) {
        this.fields = fields;
        this.callers = callers;
        this.types = types;
        types.addListener(listener);
        if (types.find(ProductFields.RECORD_TYPE).isPresent()) {
            seed();
        }
    }

    /** Stops following the record types. */
    @Deactivate
    void stop() {
        types.removeListener(listener);
    }

    private void seed() {
        try {
            callers.callAs(Caller.SYSTEM, () -> {
                seed(ProductFields.COST_TYPE, COST_TYPES, Optional.empty());
                seed(ProductFields.CATEGORY, CATEGORIES, Optional.empty());
                seed(ProductFields.CURRENCY, CURRENCIES, Optional.of("EUR"));
                return null;
            });
        } catch (CrmException e) {
            LOG.error("The product pick-lists could not be given their first values", e);
        }
    }

    private void seed(String field, List<String> values, Optional<String> preferred) {
        if (fields.pickList(ProductFields.RECORD_TYPE, field).isEmpty()) {
            List<PickListValue> list = new ArrayList<>();
            values.forEach(v -> list.add(new PickListValue(v, Optional.empty(), preferred.filter(v::equals).isPresent(),
                    true)));
            fields.savePickList(ProductFields.RECORD_TYPE, field, list);
        }
    }
}
