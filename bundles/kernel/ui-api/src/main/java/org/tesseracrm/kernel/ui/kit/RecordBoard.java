package org.tesseracrm.kernel.ui.kit;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordEvents;
import org.tesseracrm.kernel.api.record.RecordGroup;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;

/**
 * The board (kanban) of any record type with a single-choice field to group by, a pick-list or a user (the
 * owner): one column per value in the order {@link Records#groups} gives (the pick-list's values as the admin
 * ordered them, the owners by name, and a last "(none)" column for records without a value), each headed by its
 * label, card count and the sums of the type's amounts, and each a lazily loaded list of cards (a page of the
 * list's query with {@link Records#groupFilter}, read as the user scrolls, so a column of 100,000 cards opens as
 * fast as one of ten). A card shows a title and up to four fields; clicking the title opens the record's form.
 *
 * <p>A card moves to another column by drag and drop (Vaadin's HTML5 drag and drop) or by its "Move to…" menu,
 * which the keyboard reaches too. A move is {@link Records#update} of the grouping field with the version the card
 * was read at (the owner: {@link Records#assign}), so the service checks permission, validation and concurrent
 * changes: when the target needs more fields (a lost reason), a dialog asks for the fields the service named and
 * the move is tried again with them; a card someone changed meanwhile is reloaded with a message. Inside a column
 * the cards keep the board's sort order, so dropping a card into its own column changes nothing.
 *
 * <p>The board listens to the record type's events while it is on a page and reloads what changed, pushed into
 * the page: everyone looking at the same board sees a move without reloading.
 *
 * <p>Above the columns: saved boards (per user or shared: name, grouping field, card fields, sort), the search box
 * and the list's filters, and the quick filters mine, closing this month, closing next month (on the date field
 * {@link Settings#closeDate} names), new this week and new last week (on the creation time).
 *
 * <p>Element ids: {@code board}, {@code board-group} (grouping field), {@code board-search},
 * {@code board-add-filter}, {@code board-quick-<mine|closing-this-month|closing-next-month|new-this-week|
 * new-last-week>}, {@code board-views}, {@code board-configure} (its dialog: {@code board-config-name},
 * {@code -group}, {@code -fields}, {@code -sort}, {@code -descending}, {@code -shared}, {@code -apply},
 * {@code -save}), {@code board-delete-view}; per column {@code board-column-<key>}, {@code board-count-<key>},
 * {@code board-sum-<key>-<field>}, {@code board-cards-<key>}; per card {@code board-card-<id>},
 * {@code board-open-<id>}, {@code board-move-<id>} and its menu items {@code board-move-<id>-<key>}; the missing
 * fields dialog {@code board-missing-<field>}, {@code board-missing-save}. A column's key is its value in lower
 * case with every run of other characters than letters and digits as one {@code -}, {@code none} for "(none)".
 */
