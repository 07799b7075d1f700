package org.tesseracrm.cases.internal.ui;

import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;

import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.ui.kit.FormPart;
import org.tesseracrm.kernel.ui.kit.RecordForm;

/**
 * What the Cases module adds to a case's form: Solve… ({@code case-solve}: a dialog {@code case-solve-dialog} asking
 * for the solution {@code case-solve-solution}, {@code case-solve-confirm}; without one the field says it is
 * required) and Close ({@code case-close}) on a case that is not done, for users with {@code cases.edit}; and a
 * banner ({@code case-blocked-banner}) while the case it depends on is not solved or closed. The component itself
 * shows nothing: it acts on the form through {@link FormPart}.
 */
class CaseActions extends Div implements FormPart {
    private static final long serialVersionUID = 1L;

    private final transient Cases cases;
    private final transient org.tesseracrm.kernel.api.security.AccessControl access;

    CaseActions(Cases cases, org.tesseracrm.kernel.api.security.AccessControl access) {
        this.cases = cases;
        this.access = access;
        setVisible(false);
    }

    @Override
    public void attach(RecordForm form) {
        RecordRow row = form.record().orElse(null);
        if (row == null) {
            return;
        }
        StatusKind kind = cases.kindOf(row.text(CaseFields.STATUS));
        cases.openDependency(row.id()).ifPresent(number -> {
            Div banner = new Div();
            banner.setId(form.idPrefix() + "-blocked-banner");
            banner.getElement().getThemeList().add("badge contrast");
            banner.getStyle().set("display", "block").set("padding", "var(--lumo-space-s)")
                    .set("margin-bottom", "var(--lumo-space-s)");
            banner.setText("Depends on " + number + ", which is not solved or closed yet: this case cannot be solved "
                    + "or closed before it.");
            form.addBanner(banner);
        });
        if (kind.done() || !access.permitted(CasesModule.EDIT)) {
            return;
        }
        Button solve = new Button("Solve…", new Icon(VaadinIcon.CHECK_CIRCLE_O), e -> openSolve(form, row));
        solve.setId(form.idPrefix() + "-solve");
        solve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        Button close = new Button("Close case", new Icon(VaadinIcon.CLOSE_CIRCLE_O), e -> {
            try {
                cases.close(row.id());
                form.closeChanged();
                done("Case closed");
            } catch (ValidationException ex) {
                error(ex.errors().stream().map(FieldError::message).collect(Collectors.joining(" ")));
            } catch (CrmException ex) {
                error(ex.getMessage());
            }
        });
        close.setId(form.idPrefix() + "-close");
        form.addAction(solve);
        form.addAction(close);
    }

    private void openSolve(RecordForm form, RecordRow row) {
        Dialog dialog = new Dialog();
        dialog.setId(form.idPrefix() + "-solve-dialog");
        dialog.setHeaderTitle("Solve " + row.text(CaseFields.NUMBER));
        TextArea solution = new TextArea("Solution");
        solution.setId(form.idPrefix() + "-solve-solution");
        solution.setWidthFull();
        solution.setMaxLength(4000);
        solution.setValue(row.text(CaseFields.SOLUTION));
        dialog.add(new Paragraph("What solved the customer's request; the case moves to a solved status."), solution);
        Button confirm = new Button("Solve", e -> {
            solution.setInvalid(false);
            try {
                cases.solve(row.id(), solution.getValue());
                dialog.close();
                form.closeChanged();
                done("Case solved");
            } catch (ValidationException ex) {
                solution.setErrorMessage(ex.errors().stream().map(FieldError::message)
                        .collect(Collectors.joining(" ")));
                solution.setInvalid(true);
            } catch (CrmException ex) {
                error(ex.getMessage());
            }
        });
        confirm.setId(form.idPrefix() + "-solve-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static void done(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
