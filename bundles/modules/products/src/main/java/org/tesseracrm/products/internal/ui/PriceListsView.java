package org.tesseracrm.products.internal.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.ui.kit.FieldErrors;
import org.tesseracrm.products.api.Money;
import org.tesseracrm.products.api.PriceCondition;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceListInput;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration of the price lists: the lists (add, edit, delete), and the selected list's prices with their
 * quantity ranges, edited in a grid; the service's validation messages appear next to the field they concern.
 * Element ids: {@code price-lists-grid}, {@code price-lists-add}, {@code price-list-name}, {@code price-list-currency},
 * {@code price-list-from}, {@code price-list-to}, {@code price-list-conditions}, {@code price-list-save};
 * {@code prices-grid}, {@code prices-add}, {@code price-product}, {@code price-price}, {@code price-ranges-grid},
 * {@code price-range-add}, {@code price-save}; row buttons have the classes {@code price-list-edit},
 * {@code price-list-delete}, {@code price-list-prices}, {@code price-edit}, {@code price-remove}; range rows'
 * fields the classes {@code range-from}, {@code range-to}, {@code range-discount}, {@code range-remove}.
 */
public class PriceListsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient PriceLists lists;
    private final transient Records records;
    private final Grid<PriceList> listGrid = new Grid<>();
    private final Grid<ProductPrice> priceGrid = new Grid<>();
    private final H3 pricesTitle = new H3();
    private final Button addPrice = new Button("Add product price");
    private transient PriceList selected;

    /**
     * @param lists the price lists service, which checks {@code products.configure}
     * @param records finds products by what the admin types
     */
    public PriceListsView(PriceLists lists, Records records) {
        this.lists = lists;
        this.records = records;
        setId("price-lists-view");
        Button add = new Button("Add price list", e -> editList(null));
        add.setId("price-lists-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        listGrid.setId("price-lists-grid");
        listGrid.addColumn(PriceList::name).setHeader("Price list").setFlexGrow(2);
        listGrid.addColumn(PriceList::currency).setHeader("Currency").setAutoWidth(true);
        listGrid.addColumn(l -> l.validFrom().map(Object::toString).orElse("always")
                + " – " + l.validTo().map(Object::toString).orElse("no end")).setHeader("Valid").setAutoWidth(true);
        listGrid.addColumn(l -> l.conditions().isEmpty() ? "everywhere" : l.conditions().stream()
                .map(c -> c.dimension() + " = " + c.value()).collect(Collectors.joining(", "))).setHeader("Condition")
                .setFlexGrow(2);
        listGrid.addComponentColumn(this::listActions).setHeader("").setAutoWidth(true);
        listGrid.setAllRowsVisible(true);
        addPrice.setId("prices-add");
        addPrice.addClickListener(e -> editPrice(null));
        priceGrid.setId("prices-grid");
        priceGrid.addColumn(ProductPrice::productCode).setHeader("Code").setAutoWidth(true);
        priceGrid.addColumn(ProductPrice::productName).setHeader("Product").setFlexGrow(2);
        priceGrid.addColumn(p -> p.price().toPlainString()).setHeader("Price").setAutoWidth(true);
        priceGrid.addColumn(p -> p.ranges().isEmpty() ? "none" : p.ranges().stream().map(PriceListsView::text)
                .collect(Collectors.joining("; "))).setHeader("Quantity discounts").setFlexGrow(3);
        priceGrid.addComponentColumn(this::priceActions).setHeader("").setAutoWidth(true);
        priceGrid.setAllRowsVisible(true);
        add(new H2("Price lists"), new Paragraph("A price list holds a price per product in one currency, for a "
                + "condition (place of sale, customer segment, ...) and a validity period. Quantity ranges give a "
                + "discount from one quantity to another, both included; ranges of a product never overlap, gaps are "
                + "allowed. Amounts are rounded half up to the currency's decimals, once per line."), add, listGrid,
                pricesTitle, addPrice, priceGrid);
        refresh();
        show(Optional.empty());
    }

    @Override
    public String getPageTitle() {
        return "Price lists";
    }

    private HorizontalLayout listActions(PriceList list) {
        Button prices = small("Prices", "price-list-prices", () -> show(Optional.of(list)));
        Button edit = small("Edit", "price-list-edit", () -> editList(list));
        Button delete = small("Delete", "price-list-delete", () -> {
            lists.delete(list.id());
            Notification.show("Deleted price list " + list.name() + ".");
            if (selected != null && selected.id() == list.id()) {
                show(Optional.empty());
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(prices, edit, delete);
    }

    private HorizontalLayout priceActions(ProductPrice price) {
        Button edit = small("Edit", "price-edit", () -> editPrice(price));
        Button remove = small("Remove", "price-remove", () -> lists.removePrice(price.priceListId(), price.productId()));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, remove);
    }

    private Button small(String text, String className, Runnable action) {
        Button button = new Button(text, e -> {
            try {
                action.run();
                refresh();
            } catch (CrmException ex) {
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** Opens the dialog for a new list ({@code null}) or an existing one. */
    private void editList(PriceList list) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(list == null ? "New price list" : "Price list " + list.name());
        TextField name = new TextField("Name");
        name.setId("price-list-name");
        name.setMaxLength(100);
        TextField currency = new TextField("Currency (ISO code)");
        currency.setId("price-list-currency");
        currency.setMaxLength(3);
        DatePicker from = new DatePicker("Valid from (empty: always)");
        from.setId("price-list-from");
        DatePicker to = new DatePicker("Valid to, inclusive (empty: no end)");
        to.setId("price-list-to");
        TextArea conditions = new TextArea("Condition: one 'Dimension = Value' a line (empty: everywhere)");
        conditions.setId("price-list-conditions");
        conditions.setPlaceholder("Place of sale = Madrid\nCustomer segment = Wholesale");
        name.setValue(list == null ? "" : list.name());
        currency.setValue(list == null ? "EUR" : list.currency());
        from.setValue(list == null ? null : list.validFrom().orElse(null));
        to.setValue(list == null ? null : list.validTo().orElse(null));
        conditions.setValue(list == null ? "" : list.conditions().stream().map(c -> c.dimension() + " = " + c.value())
                .collect(Collectors.joining("\n")));
        Map<String, HasValidation> fields = Map.of("name", name, "currency", currency, "validTo", to,
                "conditions", conditions);
        Button save = new Button("Save", e -> {
            try {
                PriceListInput input = new PriceListInput(name.getValue(), currency.getValue(),
                        Optional.ofNullable(from.getValue()), Optional.ofNullable(to.getValue()),
                        conditions(conditions.getValue()));
                PriceList saved = list == null ? lists.create(input) : lists.update(list.id(), input);
                dialog.close();
                refresh();
                show(Optional.of(saved));
            } catch (ValidationException ex) {
                FieldErrors.show(ex, fields);
            }
        });
        save.setId("price-list-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(name, currency, from, to, conditions));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    /** Opens the dialog for a new product price ({@code null}) or an existing one, with its ranges in a grid. */
    private void editPrice(ProductPrice price) {
        if (selected == null) {
            return;
        }
        PriceList list = selected;
        Dialog dialog = new Dialog();
        dialog.setWidth("720px");
        dialog.setHeaderTitle(price == null ? "Product price in " + list.name()
                : price.productCode() + " in " + list.name());
        ComboBox<RecordRef> product = new ComboBox<>("Product");
        product.setId("price-product");
        product.setItemLabelGenerator(RecordRef::title);
        product.setItems(query -> records.lookup(ProductFields.RECORD_TYPE, query.getFilter().orElse(""),
                Math.min(200, query.getOffset() + query.getLimit())).stream().skip(query.getOffset()).limit(query.getLimit()));
        if (price != null) {
            RecordRef current = new RecordRef(ProductFields.RECORD_TYPE, price.productId(), price.productName());
            product.setItems(List.of(current));
            product.setValue(current);
            product.setReadOnly(true);
        }
        BigDecimalField unit = new BigDecimalField("Price (" + list.currency() + ", at most "
                + Money.scale(list.currency()) + " decimals)");
        unit.setId("price-price");
        unit.setValue(price == null ? null : price.price());
        List<RangeRow> rows = new ArrayList<>();
        if (price != null) {
            price.ranges().forEach(r -> rows.add(new RangeRow(r)));
        }
        Grid<RangeRow> ranges = new Grid<>();
        ranges.setId("price-ranges-grid");
        ranges.addComponentColumn(r -> r.from).setHeader("From quantity (incl.)");
        ranges.addComponentColumn(r -> r.to).setHeader("To quantity (incl., empty: no end)");
        ranges.addComponentColumn(r -> r.discount).setHeader("Discount %");
        ranges.addComponentColumn(r -> {
            Button remove = new Button("Remove", e -> {
                rows.remove(r);
                ranges.setItems(rows);
            });
            remove.addClassName("range-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true);
        ranges.setAllRowsVisible(true);
        ranges.setItems(rows);
        Button addRange = new Button("Add range", e -> {
            rows.add(new RangeRow(null));
            ranges.setItems(rows);
        });
        addRange.setId("price-range-add");
        Button save = new Button("Save", e -> {
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("price", unit);
            fields.put("product", product);
            for (int i = 0; i < rows.size(); i++) {
                fields.put("ranges[" + i + "].from", rows.get(i).from);
                fields.put("ranges[" + i + "].to", rows.get(i).to);
                fields.put("ranges[" + i + "].discountPercent", rows.get(i).discount);
            }
            FieldErrors.clear(fields);
            if (product.getValue() == null) {
                product.setErrorMessage("Choose a product");
                product.setInvalid(true);
                return;
            }
            List<RangeRow> incomplete = rows.stream().filter(r -> r.from.getValue() == null).toList();
            if (!incomplete.isEmpty()) {
                incomplete.forEach(r -> {
                    r.from.setErrorMessage("Enter the smallest quantity of the range");
                    r.from.setInvalid(true);
                });
                return;
            }
            try {
                lists.setPrice(list.id(), product.getValue().id(), unit.getValue(),
                        rows.stream().map(RangeRow::range).toList());
                dialog.close();
                refresh();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, fields);
            }
        });
        save.setId("price-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(product, unit), new Paragraph("Quantity discounts: a quantity from 'from' to 'to', "
                + "both included, gets the discount. Ranges must not overlap; gaps get no discount."), ranges, addRange);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    /** The three inputs of one range row. */
    private static final class RangeRow {
        private final BigDecimalField from = new BigDecimalField();
        private final BigDecimalField to = new BigDecimalField();
        private final BigDecimalField discount = new BigDecimalField();

        RangeRow(QuantityRange range) {
            from.addClassName("range-from");
            to.addClassName("range-to");
            discount.addClassName("range-discount");
            if (range != null) {
                from.setValue(range.from());
                to.setValue(range.to().orElse(null));
                discount.setValue(range.discountPercent());
            }
        }

        QuantityRange range() {
            return new QuantityRange(from.getValue(), Optional.ofNullable(to.getValue()),
                    Optional.ofNullable(discount.getValue()).orElse(java.math.BigDecimal.ZERO));
        }
    }

    private static List<PriceCondition> conditions(String text) {
        List<PriceCondition> parsed = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int at = line.indexOf('=');
            parsed.add(at < 0 ? new PriceCondition(line, "") : new PriceCondition(line.substring(0, at),
                    line.substring(at + 1)));
        }
        return parsed;
    }

    private static String text(QuantityRange r) {
        return r.from().toPlainString() + r.to().map(t -> "–" + t.toPlainString()).orElse(" and more") + ": "
                + r.discountPercent().toPlainString() + " %";
    }

    private void show(Optional<PriceList> list) {
        selected = list.orElse(null);
        pricesTitle.setText(list.map(l -> "Prices in " + l.name() + " (" + l.currency() + ")")
                .orElse("Choose a price list to see its prices"));
        addPrice.setEnabled(list.isPresent());
        priceGrid.setVisible(list.isPresent());
        priceGrid.setItems(list.map(l -> lists.prices(l.id())).orElse(List.of()));
    }

    private void refresh() {
        List<PriceList> all = lists.lists();
        listGrid.setItems(all);
        if (selected != null) {
            show(all.stream().filter(l -> l.id() == selected.id()).findFirst());
        }
    }
}
