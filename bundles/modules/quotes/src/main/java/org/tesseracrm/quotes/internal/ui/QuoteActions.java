package org.tesseracrm.quotes.internal.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadEvent;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.ui.kit.Downloads;
import org.tesseracrm.kernel.ui.kit.FormPart;
import org.tesseracrm.kernel.ui.kit.RecordForm;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.QuoteFile;
import org.tesseracrm.quotes.internal.QuotesModule;

/**
 * What the Quotes module adds to a quote's form: Send ({@code quote-send}) on a draft; Revise ({@code quote-revise})
 * on a quote that was sent and has no later revision; Accept… ({@code quote-accept}, asking whether to update the
 * opportunity's amount, {@code quote-accept-opportunity}, {@code quote-accept-confirm}) and Reject
 * ({@code quote-reject}) on a sent or expired quote; Download PDF ({@code quote-pdf}) always. A quote that is not a
 * draft shows read-only under a banner ({@code quote-frozen-banner}); the revision links
 * ({@code quote-previous-revision}, {@code quote-next-revision}) open the neighbouring revisions. The component
 * itself shows nothing: it acts on the form through {@link FormPart}.
 */
class QuoteActions extends Div implements FormPart {
    private static final long serialVersionUID = 1L;

    private final transient QuoteServices services;

    QuoteActions(QuoteServices services) {
        this.services = services;
        setVisible(false);
    }

    @Override
    public void attach(RecordForm form) {
        RecordRow quote = form.record().orElse(null);
        if (quote == null) {
            return;
        }
        String status = quote.text(QuoteFields.STATUS).isEmpty() ? QuoteFields.DRAFT : quote.text(QuoteFields.STATUS);
        boolean draft = QuoteFields.DRAFT.equals(status);
        boolean edit = services.access().permitted(QuotesModule.EDIT);
        Div banner = revisionBanner(quote, draft, status);
        if (banner != null) {
            form.addBanner(banner);
        }
        if (!draft) {
            form.showReadOnly();
        }
        form.addAction(pdfLink(quote));
        if (draft && edit) {
            form.addAction(button("send", "Send", VaadinIcon.PAPERPLANE, ButtonVariant.LUMO_SUCCESS, form,
                    () -> services.quotes().send(quote.id()), "Quote sent: it is frozen and its PDF is attached"));
        }
        if (!draft && quote.lookup(QuoteFields.NEXT_REVISION).isEmpty()
                && services.access().permitted(QuotesModule.CREATE)) {
            Button revise = new Button("Revise", new Icon(VaadinIcon.COPY_O), e -> {
                try {
                    RecordRow next = services.quotes().revise(quote.id());
                    form.closeChanged();
                    QuoteServices.done("Revision " + next.decimal(QuoteFields.REVISION).map(Object::toString)
                            .orElse("") + " made: a draft to change and send");
                    services.open(QuoteFields.RECORD_TYPE, next.id());
                } catch (CrmException ex) {
                    QuoteServices.error(ex.getMessage());
                }
            });
            revise.setId(form.idPrefix() + "-revise");
            form.addAction(revise);
        }
        if ((QuoteFields.SENT.equals(status) || QuoteFields.EXPIRED.equals(status)) && edit) {
            form.addAction(button("reject", "Reject", VaadinIcon.CLOSE_CIRCLE_O, ButtonVariant.LUMO_ERROR, form,
                    () -> services.quotes().reject(quote.id()), "Quote rejected"));
            Button accept = new Button("Accept…", new Icon(VaadinIcon.CHECK_CIRCLE_O), e -> openAccept(form, quote));
            accept.setId(form.idPrefix() + "-accept");
            accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            form.addAction(accept);
        }
    }

