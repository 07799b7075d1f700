package org.tesseracrm.automation.internal.approval.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;

import org.tesseracrm.automation.api.ApprovalDecision;
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;
import org.tesseracrm.automation.api.Approvals;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.ui.kit.FormPart;
import org.tesseracrm.kernel.ui.kit.RecordForm;

/**
 * A record's approval on its form: a banner with where it stands ({@code approvals-banner}); while pending the form
 * is read-only (the service refuses changes anyway); Submit for approval ({@code <form>-approval-submit}) when an
 * active process applies and nothing is pending; Approve and Reject ({@code <form>-approval-approve},
 * {@code <form>-approval-reject}) for the current step's approvers, each asking for an optional comment in a dialog
 * ({@code approvals-dialog}, {@code approvals-comment}, {@code approvals-confirm}).
 */
class ApprovalPanel extends Div implements FormPart {
    private static final long serialVersionUID = 1L;

    private final transient Approvals approvals;
    private final String recordType;
    private final long recordId;
    private final transient List<ApprovalRequest> requests;
    private final transient Optional<ApprovalProcess> process;
    private final boolean edit;
    private final String me;

    ApprovalPanel(Approvals approvals, String recordType, long recordId, List<ApprovalRequest> requests,
            Optional<ApprovalProcess> process, boolean edit, String me) {
        this.approvals = approvals;
        this.recordType = recordType;
        this.recordId = recordId;
        this.requests = requests;
        this.process = process;
        this.edit = edit;
        this.me = me;
        setVisible(false);
    }

    @Override
    public void attach(RecordForm form) {
        if (form.record().isEmpty()) {
            return;
        }
        Optional<ApprovalRequest> latest = requests.stream().findFirst();
        Div banner = banner(latest);
        if (banner != null) {
            form.addBanner(banner);
        }
        if (latest.isPresent() && latest.get().pending()) {
            form.showReadOnly();
            if (latest.get().approvers().contains(me)) {
                form.addAction(button(form, "approve", "Approve", VaadinIcon.CHECK_CIRCLE_O, ButtonVariant.LUMO_SUCCESS,
                        comment -> approvals.approve(recordType, recordId, comment)));
                form.addAction(button(form, "reject", "Reject", VaadinIcon.CLOSE_CIRCLE_O, ButtonVariant.LUMO_ERROR,
                        comment -> approvals.reject(recordType, recordId, comment)));
            }
        } else if (process.isPresent() && edit && !latest.map(r -> r.status() == ApprovalRequest.Status.APPROVED
                && r.processId() == process.get().id()).orElse(false)) {
            form.addAction(button(form, "submit", "Submit for approval", VaadinIcon.PAPERPLANE_O,
                    ButtonVariant.LUMO_PRIMARY, comment -> approvals.submit(recordType, recordId, comment)));
        }
    }

    private Div banner(Optional<ApprovalRequest> latest) {
        String text;
        String theme;
        if (latest.isPresent() && latest.get().pending()) {
            ApprovalRequest r = latest.get();
            text = "Waiting for approval by " + String.join(", ", r.approvers()) + " (" + r.processName() + ", step "
                    + r.step() + " of " + r.steps().size() + ", submitted by " + r.submitter() + "): read-only until "
                    + "approved or rejected.";
            theme = "badge contrast";
        } else if (latest.isPresent()) {
            ApprovalRequest r = latest.get();
            ApprovalDecision last = r.decisions().isEmpty() ? null : r.decisions().get(r.decisions().size() - 1);
            text = (r.status() == ApprovalRequest.Status.APPROVED ? "Approved" : "Rejected") + " (" + r.processName()
                    + ")" + (last == null ? "" : " by " + last.approver() + (last.comment().isEmpty() ? ""
                            : ": " + last.comment())) + ".";
            theme = r.status() == ApprovalRequest.Status.APPROVED ? "badge success" : "badge error";
        } else if (process.isPresent()) {
            text = "Needs approval (" + process.get().name() + ")"
                    + (process.get().gateField().isEmpty() ? "" : ": it cannot become "
                            + String.join(" or ", process.get().gateValues()) + " before it is approved") + ".";
            theme = "badge";
        } else {
            return null;
        }
        Div banner = new Div(new Span(text));
        banner.setId("approvals-banner");
        banner.getElement().getThemeList().add(theme);
        banner.getStyle().set("display", "block").set("padding", "var(--lumo-space-s)")
                .set("margin-bottom", "var(--lumo-space-s)");
        return banner;
    }

    private Button button(RecordForm form, String id, String label, VaadinIcon icon, ButtonVariant variant,
            Function<String, ApprovalRequest> action) {
        Button button = new Button(label, new Icon(icon), e -> ask(form, label, action));
        button.setId(form.idPrefix() + "-approval-" + id);
        button.addThemeVariants(variant);
        return button;
    }

    private void ask(RecordForm form, String label, Function<String, ApprovalRequest> action) {
        Dialog dialog = new Dialog();
        dialog.setId("approvals-dialog");
        dialog.setHeaderTitle(label);
        TextArea comment = new TextArea("Comment (optional)");
        comment.setId("approvals-comment");
        comment.setMaxLength(Approvals.MAX_COMMENT);
        comment.setWidthFull();
        dialog.add(comment);
        Button confirm = new Button(label, e -> {
            try {
                ApprovalRequest after = action.apply(comment.getValue());
                dialog.close();
                form.closeChanged();
                Toasts.done(switch (after.status()) {
                    case PENDING -> after.decisions().isEmpty() ? "Submitted: waiting for "
                            + String.join(", ", after.approvers()) : "Approved step " + (after.step() - 1)
                                    + ": now waiting for " + String.join(", ", after.approvers());
                    case APPROVED -> "Approved";
                    case REJECTED -> "Rejected";
                });
            } catch (CrmException ex) {
                Toasts.error(ex.getMessage());
            }
        });
        confirm.setId("approvals-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }
}
