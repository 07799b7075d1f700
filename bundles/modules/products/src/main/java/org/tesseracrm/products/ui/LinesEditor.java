package org.tesseracrm.products.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.ui.kit.FieldErrors;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.LineProposal;
import org.tesseracrm.products.api.Money;
import org.tesseracrm.products.api.ProductFields;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/**
 * The editor of a sales document's product lines, for any module's screen (the opportunity's Products panel, the
 * quote form): a grid of lines, each with its product (active products only), description, cost type, list price
 * (editable), quantity, amount, discount % (editable; set from the price list's quantity range when the quantity
 * changes, when the editor has a {@link #setPriceList price list}), tax % (editable; set from the product) and line total; add, remove and move lines up and down; below,
 * the totals per cost type and overall, recomputed as the user types with the one money rule
 * ({@link LineAmounts#of}, {@link DocumentTotals}). In {@link #setReadOnly read-only} mode nothing can be changed.
 *
 * <p>The editor holds the lines until {@link #save} replaces the record's lines through
 * {@link LineItems#replace} (which checks the permissions and the record type's guard); its validation messages
 * appear at the cell they concern. A host that saves otherwise reads {@link #getLines()} and shows the service's
 * refusal with {@link #showErrors}.
 *
 * <p>Element ids: {@code lines-editor}, {@code lines-grid}, {@code lines-add}, {@code lines-totals}; cells of a
 * line have the classes {@code line-product}, {@code line-description}, {@code line-cost-type},
 * {@code line-price}, {@code line-quantity}, {@code line-amount}, {@code line-discount}, {@code line-tax},
 * {@code line-total}, {@code line-up}, {@code line-down}, {@code line-remove}; the overall total's text has the id
 * {@code lines-total}.
 */