    private Button button(String id, String label, VaadinIcon icon, ButtonVariant variant, RecordForm form,
            Supplier<RecordRow> action, String done) {
        Button button = new Button(label, new Icon(icon), e -> {
            try {
                action.get();
                form.closeChanged();
                QuoteServices.done(done);
            } catch (CrmException ex) {
                QuoteServices.error(ex.getMessage());
            }
        });
        button.setId(form.idPrefix() + "-" + id);
        button.addThemeVariants(variant);
        return button;
    }

    private void openAccept(RecordForm form, RecordRow quote) {
        Dialog dialog = new Dialog();
        dialog.setId(form.idPrefix() + "-accept-dialog");
        dialog.setHeaderTitle("Accept " + quote.text(QuoteFields.NUMBER));
        Checkbox opportunity = new Checkbox("Update the opportunity amount to the quote's total");
        opportunity.setId(form.idPrefix() + "-accept-opportunity");
        boolean hasOpportunity = quote.lookup(QuoteFields.OPPORTUNITY).isPresent();
        opportunity.setValue(hasOpportunity);
        opportunity.setEnabled(hasOpportunity);
        dialog.add(new Paragraph("The customer accepted this quote."), opportunity);
        Button confirm = new Button("Accept", e -> {
            try {
                services.quotes().accept(quote.id(), opportunity.getValue());
                dialog.close();
                form.closeChanged();
                QuoteServices.done(opportunity.getValue() ? "Quote accepted; the opportunity's amount is its total"
                        : "Quote accepted");
            } catch (CrmException ex) {
                QuoteServices.error(ex.getMessage());
            }
        });
        confirm.setId(form.idPrefix() + "-accept-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private Anchor pdfLink(RecordRow quote) {
        Anchor pdf = new Anchor((DownloadEvent event) -> Downloads.write(event, out -> {
            QuoteFile file = services.quotes().pdf(quote.id());
            event.setFileName(file.fileName());
            event.setContentType(file.contentType());
            new ByteArrayInputStream(file.content()).transferTo(out);
        }), "");
        pdf.setId("quote-pdf");
        pdf.getElement().setAttribute("download", true);
        Button button = new Button("Download PDF", new Icon(VaadinIcon.DOWNLOAD_ALT));
        button.setTabIndex(-1);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        pdf.add(button);
        return pdf;
    }

    /** "Revision 2 of Q-2026-00042 · previous: … · next: …", and why a frozen quote is read-only. */
    private Div revisionBanner(RecordRow quote, boolean draft, String status) {
        OptionalLong previous = quote.lookup(QuoteFields.PREVIOUS_REVISION);
        OptionalLong next = quote.lookup(QuoteFields.NEXT_REVISION);
        if (draft && previous.isEmpty() && next.isEmpty()) {
            return null;
        }
        Div banner = new Div();
        banner.setId(draft ? "quote-revision-banner" : "quote-frozen-banner");
        banner.getElement().getThemeList().add("badge " + (draft ? "contrast" : "success"));
        banner.getStyle().set("display", "block").set("padding", "var(--lumo-space-s)")
                .set("margin-bottom", "var(--lumo-space-s)");
        banner.add(new Span("Revision " + quote.decimal(QuoteFields.REVISION).map(Object::toString).orElse("1")
                + " of " + quote.text(QuoteFields.NUMBER) + (draft ? "." : ", " + status.toLowerCase(java.util.Locale.ROOT)
                + ": read-only (Revise makes a new draft).")));
        link(banner, previous, "previous", "Previous revision");
        link(banner, next, "next", "Next revision");
        return banner;
    }

    private void link(Div banner, OptionalLong id, String which, String label) {
        if (id.isPresent()) {
            long target = id.getAsLong();
            String title = services.kit().records().shownTitles(QuoteFields.RECORD_TYPE, List.of(target))
                    .getOrDefault(target, "#" + target);
            Button open = new Button(label + ": " + title, e -> services.open(QuoteFields.RECORD_TYPE, target));
            open.setId("quote-" + which + "-revision");
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            banner.add(new Span(" · "), open);
        }
    }
}
