package org.tesseracrm.quotes.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.UploadEvent;

/**
 * Administration of the quote PDF: the letterhead (company name, details, logo) and the template's source, with
 * "Preview PDF" (the sample quote rendered with the text being edited, nothing saved), "Save" (refused with the
 * failing line when the template does not render) and "Reset to default". Element ids: {@code quote-template-view},
 * {@code quote-company-name}, {@code quote-company-details}, {@code quote-company-logo},
 * {@code quote-company-logo-remove}, {@code quote-letterhead-save}, {@code quote-template-source},
 * {@code quote-template-preview}, {@code quote-template-download} (the hidden link the preview clicks),
 * {@code quote-template-save}, {@code quote-template-reset}, {@code quote-template-state}.
 */
public class QuoteTemplateView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    /** The largest logo accepted. */
    static final int MAX_LOGO_BYTES = 512 * 1024;

    private final transient QuotePdf pdf;
    private final TextField companyName = new TextField("Company name");
    private final TextArea companyDetails = new TextArea("Company details");
    private final Image logo = new Image();
    private final Button removeLogo = new Button("Remove logo");
    private final TextArea source = new TextArea("Template (FreeMarker, XHTML)");
    private final Paragraph state = new Paragraph();
    private String logoUri = "";
    private volatile byte[] preview = new byte[0];

    /** @param pdf the quote PDF service, which checks quotes.configure */
    public QuoteTemplateView(QuotePdf pdf) {
        this.pdf = pdf;
        setId("quote-template-view");
        setWidthFull();

        QuoteModel.Letterhead letterhead = pdf.letterhead();
        companyName.setId("quote-company-name");
        companyName.setValue(letterhead.name());
        companyName.setWidth("32rem");
        companyDetails.setId("quote-company-details");
        companyDetails.setValue(letterhead.details());
        companyDetails.setHelperText("Address, phone, tax number...: one per line");
        companyDetails.setWidth("32rem");
        logoUri = letterhead.logo();
        logo.setId("quote-company-logo-image");
        logo.setMaxHeight("4rem");
        Upload upload = new Upload((UploadEvent event) -> receiveLogo(event));
        upload.setId("quote-company-logo");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setMaxFileSize(MAX_LOGO_BYTES);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("Logo: PNG or JPEG, at most 512 KB"));
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        removeLogo.addClickListener(e -> {
            logoUri = "";
            showLogo();
        });
        removeLogo.setId("quote-company-logo-remove");
        showLogo();
        Button saveLetterhead = new Button("Save letterhead", e -> saveLetterhead());
        saveLetterhead.setId("quote-letterhead-save");
        saveLetterhead.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        source.setId("quote-template-source");
        source.setWidthFull();
        source.setHeight("32rem");
        source.getStyle().set("font-family", "monospace");
        source.setValue(pdf.template());
        source.setHelperText("Variables and examples: Administrator guide, \"Quote template\". Every ${...} is escaped;"
                + " the output must be well-formed XHTML (close every element, write &#160; for a non-breaking space).");

        Anchor download = new Anchor((DownloadEvent event) -> {
            byte[] content = preview;
            event.setFileName("quote-preview.pdf");
            event.setContentType(QuotePdf.PDF);
            event.setContentLength(content.length);
            try (OutputStream out = event.getOutputStream()) {
                out.write(content);
            }
        }, "");
        download.setId("quote-template-download");
        download.getElement().setAttribute("download", true);
        download.getStyle().set("display", "none");
        Button previewButton = new Button("Preview PDF", e -> preview(download));
        previewButton.setId("quote-template-preview");
        Button save = new Button("Save template", e -> saveTemplate());
        save.setId("quote-template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button("Reset to default", e -> reset());
        reset.setId("quote-template-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR);
        state.setId("quote-template-state");
        showState();

        add(new H2("Quote template"),
                new Paragraph("Quote PDFs are made from this template. They embed the DejaVu Sans fonts, so names"
                        + " with accents, Greek and Cyrillic print as typed."),
                new H3("Letterhead"), companyName, companyDetails, new HorizontalLayout(logo, upload, removeLogo),
                saveLetterhead, new H3("Template"), state, source,
                new HorizontalLayout(previewButton, save, reset, download));
    }

    @Override
    public String getPageTitle() {
        return "Quote template";
    }

    private void receiveLogo(UploadEvent event) {
        UI ui = event.getUI();
        String type = event.getContentType() == null ? "" : event.getContentType().toLowerCase(Locale.ROOT);
        try (InputStream in = event.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_LOGO_BYTES + 1);
            ui.access(() -> {
                if (bytes.length > MAX_LOGO_BYTES || !(type.equals("image/png") || type.equals("image/jpeg"))) {
                    error("The logo must be a PNG or JPEG image of at most 512 KB");
                    return;
                }
                logoUri = "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
                showLogo();
            });
        } catch (IOException e) {
            ui.access(() -> error("The upload broke off. Upload the logo again."));
        }
    }

    private void showLogo() {
        logo.setVisible(!logoUri.isEmpty());
        removeLogo.setVisible(!logoUri.isEmpty());
        if (!logoUri.isEmpty()) {
            logo.setSrc(logoUri);
            logo.setAlt("Logo");
        }
    }

    private void saveLetterhead() {
        try {
            pdf.saveLetterhead(companyName.getValue(), companyDetails.getValue(), logoUri);
            Notification.show("Letterhead saved.");
        } catch (ValidationException ex) {
            FieldErrors.show(ex, Map.of(QuotePdf.COMPANY_NAME, companyName, QuotePdf.COMPANY_DETAILS, companyDetails));
        } catch (CrmException ex) {
            error(ex.getMessage());
        }
    }

    private void preview(Anchor download) {
        try {
            preview = pdf.preview(source.getValue());
            source.setInvalid(false);
            download.getElement().callJsFunction("click");
        } catch (ValidationException ex) {
            FieldErrors.show(ex, Map.of("template", source));
        } catch (CrmException ex) {
            error(ex.getMessage());
        }
    }

    private void saveTemplate() {
        try {
            pdf.save(source.getValue());
            source.setInvalid(false);
            showState();
            Notification.show("Template saved: new quote PDFs use it.");
        } catch (ValidationException ex) {
            FieldErrors.show(ex, Map.of("template", source));
        } catch (CrmException ex) {
            error(ex.getMessage());
        }
    }

    private void reset() {
        try {
            pdf.reset();
            source.setValue(QuotePdf.defaultTemplate());
            source.setInvalid(false);
            showState();
            Notification.show("The default template is back.");
        } catch (CrmException ex) {
            error(ex.getMessage());
        }
    }

    private void showState() {
        state.setText(pdf.customised() ? "This installation's own template is in use."
                : "The default template is in use.");
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
