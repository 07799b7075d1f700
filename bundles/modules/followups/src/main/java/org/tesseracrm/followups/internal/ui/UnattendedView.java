package org.tesseracrm.followups.internal.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tesseracrm.followups.internal.FollowUpsModule;
import org.tesseracrm.followups.internal.service.Chain;
import org.tesseracrm.followups.internal.service.FollowUp;
import org.tesseracrm.followups.internal.service.FollowUpService;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.Downloads;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * The unattended follow-ups report (seed 004): open follow-ups past due, filtered by branch, sales agent
 * and period (of the due date), most overdue first, exportable to CSV.
 *
 * <p>Element ids: {@code unattended-branch}, {@code unattended-agent}, {@code unattended-from},
 * {@code unattended-to}, {@code unattended-grid}, {@code unattended-count}, {@code unattended-export}.
 */
public class UnattendedView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final String ALL = "All";

    private final transient FollowUpService followUps;
    private final transient Map<String, String> branches;
    private final Select<String> branch = new Select<>();
    private final Select<String> agent = new Select<>();
    private final DatePicker from = new DatePicker("Due from");
    private final DatePicker to = new DatePicker("Due to");
    private final Grid<FollowUp> grid = new Grid<>();
    private final Span count = new Span();

    /**
     * @param followUps the report's data
     * @param access offers the export to users holding {@code followups.export}
     */
    public UnattendedView(FollowUpService followUps, AccessControl access) {
        this.followUps = followUps;
        this.branches = followUps.agents();
        setSizeFull();
        branch.setLabel("Branch");
        branch.setId("unattended-branch");
        TreeSet<String> names = new TreeSet<>(branches.values());
        names.remove("");
        branch.setItems(prepend(List.copyOf(names)));
        branch.setValue(ALL);
        agent.setLabel("Sales agent");
        agent.setId("unattended-agent");
        agent.setItems(prepend(List.copyOf(new TreeSet<>(branches.keySet()))));
        agent.setValue(ALL);
        from.setId("unattended-from");
        to.setId("unattended-to");
        List.of(branch, agent).forEach(s -> s.addValueChangeListener(e -> refresh()));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        HorizontalLayout filters = new HorizontalLayout(branch, agent, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (access.permitted(FollowUpsModule.EXPORT)) {
            Anchor export = new Anchor((DownloadEvent event) -> {
                event.setFileName("unattended-follow-ups-" + LocalDate.now() + ".csv");
                event.setContentType("text/csv");
                Downloads.write(event, out -> write(rows(), out));
            }, "");
            export.setId("unattended-export");
            export.getElement().setAttribute("download", true);
            Button button = new Button("CSV", new Icon(VaadinIcon.DOWNLOAD_ALT));
            button.setTabIndex(-1);
            export.add(button);
            filters.add(export);
        }

        grid.setId("unattended-grid");
        grid.addColumn(FollowUp::recordTitle).setHeader("Operation").setFlexGrow(1);
        grid.addColumn(FollowUp::action).setHeader("Follow-up").setFlexGrow(2);
        grid.addColumn(f -> LocalTimes.shown(f.dueAt())).setHeader("Due").setAutoWidth(true);
        grid.addColumn(f -> Chain.daysLate(f, FollowUpService.now())).setHeader("Days late").setAutoWidth(true);
        grid.addColumn(f -> f.remindAt().map(LocalTimes::shown).orElse("")).setHeader("Reminder").setAutoWidth(true);
        grid.addColumn(FollowUp::owner).setHeader("Sales agent").setAutoWidth(true);
        grid.addColumn(f -> branches.getOrDefault(f.owner(), "")).setHeader("Branch").setAutoWidth(true);
        grid.setSizeFull();
        count.setId("unattended-count");
        add(new H2("Unattended follow-ups"), filters, count, grid);
        refresh();
    }

    private void refresh() {
        List<FollowUp> rows = rows();
        grid.setItems(rows);
        count.setText(String.format("%,d overdue follow-up%s", rows.size(), rows.size() == 1 ? "" : "s"));
    }

    private List<FollowUp> rows() {
        return followUps.unattended(chosen(branch), chosen(agent), from.getValue(), to.getValue());
    }

    private void write(List<FollowUp> rows, OutputStream out) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\ufeff'); // Excel reads the file as UTF-8 with the byte order mark
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        LocalTimes times = LocalTimes.current(); // times as the export writes them: in the user's zone
        String zone = " (" + times.settings().zone().getId() + ")";
        csv.printRecord(cells("Operation", "Follow-up", "Due" + zone, "Days late", "Reminder" + zone, "Sales agent", "Branch"));
        for (FollowUp f : rows) {
            csv.printRecord(cells(f.recordTitle(), f.action(), RecordRow.format(times.toLocal(f.dueAt())),
                    Chain.daysLate(f, FollowUpService.now()),
                    f.remindAt().map(r -> RecordRow.format(times.toLocal(r))).orElse(""), f.owner(),
                    branches.getOrDefault(f.owner(), "")));
        }
        csv.flush();
    }

    /** @return the values of a CSV line, text neutralised so a spreadsheet program never runs it as a formula */
    private static Object[] cells(Object... values) {
        return java.util.Arrays.stream(values).map(v -> v instanceof String text ? ExportFormat.csvCell(text) : v).toArray();
    }

    private static String chosen(Select<String> select) {
        return select.getValue() == null || ALL.equals(select.getValue()) ? null : select.getValue();
    }

    private static List<String> prepend(List<String> values) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ALL), values.stream()).toList();
    }
}
