package org.tesseracrm.email.internal.compose;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.internal.compose.EmailPanelContribution.EmailServices;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * One logged message, read-only. Its HTML body (sanitised by the store when captured; a sent one is what the user
 * wrote) is shown in an iframe with an empty {@code sandbox} (no scripts, no forms, no navigation of the page, a
 * unique origin) and a content security policy that loads nothing from the network (no tracking pixels).
 *
 * <p>Element ids: {@code email-message}, {@code email-message-subject}, {@code email-message-state},
 * {@code email-message-body}, {@code email-message-retry}, {@code email-message-close}.
 */
class MessageDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    /** Put before the body: nothing is fetched from the network, inline styles and embedded images are kept. */
    static final String NO_NETWORK = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "img-src data: cid:; style-src 'unsafe-inline'\">";

    MessageDialog(EmailServices services, long messageId, Runnable changed) {
        setId("email-message");
        setWidth("min(56rem, 95vw)");
        MailMessage message;
        try {
            message = services.log().get(messageId);
        } catch (CrmException e) {
            setHeaderTitle("E-mail");
            add(new Span(e.getMessage()));
            getFooter().add(closeButton());
            return;
        }
        setHeaderTitle(message.subject().isBlank() ? "(no subject)" : message.subject());
        FormLayout head = new FormLayout();
        head.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Span subject = new Span(message.subject());
        subject.setId("email-message-subject");
        head.addFormItem(new Span(message.from()), "From");
        head.addFormItem(new Span(String.join(", ", message.to())), "To");
        if (!message.cc().isEmpty()) {
            head.addFormItem(new Span(String.join(", ", message.cc())), "CC");
        }
        head.addFormItem(subject, "Subject");
        head.addFormItem(new Span(LocalTimes.current().format(EmailPanel.when(message))), "When");
        Span state = new Span(EmailPanel.state(message) + (message.error() == null || message.error().isBlank() ? ""
                : ": " + message.error()));
        state.setId("email-message-state");
        head.addFormItem(state, "State");
        if (!message.attachments().isEmpty()) {
            head.addFormItem(new Span(String.join(", ", message.attachments())), "Attachments");
        }
        add(head);
        add(body(message));

        if (message.state() == MailState.FAILED && !message.inbound()
                && (services.access().permitted(MailAccounts.MANAGE)
                        || services.access().permitted(MailAccounts.SEND))) {
            Button retry = new Button("Send again", e -> {
                try {
                    services.mailer().retry(message.id());
                    Notification.show("Queued again.", 3000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    close();
                    changed.run();
                } catch (CrmException ex) {
                    Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            retry.setId("email-message-retry");
            getFooter().add(retry);
        }
        getFooter().add(closeButton());
    }

    private Button closeButton() {
        Button close = new Button("Close", e -> close());
        close.setId("email-message-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return close;
    }

    private static com.vaadin.flow.component.Component body(MailMessage message) {
        if (message.html() != null && !message.html().isBlank()) {
            IFrame frame = new IFrame();
            frame.setId("email-message-body");
            frame.getElement().setAttribute("sandbox", "");
            frame.setSrcdoc(NO_NETWORK + message.html());
            frame.setWidthFull();
            frame.setHeight("24rem");
            frame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("background", "white");
            return frame;
        }
        Pre text = new Pre(message.text() == null ? "" : message.text());
        text.setId("email-message-body");
        text.getStyle().set("white-space", "pre-wrap").set("max-height", "24rem").set("overflow", "auto");
        return text;
    }
}
