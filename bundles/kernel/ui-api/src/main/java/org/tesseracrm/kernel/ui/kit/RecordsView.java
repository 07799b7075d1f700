package org.tesseracrm.kernel.ui.kit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

import org.tesseracrm.kernel.api.record.RecordType;

/**
 * A module's main view of a record type: its heading, the kit's {@link RecordList} with a New button
 * (for users who may create), and the kit's {@link RecordForm} when a row is clicked. A module
 * subclasses it once, so that its view has a class of its own to route to:
 *
 * <pre>
 * public class CompaniesView extends RecordsView {
 *     public CompaniesView(RecordKit kit) {
 *         super(kit, "company", "companies", "company");
 *     }
 * }
 * </pre>
 *
 * The New button's id is {@code <list prefix>-new}.
 *
 * <p>A record type with a field a board can group by (a pick-list or a user, such as the owner) also gets a
 * toggle between the list and the kit's {@link RecordBoard} ({@code <list prefix>-board-toggle}); a module
 * says how its board starts with {@link #offerBoard}, in its constructor.
 */
public abstract class RecordsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final String title;
    private final RecordList list;
    private final transient RecordKit kit;
    private final String recordType;
    private final String formPrefix;
    private RecordBoard.Settings boardSettings = RecordBoard.Settings.defaults();
    private RecordBoard board;
    private Button boardToggle;

    /**
     * @param kit the record kit
     * @param recordType the record type id
     * @param listPrefix element id prefix of the list, e.g. {@code companies}
     * @param formPrefix element id prefix of the form, e.g. {@code company}
     */
    protected RecordsView(RecordKit kit, String recordType, String listPrefix, String formPrefix) {
        RecordType type = kit.type(recordType);
        this.kit = kit;
        this.recordType = recordType;
        this.formPrefix = formPrefix;
        this.title = type.pluralLabel();
        setSizeFull();
        list = kit.list(recordType, type.moduleId(), listPrefix, type.pluralLabel().toLowerCase(java.util.Locale.ROOT));
        Button add = new Button("New " + type.label().toLowerCase(java.util.Locale.ROOT), new Icon(VaadinIcon.PLUS),
                e -> kit.form(recordType, formPrefix, null, list::refresh).open());
        add.setId(listPrefix + "-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(kit.access().permitted(type.moduleId() + ".create") && type.ids().isPresent());
        list.toolbar().add(add);
        list.onOpen(row -> kit.form(recordType, formPrefix, row, list::refresh).open());
        HorizontalLayout heading = new HorizontalLayout(new H2(title));
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (kit.hasBoard(recordType)) {
            boardToggle = new Button("Board", new Icon(VaadinIcon.GRID_V), e -> switchView());
            boardToggle.setId(listPrefix + "-board-toggle");
            boardToggle.getElement().setAttribute("aria-pressed", "false");
            heading.add(boardToggle);
        }
        add(heading, list);
    }

    /**
     * Says how the board of this view starts (grouping field, card fields, summed fields, closing date), instead of
     * the defaults (the first pick-list or the owner, the title and listed fields, no sums).
     *
     * @param settings the board's settings
     * @since kit 1.2
     */
    protected void offerBoard(RecordBoard.Settings settings) {
        this.boardSettings = settings;
    }

    /** Shows the board instead of the list, or the list again; the board is made the first time it is shown. */
    private void switchView() {
        boolean toBoard = list.getParent().isPresent();
        if (toBoard) {
            if (board == null) {
                board = kit.board(recordType, formPrefix, boardSettings);
            } else {
                board.refresh();
            }
            replace(list, board);
        } else {
            replace(board, list);
            list.refresh();
        }
        boardToggle.setText(toBoard ? "List" : "Board");
        boardToggle.setIcon(new Icon(toBoard ? VaadinIcon.LIST : VaadinIcon.GRID_V));
        boardToggle.getElement().setAttribute("aria-pressed", Boolean.toString(toBoard));
    }

    /** @return the board, once shown; empty before */
    protected java.util.Optional<RecordBoard> board() {
        return java.util.Optional.ofNullable(board);
    }

    /** @return the list, for a module's own toolbar buttons */
    protected RecordList list() {
        return list;
    }

    @Override
    public String getPageTitle() {
        return title + " · Tessera CRM";
    }
}
