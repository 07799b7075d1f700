package org.tesseracrm.kernel.ui.kit;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;

/**
 * On a record's form, the records of another type whose lookup field points at it (a company's
 * contacts): the first {@value #SHOWN} in that type's default order, with their count. Clicking one
 * opens its own form. Any lookup field makes one, a custom one too, so modules never name each other.
 */
final class RelatedList extends Details {
    private static final long serialVersionUID = 1L;
    static final int SHOWN = 50;
    private static final int COLUMNS = 3;

    /**
     * @param related the record type holding the lookup field
     * @param field the lookup field
     * @param id the id of the record shown by the form
     * @param prefix the form's element id prefix
     */
    RelatedList(RecordKit kit, RecordType related, FieldDefinition field, long id, String prefix) {
        Records records = kit.records();
        // One row past those shown tells "exactly 50" from "more": no count query.
        RecordQuery query = RecordQuery.page(0, SHOWN + 1)
                .withFilters(List.of(new Filter(field.name(), FilterOp.EQUALS, List.of(String.valueOf(id)))));
        List<RecordRow> found = records.page(related.id(), query);
        int count = found.size();
        List<FieldDefinition> fields = kit.fields(related.id());
        LookupTitles titles = new LookupTitles(records);
        List<RecordRow> rows = titles.load(fields, found.subList(0, Math.min(SHOWN, count)));

        Grid<RecordRow> grid = new Grid<>();
        grid.addColumn(row -> related.title(row)).setHeader(related.label()).setAutoWidth(true);
        fields.stream().filter(f -> kit.settable(related.id(), f) && !f.equals(field)
                && !related.titleFields().contains(f.name())).limit(COLUMNS)
                .forEach(f -> grid.addColumn(row -> titles.text(f, row)).setHeader(f.label()).setAutoWidth(true));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> kit.form(related.id(), related.id(), e.getItem(), () -> { }).open());
        String counted = count > SHOWN ? "first " + SHOWN + " of more" : String.valueOf(count);
        setSummaryText(related.pluralLabel() + " (" + counted + ")"
                + (field.label().equalsIgnoreCase(kit.type(field.lookupType().orElseThrow()).label()) ? ""
                        : " by " + field.label().toLowerCase(Locale.ROOT)));
        setId(prefix + "-related-" + related.id() + "-" + field.name());
        add(grid);
        setOpened(count > 0);
        setWidthFull();
    }
}
