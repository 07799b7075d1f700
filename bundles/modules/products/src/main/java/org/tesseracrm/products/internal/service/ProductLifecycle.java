package org.tesseracrm.products.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.products.api.ProductFields;

/**
 * The products' rules, kept in the record platform's change whoever makes it (form, import, REST API, bulk edit), in
 * its transaction:
 * <ul>
 * <li>no two products share a code, whatever its case: a taken code is a field error on {@code code} naming the
 * product that has it, and nothing is written (the unique constraint on {@code CODE_KEY} backs this up against two
 * transactions racing);</li>
 * <li>a new product without a currency gets the currency pick-list's default (that it is active unless said
 * otherwise is the record type's {@code defaultValue}, which the platform applies);</li>
 * <li>a deleted product leaves every price list; a merged product's prices go to the survivor where it has
 * none.</li>
 * </ul>
 */
@Component(property = RecordType.ID + "=" + ProductFields.RECORD_TYPE)
public class ProductLifecycle implements RecordLifecycle {
    private final CustomFields fields;
    private final CallerContext callers;
    /**
     * @param fields the currency pick-list, whose default a new product gets
     * @param callers reads that pick-list with the platform's rights
     * @param schema the module's tables
     */
    @Activate
    public ProductLifecycle(@Reference CustomFields fields, @Reference CallerContext callers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.products)") MigratedSchema schema) {
        this.fields = fields;
        this.callers = callers;
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        RecordRow row = change.after().orElseThrow();
        keepCode(change.connection(), row);
        if (row.text(ProductFields.CURRENCY).isEmpty()) {
            Optional<String> currency = callers.callAs(Caller.SYSTEM, () -> fields.pickList(ProductFields.RECORD_TYPE,
                    ProductFields.CURRENCY)).stream().filter(v -> v.isDefault() && v.active())
                    .map(PickListValue::value).findFirst();
            if (currency.isPresent()) {
                PriceListStore.setText(change.connection(), row.id(), "CURRENCY", currency.get());
            }
        }
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        RecordRow row = change.after().orElseThrow();
        boolean same = change.before().map(b -> PriceListStore.key(b.text(ProductFields.CODE))
                .equals(PriceListStore.key(row.text(ProductFields.CODE)))).orElse(false);
        if (!same) {
            keepCode(change.connection(), row);
        }
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        PriceListStore.deleteProduct(change.connection(), change.id());
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        PriceListStore.mergeProduct(change.connection(), merged.id(), change.id());
    }

    private static void keepCode(Connection c, RecordRow row) throws SQLException {
        String code = row.text(ProductFields.CODE);
        Optional<String> holder = PriceListStore.codeTakenBy(c, code, row.id());
        if (holder.isPresent()) {
            throw new ValidationException(List.of(new FieldError(ProductFields.CODE, "The code " + code.strip()
                    + " is already used by the product \"" + holder.get() + "\": give this product another code")));
        }
        PriceListStore.keep(c, row.id(), code);
    }
}
