package org.tesseracrm.kernel.ui.kit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadEvent;

import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.RowDecoration;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The list of any record type: a lazy grid paged and sorted in the database, a search box, filters on
 * any field (custom ones too) shown as removable chips, a column chooser, a bounded match count and
 * export of exactly what is filtered to CSV or Excel, saved views and, as the user's permissions allow,
 * export (with {@code <module>.export}), import, inline edit and bulk actions (the platform's and contributed ones); contributed row
 * decorations show as badges. Everything goes through the services, which check the user's
 * permissions and record visibility again. Made by {@link RecordKit#list}.
 *
 * <p>Element ids start with the given prefix: {@code <prefix>-grid}, {@code -filter} (the search
 * box), {@code -add-filter}, {@code -columns}, {@code -export-csv}, {@code -export-xlsx},
 * {@code -count}, {@code -import}, {@code -views}, {@code -save-view}, {@code -delete-view}; the bulk
 * bar's and inline editor's ids are listed on {@link BulkBar} and {@link InlineEditor}.
 */
public class RecordList extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    /** The count stops here, so it never reads a whole large table. */
    static final long COUNT_LIMIT = Records.BULK_LIMIT; // the bulk bar reads its "too many" from this count
    private static final String FLAGS = "_flags";
    private static final java.util.Set<String> SYSTEM_TIMES = java.util.Set.of("CREATED_AT", "UPDATED_AT");
    private static final int MARKS_KEPT = 2_000;

    private final transient Records records;
    private final String recordType;
    private final transient RecordType type;
    private final String prefix;
    private final String pluralLabel;
    private final List<FieldDefinition> fields;
    private final Grid<RecordRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final FilterChips chips;
    private final Span count = new Span();
    private final HorizontalLayout toolbar = new HorizontalLayout();
    private final Map<String, MenuItem> columnItems = new HashMap<>();
    private volatile RecordQuery current = RecordQuery.page(0, 1);
    private volatile long matching;
    private transient Consumer<RecordRow> opener = row -> { };
    private final BulkBar bulk;
    private final LookupTitles titles;
    private final Map<Long, List<RowDecoration.Mark>> marks = new HashMap<>();

    /**
     * Made by {@link RecordKit#list}.
     *
     * @param kit the record platform's services and contributions
     * @param recordType the record type id
     * @param moduleId the module owning it, prefix of its permissions
     * @param prefix element id prefix, e.g. {@code contacts}
     * @param pluralLabel what the records are called, e.g. "contacts"
     */
    RecordList(RecordKit kit, String recordType, String moduleId, String prefix, String pluralLabel) {
        this(kit, recordType, moduleId, prefix, pluralLabel, List.of());
    }

    /**
     * Made by {@link RecordKit#list} and {@link RecordKit#recordsDialog}.
     *
     * @param filters the filters the list starts with, as chips (the first count and page already use them)
     */
    RecordList(RecordKit kit, String recordType, String moduleId, String prefix, String pluralLabel,
            List<Filter> filters) {
        this.records = kit.records();
        this.recordType = recordType;
        this.type = kit.type(recordType);
        this.prefix = prefix;
        this.pluralLabel = pluralLabel;
        CustomFields customFields = kit.customFields();
        this.fields = kit.fields(recordType);
        this.titles = new LookupTitles(records);
        setPadding(false);
        setSizeFull();

        search.setId(prefix + "-filter");
        search.setPlaceholder("Search");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("20em");
        search.addValueChangeListener(e -> refresh());

        Button addFilter = new Button("Filter", new Icon(VaadinIcon.FILTER),
                e -> new FilterDialog(fields, customFields, recordType, this::validated, this::addFilter).open());
        addFilter.setId(prefix + "-add-filter");

        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.getStyle().set("flex-wrap", "wrap");

        chips = new FilterChips(prefix + "-filter-chip", this::refresh);
        count.setId(prefix + "-count");
        count.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        count.setText("");

        grid.setId(prefix + "-grid");
        List<RowDecoration> decorations = kit.decorations(recordType);
        // Hidden while no row on the page has a mark: an empty column only takes room.
        Grid.Column<RecordRow> flags = decorations.isEmpty() ? null : grid.addComponentColumn(this::marks)
                .setHeader("Flags").setKey(FLAGS).setWidth(ListColumns.FLAGS_WIDTH).setFlexGrow(0);
        if (flags != null) {
            flags.setVisible(false);
        }
        for (FieldDefinition field : fields) {
            Grid.Column<RecordRow> column = grid.addColumn(row -> titles.text(field, row)).setHeader(field.label())
                    .setKey(field.name()).setWidth(ListColumns.width(field.type()))
                    .setFlexGrow(ListColumns.flexGrow(field.type())).setResizable(true)
                    .setTooltipGenerator(row -> titles.text(field, row));
            if (field.sortable()) {
                column.setSortProperty(field.name());
            }
            column.setVisible(shownByDefault(field));
        }
        grid.setMultiSort(true);
        // No count query per page: the grid pages lazily as the user scrolls.
        grid.setItems(query -> {
            List<RecordRow> page = titles.load(fields, records.page(recordType, current.withPage(query.getOffset(),
                    query.getLimit()).withSort(sortOrders(query.getSortOrders()))));
            mark(decorations, page);
            if (flags != null) {
                boolean marked = page.stream().anyMatch(row -> marks.containsKey(row.id()));
                flags.setVisible(marked || query.getOffset() > 0 && flags.isVisible());
            }
            return page.stream();
        });
        grid.setSizeFull();
        grid.addClassName("tessera-list");
        AccessControl access = kit.access();
        InlineEditor editor = access.permitted(moduleId + ".edit")
                ? new InlineEditor(grid, records, customFields, recordType, fields,
                        f -> kit.settable(recordType, f), prefix, this::refresh) : null;
        // Clicks on the checkbox or the edit button are not a request to open the record.
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null && e.getColumn().getKey() != null && !e.getColumn().getKey().equals(InlineEditor.KEY)
                    && (editor == null || !editor.isOpen())) {
                opener.accept(e.getItem());
            }
        });

        // After the columns: the chooser lists them.
        toolbar.add(search, addFilter, columnChooser());
        if (access.permitted(moduleId + ".export")) {
            toolbar.add(exportLink(ExportFormat.CSV, "CSV", pluralLabel), exportLink(ExportFormat.XLSX, "Excel", pluralLabel));
        }
        bulk = BulkBar.offer(kit, grid, recordType, moduleId, prefix, pluralLabel, fields, () -> current, () -> matching, this::refresh);
        add(toolbar, chips, count);
        if (bulk != null) {
            add(bulk);
        }
        add(grid);
        allowViews(kit.views(), access.permitted(moduleId + ".configure"));
        if (access.permitted(moduleId + ".import")) {
            allowImport(kit.imports(), kit.callers());
        }
        filters.forEach(filter -> chips.add(filter, FilterDialog.describe(fields, filter)));
        refresh();
    }

    /**
     * Shows exactly these filters, as removable chips in place of the current ones, and reloads: for a list opened
     * from a chart's bar or slice, or a link to "these records". The search box and saved view stay as they are.
     *
     * @param filters the filters, e.g. {@code Filter.of("phase", FilterOp.IN, "Won")}; fields the user does not see
     *     in the list still filter (the service checks them, and refuses an unknown field)
     * @since kit 1.3
     */
    public void setFilters(List<Filter> filters) {
        chips.clear();
        filters.forEach(filter -> chips.add(filter, FilterDialog.describe(fields, filter)));
        refresh();
    }

    /**
     * Puts a text in the search box, as if the user had typed it, and reloads.
     *
     * @param text the search text; blank clears it
     * @since kit 1.3
     */
    public void setSearchText(String text) {
        search.setValue(text == null ? "" : text.strip());
    }

    /** @return the filters shown as chips, in their order */
    List<Filter> filters() {
        return chips.filters();
    }

    /** @param open what clicking a row does, typically opening its form */
    public void onOpen(Consumer<RecordRow> open) {
        this.opener = open;
    }

    /** Adds an Import button that opens the import wizard for this record type. */
    private void allowImport(Imports imports, CallerContext callers) {
        Button button = new Button("Import", new Icon(VaadinIcon.UPLOAD_ALT),
                e -> new ImportWizard(imports, callers, recordType, fields, pluralLabel, this::refresh).open());
        button.setId(prefix + "-import");
        toolbar.add(button);
    }

    /**
     * Adds saved views: a chooser of the user's and the shared views, and buttons to save the list as
     * it is now (search, filters, order, columns) under a name and to delete the chosen view.
     *
     * @param mayShare whether to offer sharing (the service checks the permission again)
     */
    private void allowViews(SavedViews views, boolean mayShare) {
        Select<SavedView> chooser = new Select<>();
        chooser.setId(prefix + "-views");
        chooser.setEmptySelectionAllowed(true);
        chooser.setEmptySelectionCaption("All " + pluralLabel);
        chooser.setPlaceholder("All " + pluralLabel);
        chooser.setItemLabelGenerator(v -> v == null ? "All " + pluralLabel : v.name() + (v.shared() ? " (shared)" : ""));
        chooser.setItems(views.list(recordType));
        chooser.setWidth("14em");
        Button save = new Button("Save view", new Icon(VaadinIcon.BOOKMARK_O), e -> new SaveViewDialog(views, mayShare,
                chooser.getValue(), current(), saved -> {
                    chooser.setItems(views.list(recordType));
                    chooser.setValue(saved);
                }).open());
        save.setId(prefix + "-save-view");
        Button delete = new Button(new Icon(VaadinIcon.TRASH), e -> {
            SavedView chosen = chooser.getValue();
            views.delete(recordType, chosen.owner(), chosen.name());
            chooser.setItems(views.list(recordType));
            Notification.show("View \"" + chosen.name() + "\" deleted.");
        });
        delete.setId(prefix + "-delete-view");
        delete.getElement().setAttribute("aria-label", "Delete this view");
        delete.setVisible(false);
        chooser.addValueChangeListener(e -> {
            delete.setVisible(e.getValue() != null);
            if (e.isFromClient() || e.getValue() != null) {
                apply(e.getValue());
            }
        });
        toolbar.addComponentAsFirst(delete);
        toolbar.addComponentAsFirst(save);
        toolbar.addComponentAsFirst(chooser);
    }

    /**
     * The creation and change times are a column choice away (a list fits a 1,366 px screen with the
     * record's own fields), and so is what the record type leaves out.
     */
    private boolean shownByDefault(FieldDefinition field) {
        return !SYSTEM_TIMES.contains(field.column()) && type.listedByDefault(field.name());
    }

    /** @return the list as it is now, as a view without a name */
    private SavedView current() {
        List<SortOrder> sort = sortOrders(grid.getSortOrder().stream().map(o -> new QuerySortOrder(o.getSorted().getKey(),
                o.getDirection())).toList());
        return new SavedView(recordType, "", "", false, search.getValue(), chips.filters(), sort, visibleColumns());
    }

    /** Shows the list as the view says; null for the default list. */
    private void apply(SavedView view) {
        chips.clear();
        List<String> columns = view == null || view.columns().isEmpty()
                ? fields.stream().filter(this::shownByDefault).map(FieldDefinition::name).toList() : view.columns();
        for (FieldDefinition field : fields) {
            grid.getColumnByKey(field.name()).setVisible(columns.contains(field.name()));
            columnItems.get(field.name()).setChecked(columns.contains(field.name()));
        }
        List<GridSortOrder<RecordRow>> sort = new ArrayList<>();
        if (view != null) {
            view.sort().forEach(key -> sort.add(new GridSortOrder<>(grid.getColumnByKey(key.field()),
                    key.ascending() ? SortDirection.ASCENDING : SortDirection.DESCENDING)));
            view.filters().forEach(filter -> fields.stream().filter(f -> f.name().equals(filter.field())).findFirst()
                    .ifPresent(field -> chips.add(filter, FilterDialog.describe(field, filter.op(), filter.values()))));
        }
        grid.sort(sort);
        search.setValue(view == null ? "" : view.text());
        refresh();
    }

    /** @return the toolbar, for the module's own buttons (New, ...) */
    public HorizontalLayout toolbar() {
        return toolbar;
    }

    /** Reloads the rows and the count, after a change or a new filter; forgets the selection. */
    public void refresh() {
        current = RecordQuery.page(0, 1).withText(search.getValue()).withFilters(chips.filters());
        // One past the limit, so the bulk bar can tell "exactly 10,000" from "too many to act on".
        matching = records.count(recordType, current, COUNT_LIMIT + 1);
        count.setText(matching >= COUNT_LIMIT ? String.format("%,d+ matching", COUNT_LIMIT)
                : String.format("%,d matching", matching));
        if (bulk != null) {
            bulk.clear();
        }
        grid.getDataProvider().refreshAll();
    }

    /** Checks a filter the way the list will run it; throws the service's validation error if bad. */
    private void validated(Filter filter) {
        records.count(recordType, RecordQuery.page(0, 1).withFilters(chips.with(filter)), 1);
    }

    private void addFilter(Filter filter, String description) {
        chips.add(filter, description);
        refresh();
    }

    private Button columnChooser() {
        Button button = new Button("Columns", new Icon(VaadinIcon.GRID_BIG_O));
        button.setId(prefix + "-columns");
        ContextMenu menu = new ContextMenu(button);
        menu.setOpenOnClick(true);
        for (FieldDefinition field : fields) {
            Grid.Column<RecordRow> column = grid.getColumnByKey(field.name());
            MenuItem item = menu.addItem(field.label(), e -> column.setVisible(e.getSource().isChecked()));
            columnItems.put(field.name(), item);
            item.setCheckable(true);
            item.setChecked(column.isVisible());
            item.getElement().setAttribute("data-field", field.name());
        }
        return button;
    }

    /** A link that streams the filtered list, in the grid's visible columns, straight into the download. */
    private Anchor exportLink(ExportFormat format, String text, String pluralLabel) {
        Anchor link = new Anchor((DownloadEvent event) -> {
            RecordQuery query = current;
            List<String> columns = visibleColumns();
            String name = pluralLabel + "-" + LocalDate.now() + "." + format.extension();
            event.setFileName(name);
            event.setContentType(format.mediaType());
            UI ui = event.getUI();
            String singular = type.label().toLowerCase(java.util.Locale.ROOT);
            Downloads.write(event, out -> {
                long written = records.export(recordType, query, columns, format, out,
                        rows -> ui.access(() -> count.setText("Exporting… " + Counts.of(rows, singular, pluralLabel))));
                ui.access(() -> count.setText("Exported " + Counts.of(written, singular, pluralLabel) + " to " + name));
            });
        }, "");
        link.getElement().setAttribute("download", true);
        link.setId(prefix + "-export-" + format.extension());
        Button button = new Button(text, new Icon(VaadinIcon.DOWNLOAD_ALT));
        button.setTabIndex(-1);
        link.add(button);
        return link;
    }

    /** @return the names of the fields shown, in column order */
    private List<String> visibleColumns() {
        return grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey)
                .filter(columnItems::containsKey).toList();
    }

    /**
     * Asks each contributed decoration for the marks of a page once, for the Flags column to show; the
     * kit's guarded decorations leave out one that fails or does not answer in time.
     */
    private void mark(List<RowDecoration> decorations, List<RecordRow> page) {
        if (page.isEmpty() || decorations.isEmpty()) {
            return;
        }
        if (marks.size() > MARKS_KEPT) {
            marks.clear(); // rows scrolled far away are marked again when they come back
        }
        page.forEach(row -> marks.remove(row.id())); // a reloaded page is marked afresh
        marks.putAll(RecordKit.marks(decorations, recordType, page));
    }

    /** The badges the contributed decorations gave a row when its page loaded. */
    private Component marks(RecordRow row) {
        HorizontalLayout badges = new HorizontalLayout();
        badges.setSpacing(false);
        badges.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        for (RowDecoration.Mark mark : marks.getOrDefault(row.id(), List.of())) {
            Span badge = new Span(mark.text());
            badge.getElement().getThemeList().add(("badge small " + mark.tone()).strip());
            badge.getElement().setAttribute("title", mark.hint());
            badge.addClassName("row-mark");
            badges.add(badge);
        }
        return badges;
    }

    static List<SortOrder> sortOrders(List<QuerySortOrder> orders) {
        return orders.stream().map(o -> new SortOrder(o.getSorted(), o.getDirection() == SortDirection.ASCENDING))
                .toList();
    }
}
