package org.tesseracrm.reports.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.Schedule;
import org.tesseracrm.reports.api.ScheduleInput;

/**
 * A saved report's e-mail schedule, for its owner with {@code reports.share}: how often (never, daily, weekly,
 * monthly), the attachment's format and the recipients (users; each gets the figures they may see). Ids:
 * {@code report-schedule-dialog}, {@code report-schedule-frequency}, {@code report-schedule-format},
 * {@code report-schedule-recipients}, {@code report-schedule-next}, {@code report-schedule-error},
 * {@code report-schedule-confirm}, {@code report-schedule-cancel}.
 */
final class ScheduleDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    private final Select<Frequency> frequency = new Select<>();
    private final Select<ExportFormat> format = new Select<>();
    private final MultiSelectComboBox<String> recipients = new MultiSelectComboBox<>("Recipients");
    private final Paragraph error = new Paragraph();
    private final FormErrors errors = new FormErrors();

    /**
     * @param services the reports service and the users the caller may name
     * @param report the saved report
     * @param current its schedule as read
     */
    ScheduleDialog(ReportServices services, Report report, Schedule current) {
        setId("report-schedule-dialog");
        setHeaderTitle("E-mail " + report.name());
        setWidth("36em");
        frequency.setId("report-schedule-frequency");
        frequency.setLabel("Send");
        frequency.setItems(Frequency.values());
        frequency.setItemLabelGenerator(Labels::frequency);
        frequency.setValue(current.frequency());
        format.setId("report-schedule-format");
        format.setLabel("As");
        format.setItems(ExportFormat.values());
        format.setItemLabelGenerator(f -> f == ExportFormat.XLSX ? "Excel (xlsx)" : "CSV");
        format.setValue(current.format() == null ? ExportFormat.XLSX : current.format());
        recipients.setId("report-schedule-recipients");
        recipients.setHelperText("Each recipient gets the figures they may see, for the day, week or month that "
                + "just ended when the report has a period field");
        Set<String> users = new TreeSet<>(current.recipients());
        try {
            users.addAll(services.access().assignableUsers());
        } catch (CrmException e) {
            // the caller may name no one else: they may still type user names
        }
        recipients.setItems(new ArrayList<>(users));
        recipients.setAllowCustomValue(true);
        recipients.addCustomValueSetListener(e -> {
            List<String> all = new ArrayList<>(recipients.getListDataView().getItems().toList());
            all.add(e.getDetail().strip());
            Set<String> chosen = new TreeSet<>(recipients.getSelectedItems());
            chosen.add(e.getDetail().strip());
            recipients.setItems(all);
            recipients.select(chosen);
        });
        recipients.select(current.recipients());
        recipients.setWidthFull();
        Paragraph next = new Paragraph(current.next().map(t -> "Next: " + LocalTimes.current().format(t))
                .orElse("Not scheduled"));
        next.setId("report-schedule-next");
        error.setId("report-schedule-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        errors.target("frequency", frequency);
        errors.target("format", format);
        errors.target("recipients", recipients);
        FormLayout form = new FormLayout(frequency, format, recipients);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
        form.setColspan(recipients, 2);
        add(form, next, error);

        Button save = new Button("Save", e -> save(services, report));
        save.setId("report-schedule-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("report-schedule-cancel");
        getFooter().add(cancel, save);
    }


    private void save(ReportServices services, Report report) {
        errors.clear();
        error.setText("");
        try {
            Schedule set = services.reports().schedule(report.id(), new ScheduleInput(frequency.getValue(),
                    format.getValue(), recipients.getSelectedItems()));
            close();
            Toasts.done(set.frequency() == Frequency.NONE ? "No more e-mails of " + report.name() + "."
                    : report.name() + " is e-mailed " + Labels.frequency(set.frequency()).toLowerCase(java.util.Locale.ROOT)
                            + ".");
        } catch (ValidationException e) {
            List<String> other = errors.show(e);
            error.setText(String.join(" ", other));
        } catch (CrmException e) {
            error.setText(e.getMessage());
        }
    }
}