public class LinesEditor extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient LineItems lineItems;
    private final transient Records records;
    private final List<Row> rows = new ArrayList<>();
    private final Grid<Row> grid = new Grid<>();
    private final Grid<Map.Entry<String, LineAmounts>> totalsGrid = new Grid<>();
    private final Span total = new Span();
    private final Button add = new Button("Add line", VaadinIcon.PLUS.create());
    private final transient List<Consumer<DocumentTotals>> listeners = new CopyOnWriteArrayList<>();
    private final Grid.Column<Row> actions;
    private String currency;
    private Optional<Long> priceList = Optional.empty();
    private LocalDate day = LocalDate.now();
    private boolean readOnly;

    /**
     * @param lineItems proposes new lines' values and saves the lines (checking the user's permissions)
     * @param records finds active products for the product picker (with the user's rights)
     * @param currency the document's ISO 4217 currency
     */
    public LinesEditor(LineItems lineItems, Records records, String currency) {
        this.lineItems = lineItems;
        this.records = records;
        this.currency = currency;
        setId("lines-editor");
        setPadding(false);
        grid.setId("lines-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        // a product's name must stay readable: the grid scrolls sideways in a narrow form rather than cut it
        grid.addComponentColumn(r -> r.product).setHeader("Product").setWidth("16em").setFlexGrow(2);
        grid.addComponentColumn(r -> r.description).setHeader("Description").setWidth("12em").setFlexGrow(2);
        grid.addComponentColumn(r -> r.costType).setHeader("Cost type").setWidth("7em").setFlexGrow(0);
        grid.addComponentColumn(r -> r.price).setHeader("List price").setWidth("7em").setFlexGrow(0);
        grid.addComponentColumn(r -> r.quantity).setHeader("Quantity").setWidth("6em").setFlexGrow(0);
        grid.addComponentColumn(r -> r.amount).setHeader("Amount").setWidth("7em").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(r -> r.discount).setHeader("Discount %").setWidth("7.5em").setFlexGrow(0);
        grid.addComponentColumn(r -> r.tax).setHeader("Tax %").setWidth("6em").setFlexGrow(0);
        grid.addComponentColumn(r -> r.total).setHeader("Line total").setWidth("7em").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        actions = grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        add.setId("lines-add");
        add.addClickListener(e -> {
            rows.add(new Row(Optional.empty()));
            refreshRows();
        });
        totalsGrid.setId("lines-totals");
        totalsGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        totalsGrid.addColumn(Map.Entry::getKey).setHeader("Cost type").setFlexGrow(2);
        totalsGrid.addColumn(e -> text(e.getValue().amount())).setHeader("Subtotal").setTextAlign(ColumnTextAlign.END);
        totalsGrid.addColumn(e -> text(e.getValue().discount())).setHeader("Discount").setTextAlign(ColumnTextAlign.END);
        totalsGrid.addColumn(e -> text(e.getValue().net())).setHeader("Net").setTextAlign(ColumnTextAlign.END);
        totalsGrid.addColumn(e -> text(e.getValue().tax())).setHeader("Tax").setTextAlign(ColumnTextAlign.END);
        totalsGrid.addColumn(e -> text(e.getValue().total())).setHeader("Total").setTextAlign(ColumnTextAlign.END);
        totalsGrid.setAllRowsVisible(true);
        totalsGrid.setWidthFull();
        total.setId("lines-total");
        total.getStyle().set("font-weight", "bold");
        add(grid, add, totalsGrid, total);
        recompute();
    }

    /**
     * @param code the document's ISO 4217 currency; amounts and totals are recomputed in it
     */
    public void setCurrency(String code) {
        this.currency = code;
        recompute();
    }

    /** @return the document's currency */
    public String getCurrency() {
        return currency;
    }

    /**
     * @param id the document's price list, whose prices and quantity ranges new lines take; empty for the
     *     products' own prices
     */
    public void setPriceList(Optional<Long> id) {
        this.priceList = id;
    }

    /** @param on the day whose prices apply to new lines (today unless set) */
    public void setDay(LocalDate on) {
        this.day = on;
    }

    /**
     * Shows stored lines (replacing what the editor held).
     *
     * @param lines the lines by position
     */
    public void setLines(List<LineItem> lines) {
        rows.clear();
        lines.forEach(line -> rows.add(new Row(line)));
        refreshRows();
    }

    /**
     * @return the lines as the user entered them, in order, for {@link LineItems#replace}; an empty price, discount
     *     or tax is 0, an empty quantity 0 (which the service refuses), a line without product names product 0
     */
    public List<LineInput> getLines() {
        return rows.stream().map(Row::input).toList();
    }

    /** @return the totals of the lines as entered (lines without price or quantity count as nothing) */
    public DocumentTotals getTotals() {
        List<Map.Entry<String, LineAmounts>> amounts = new ArrayList<>();
        for (Row row : rows) {
            row.amounts().ifPresent(a -> amounts.add(Map.entry(row.costTypeValue, a)));
        }
        return DocumentTotals.of(currency, amounts);
    }

    /**
     * @param listener told the new totals whenever a value, a line or the currency changes
     * @return removes it
     */
    public Registration addTotalsListener(Consumer<DocumentTotals> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * @param value true to show the lines without any way to change them
     */
    public void setReadOnly(boolean value) {
        this.readOnly = value;
        add.setVisible(!value);
        actions.setVisible(!value);
        rows.forEach(Row::applyReadOnly);
    }

    /** @return whether the editor is read-only */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Replaces the record's lines with the editor's ({@link LineItems#replace}) and shows the stored lines; a refusal
     * (validation, a guard, a missing permission) is shown to the user and nothing changes.
     *
     * @param recordType the owning record's type
     * @param recordId the owning record
     * @return the stored lines; empty if the service refused them
     */
    public Optional<List<LineItem>> save(String recordType, long recordId) {
        try {
            List<LineItem> saved = lineItems.replace(recordType, recordId, currency, getLines());
            setLines(saved);
            return Optional.of(saved);
        } catch (ValidationException e) {
            showErrors(e);
        } catch (ConflictException | PermissionDeniedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        return Optional.empty();
    }

    /**
     * Shows a refusal of {@link LineItems#replace} at the cells it names ({@code lines[i].quantity} ...); other
     * messages appear as a notification.
     *
     * @param e the refusal
     */
    public void showErrors(ValidationException e) {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String at = "lines[" + i + "].";
            fields.put(at + "product", row.product);
            fields.put(at + "description", row.description);
            fields.put(at + "unitPrice", row.price);
            fields.put(at + "quantity", row.quantity);
            fields.put(at + "discountPercent", row.discount);
            fields.put(at + "taxPercent", row.tax);
        }
        FieldErrors.show(e, fields);
    }

    /**
     * Moves a line, as its arrow buttons do.
     *
     * @param index the line's index
     * @param by -1 up, 1 down
     */
    void moveLine(int index, int by) {
        move(rows.get(index), by);
    }

    /**
     * Removes a line, as its bin button does.
     *
     * @param index the line's index
     */
    void removeLine(int index) {
        rows.remove(index);
        refreshRows();
    }

    /** @return the add button, for tests */
    Button addButton() {
        return add;
    }

    private HorizontalLayout actions(Row row) {
        Button up = icon(VaadinIcon.ARROW_UP, "line-up", "Move up", () -> move(row, -1));
        Button down = icon(VaadinIcon.ARROW_DOWN, "line-down", "Move down", () -> move(row, 1));
        Button remove = icon(VaadinIcon.TRASH, "line-remove", "Remove", () -> removeLine(rows.indexOf(row)));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        int at = rows.indexOf(row);
        up.setEnabled(at > 0);
        down.setEnabled(at >= 0 && at < rows.size() - 1);
        HorizontalLayout buttons = new HorizontalLayout(up, down, remove);
        buttons.setSpacing(false);
        return buttons;
    }

    private static Button icon(VaadinIcon icon, String className, String label, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addClassName(className);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        return button;
    }

    private void move(Row row, int by) {
        int from = rows.indexOf(row);
        int to = from + by;
        if (from < 0 || to < 0 || to >= rows.size()) {
            return;
        }
        rows.remove(from);
        rows.add(to, row);
        refreshRows();
    }

    private void refreshRows() {
        grid.setItems(new ArrayList<>(rows));
        rows.forEach(Row::applyReadOnly);
        recompute();
    }

    private void recompute() {
        rows.forEach(Row::showAmounts);
        DocumentTotals totals = getTotals();
        List<Map.Entry<String, LineAmounts>> shown = new ArrayList<>(totals.byCostType().entrySet());
        shown.add(Map.entry("All (" + totals.currency() + ")", totals.overall()));
        totalsGrid.setItems(shown);
        total.setText("Total " + text(totals.overall().total()) + " " + totals.currency());
        listeners.forEach(l -> l.accept(totals));
    }

    /** Asks the service for a product's values at a quantity; empty (with a message) when it cannot. */
    private Optional<LineProposal> propose(long productId, BigDecimal quantity) {
        try {
            LineProposal proposal = lineItems.propose(productId, quantity, priceList, currency, day);
            proposal.notice().ifPresent(n -> Notification.show(n, 5000, Notification.Position.MIDDLE));
            return Optional.of(proposal);
        } catch (CrmException e) {
            Notification.show(e instanceof ValidationException v ? v.errors().stream().map(FieldError::message)
                    .reduce((a, b) -> a + " " + b).orElse(e.getMessage()) : e.getMessage(), 5000,
                    Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
            return Optional.empty();
        }
    }

    private List<RecordRef> activeProducts(String text, int offset, int limit) {
        RecordQuery query = RecordQuery.page(offset, limit).withSort(List.of(new SortOrder(ProductFields.NAME, true)))
                .withFilters(List.of(Filter.of(ProductFields.ACTIVE, FilterOp.EQUALS, "true")));
        if (!text.isBlank()) {
            query = query.withText(text.strip());
        }
        try {
            return records.page(ProductFields.RECORD_TYPE, query).stream().map(LinesEditor::ref).toList();
        } catch (PermissionDeniedException e) {
            return List.of();
        }
    }

    private static RecordRef ref(RecordRow product) {
        return new RecordRef(ProductFields.RECORD_TYPE, product.id(), title(product.text(ProductFields.NAME),
                product.text(ProductFields.CODE)));
    }

    private static String title(String name, String code) {
        return code.isBlank() ? name : name + " (" + code + ")";
    }

    private static String text(BigDecimal value) {
        return LocalTimes.current().text(value);
    }

    /** One line in the editor: its inputs and computed texts. */
    private final class Row {
        private final Optional<Long> id;
        private final ComboBox<RecordRef> product = new ComboBox<>();
        private final TextField description = new TextField();
        private final Span costType = new Span();
        private final BigDecimalField price = new BigDecimalField();
        private final BigDecimalField quantity = new BigDecimalField();
        private final Span amount = new Span();
        private final BigDecimalField discount = new BigDecimalField();
        private final BigDecimalField tax = new BigDecimalField();
        private final Span total = new Span();
        private String costTypeValue = ProductFields.ONE_TIME;

        /** A stored line. */
        Row(LineItem line) {
            this(Optional.of(line.id()));
            RecordRef current = new RecordRef(ProductFields.RECORD_TYPE, line.productId(),
                    title(line.productName(), line.productCode()));
            product.setValue(current);
            description.setValue(line.description());
            costTypeValue = line.costType();
            costType.setText(line.costType());
            price.setValue(line.unitPrice());
            quantity.setValue(line.quantity());
            discount.setValue(line.discountPercent());
            tax.setValue(line.taxPercent());
            listen();
        }

        /** A new line. */
        Row(Optional<Long> id) {
            this.id = id;
            product.addClassName("line-product");
            product.setItemLabelGenerator(RecordRef::title);
            product.setItems(query -> activeProducts(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                    .stream());
            product.setWidthFull();
            description.addClassName("line-description");
            description.setMaxLength(LineItems.MAX_DESCRIPTION);
            description.setWidthFull();
            costType.addClassName("line-cost-type");
            price.addClassName("line-price");
            quantity.addClassName("line-quantity");
            for (BigDecimalField field : List.of(price, quantity, discount, tax)) {
                field.setWidthFull();
            }
            amount.addClassName("line-amount");
            discount.addClassName("line-discount");
            tax.addClassName("line-tax");
            total.addClassName("line-total");
            if (id.isEmpty()) {
                quantity.setValue(BigDecimal.ONE);
                listen();
            }
        }

        private void listen() {
            product.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    BigDecimal qty = Optional.ofNullable(quantity.getValue()).filter(q -> q.signum() > 0)
                            .orElse(BigDecimal.ONE);
                    propose(e.getValue().id(), qty).ifPresent(this::take);
                }
                recompute();
            });
            quantity.addValueChangeListener(e -> {
                // only a price list has quantity ranges: without one a typed discount stays as it is
                if (e.isFromClient() && priceList.isPresent() && product.getValue() != null && e.getValue() != null
                        && e.getValue().signum() > 0) {
                    propose(product.getValue().id(), e.getValue()).ifPresent(p -> discount.setValue(p.discountPercent()));
                }
                recompute();
            });
            price.addValueChangeListener(e -> recompute());
            discount.addValueChangeListener(e -> recompute());
            tax.addValueChangeListener(e -> recompute());
        }

        private void take(LineProposal proposal) {
            description.setValue(proposal.description().length() > LineItems.MAX_DESCRIPTION
                    ? proposal.description().substring(0, LineItems.MAX_DESCRIPTION) : proposal.description());
            costTypeValue = proposal.costType();
            costType.setText(proposal.costType());
            price.setValue(proposal.unitPrice());
            discount.setValue(proposal.discountPercent());
            tax.setValue(proposal.taxPercent());
        }

        private void applyReadOnly() {
            product.setReadOnly(readOnly);
            description.setReadOnly(readOnly);
            price.setReadOnly(readOnly);
            quantity.setReadOnly(readOnly);
            discount.setReadOnly(readOnly);
            tax.setReadOnly(readOnly);
        }

        private Optional<LineAmounts> amounts() {
            if (price.getValue() == null || quantity.getValue() == null || !Money.isCurrency(currency)) {
                return Optional.empty();
            }
            return Optional.of(LineAmounts.of(price.getValue(), quantity.getValue(), or0(discount.getValue()),
                    or0(tax.getValue()), currency));
        }

        private void showAmounts() {
            Optional<LineAmounts> amounts = amounts();
            amount.setText(amounts.map(a -> text(a.amount())).orElse(""));
            total.setText(amounts.map(a -> text(a.total())).orElse(""));
        }

        private LineInput input() {
            return new LineInput(id, product.getValue() == null ? 0 : product.getValue().id(), description.getValue(),
                    or0(price.getValue()), or0(quantity.getValue()), or0(discount.getValue()), or0(tax.getValue()));
        }

        private BigDecimal or0(BigDecimal value) {
            return value == null ? BigDecimal.ZERO : value;
        }
    }
}
