package org.tesseracrm.kernel.ui.internal.admin;

import java.time.Instant;
import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;

import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditQuery;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.ui.internal.shared.AuditChanges;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/** Administration → Audit trail: every change of every record, newest first, filterable. */
@PageTitle("Audit trail · Tessera CRM")
public class AuditView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient AuditTrail audit;
    private final LocalTimes times = LocalTimes.current();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField user = new TextField("User");
    private final TextField recordType = new TextField("Record type");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");

    /** @param audit the trail */
    public AuditView(AuditTrail audit) {
        this.audit = audit;
        setSizeFull();
        user.setId("audit-user");
        recordType.setId("audit-type");
        recordType.setPlaceholder("e.g. contact");
        Button apply = new Button("Filter", e -> refresh());
        apply.setId("audit-filter");
        HorizontalLayout filters = new HorizontalLayout(user, recordType, from, to, apply);
        filters.setAlignItems(Alignment.BASELINE);
        grid.setId("audit-grid");
        grid.addColumn(e -> times.format(e.at())).setHeader("When").setAutoWidth(true);
        // Fixed narrow columns and most of the room for the changes, one per line (rem: headers use a smaller font).
        grid.addColumn(AuditEntry::username).setHeader("User").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(e -> e.recordType() + " #" + e.recordId()).setHeader("Record").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::label).setHeader("Name").setWidth("9rem").setFlexGrow(1);
        grid.addColumn(AuditChanges.renderer()).setHeader("Changes (old → new)").setWidth("22rem").setFlexGrow(4);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // the changes are the point: show them whole
        grid.setSizeFull();
        add(new H2("Audit trail"), filters, grid);
        refresh();
    }

    private void refresh() {
        String username = blankToNull(user.getValue());
        String type = blankToNull(recordType.getValue());
        Instant start = start(from.getValue());
        Instant end = to.getValue() == null ? null : start(to.getValue().plusDays(1));
        grid.setItems(query -> audit.search(new AuditQuery(username, type, start, end, query.getOffset(),
                Math.min(query.getLimit(), 500))).stream());
    }

    /** @return when the day starts in the user's zone */
    private Instant start(LocalDate day) {
        return day == null ? null : times.startOf(day);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