public class RecordBoard extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecordBoard.class);
    /** A card's title and the fields under it. */
    static final int CARD_FIELDS = 5;
    private static final String NONE = "(none)";

    /**
     * How a module's board starts: the field it groups by, the fields its cards show, the number fields its columns
     * sum and the date field its "closing" quick filters use.
     *
     * @param groupBy the grouping field; empty for the type's first pick-list, else the owner
     * @param cardFields the fields a card shows, the first as its title (at most five); empty for the type's title
     *     fields and the first fields its list shows
     * @param sumFields number or money fields each column header sums, e.g. amount and expected amount
     * @param closeDate a date field for "closing this month" and "closing next month"; empty: no such quick filters
     * @param mover the module's own operation that moves a card to a column, when it has one (opportunities move
     *     their phase with the "move phase" permission); empty: {@link Records#update} of the grouping field
     */
    public record Settings(Optional<String> groupBy, List<String> cardFields, List<String> sumFields,
            Optional<String> closeDate, Optional<Mover> mover) {
        /** Checks the parts are present and keeps copies. */
        public Settings {
            Objects.requireNonNull(groupBy, "groupBy");
            cardFields = List.copyOf(cardFields);
            sumFields = List.copyOf(sumFields);
            Objects.requireNonNull(closeDate, "closeDate");
            Objects.requireNonNull(mover, "mover");
        }

        /** @return the defaults: grouped by the first pick-list or the owner, no sums, no closing filters */
        public static Settings defaults() {
            return new Settings(Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty());
        }

        /**
         * @param move the module's operation that moves a card, for a board grouped by a pick-list
         * @return these settings moving cards with it
         */
        public Settings movedBy(Mover move) {
            return new Settings(groupBy, cardFields, sumFields, closeDate, Optional.of(move));
        }

        /**
         * @param field a pick-list or user field
         * @return these settings grouped by that field
         */
        public Settings groupedBy(String field) {
            return new Settings(Optional.of(field), cardFields, sumFields, closeDate, mover);
        }

        /**
         * @param fields the card's title field, then up to four more
         * @return these settings with those card fields
         */
        public Settings cards(String... fields) {
            return new Settings(groupBy, List.of(fields), sumFields, closeDate, mover);
        }

        /**
         * @param fields number or money fields
         * @return these settings summing those fields in each column header
         */
        public Settings summing(String... fields) {
            return new Settings(groupBy, cardFields, List.of(fields), closeDate, mover);
        }

        /**
         * @param field a date field
         * @return these settings with "closing this/next month" quick filters on it
         */
        public Settings closingOn(String field) {
            return new Settings(groupBy, cardFields, sumFields, Optional.of(field), mover);
        }
    }

    /**
     * A module's own operation that moves a card to another column, used instead of {@link Records#update} of the
     * grouping field (never for a board by owner). It checks what the module's service checks; a
     * {@link ValidationException} naming fields the user can enter opens the board's dialog for them, and the move
     * is tried again with what the user entered.
     */
    @FunctionalInterface
    public interface Mover {
        /**
         * @param row the card's record as the board read it (id, version, values)
         * @param value the target column's value; empty for "(none)"
         * @param also the values entered in the dialog for the fields a previous try named; empty at first
         * @return the record after the move
         */
        RecordRow move(RecordRow row, Optional<String> value, RecordValues also);
    }

    /** The quick filters. */
    enum Quick {
        MINE("mine", "Mine"), CLOSING_THIS_MONTH("closing-this-month", "Closing this month"),
        CLOSING_NEXT_MONTH("closing-next-month", "Closing next month"), NEW_THIS_WEEK("new-this-week", "New this week"),
        NEW_LAST_WEEK("new-last-week", "New last week");

        final String key;
        final String label;

        Quick(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    /** What a drag carries: the card's record as it was read and the column it left. */
    private record Dragged(RecordRow row, String fromKey) {
    }

    private final transient RecordKit kit;
    private final transient Records records;
    private final String recordType;
    private final transient RecordType type;
    private final String formPrefix;
    private final transient Settings settings;
    private final List<FieldDefinition> fields;
    private final Map<String, FieldDefinition> byName = new LinkedHashMap<>();
    private final List<String> sums;
    private final LookupTitles titles;
    private final LocalTimes times = LocalTimes.current();

    private FieldDefinition groupBy;
    private List<FieldDefinition> cardFields;
    private List<SortOrder> sort = List.of();
    private final EnumSet<Quick> quick = EnumSet.noneOf(Quick.class);
    private volatile RecordQuery current = RecordQuery.page(0, 1);

    private final Select<FieldDefinition> groupChooser = new Select<>();
    private final TextField search = new TextField();
    private final FilterChips chips = new FilterChips("board-filter-chip", this::refresh);
    private final HorizontalLayout toolbar = new HorizontalLayout();
    private final HorizontalLayout columnsBox = new HorizontalLayout();
    private final Map<Quick, Button> quickButtons = new HashMap<>();
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private Select<SavedView> viewChooser;

    private transient ServiceRegistration<EventHandler> listening;

    /**
     * Made by {@link RecordKit#board}.
     *
     * @param kit the record platform's services
     * @param recordType the record type id
     * @param formPrefix element id prefix of the form a card opens
     * @param settings how the board starts
     */
    RecordBoard(RecordKit kit, String recordType, String formPrefix, Settings settings) {
        this.kit = kit;
        this.records = kit.records();
        this.recordType = recordType;
        this.type = kit.type(recordType);
        this.formPrefix = formPrefix;
        this.settings = settings;
        this.fields = kit.fields(recordType);
        fields.forEach(f -> byName.put(f.name(), f));
        this.sums = settings.sumFields().stream().filter(byName::containsKey)
                .filter(n -> byName.get(n).type() == FieldType.NUMBER || byName.get(n).type() == FieldType.MONEY).toList();
        this.titles = new LookupTitles(records);
        setId("board");
        setPadding(false);
        setSizeFull();

        List<FieldDefinition> groupable = groupable(fields);
        groupBy = settings.groupBy().map(byName::get).filter(groupable::contains)
                .orElseGet(() -> defaultGroup(groupable));
        cardFields = defaultCards();

        groupChooser.setId("board-group");
        groupChooser.setLabel("Columns by");
        groupChooser.setItems(groupable);
        groupChooser.setItemLabelGenerator(FieldDefinition::label);
        groupChooser.setValue(groupBy);
        groupChooser.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                groupBy = e.getValue();
                rebuild();
            }
        });

        search.setId("board-search");
        search.setPlaceholder("Search");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());

        Button addFilter = new Button("Filter", new Icon(VaadinIcon.FILTER), e -> new FilterDialog(fields,
                kit.customFields(), recordType, this::validated, this::addFilter).open());
        addFilter.setId("board-add-filter");

        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.getStyle().set("flex-wrap", "wrap");
        toolbar.add(groupChooser, search, addFilter);
        allowViews(kit.views(), kit.access().permitted(type.moduleId() + ".configure"));

        HorizontalLayout quickBar = new HorizontalLayout();
        quickBar.setSpacing(true);
        for (Quick q : Quick.values()) {
            if (applies(q)) {
                Button button = new Button(q.label, e -> toggle(q));
                button.setId("board-quick-" + q.key);
                button.addThemeVariants(ButtonVariant.LUMO_SMALL);
                button.getElement().setAttribute("aria-pressed", "false");
                quickButtons.put(q, button);
                quickBar.add(button);
            }
        }

        columnsBox.setId("board-columns");
        columnsBox.setWidthFull();
        columnsBox.getStyle().set("overflow-x", "auto").set("flex", "1 1 auto").set("min-height", "0");
        columnsBox.setAlignItems(FlexComponent.Alignment.STRETCH);
        add(toolbar, quickBar, chips, columnsBox);
        setFlexGrow(1, columnsBox);
        rebuild();
    }

    /** @return the fields a board may group by: single pick-lists and users */
    static List<FieldDefinition> groupable(List<FieldDefinition> fields) {
        return fields.stream().filter(f -> f.type() == FieldType.PICKLIST || f.type() == FieldType.USER).toList();
    }

    private static FieldDefinition defaultGroup(List<FieldDefinition> groupable) {
        return groupable.stream().filter(f -> f.type() == FieldType.PICKLIST).findFirst()
                .orElseGet(() -> groupable.stream().filter(f -> "OWNER".equals(f.column())).findFirst()
                        .orElseGet(() -> groupable.get(0)));
    }

    private List<FieldDefinition> defaultCards() {
        List<String> names = new ArrayList<>(settings.cardFields());
        if (names.isEmpty()) {
            names.addAll(type.titleFields());
            fields.stream().filter(f -> type.listedByDefault(f.name()) && !"CREATED_AT".equals(f.column())
                    && !"UPDATED_AT".equals(f.column())).map(FieldDefinition::name).forEach(names::add);
        }
        return names.stream().distinct().filter(byName::containsKey).map(byName::get).limit(CARD_FIELDS).toList();
    }

    /** @return whether the record type has the field a quick filter needs */
    private boolean applies(Quick q) {
        return switch (q) {
            case MINE -> byName.containsKey("owner");
            case CLOSING_THIS_MONTH, CLOSING_NEXT_MONTH -> settings.closeDate().map(byName::get)
                    .filter(f -> f.type() == FieldType.DATE || f.type() == FieldType.DATE_TIME).isPresent();
            case NEW_THIS_WEEK, NEW_LAST_WEEK -> fields.stream().anyMatch(f -> "CREATED_AT".equals(f.column()));
        };
    }

    private void toggle(Quick q) {
        if (!quick.remove(q)) {
            // the two "closing" filters exclude each other, as do the two "new" ones
            if (q == Quick.CLOSING_THIS_MONTH || q == Quick.CLOSING_NEXT_MONTH) {
                quick.removeAll(Set.of(Quick.CLOSING_THIS_MONTH, Quick.CLOSING_NEXT_MONTH));
            }
            if (q == Quick.NEW_THIS_WEEK || q == Quick.NEW_LAST_WEEK) {
                quick.removeAll(Set.of(Quick.NEW_THIS_WEEK, Quick.NEW_LAST_WEEK));
            }
            quick.add(q);
        }
        quickButtons.forEach((key, button) -> {
            boolean on = quick.contains(key);
            button.getElement().setAttribute("aria-pressed", Boolean.toString(on));
            if (on) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
        refresh();
    }

    /**
     * @param on the quick filters that are on
     * @param today today in the user's zone
     * @param me the user's name
     * @param firstDay the first day of the user's week
     * @param closeDate the date field of the "closing" filters
     * @param created the creation time field
     * @return the filters they stand for: the owner, the month's first to last day, the week's seven days
     */
    static List<Filter> quickFilters(Set<Quick> on, LocalDate today, String me, DayOfWeek firstDay, String closeDate,
            String created) {
        List<Filter> made = new ArrayList<>();
        for (Quick q : on) {
            switch (q) {
                case MINE -> made.add(Filter.of("owner", FilterOp.IN, me));
                case CLOSING_THIS_MONTH, CLOSING_NEXT_MONTH -> {
                    LocalDate first = (q == Quick.CLOSING_THIS_MONTH ? today : today.plusMonths(1)).withDayOfMonth(1);
                    made.add(new Filter(closeDate, FilterOp.BETWEEN, List.of(first.toString(),
                            first.with(TemporalAdjusters.lastDayOfMonth()).toString())));
                }
                case NEW_THIS_WEEK, NEW_LAST_WEEK -> {
                    LocalDate start = today.with(TemporalAdjusters.previousOrSame(firstDay))
                            .minusWeeks(q == Quick.NEW_LAST_WEEK ? 1 : 0);
                    made.add(new Filter(created, FilterOp.BETWEEN, List.of(start.toString(), start.plusDays(6).toString())));
                }
                default -> throw new IllegalStateException(q.name());
            }
        }
        return made;
    }

    /** @return the board's query: search text, the list's filters and the quick filters, the cards' order */
    private RecordQuery query() {
        List<Filter> all = new ArrayList<>(chips.filters());
        String me = ShellSession.caller().map(c -> c.username()).orElse("");
        String created = fields.stream().filter(f -> "CREATED_AT".equals(f.column())).map(FieldDefinition::name)
                .findFirst().orElse("createdAt");
        all.addAll(quickFilters(quick, LocalDate.now(LocalTimes.zone()), me,
                WeekFields.of(LocalTimes.locale()).getFirstDayOfWeek(), settings.closeDate().orElse(""), created));
        return RecordQuery.page(0, 50).withText(search.getValue()).withFilters(all).withSort(sort);
    }

    /** Builds the columns anew: after a change of grouping field, saved board or card fields. */
    private void rebuild() {
        columns.clear();
        columnsBox.removeAll();
        refresh();
    }

    /**
     * Reads the columns' counts and sums again and reloads their cards: after a filter, a move or another user's
     * change. Columns whose values are the same keep their place and scroll position.
     */
    public void refresh() {
        current = query();
        List<RecordGroup> groups;
        try {
            groups = records.groups(recordType, current, groupBy.name(), sums);
        } catch (CrmException e) {
            Notification.show(e.getMessage());
            return;
        }
        List<String> keys = groups.stream().map(g -> key(g.value())).toList();
        if (!keys.equals(List.copyOf(columns.keySet()))) {
            columns.clear();
            columnsBox.removeAll();
            for (RecordGroup group : groups) {
                Column column = new Column(group.value());
                columns.put(column.key, column);
                columnsBox.add(column.layout);
            }
        }
        for (RecordGroup group : groups) {
            columns.get(key(group.value())).show(group);
        }
    }

    /** @return the id part of a column: its value in lower case, other characters than letters and digits as - */
    static String key(Optional<String> value) {
        if (value.isEmpty()) {
            return "none";
        }
        String key = value.get().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return key.isEmpty() ? "value-" + Integer.toHexString(value.get().hashCode()) : key;
    }

    /** One column: header with label, count and sums, and its cards in a lazily loaded list. */
    private final class Column {
        final Optional<String> value;
        final String key;
        final VerticalLayout layout = new VerticalLayout();
        final Span count = new Span();
        final Map<String, Span> sumTexts = new LinkedHashMap<>();
        final VirtualList<RecordRow> cards = new VirtualList<>();
        long size;

        Column(Optional<String> value) {
            this.value = value;
            this.key = key(value);
            layout.setId("board-column-" + key);
            layout.addClassName("board-column");
            layout.setPadding(true);
            layout.setSpacing(false);
            layout.setWidth("18em");
            layout.setMinWidth("18em");
            layout.setHeightFull();
            layout.getStyle().set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-l)")
                    .set("flex-shrink", "0");
            Span label = new Span(value.orElse(NONE));
            label.getStyle().set("font-weight", "600");
            count.setId("board-count-" + key);
            count.getElement().getThemeList().add("badge contrast pill small");
            HorizontalLayout head = new HorizontalLayout(label, count);
            head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            Div totals = new Div();
            totals.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            for (String sum : sums) {
                Span text = new Span();
                text.setId("board-sum-" + key + "-" + sum);
                text.getStyle().set("display", "block");
                sumTexts.put(sum, text);
                totals.add(text);
            }
            cards.setId("board-cards-" + key);
            cards.setRenderer(new ComponentRenderer<>(row -> card(this, row)));
            cards.setDataProvider(DataProvider.fromCallbacks(q -> load(this, q.getOffset(), q.getLimit()).stream(),
                    q -> (int) Math.min(size, Integer.MAX_VALUE)));
            cards.setWidthFull();
            cards.getStyle().set("flex", "1 1 auto").set("min-height", "0");
            layout.add(head, totals, cards);
            layout.setFlexGrow(1, cards);
            DropTarget<VerticalLayout> target = DropTarget.create(layout);
            target.setDropEffect(DropEffect.MOVE);
            target.addDropListener(e -> e.getDragData().filter(Dragged.class::isInstance).map(Dragged.class::cast)
                    .ifPresent(dragged -> move(dragged.row(), dragged.fromKey(), this, RecordValues.empty())));
        }

        void show(RecordGroup group) {
            size = group.count();
            count.setText(String.format("%,d", group.count()));
            count.getElement().setAttribute("title", Counts.of(group.count(), type.label().toLowerCase(Locale.ROOT),
                    type.pluralLabel().toLowerCase(Locale.ROOT)));
            sumTexts.forEach((field, text) -> text.setText(byName.get(field).label() + ": " + money(group.sum(field))));
            cards.getDataProvider().refreshAll();
        }

        String label() {
            return value.orElse(NONE);
        }
    }

    /** @return a sum as the kit shows numbers */
    private String money(BigDecimal sum) {
        return times.text(sum);
    }

    private List<RecordRow> load(Column column, int offset, int limit) {
        List<Filter> all = new ArrayList<>(current.filters());
        all.add(Records.groupFilter(groupBy.name(), column.value));
        RecordQuery page = current.withFilters(all).withPage(offset, Math.min(limit, RecordQuery.MAX_LIMIT));
        return titles.load(cardFields, records.page(recordType, page));
    }

    /** One card: its title (opens the form), its fields with a value, a "Move to…" menu; dragged by the mouse. */
    private Component card(Column column, RecordRow row) {
        Div card = new Div();
        card.setId("board-card-" + row.id());
        card.addClassName("board-card");
        card.getStyle().set("background", "var(--lumo-base-color)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)").set("padding", "var(--lumo-space-s)")
                .set("margin", "0 0 var(--lumo-space-s) 0").set("cursor", "grab");
        int titled = titled();
        if (!cardFields.isEmpty()) {
            String title = cardTitle(row);
            if (title.isBlank()) {
                title = type.label() + " #" + row.id();
            }
            Button open = new Button(title, e -> kit.form(recordType, formPrefix, row, this::refresh).open());
            open.setId("board-open-" + row.id());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            open.getStyle().set("font-weight", "600").set("white-space", "normal").set("text-align", "start")
                    .set("height", "auto");
            card.add(open);
        }
        for (FieldDefinition field : cardFields.subList(titled, cardFields.size())) {
            String text = titles.text(field, row);
            if (!text.isBlank()) {
                Span line = new Span(field.label() + ": " + text);
                line.addClassName("board-card-field");
                line.getElement().setAttribute("data-field", field.name());
                line.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
                card.add(line);
            }
        }
        Button moveButton = new Button("Move to…");
        moveButton.setId("board-move-" + row.id());
        moveButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        moveButton.getElement().setAttribute("aria-haspopup", "menu");
        ContextMenu menu = new ContextMenu(moveButton);
        menu.setOpenOnClick(true);
        for (Column target : columns.values()) {
            if (target != column) {
                MenuItem item = menu.addItem(target.label(), e -> move(row, column.key, target, RecordValues.empty()));
                item.setId("board-move-" + row.id() + "-" + target.key);
            }
        }
        card.add(moveButton);
        DragSource<Div> drag = DragSource.create(card);
        drag.setEffectAllowed(EffectAllowed.MOVE);
        drag.setDragData(new Dragged(row, column.key));
        return card;
    }

    /**
     * @return how many card fields make the title: the first, and the record type's title fields that follow it
     *     (a contact's first and last name)
     */
    private int titled() {
        int count = Math.min(1, cardFields.size());
        while (count < cardFields.size() && count < type.titleFields().size()
                && type.titleFields().contains(cardFields.get(0).name())
                && type.titleFields().contains(cardFields.get(count).name())) {
            count++;
        }
        return count;
    }

    private String cardTitle(RecordRow row) {
        return cardFields.subList(0, titled()).stream().map(f -> titles.text(f, row)).filter(t -> !t.isBlank())
                .collect(Collectors.joining(" "));
    }

    /**
     * Moves a card to a column through the service; asks for the fields the service says the target needs, reloads
     * a card someone else changed.
     *
     * @param also values the user gave for the fields the target needs, empty at first
     */
    private void move(RecordRow row, String fromKey, Column to, RecordValues also) {
        if (fromKey.equals(to.key)) {
            return; // inside a column the cards keep the board's order
        }
        try {
            if ("OWNER".equals(groupBy.column())) {
                if (to.value.isEmpty()) {
                    Notification.show("Every " + type.label().toLowerCase(Locale.ROOT) + " has an owner.");
                    return;
                }
                records.assign(recordType, RecordSelection.of(List.of(row.id())), to.value.get());
            } else if (settings.mover().isPresent()) {
                settings.mover().get().move(row, to.value, also);
            } else {
                RecordValues.Builder values = RecordValues.builder();
                also.typed().forEach((field, value) -> values.setValue(field, value.orElse(null)));
                also.texts().forEach(values::text);
                values.setValue(groupBy.name(), to.value.orElse(null));
                records.update(recordType, row.id(), row.version(), values.build());
            }
            Notification.show("Moved to " + to.label() + ".");
            refresh();
        } catch (ValidationException e) {
            List<FieldError> missing = e.errors().stream().filter(err -> !err.field().equals(groupBy.name())
                    && byName.containsKey(err.field()) && kit.settable(type.id(), byName.get(err.field()))).toList();
            if (!missing.isEmpty() && missing.size() == e.errors().size()) {
                askFor(row, fromKey, to, missing);
            } else {
                Notification.show(e.errors().stream().map(FieldError::message).collect(Collectors.joining(" ")));
            }
        } catch (ConflictException e) {
            Notification.show(e.getMessage() + " The card shows it as it is now.");
            refresh();
        } catch (CrmException e) {
            Notification.show(e.getMessage());
            refresh();
        }
    }

    /** The dialog asking for the fields a move needs (a lost reason); saving tries the move again with them. */
    private void askFor(RecordRow row, String fromKey, Column to, List<FieldError> missing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Move to " + to.label());
        FormLayout form = new FormLayout();
        Map<String, FieldInput> inputs = new LinkedHashMap<>();
        for (FieldError error : missing) {
            FieldDefinition field = byName.get(error.field());
            if (inputs.containsKey(field.name())) {
                continue;
            }
            FieldInput input = FieldInput.of(field, () -> kit.customFields().pickList(recordType, field.name()), records);
            input.show().accept(row.values().get(field.name()));
            input.component().setId("board-missing-" + field.name());
            inputs.put(field.name(), input);
            form.add(input.component());
        }
        dialog.add(new Span("Moving \"" + (cardFields.isEmpty() ? "#" + row.id() : cardTitle(row))
                + "\" needs:"), form);
        FieldErrors.show(new ValidationException(missing), FieldInput.validations(inputs));
        Button save = new Button("Move", e -> {
            RecordValues.Builder values = RecordValues.builder();
            inputs.forEach((name, input) -> input.write().accept(values, name));
            dialog.close();
            move(row, fromKey, to, values.build());
        });
        save.setId("board-missing-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    // ---- filters and saved boards

    private void validated(Filter filter) {
        records.count(recordType, RecordQuery.page(0, 1).withFilters(chips.with(filter)), 1);
    }

    private void addFilter(Filter filter, String description) {
        chips.add(filter, description);
        refresh();
    }

    /** Saved boards: a chooser of the user's and the shared ones, Configure (and save) and delete. */
    private void allowViews(SavedViews views, boolean mayShare) {
        viewChooser = new Select<>();
        viewChooser.setId("board-views");
        viewChooser.setLabel("Board");
        viewChooser.setEmptySelectionAllowed(true);
        viewChooser.setEmptySelectionCaption("Default board");
        viewChooser.setItemLabelGenerator(v -> v == null ? "Default board" : v.name() + (v.shared() ? " (shared)" : ""));
        viewChooser.setItems(boards(views));
        Button configure = new Button("Configure", new Icon(VaadinIcon.COG_O), e -> configure(views, mayShare));
        configure.setId("board-configure");
        Button delete = new Button(new Icon(VaadinIcon.TRASH), e -> {
            SavedView chosen = viewChooser.getValue();
            views.delete(recordType, chosen.owner(), chosen.name());
            viewChooser.setItems(boards(views));
            Notification.show("Board \"" + chosen.name() + "\" deleted.");
        });
        delete.setId("board-delete-view");
        delete.getElement().setAttribute("aria-label", "Delete this board");
        delete.setVisible(false);
        viewChooser.addValueChangeListener(e -> {
            delete.setVisible(e.getValue() != null);
            if (e.isFromClient() || e.getValue() != null) {
                apply(e.getValue());
            }
        });
        toolbar.addComponentAsFirst(delete);
        toolbar.addComponentAsFirst(configure);
        toolbar.addComponentAsFirst(viewChooser);
    }

    private List<SavedView> boards(SavedViews views) {
        return views.list(recordType).stream().filter(SavedView::board).toList();
    }

    /** Shows the board as a saved configuration says; null for the default board. */
    private void apply(SavedView view) {
        chips.clear();
        List<FieldDefinition> groupable = groupable(fields);
        if (view == null) {
            groupBy = settings.groupBy().map(byName::get).filter(groupable::contains).orElseGet(() -> defaultGroup(groupable));
            cardFields = defaultCards();
            sort = List.of();
            search.setValue("");
        } else {
            groupBy = view.groupBy().map(byName::get).filter(groupable::contains).orElse(groupBy);
            List<FieldDefinition> chosen = view.columns().stream().filter(byName::containsKey).map(byName::get)
                    .limit(CARD_FIELDS).toList();
            cardFields = chosen.isEmpty() ? defaultCards() : chosen;
            sort = view.sort();
            view.filters().forEach(filter -> Optional.ofNullable(byName.get(filter.field()))
                    .ifPresent(field -> chips.add(filter, FilterDialog.describe(field, filter.op(), filter.values()))));
            search.setValue(view.text());
        }
        groupChooser.setValue(groupBy);
        rebuild();
    }

    /** The configuration dialog: name, grouping field, card fields, sort; applies it, and saves it under the name. */
    private void configure(SavedViews views, boolean mayShare) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Board configuration");
        SavedView chosen = viewChooser.getValue();
        TextField name = new TextField("Name");
        name.setId("board-config-name");
        name.setMaxLength(60);
        name.setValue(chosen == null ? "" : chosen.name());
        Select<FieldDefinition> group = new Select<>();
        group.setId("board-config-group");
        group.setLabel("Columns by");
        group.setItems(groupable(fields));
        group.setItemLabelGenerator(FieldDefinition::label);
        group.setValue(groupBy);
        MultiSelectComboBox<FieldDefinition> shown = new MultiSelectComboBox<>("Card fields (the first is the title, "
                + CARD_FIELDS + " at most)");
        shown.setId("board-config-fields");
        shown.setItems(fields);
        shown.setItemLabelGenerator(FieldDefinition::label);
        shown.setValue(new java.util.LinkedHashSet<>(cardFields));
        Select<FieldDefinition> sortField = new Select<>();
        sortField.setId("board-config-sort");
        sortField.setLabel("Cards sorted by");
        sortField.setEmptySelectionAllowed(true);
        sortField.setEmptySelectionCaption("Default order");
        sortField.setItems(fields.stream().filter(FieldDefinition::sortable).toList());
        sortField.setItemLabelGenerator(f -> f == null ? "Default order" : f.label());
        Checkbox descending = new Checkbox("Descending");
        descending.setId("board-config-descending");
        sort.stream().findFirst().ifPresent(key -> {
            sortField.setValue(byName.get(key.field()));
            descending.setValue(!key.ascending());
        });
        Checkbox shared = new Checkbox("Share with everyone who sees this list");
        shared.setId("board-config-shared");
        shared.setVisible(mayShare);
        shared.setValue(chosen != null && chosen.shared());
        dialog.add(new FormLayout(name, group, shown, sortField, descending, shared));

        Runnable use = () -> {
            groupBy = group.getValue() == null ? groupBy : group.getValue();
            // the fields in the type's order, the title field first when it stays chosen
            List<FieldDefinition> picked = new ArrayList<>(shown.getSelectedItems());
            picked.sort(java.util.Comparator.comparingInt(fields::indexOf));
            cardFields.stream().filter(picked::contains).findFirst().ifPresent(title -> {
                picked.remove(title);
                picked.add(0, title);
            });
            cardFields = picked.isEmpty() ? defaultCards() : picked.stream().limit(CARD_FIELDS).toList();
            sort = sortField.getValue() == null ? List.of()
                    : List.of(new SortOrder(sortField.getValue().name(), !descending.getValue()));
            groupChooser.setValue(groupBy);
            rebuild();
        };
        Button apply = new Button("Apply", e -> {
            use.run();
            dialog.close();
        });
        apply.setId("board-config-apply");
        Button save = new Button("Save", e -> {
            use.run();
            try {
                SavedView saved = views.save(new SavedView(recordType, name.getValue(), "", shared.getValue(),
                        search.getValue(), chips.filters(), sort, cardFields.stream().map(FieldDefinition::name).toList(),
                        Optional.of(groupBy.name())));
                viewChooser.setItems(boards(views));
                viewChooser.setValue(saved);
                dialog.close();
            } catch (ValidationException problem) {
                name.setInvalid(true);
                name.setErrorMessage(problem.errors().get(0).message());
            }
        });
        save.setId("board-config-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), apply, save);
        dialog.open();
    }

    // ---- pushed changes

    /**
     * Listens to the record type's events while on a page: any change (a move here or elsewhere, a new or deleted
     * record) reloads the counts and the cards, pushed into the page, at most one reload waiting at a time.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Bundle bundle = FrameworkUtil.getBundle(RecordBoard.class);
        if (bundle == null || bundle.getBundleContext() == null) {
            return; // outside OSGi (unit tests): nothing pushes
        }
        AtomicBoolean waiting = new AtomicBoolean();
        EventHandler handler = e -> {
            if (waiting.compareAndSet(false, true)) {
                ShellSession.access(ui, kit.callers(), () -> {
                    waiting.set(false);
                    refresh();
                });
            }
        };
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, RecordEvents.TOPIC_PREFIX + recordType + "/*");
        try {
            listening = bundle.getBundleContext().registerService(EventHandler.class, handler, properties);
        } catch (IllegalStateException e) {
            LOG.debug("Board of {} not listening: the kit bundle is stopping", recordType, e);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (listening != null) {
            try {
                listening.unregister();
            } catch (IllegalStateException e) {
                LOG.debug("Board listener of {} already gone", recordType, e);
            }
            listening = null;
        }
        super.onDetach(event);
    }

    /** @return whether the board is listening to record events: from attach to detach */
    boolean listening() {
        return listening != null;
    }
}
