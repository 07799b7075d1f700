package org.tesseracrm.collections.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;

import org.tesseracrm.collections.api.AgedObligation;
import org.tesseracrm.collections.api.AgingBucket;
import org.tesseracrm.collections.api.AgingBy;
import org.tesseracrm.collections.api.AgingReport;
import org.tesseracrm.collections.api.AgingRow;
import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * The aging of the outstanding obligations of the collections the user sees: one row per customer (or collector) and
 * currency, the amounts in the buckets current, 1-30, 31-60, 61-90 and over 90 days past due, and a totals row per
 * currency at the bottom (class {@code aging-total}). A click on a row lists its obligations, each opening its
 * collection. Element ids: {@code aging-view}, {@code aging-by}, {@code aging-as-of}, {@code aging-grid},
 * {@code aging-obligations}.
 */
public class AgingView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient Receivables receivables;
    private final transient RecordKit kit;
    private final RadioButtonGroup<AgingBy> by = new RadioButtonGroup<>("Rows");
    private final DatePicker asOf = new DatePicker("As of");
    private final Grid<AgingRow> grid = new Grid<>();

    /**
     * @param receivables the aging, which checks the user's permission and visibility
     * @param kit opens a collection's form
     */
    public AgingView(Receivables receivables, RecordKit kit) {
        this.receivables = receivables;
        this.kit = kit;
        setId("aging-view");
        setSizeFull();
        by.setId("aging-by");
        by.setItems(AgingBy.CUSTOMER, AgingBy.COLLECTOR);
        by.setItemLabelGenerator(b -> b == AgingBy.CUSTOMER ? "Per customer" : "Per collector");
        by.setValue(AgingBy.CUSTOMER);
        asOf.setId("aging-as-of");
        asOf.setHelperText("Days past due are counted to this day (today in your time zone)");
        grid.setId("aging-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(AgingRow::label).setHeader("Customer").setKey("label").setFlexGrow(3);
        grid.addColumn(AgingRow::currency).setHeader("Currency").setAutoWidth(true).setFlexGrow(0);
        for (AgingBucket bucket : AgingBucket.values()) {
            grid.addColumn(r -> r.amount(bucket).toPlainString()).setHeader(bucket.label())
                    .setTextAlign(ColumnTextAlign.END).setKey(bucket.name());
        }
        grid.addColumn(r -> r.total().toPlainString()).setHeader("Total").setTextAlign(ColumnTextAlign.END)
                .setKey("total");
        grid.setPartNameGenerator(r -> r.key().equals("total") ? "aging-total" : null);
        grid.setClassNameGenerator(r -> r.key().equals("total") ? "aging-total" : null);
        grid.addItemClickListener(e -> {
            if (!e.getItem().key().equals("total")) {
                obligations(e.getItem());
            }
        });
        by.addValueChangeListener(e -> refresh());
        asOf.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(by, asOf);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Aging"), bar, grid);
        try {
            asOf.setValue(receivables.today());
        } catch (CrmException e) {
            error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        try {
            AgingBy rows = Optional.ofNullable(by.getValue()).orElse(AgingBy.CUSTOMER);
            AgingReport report = receivables.aging(rows, Optional.ofNullable(asOf.getValue()));
            grid.getColumnByKey("label").setHeader(rows == AgingBy.CUSTOMER ? "Customer" : "Collector");
            List<AgingRow> shown = new ArrayList<>(report.rows());
            shown.addAll(report.totals());
            grid.setItems(shown);
        } catch (CrmException e) {
            error(e.getMessage());
        }
    }

    /** Lists the obligations of a row; a click opens the collection. */
    private void obligations(AgingRow row) {
        List<AgedObligation> aged;
        try {
            aged = receivables.agedObligations(by.getValue(), row.key(), row.currency(), Optional.empty(),
                    Optional.ofNullable(asOf.getValue()));
        } catch (CrmException e) {
            error(e.getMessage());
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(row.label() + " (" + row.currency() + ")");
        Grid<AgedObligation> list = new Grid<>();
        list.setId("aging-obligations");
        list.addColumn(AgedObligation::collection).setHeader("Collection").setFlexGrow(2);
        list.addColumn(a -> a.obligation().dueDate().toString()).setHeader("Due").setAutoWidth(true);
        list.addColumn(a -> Math.max(0, a.daysPastDue())).setHeader("Days past due").setAutoWidth(true);
        list.addColumn(a -> a.bucket().label()).setHeader("Bucket").setAutoWidth(true);
        list.addColumn(a -> a.obligation().outstanding().toPlainString()).setHeader("Outstanding")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        list.addColumn(a -> a.obligation().status()).setHeader("Status").setAutoWidth(true);
        list.setItems(aged);
        list.addItemClickListener(e -> {
            dialog.close();
            try {
                kit.form(CollectionFields.RECORD_TYPE, CollectionFields.RECORD_TYPE,
                        new RecordRow(e.getItem().collectionId(), 0, Map.of()), this::refresh).open();
            } catch (CrmException ex) {
                error(ex.getMessage());
            }
        });
        list.setWidth("60em");
        dialog.add(list);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return "Aging";
    }
}
