package org.tesseracrm.products.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineGuard;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.LineProposal;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.internal.ProductsModule;

/**
 * The product lines of records (see {@link LineItems}). Permissions are the owning record's, checked through the
 * record platform: {@link Records#get} for the view permission, the record's visibility and an API token's record
 * types, then {@code <module>.edit} for a change. Each change is audited on the owning record (field
 * {@code lines}: the number of lines and the total).
 */
@Component(service = LineItems.class)
public class LineItemsImpl implements LineItems {
    private static final Logger LOG = LoggerFactory.getLogger(LineItemsImpl.class);
    /** The audit's name for the lines of a record. */
    static final String AUDIT_FIELD = "lines";

    private final Records records;
    private final RecordTypes types;
    private final AccessControl access;
    private final TransactionScope scope;
    private final CustomFields fields;
    private final CallerContext callers;
    private final AuditTrail audit;
    private final Map<String, LineGuard> guards = new ConcurrentHashMap<>();

    /**
     * @param records the owning records, read with the caller's rights
     * @param types the record types (their module's permissions)
     * @param access the caller's permissions
     * @param scope the transactions
     * @param fields the product currency pick-list, whose default is the {@link #defaultCurrency}
     * @param callers reads that pick-list with the platform's rights
     * @param audit the owning records' history
     * @param schema the module's tables
     */
    @Activate
    public LineItemsImpl(@Reference Records records, @Reference RecordTypes types, @Reference AccessControl access,
            @Reference TransactionScope scope, @Reference CustomFields fields, @Reference CallerContext callers,
            @Reference AuditTrail audit,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.products)") MigratedSchema schema) {
        this.records = records;
        this.types = types;
        this.access = access;
        this.scope = scope;
        this.fields = fields;
        this.callers = callers;
        this.audit = audit;
    }

    /**
     * @param guard a module's guard
     * @param properties its service properties, {@code crm.record.type} among them
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addGuard(LineGuard guard, Map<String, Object> properties) {
        Object type = properties.get(RecordType.ID);
        if (type == null) {
            LOG.warn("A line guard without {} is ignored: {}", RecordType.ID, guard);
        } else {
            guards.put(String.valueOf(type), guard);
        }
    }

    /**
     * @param guard a module's guard that goes
     * @param properties its service properties
     */
    void removeGuard(LineGuard guard, Map<String, Object> properties) {
        Object type = properties.get(RecordType.ID);
        if (type != null) {
            guards.remove(String.valueOf(type), guard);
        }
    }

    @Override
    public List<LineItem> lines(String recordType, long recordId) {
        visible(recordType, recordId);
        return scope.required(c -> LineStore.lines(c, recordType, recordId));
    }

    @Override
    public Optional<String> currency(String recordType, long recordId) {
        visible(recordType, recordId);
        return scope.required(c -> LineStore.currency(c, recordType, recordId));
    }

    @Override
    public List<LineItem> replace(String recordType, long recordId, String currency, List<LineInput> lines) {
        return scope.required(c -> {
            RecordRow owner = editable(recordType, recordId);
            String code = LineRules.currency(currency);
            List<LineItem> before = LineStore.lines(c, recordType, recordId);
            Map<Long, LineStore.Product> products = LineStore.products(c, lines.stream().map(LineInput::productId).toList());
            List<LineStore.Row> rows = LineRules.rows(lines, code, products,
                    before.stream().collect(Collectors.toMap(LineItem::id, Function.identity())));
            LineStore.replace(c, recordType, recordId, code, rows);
            List<LineItem> after = LineStore.lines(c, recordType, recordId);
            audit(owner, recordType, before, after, code);
            changed(recordType, recordId, code, after);
            return after;
        });
    }

    @Override
    public DocumentTotals totals(String recordType, long recordId) {
        visible(recordType, recordId);
        return scope.required(c -> {
            List<LineItem> lines = LineStore.lines(c, recordType, recordId);
            return DocumentTotals.ofLines(lines.isEmpty() ? defaultCurrency() : lines.get(0).currency(), lines);
        });
    }

    @Override
    public List<LineItem> copy(String fromType, long fromId, String toType, long toId) {
        visible(fromType, fromId);
        return scope.required(c -> {
            RecordRow owner = editable(toType, toId);
            List<LineItem> source = LineStore.lines(c, fromType, fromId);
            List<LineItem> before = LineStore.lines(c, toType, toId);
            String currency = source.isEmpty() ? before.isEmpty() ? defaultCurrency() : before.get(0).currency()
                    : source.get(0).currency();
            LineStore.replace(c, toType, toId, currency, source.stream().map(l -> new LineStore.Row(0, l.productId(),
                    l.productCode(), l.productName(), l.description(), l.costType(), l.unitPrice(), l.quantity(),
                    l.discountPercent(), l.taxPercent())).toList());
            List<LineItem> after = LineStore.lines(c, toType, toId);
            audit(owner, toType, before, after, currency);
            changed(toType, toId, currency, after);
            return after;
        });
    }

    @Override
    public LineProposal propose(long productId, BigDecimal quantity, Optional<Long> priceListId, String currency,
            LocalDate on) {
        access.require(ProductsModule.VIEW);
        String code = LineRules.currency(currency);
        if (quantity == null || quantity.signum() <= 0) {
            throw new ValidationException(List.of(new FieldError("quantity", "Enter a quantity above 0")));
        }
        return scope.required(c -> {
            LineStore.Product product = Optional.ofNullable(LineStore.products(c, List.of(productId)).get(productId))
                    .orElseThrow(() -> new NotFoundException("Product", productId));
            if (!product.active()) {
                throw new ValidationException(List.of(new FieldError("product", "The product " + product.code()
                        + " (" + product.name() + ") is not active: choose an active product")));
            }
            Optional<PriceList> list = Optional.empty();
            Optional<ProductPrice> price = Optional.empty();
            if (priceListId.isPresent()) {
                PriceList found = PriceListStore.find(c, priceListId.get())
                        .orElseThrow(() -> new NotFoundException("Price list", priceListId.get()));
                if (!found.currency().equalsIgnoreCase(code)) {
                    throw new ValidationException(List.of(new FieldError("priceList", "The price list " + found.name()
                            + " is in " + found.currency() + " and the document in " + code
                            + ": choose a list in " + code)));
                }
                if (!found.validOn(on)) {
                    throw new ValidationException(List.of(new FieldError("priceList", "The price list "
                            + found.name() + " is not valid on " + on + ": choose another list")));
                }
                list = Optional.of(found);
                price = PriceListStore.prices(c, found.id(), found.currency(), Optional.of(productId)).stream()
                        .findFirst();
            }
            return LineRules.propose(product, quantity, list, price, code);
        });
    }

    @Override
    public String defaultCurrency() {
        return callers.callAs(Caller.SYSTEM, () -> fields.pickList(ProductFields.RECORD_TYPE, ProductFields.CURRENCY))
                .stream().filter(v -> v.isDefault() && v.active()).map(PickListValue::value)
                .filter(org.tesseracrm.products.api.Money::isCurrency).map(v -> v.toUpperCase(Locale.ROOT))
                .findFirst().orElse("EUR");
    }

    /** @return the owning record, when the caller may view it (its type's view permission and visibility) */
    private RecordRow visible(String recordType, long recordId) {
        RecordType type = types.find(recordType).orElseThrow(() -> new NotFoundException("There is no record type "
                + recordType + " (its module may not be installed)"));
        return records.get(recordType, recordId).orElseThrow(() -> new NotFoundException(type.label(), recordId));
    }

    /** @return the owning record, when the caller may edit it; asks the type's guard */
    private RecordRow editable(String recordType, long recordId) {
        RecordRow row = visible(recordType, recordId);
        access.require(types.require(recordType).moduleId() + ".edit");
        LineGuard guard = guards.get(recordType);
        if (guard != null) {
            guard.check(recordType, recordId);
        }
        return row;
    }

    /** Tells the type's guard the new totals, in the change's transaction. */
    private void changed(String recordType, long recordId, String currency, List<LineItem> after) {
        LineGuard guard = guards.get(recordType);
        if (guard != null) {
            guard.changed(recordType, recordId, DocumentTotals.ofLines(currency, after));
        }
    }

    private void audit(RecordRow owner, String recordType, List<LineItem> before, List<LineItem> after,
            String currency) {
        String was = summary(before);
        String is = summary(after);
        if (was.equals(is) && before.equals(after)) {
            return;
        }
        RecordType type = types.require(recordType);
        audit.record(new RecordChange(type.moduleId(), recordType, owner.id(), type.title(owner),
                String.valueOf(owner.values().get("owner")), AuditAction.UPDATE, Map.of(AUDIT_FIELD, was),
                Map.of(AUDIT_FIELD, is.equals(was) ? is + " (changed)" : is)));
        LOG.debug("Lines of {} {} replaced: {} in {}", recordType, owner.id(), is, currency);
    }

    /** @return "3 lines, total 1234.56 EUR", or "" without lines */
    static String summary(List<LineItem> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        DocumentTotals totals = DocumentTotals.ofLines(lines.get(0).currency(), lines);
        return lines.size() + (lines.size() == 1 ? " line" : " lines") + ", total "
                + totals.overall().total().toPlainString() + " " + totals.currency();
    }
}
