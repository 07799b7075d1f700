package org.tesseracrm.followups.internal.ui;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import org.tesseracrm.followups.internal.FollowUpsModule;
import org.tesseracrm.followups.internal.service.Chain;
import org.tesseracrm.followups.internal.service.FollowUp;
import org.tesseracrm.followups.internal.service.FollowUpService;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.FieldErrors;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * The follow-ups section of a record's form (seed 004): the operation's status, the form to record
 * the open follow-up's result (when, what happened, and whether it concludes the follow-up), the form
 * to plan the next follow-up from it, and the chain, newest on top.
 *
 * <p>Element ids: {@code followups-panel}, {@code followups-status}, {@code followup-result-at},
 * {@code followup-result}, {@code followup-conclude}, {@code followup-record}, {@code followup-action},
 * {@code followup-due}, {@code followup-remind}, {@code followup-plan}; each follow-up of the chain is a
 * {@code div.followup}.
 */
class FollowUpsPanel extends Details {
    private static final long serialVersionUID = 1L;

    private final transient FollowUpService followUps;
    private final transient AccessControl access;
    private final String recordType;
    private final long recordId;
    private final VerticalLayout content = new VerticalLayout();

    FollowUpsPanel(FollowUpService followUps, AccessControl access, String recordType, long recordId) {
        this.followUps = followUps;
        this.access = access;
        this.recordType = recordType;
        this.recordId = recordId;
        setId("followups-panel");
        setWidthFull();
        content.setPadding(false);
        add(content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        List<FollowUp> chain = followUps.chain(recordType, recordId);
        Optional<FollowUp> newest = chain.stream().findFirst();
        Span status = new Span();
        status.setId("followups-status");
        Chain.mark(newest, FollowUpService.now(), LocalTimes.current()).ifPresentOrElse(mark -> {
            status.setText(mark.text());
            status.getElement().getThemeList().add(("badge " + mark.tone()).strip());
            status.getElement().setAttribute("title", mark.hint());
            setSummaryText("Follow-ups — " + mark.text().toLowerCase(java.util.Locale.ROOT));
        }, () -> {
            status.setText("No follow-ups yet");
            setSummaryText("Follow-ups");
        });
        content.add(status);
        setOpened(isOpened() || !chain.isEmpty());

        if (newest.filter(FollowUp::open).isPresent() && access.permitted(FollowUpsModule.EDIT)) {
            content.add(resultForm(newest.get()));
        } else if (newest.map(f -> !f.concludes()).orElse(true) && access.permitted(FollowUpsModule.CREATE)) {
            content.add(planForm(chain.isEmpty()));
        }
        chain.forEach(f -> content.add(entry(f)));
    }

    private FormLayout planForm(boolean first) {
        TextArea action = new TextArea(first ? "First follow-up *" : "Next follow-up, planned from the result *");
        action.setId("followup-action");
        action.setMaxLength(1000);
        DateTimePicker due = new DateTimePicker("Due *");
        due.setId("followup-due");
        DateTimePicker remind = new DateTimePicker("Reminder");
        remind.setId("followup-remind");
        Button plan = new Button("Plan follow-up", e -> {
            try {
                followUps.plan(recordType, recordId, action.getValue(), LocalTimes.utc(due.getValue()), LocalTimes.utc(remind.getValue()));
                refresh();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("action", action, "dueAt", due, "remindAt", remind));
            }
        });
        plan.setId("followup-plan");
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        FormLayout form = new FormLayout(action, due, remind, plan);
        form.setColspan(action, 2);
        return form;
    }

    private FormLayout resultForm(FollowUp open) {
        DateTimePicker at = new DateTimePicker("Result date and time *");
        at.setId("followup-result-at");
        at.setValue(LocalDateTime.now(LocalTimes.zone()).withSecond(0).withNano(0)); // the user's clock
        TextArea details = new TextArea("Result of \"" + open.action() + "\" *");
        details.setId("followup-result");
        details.setMaxLength(2000);
        Checkbox conclude = new Checkbox("Concluded: end the follow-up of this operation");
        conclude.setId("followup-conclude");
        Button record = new Button("Record result", e -> {
            try {
                followUps.recordResult(open.id(), open.version(), LocalTimes.utc(at.getValue()), details.getValue(), conclude.getValue());
                refresh();
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("resultAt", at, "result", details));
            } catch (CrmException ex) {
                details.setErrorMessage(ex.getMessage());
                details.setInvalid(true);
            }
        });
        record.setId("followup-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        FormLayout form = new FormLayout(details, at, conclude, record);
        form.setColspan(details, 2);
        return form;
    }

    private Div entry(FollowUp followUp) {
        Div entry = new Div();
        entry.addClassName("followup");
        entry.getStyle().set("border-left", "3px solid var(--lumo-contrast-20pct)").set("padding-left", "var(--lumo-space-s)");
        Span planned = new Span(followUp.action() + " — due " + LocalTimes.shown(followUp.dueAt())
                + followUp.remindAt().map(r -> ", reminder " + LocalTimes.shown(r)).orElse("") + " (" + followUp.owner() + ")");
        planned.getStyle().set("display", "block").set("font-weight", "600");
        entry.add(planned);
        followUp.resultAt().ifPresent(at -> {
            Span result = new Span("Result " + LocalTimes.shown(at) + ": " + followUp.result()
                    + (followUp.concludes() ? " — concluded" : ""));
            result.getStyle().set("display", "block");
            entry.add(result);
        });
        return entry;
    }
}
