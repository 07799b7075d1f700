package org.tesseracrm.email.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.email.api.ConnectionCheck;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccountInput;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/**
 * The form of a mail account, for Administration &gt; E-mail accounts (shared or any account) and My mail account (the
 * user's own). Password fields start empty, with "(stored)" as placeholder when one is stored: left empty they keep it,
 * "Remove the stored password" removes it. "Test connection" saves the form, then signs in to the servers and shows
 * what each answered.
 */
final class AccountDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    private final transient MailAccounts accounts;
    private final transient Consumer<MailAccount> saved;
    private final boolean shared;
    private Long id;
    private long version;
    private final TextField name = new TextField("Name");
    private final TextField fromAddress = new TextField("Sender address");
    private final TextField fromName = new TextField("Sender name");
    private final TextField smtpHost = new TextField("SMTP server");
    private final IntegerField smtpPort = new IntegerField("SMTP port");
    private final Select<MailSecurity> smtpSecurity = new Select<>();
    private final TextField smtpUser = new TextField("SMTP user");
    private final PasswordField smtpPassword = new PasswordField("SMTP password");
    private final Checkbox smtpRemove = new Checkbox("Remove the stored SMTP password");
    private final TextField imapHost = new TextField("IMAP server (to capture replies; optional)");
    private final IntegerField imapPort = new IntegerField("IMAP port");
    private final Select<MailSecurity> imapSecurity = new Select<>();
    private final TextField imapUser = new TextField("IMAP user");
    private final PasswordField imapPassword = new PasswordField("IMAP password");
    private final Checkbox imapRemove = new Checkbox("Remove the stored IMAP password");
    private final TextField imapFolder = new TextField("IMAP folder");
    private final IntegerField sendPerMinute = new IntegerField("Messages per minute at most");
    private final TextArea signature = new TextArea("Signature (HTML, merged with $[User.Signature])");
    private final Checkbox enabled = new Checkbox("Enabled");
    private final Paragraph result = new Paragraph();

    /**
     * @param accounts saves and tests; checks the permissions
     * @param existing the account to edit, or empty for a new one
     * @param shared whether a new account is shared (administrators) or the user's own
     * @param saved told of every save
     */
    AccountDialog(MailAccounts accounts, Optional<MailAccount> existing, boolean shared, Consumer<MailAccount> saved) {
        this.accounts = accounts;
        this.saved = saved;
        this.shared = existing.map(a -> a.owner() == null).orElse(shared);
        setId("email-account-dialog");
        setHeaderTitle(existing.map(a -> "Mail account " + a.name()).orElse("New mail account"));
        setCloseOnOutsideClick(false);
        for (Select<MailSecurity> select : java.util.List.of(smtpSecurity, imapSecurity)) {
            select.setItems(MailSecurity.values());
            select.setItemLabelGenerator(AccountDialog::label);
        }
        smtpSecurity.setLabel("SMTP security");
        imapSecurity.setLabel("IMAP security");
        sendPerMinute.setMin(1);
        sendPerMinute.setMax(10_000);
        int n = 0;
        for (com.vaadin.flow.component.Component field : java.util.List.<com.vaadin.flow.component.Component>of(name, fromAddress, fromName, smtpHost, smtpPort, smtpSecurity, smtpUser, smtpPassword, smtpRemove,
                imapHost, imapPort, imapSecurity, imapUser, imapPassword, imapRemove, imapFolder, sendPerMinute, signature, enabled)) {
            field.setId("email-account-" + ids()[n++]);
        }
        result.setId("email-account-test-result");
        show(existing);
        FormLayout form = new FormLayout(name, fromAddress, fromName, smtpHost, smtpPort, smtpSecurity, smtpUser, smtpPassword, smtpRemove,
                imapHost, imapPort, imapSecurity, imapUser, imapPassword, imapRemove, imapFolder, sendPerMinute, signature, enabled);
        form.setColspan(signature, 2);
        add(form, result);
        Button test = new Button("Test connection", e -> save(true));
        test.setId("email-account-test");
        Button save = new Button("Save", e -> save(false));
        save.setId("email-account-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Close", e -> close());
        cancel.setId("email-account-cancel");
        getFooter().add(cancel, test, save);
    }

    private static String[] ids() {
        return new String[] {"name", "from-address", "from-name", "smtp-host", "smtp-port", "smtp-security", "smtp-user", "smtp-password",
            "smtp-remove", "imap-host", "imap-port", "imap-security", "imap-user", "imap-password", "imap-remove", "imap-folder",
            "per-minute", "signature", "enabled"};
    }

    static String label(MailSecurity security) {
        return switch (security) {
            case NONE -> "None (same machine only)";
            case STARTTLS -> "STARTTLS (587, 143)";
            case TLS -> "TLS (465, 993)";
        };
    }

    private void show(Optional<MailAccount> existing) {
        MailAccount a = existing.orElse(null);
        id = a == null ? null : a.id();
        version = a == null ? 0 : a.version();
        name.setValue(a == null ? "" : a.name());
        fromAddress.setValue(a == null ? "" : a.fromAddress());
        fromName.setValue(a == null ? "" : a.fromName());
        smtpHost.setValue(a == null ? "" : a.smtpHost());
        smtpPort.setValue(a == null ? 587 : a.smtpPort());
        smtpSecurity.setValue(a == null ? MailSecurity.STARTTLS : a.smtpSecurity());
        smtpUser.setValue(a == null ? "" : a.smtpUser());
        smtpPassword.clear();
        smtpPassword.setPlaceholder(a != null && a.smtpPasswordSet() ? "(stored)" : "");
        smtpRemove.setValue(false);
        smtpRemove.setVisible(a != null && a.smtpPasswordSet());
        imapHost.setValue(a == null ? "" : a.imapHost());
        imapPort.setValue(a == null || a.imapPort() == 0 ? 993 : a.imapPort());
        imapSecurity.setValue(a == null ? MailSecurity.TLS : a.imapSecurity());
        imapUser.setValue(a == null ? "" : a.imapUser());
        imapPassword.clear();
        imapPassword.setPlaceholder(a != null && a.imapPasswordSet() ? "(stored)" : "");
        imapRemove.setValue(false);
        imapRemove.setVisible(a != null && a.imapPasswordSet());
        imapFolder.setValue(a == null ? "INBOX" : a.imapFolder());
        sendPerMinute.setValue(a == null ? 30 : a.sendPerMinute());
        signature.setValue(a == null || a.signatureHtml() == null ? "" : a.signatureHtml());
        enabled.setValue(a == null || a.enabled());
    }

    private static String password(PasswordField field, Checkbox remove) {
        if (remove.getValue()) {
            return "";
        }
        return field.getValue().isEmpty() ? null : field.getValue();
    }

    private void save(boolean andTest) {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("fromAddress", fromAddress);
        fields.put("fromName", fromName);
        fields.put("smtpHost", smtpHost);
        fields.put("smtpPort", smtpPort);
        fields.put("smtpUser", smtpUser);
        fields.put("smtpPassword", smtpPassword);
        fields.put("imapHost", imapHost);
        fields.put("imapPort", imapPort);
        fields.put("imapUser", imapUser);
        fields.put("imapPassword", imapPassword);
        fields.put("imapFolder", imapFolder);
        fields.put("sendPerMinute", sendPerMinute);
        fields.put("signatureHtml", signature);
        try {
            MailAccount account = accounts.save(new MailAccountInput(id, version, name.getValue(), shared, fromAddress.getValue(),
                    fromName.getValue(), smtpHost.getValue(), value(smtpPort), smtpSecurity.getValue(), smtpUser.getValue(),
                    password(smtpPassword, smtpRemove), imapHost.getValue(), value(imapPort), imapSecurity.getValue(), imapUser.getValue(),
                    password(imapPassword, imapRemove), imapFolder.getValue(), value(sendPerMinute), signature.getValue(), enabled.getValue()));
            FieldErrors.clear(fields);
            show(Optional.of(account));
            setHeaderTitle("Mail account " + account.name());
            saved.accept(account);
            if (andTest) {
                ConnectionCheck check = accounts.test(account.id());
                result.setText((check.ok() ? "Connection works. " : "Connection failed. ") + check.smtp()
                        + (check.imap().isBlank() ? "" : " " + check.imap()));
                result.getStyle().set("color", check.ok() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            } else {
                Notification.show("Mail account saved.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
            }
        } catch (ValidationException ex) {
            FieldErrors.show(ex, fields);
        } catch (CrmException ex) {
            Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}
