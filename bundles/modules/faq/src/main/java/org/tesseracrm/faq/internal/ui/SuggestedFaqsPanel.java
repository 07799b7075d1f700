package org.tesseracrm.faq.internal.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.faq.api.FaqSuggestion;
import org.tesseracrm.faq.api.Faqs;
import org.tesseracrm.faq.internal.FaqModule;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * "Suggested FAQs" on a case form ({@code case-faqs}): the FAQs attached to the case (each with the number of cases
 * it solved), then the published FAQs that best match the case's subject and description, each with Attach
 * ({@code case-faq-attach-<faq id>}). A question opens the FAQ's form. Everything goes through the FAQ service, which
 * checks the permissions and the case's visibility; what it refuses is shown as a message.
 */
class SuggestedFaqsPanel extends Details {
    private static final long serialVersionUID = 1L;
    static final int SUGGESTIONS = 5;

    private final transient Faqs faqs;
    private final transient RecordKit kit;
    private final long caseId;
    private final VerticalLayout content = new VerticalLayout();

    private SuggestedFaqsPanel(Faqs faqs, RecordKit kit, long caseId) {
        this.faqs = faqs;
        this.kit = kit;
        this.caseId = caseId;
        setId("case-faqs");
        setSummaryText("Suggested FAQs");
        setOpened(true);
        setWidthFull();
        content.setPadding(false);
        content.setSpacing(false);
        add(content);
        refresh();
    }

    /**
     * @return the panel; empty for a user without {@code faq.view} or a case the user does not see
     */
    static Optional<SuggestedFaqsPanel> of(Faqs faqs, RecordKit kit, AccessControl access, long caseId) {
        if (!access.permitted(FaqModule.VIEW)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SuggestedFaqsPanel(faqs, kit, caseId));
        } catch (CrmException e) {
            return Optional.empty();
        }
    }

    private void refresh() {
        content.removeAll();
        List<RecordRow> attached = faqs.attached(caseId);
        if (!attached.isEmpty()) {
            content.add(new H5("Attached"));
            attached.forEach(faq -> content.add(row(faq.id(), faq.text(FaqFields.QUESTION), "solved "
                    + faq.decimal(FaqFields.TIMES_USED).map(java.math.BigDecimal::longValue).orElse(0L) + " cases",
                    false)));
        }
        List<FaqSuggestion> suggested = faqs.suggestForCase(caseId, SUGGESTIONS);
        content.add(new H5("Suggested"));
        if (suggested.isEmpty()) {
            content.add(new Text("No published FAQ matches this case's subject and description."));
        }
        suggested.forEach(s -> content.add(row(s.id(), s.question(), (s.category().isEmpty() ? ""
                : s.category() + " · ") + "solved " + s.timesUsed() + " cases", true)));
    }

    private HorizontalLayout row(long faqId, String question, String detail, boolean attachable) {
        Button open = new Button(question, e -> open(faqId));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Span about = new Span(detail);
        about.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout row = new HorizontalLayout(open, about);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (attachable) {
            Button attach = new Button("Attach", e -> attach(faqId));
            attach.setId("case-faq-attach-" + faqId);
            attach.addThemeVariants(ButtonVariant.LUMO_SMALL);
            row.add(attach);
        }
        return row;
    }

    private void attach(long faqId) {
        try {
            faqs.attach(caseId, faqId);
            Notification.show("FAQ attached to the case", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (CrmException e) {
            error(e.getMessage());
        }
    }

    private void open(long faqId) {
        try {
            kit.form(FaqFields.RECORD_TYPE, "faq", new RecordRow(faqId, 0, Map.of()), this::refresh).open();
        } catch (CrmException e) {
            error(e.getMessage());
        }
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
