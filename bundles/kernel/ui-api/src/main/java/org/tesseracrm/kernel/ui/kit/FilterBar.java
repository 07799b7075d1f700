package org.tesseracrm.kernel.ui.kit;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.Records;

/**
 * The list view's filters on their own, for a screen that is no list (a report builder): a Filter button opening
 * the list's filter dialog (any field the list filters by, custom ones too, operators by type, dates in the user's
 * form) and the filters as removable chips. A filter is checked by the record platform before it is added, so a bad
 * value is reported on the dialog's value field.
 *
 * <p>Element ids: {@code <prefix>-add-filter} (the button), chips have the CSS class {@code <prefix>-filter-chip};
 * the dialog's ids are the list's ({@code filter-field}, {@code filter-op}, {@code filter-value}, {@code filter-to},
 * {@code filter-choices}, {@code filter-apply}).
 *
 * @since kit 1.3
 */
public final class FilterBar extends HorizontalLayout {
    private static final long serialVersionUID = 1L;

    private final List<FieldDefinition> fields;
    private final FilterChips chips;

    private FilterBar(RecordKit kit, String recordType, String prefix, Runnable changed) {
        this.fields = kit.fields(recordType);
        Records records = kit.records();
        this.chips = new FilterChips(prefix + "-filter-chip", changed);
        Button add = new Button("Filter", new Icon(VaadinIcon.FILTER), e -> new FilterDialog(fields,
                kit.customFields(), recordType,
                filter -> records.count(recordType, RecordQuery.page(0, 1).withFilters(chips.with(filter)), 1),
                (filter, description) -> {
                    chips.add(filter, description);
                    changed.run();
                }).open());
        add.setId(prefix + "-add-filter");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        getStyle().set("flex-wrap", "wrap");
        add(add, chips);
    }

    /**
     * @param kit the record platform
     * @param recordType the record type filtered, e.g. {@code opportunity}
     * @param prefix element id prefix, e.g. {@code report}
     * @param changed run after the user added or removed a filter
     * @return the filter bar, without filters
     * @throws org.tesseracrm.kernel.api.NotFoundException if the record type is not installed
     */
    public static FilterBar of(RecordKit kit, String recordType, String prefix, Runnable changed) {
        kit.type(recordType);
        return new FilterBar(kit, recordType, prefix, changed);
    }

    /** @return the filters, in the order they were added */
    public List<Filter> filters() {
        return chips.filters();
    }

    /**
     * Shows these filters instead of the present ones, without running {@code changed}. A filter on a field the
     * record type no longer has stays, named by the field's name, so the user sees it (the platform refuses it).
     *
     * @param filters the filters, e.g. of a saved report
     */
    public void setFilters(List<Filter> filters) {
        chips.clear();
        filters.forEach(filter -> chips.add(filter, FilterDialog.describe(fields, filter)));
    }
}
