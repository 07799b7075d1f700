package org.tesseracrm.contacts.internal.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;

import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.contacts.internal.ContactsModule;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;

/** The contacts list: a lazy grid paged, sorted and filtered in the database, and the form to edit them. */
public class ContactsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final transient ContactService contacts;
    private final transient AccessControl access;
    private final transient AuditTrail audit;
    private final Grid<ContactData> grid = new Grid<>();
    private final TextField filter = new TextField();

    /**
     * @param contacts the contacts service
     * @param access hides actions the user's profile does not allow
     * @param audit the history shown on the form
     */
    public ContactsView(ContactService contacts, AccessControl access, AuditTrail audit) {
        this.contacts = contacts;
        this.access = access;
        this.audit = audit;
        setSizeFull();

        filter.setId("contacts-filter");
        filter.setPlaceholder("Search name, e-mail or company");
        filter.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("22em");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button add = new Button("New contact", new Icon(VaadinIcon.PLUS), e -> openForm(null));
        add.setId("contacts-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(access.permitted(ContactsModule.CREATE));

        grid.setId("contacts-grid");
        grid.addColumn(ContactData::lastName).setHeader("Last name").setSortProperty("lastName").setAutoWidth(true);
        grid.addColumn(ContactData::firstName).setHeader("First name").setSortProperty("firstName").setAutoWidth(true);
        grid.addColumn(ContactData::email).setHeader("E-mail").setSortProperty("email").setAutoWidth(true);
        grid.addColumn(ContactData::phone).setHeader("Phone").setSortProperty("phone").setAutoWidth(true);
        grid.addColumn(ContactData::companyName).setHeader("Company").setSortProperty("companyName").setAutoWidth(true);
        grid.addColumn(ContactData::owner).setHeader("Owner").setSortProperty("owner").setAutoWidth(true);
        grid.addColumn(c -> WHEN.format(c.updatedAt())).setHeader("Updated").setSortProperty("updatedAt")
                .setAutoWidth(true);
        grid.setMultiSort(true);
        // No count query: the grid pages lazily as the user scrolls.
        grid.setItems(query -> contacts.list(new RecordQuery(query.getOffset(), query.getLimit(),
                sortOrders(query.getSortOrders()), Optional.of(filter.getValue()))).stream());
        grid.addItemClickListener(e -> openForm(e.getItem()));
        grid.setSizeFull();

        HorizontalLayout toolbar = new HorizontalLayout(filter, add);
        toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2("Contacts"), toolbar, grid);
    }

    @Override
    public String getPageTitle() {
        return "Contacts · Tessera CRM";
    }

    private void openForm(ContactData contact) {
        new ContactForm(contacts, access, audit, contact, () -> grid.getDataProvider().refreshAll()).open();
    }

    static List<SortOrder> sortOrders(List<QuerySortOrder> orders) {
        return orders.stream().map(o -> new SortOrder(o.getSorted(), o.getDirection() == SortDirection.ASCENDING))
                .toList();
    }
}
