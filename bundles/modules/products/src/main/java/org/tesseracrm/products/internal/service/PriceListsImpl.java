package org.tesseracrm.products.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.products.api.Money;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceListInput;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.api.PriceQuote;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;
import org.tesseracrm.products.internal.ProductsModule;

/**
 * The price lists (see {@link PriceLists}). Price lists are the company's catalogue: whoever may view products sees
 * every list and price, whoever owns the products; changes need {@code products.configure}.
 */
@Component(service = PriceLists.class)
public class PriceListsImpl implements PriceLists {
    private static final Logger LOG = LoggerFactory.getLogger(PriceListsImpl.class);

    private final AccessControl access;
    private final TransactionScope scope;

    /**
     * @param access the caller's permissions
     * @param scope the transactions
     * @param schema the module's tables
     */
    @Activate
    public PriceListsImpl(@Reference AccessControl access, @Reference TransactionScope scope,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.products)") MigratedSchema schema) {
        this.access = access;
        this.scope = scope;
    }

    @Override
    public List<PriceList> lists() {
        access.require(ProductsModule.VIEW);
        return scope.required(PriceListStore::lists);
    }

    @Override
    public PriceList get(long id) {
        access.require(ProductsModule.VIEW);
        return scope.required(c -> PriceListStore.find(c, id)).orElseThrow(() -> new NotFoundException("Price list", id));
    }

    @Override
    public List<PriceList> applicable(Map<String, String> situation, String currency, LocalDate on) {
        access.require(ProductsModule.VIEW);
        return scope.required(PriceListStore::lists).stream()
                .filter(l -> l.currency().equalsIgnoreCase(currency.strip()) && l.validOn(on) && l.appliesTo(situation))
                .toList();
    }

    @Override
    public PriceList create(PriceListInput input) {
        access.require(CONFIGURE);
        return scope.required(c -> {
            List<PriceList> lists = PriceListStore.lists(c);
            refuse(PriceRules.checkList(input, lists.stream().map(PriceList::name).toList()));
            long id = PriceListStore.insert(c, input.name().strip(), currency(input), input.validFrom(),
                    input.validTo(), PriceRules.conditions(input));
            LOG.info("Price list {} ({}) created", input.name().strip(), currency(input));
            return PriceListStore.find(c, id).orElseThrow();
        });
    }

    @Override
    public PriceList update(long id, PriceListInput input) {
        access.require(CONFIGURE);
        return scope.required(c -> {
            List<PriceList> lists = PriceListStore.lists(c);
            PriceList old = lists.stream().filter(l -> l.id() == id).findFirst()
                    .orElseThrow(() -> new NotFoundException("Price list", id));
            List<FieldError> errors = new ArrayList<>(PriceRules.checkList(input,
                    lists.stream().filter(l -> l.id() != id).map(PriceList::name).toList()));
            if (errors.isEmpty() && !currency(input).equals(old.currency())) {
                int held = PriceListStore.priceScale(c, id);
                int allowed = Money.scale(currency(input));
                if (held > allowed) {
                    errors.add(new FieldError("currency", "Some prices of this list have " + held + " decimals and "
                            + currency(input) + " has " + allowed + ": round those prices first"));
                }
            }
            refuse(errors);
            PriceListStore.update(c, id, input.name().strip(), currency(input), input.validFrom(), input.validTo(),
                    PriceRules.conditions(input));
            return PriceListStore.find(c, id).orElseThrow();
        });
    }

    @Override
    public void delete(long id) {
        access.require(CONFIGURE);
        scope.required(c -> {
            PriceList list = PriceListStore.find(c, id).orElseThrow(() -> new NotFoundException("Price list", id));
            PriceListStore.delete(c, id);
            LOG.info("Price list {} deleted", list.name());
            return null;
        });
    }

    @Override
    public List<ProductPrice> prices(long priceListId) {
        access.require(ProductsModule.VIEW);
        return scope.required(c -> PriceListStore.prices(c, priceListId, list(c, priceListId).currency(),
                Optional.empty()));
    }

    @Override
    public Optional<ProductPrice> productPrice(long priceListId, long productId) {
        access.require(ProductsModule.VIEW);
        return scope.required(c -> PriceListStore.prices(c, priceListId, list(c, priceListId).currency(),
                Optional.of(productId))).stream().findFirst();
    }

    @Override
    public ProductPrice setPrice(long priceListId, long productId, BigDecimal price, List<QuantityRange> ranges) {
        access.require(CONFIGURE);
        return scope.required(c -> {
            PriceList list = list(c, priceListId);
            PriceListStore.product(c, productId).orElseThrow(() -> new NotFoundException("Product", productId));
            List<FieldError> errors = new ArrayList<>(PriceRules.checkPrice(price, list.currency()));
            errors.addAll(PriceRules.checkRanges(ranges));
            refuse(errors);
            PriceListStore.setPrice(c, priceListId, productId, price, PriceRules.sorted(ranges));
            return PriceListStore.prices(c, priceListId, list.currency(), Optional.of(productId)).get(0);
        });
    }

    @Override
    public void removePrice(long priceListId, long productId) {
        access.require(CONFIGURE);
        scope.required(c -> {
            list(c, priceListId);
            PriceListStore.removePrice(c, priceListId, productId);
            return null;
        });
    }

    @Override
    public PriceQuote price(long productId, long priceListId, BigDecimal quantity, LocalDate on) {
        access.require(ProductsModule.VIEW);
        if (quantity == null || quantity.signum() <= 0) {
            refuse(List.of(new FieldError("quantity", "Enter a quantity above 0")));
        }
        return scope.required(c -> {
            PriceList list = list(c, priceListId);
            PriceListStore.Product product = PriceListStore.product(c, productId)
                    .orElseThrow(() -> new NotFoundException("Product", productId));
            if (!list.validOn(on)) {
                refuse(List.of(new FieldError("on", "The price list " + list.name() + " is valid "
                        + list.validFrom().map(f -> "from " + f + " ").orElse("")
                        + list.validTo().map(t -> "to " + t + " ").orElse("") + "and not on " + on
                        + ": choose another list or day")));
            }
            ProductPrice price = PriceListStore.prices(c, priceListId, list.currency(), Optional.of(productId)).stream()
                    .findFirst().orElseThrow(() -> new ValidationException(List.of(new FieldError("product",
                            "The product " + product.code() + " (" + product.name() + ") has no price in the list "
                                    + list.name() + ": give it one there or enter the price by hand"))));
            return PriceRules.quote(list, productId, price.price(), price.ranges(), product.taxRate(), quantity, on);
        });
    }

    private static PriceList list(java.sql.Connection c, long id) throws java.sql.SQLException {
        return PriceListStore.find(c, id).orElseThrow(() -> new NotFoundException("Price list", id));
    }

    private static String currency(PriceListInput input) {
        return input.currency().strip().toUpperCase(Locale.ROOT);
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
