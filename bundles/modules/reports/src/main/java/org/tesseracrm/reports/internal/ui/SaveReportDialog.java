package org.tesseracrm.reports.internal.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportInput;
import org.tesseracrm.reports.api.ReportSpec;
import org.tesseracrm.reports.api.ShareTarget;
import org.tesseracrm.reports.api.Sharing;

/**
 * Saves the builder's report under a name, with a description and, for users with {@code reports.share}, who else
 * sees it: everyone, roles, groups (private when none). A stale save (someone changed the report since it was
 * opened) is refused by the service and said here; errors about the report's parts go back to the builder's fields.
 *
 * <p>Ids: {@code report-save-dialog}, {@code report-name}, {@code report-description}, {@code report-share-everyone},
 * {@code report-share-roles}, {@code report-share-groups}, {@code report-save-error}, {@code report-save-confirm},
 * {@code report-save-copy} (after a stale save), {@code report-save-cancel}.
 */
final class SaveReportDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final Checkbox everyone = new Checkbox("Everyone who sees reports");
    private final MultiSelectComboBox<ShareTarget> roles = new MultiSelectComboBox<>("Users of the roles");
    private final MultiSelectComboBox<ShareTarget> groups = new MultiSelectComboBox<>("Members of the groups");
    private final Paragraph error = new Paragraph();
    private final FormErrors errors = new FormErrors();
    private final Button copy = new Button("Save as new report");

    /**
     * @param services the reports service and the roles and groups to share with
     * @param saved the report as last read; empty for a new report (or a copy)
     * @param suggested the name a new report starts with
     * @param spec what the report computes
     * @param done told the report as saved
     * @param specErrors told the errors about the report's parts, for the builder to show
     */
    SaveReportDialog(ReportServices services, Optional<Report> saved, String suggested, ReportSpec spec,
            Consumer<Report> done, Consumer<ValidationException> specErrors) {
        setId("report-save-dialog");
        setHeaderTitle(saved.isPresent() ? "Save report" : "Save new report");
        setWidth("36em");
        name.setId("report-name");
        name.setRequired(true);
        name.setMaxLength(200);
        name.setWidthFull();
        name.setValue(saved.map(Report::name).orElse(suggested));
        description.setId("report-description");
        description.setMaxLength(2000);
        description.setWidthFull();
        description.setValue(saved.map(Report::description).orElse(""));
        error.setId("report-save-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(name, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Sharing sharing = saved.map(Report::sharing).orElse(Sharing.PRIVATE);
        boolean shares = services.shares();
        if (shares) {
            everyone.setId("report-share-everyone");
            everyone.setValue(sharing.everyone());
            roles.setId("report-share-roles");
            groups.setId("report-share-groups");
            List<ShareTarget> targets = services.shareTargets();
            choices(roles, ShareTarget.ROLE, targets, sharing.roles());
            choices(groups, ShareTarget.GROUP, targets, sharing.groups());
            form.add(everyone, roles, groups);
        }
        errors.target("name", name);
        errors.target("description", description);
        errors.text("sharing", error);
        add(form, error);

        Button save = new Button("Save", e -> save(services, saved, spec, shares ? sharing() : sharing, done,
                specErrors));
        save.setId("report-save-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("report-save-cancel");
        copy.setId("report-save-copy");
        copy.setVisible(false);
        copy.addClickListener(e -> save(services, Optional.empty(), spec, shares ? sharing() : Sharing.PRIVATE, done,
                specErrors));
        getFooter().add(cancel, copy, save);
    }

    /** Offers the targets, with those the report already names (by id when the caller may not read their names). */
    private static void choices(MultiSelectComboBox<ShareTarget> box, String kind, List<ShareTarget> targets,
            Set<String> chosen) {
        Map<String, ShareTarget> byId = new LinkedHashMap<>();
        targets.stream().filter(t -> t.kind().equals(kind)).forEach(t -> byId.put(t.id(), t));
        chosen.forEach(id -> byId.putIfAbsent(id, new ShareTarget(kind, id, "#" + id)));
        box.setItems(byId.values());
        box.setItemLabelGenerator(ShareTarget::name);
        box.select(chosen.stream().map(byId::get).toList());
        box.setWidthFull();
        box.setVisible(!byId.isEmpty());
    }

    private Sharing sharing() {
        return new Sharing(everyone.getValue(), ids(roles), ids(groups));
    }

    private static Set<String> ids(MultiSelectComboBox<ShareTarget> box) {
        return box.getSelectedItems().stream().map(ShareTarget::id).collect(Collectors.toSet());
    }

    private void save(ReportServices services, Optional<Report> saved, ReportSpec spec, Sharing sharing,
            Consumer<Report> done, Consumer<ValidationException> specErrors) {
        errors.clear();
        copy.setVisible(false);
        try {
            Report report = services.reports().save(new ReportInput(saved.map(Report::id).orElse(0L),
                    saved.map(Report::version).orElse(0L), name.getValue().strip(), description.getValue().strip(),
                    spec, sharing));
            close();
            done.accept(report);
        } catch (ValidationException e) {
            if (e.errors().stream().anyMatch(f -> f.field().startsWith("spec"))) {
                close();
                specErrors.accept(e); // the report's parts are wrong: the builder shows them at its fields
                return;
            }
            List<String> other = errors.show(e);
            if (!other.isEmpty()) {
                error.setText(String.join(" ", other));
            }
        } catch (ConflictException e) {
            error.setText("Someone changed this report since you opened it, so it was not saved. Save yours as a new "
                    + "report, or go back to the list and open the report again to see their version.");
            copy.setVisible(true);
        } catch (CrmException e) {
            error.setText(e.getMessage());
        }
    }
}
