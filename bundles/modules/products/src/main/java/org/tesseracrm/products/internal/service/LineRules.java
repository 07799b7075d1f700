package org.tesseracrm.products.internal.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.LineProposal;
import org.tesseracrm.products.api.Money;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;

/** The rules of product lines, without a database: what {@link LineItems#replace} refuses, and proposals. */
final class LineRules {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal QUANTITY_LIMIT = new BigDecimal("1000000000000000");

    private LineRules() {
    }

    /**
     * @param currency a text
     * @return the ISO 4217 code in upper case
     * @throws ValidationException on {@code currency} when it is not one
     */
    static String currency(String currency) {
        if (!Money.isCurrency(currency)) {
            throw new ValidationException(List.of(new FieldError("currency", "Choose a currency (an ISO 4217 code "
                    + "such as EUR)" + (currency == null || currency.isBlank() ? "" : ": " + currency.strip()
                    + " is not one"))));
        }
        return currency.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Checks the lines a user entered and makes the rows to store.
     *
     * @param inputs the new lines in order
     * @param currency the document's currency (valid)
     * @param products the products the inputs name, by id (missing ones do not exist)
     * @param stored the record's stored lines, by id
     * @return the rows to store, in order: a kept line (its id among {@code stored}, same product) keeps its id and
     *     its product snapshot; others have id 0 and the product's current code, name and cost type
     * @throws ValidationException with every problem, on {@code lines[i].<field>} and {@code lines}
     */
    static List<LineStore.Row> rows(List<LineInput> inputs, String currency, Map<Long, LineStore.Product> products,
            Map<Long, LineItem> stored) {
        List<FieldError> errors = new ArrayList<>();
        if (inputs.size() > LineItems.MAX_LINES) {
            errors.add(new FieldError("lines", "A document holds at most " + LineItems.MAX_LINES + " lines (this has "
                    + inputs.size() + "): split it in two"));
            throw new ValidationException(errors);
        }
        List<LineStore.Row> rows = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            LineInput in = inputs.get(i);
            String at = "lines[" + i + "].";
            Optional<LineItem> kept = in.id().map(stored::get);
            if (in.id().isPresent() && (kept.isEmpty() || !seen.add(in.id().get()))) {
                errors.add(new FieldError(at + "id", kept.isEmpty() ? "This line is no longer part of the document "
                        + "(someone changed it meanwhile): reload it and enter your change again"
                        : "This line is in the list twice: remove one"));
                kept = Optional.empty();
            }
            boolean same = kept.isPresent() && kept.get().productId() == in.productId();
            LineStore.Product product = products.get(in.productId());
            if (!same) {
                if (in.productId() <= 0) {
                    errors.add(new FieldError(at + "product", "Choose a product"));
                } else if (product == null) {
                    errors.add(new FieldError(at + "product", "The product #" + in.productId() + " does not exist "
                            + "(any more): choose another"));
                } else if (!product.active()) {
                    errors.add(new FieldError(at + "product", "The product " + product.code() + " (" + product.name()
                            + ") is not active: choose an active product"));
                }
            }
            if (in.description().length() > LineItems.MAX_DESCRIPTION) {
                errors.add(new FieldError(at + "description", "A description holds at most " + LineItems.MAX_DESCRIPTION
                        + " characters (this has " + in.description().length() + ")"));
            }
            PriceRules.checkPrice(in.unitPrice(), currency).forEach(e -> errors.add(new FieldError(at + "unitPrice",
                    e.message())));
            if (in.quantity().signum() <= 0) {
                errors.add(new FieldError(at + "quantity", "Enter a quantity above 0"));
            } else if (PriceRules.tooPrecise(in.quantity())) {
                errors.add(new FieldError(at + "quantity", "A quantity has at most " + PriceRules.QUANTITY_SCALE
                        + " decimals"));
            } else if (in.quantity().compareTo(QUANTITY_LIMIT) >= 0) {
                errors.add(new FieldError(at + "quantity", "Enter a quantity below " + QUANTITY_LIMIT.toPlainString()));
            }
            percent(errors, at + "discountPercent", "discount", in.discountPercent());
            percent(errors, at + "taxPercent", "tax", in.taxPercent());
            if (same) {
                LineItem line = kept.get();
                rows.add(new LineStore.Row(line.id(), line.productId(), line.productCode(), line.productName(),
                        in.description(), line.costType(), in.unitPrice(), in.quantity(), in.discountPercent(),
                        in.taxPercent()));
            } else if (product != null) {
                rows.add(new LineStore.Row(0, product.id(), product.code(), product.name(), in.description(),
                        product.costType(), in.unitPrice(), in.quantity(), in.discountPercent(), in.taxPercent()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return rows;
    }

    /**
     * @param product the product (active)
     * @param quantity more than 0
     * @param list the document's price list, in {@code currency}; empty for none
     * @param price the product's price in that list; empty when it has none there
     * @param currency the document's currency
     * @return the values a new line starts with
     */
    static LineProposal propose(LineStore.Product product, BigDecimal quantity, Optional<PriceList> list,
            Optional<ProductPrice> price, String currency) {
        int scale = Money.scale(currency);
        BigDecimal unitPrice;
        Optional<QuantityRange> range = Optional.empty();
        Optional<Long> listId = Optional.empty();
        Optional<String> notice = Optional.empty();
        if (price.isPresent()) {
            unitPrice = price.get().price();
            range = PriceRules.rangeFor(price.get().ranges(), quantity);
            listId = Optional.of(price.get().priceListId());
        } else if (product.unitPrice().isPresent() && product.currency().map(currency::equalsIgnoreCase).orElse(false)) {
            unitPrice = product.unitPrice().get().setScale(scale, Money.ROUNDING);
            notice = list.map(l -> "The price list " + l.name() + " has no price for " + product.code()
                    + ": the product's own price is proposed");
        } else {
            unitPrice = BigDecimal.ZERO.setScale(scale);
            notice = Optional.of("No price in " + currency + " for " + product.code() + " (" + product.name() + ")"
                    + list.map(l -> " in the price list " + l.name()).orElse("") + ": enter the price");
        }
        BigDecimal discount = range.map(QuantityRange::discountPercent).orElse(BigDecimal.ZERO);
        return new LineProposal(product.id(), product.code(), product.name(), product.description(),
                product.costType(), unitPrice, quantity, range, discount, product.taxRate(), listId, notice,
                LineAmounts.of(unitPrice, quantity, discount, product.taxRate(), currency));
    }

    private static void percent(List<FieldError> errors, String field, String what, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            errors.add(new FieldError(field, "Enter a " + what + " from 0 to 100 (percent)"));
        } else if (PriceRules.tooPrecise(value)) {
            errors.add(new FieldError(field, "A " + what + " has at most " + PriceRules.QUANTITY_SCALE + " decimals"));
        }
    }
}
