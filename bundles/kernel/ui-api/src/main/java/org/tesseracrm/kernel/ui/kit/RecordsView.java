package org.tesseracrm.kernel.ui.kit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
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
 */
public abstract class RecordsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final String title;
    private final RecordList list;

    /**
     * @param kit the record kit
     * @param recordType the record type id
     * @param listPrefix element id prefix of the list, e.g. {@code companies}
     * @param formPrefix element id prefix of the form, e.g. {@code company}
     */
    protected RecordsView(RecordKit kit, String recordType, String listPrefix, String formPrefix) {
        RecordType type = kit.type(recordType);
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
        add(new H2(title), list);
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
