package org.tesseracrm.email.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.email.api.ConnectionCheck;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.kernel.api.CrmException;

/**
 * Administration &gt; E-mail accounts: every mail account (shared ones and users' own), a dialog to create and edit
 * one with "Test connection", a test and a delete per row. Passwords are never shown.
 */
public class AccountsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient MailAccounts accounts;
    private final Grid<MailAccount> grid = new Grid<>();

    /** @param accounts the service, which checks the permissions */
    public AccountsView(MailAccounts accounts) {
        this.accounts = accounts;
        setId("email-accounts-view");
        Button create = new Button("New shared account", e -> new AccountDialog(accounts, Optional.empty(), true, a -> refresh()).open());
        create.setId("email-account-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("email-accounts-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(MailAccount::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(a -> a.owner() == null ? "Shared" : a.owner()).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(MailAccount::fromAddress).setHeader("Sender").setAutoWidth(true);
        grid.addColumn(a -> a.smtpHost() + ":" + a.smtpPort()).setHeader("SMTP").setAutoWidth(true);
        grid.addColumn(a -> a.captures() ? a.imapHost() + ":" + a.imapPort() : "").setHeader("IMAP").setAutoWidth(true);
        grid.addColumn(MailAccount::sendPerMinute).setHeader("Per minute").setAutoWidth(true);
        grid.addColumn(a -> a.enabled() ? "Enabled" : "Disabled").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        add(new H2("E-mail accounts"), new Paragraph("Shared accounts send for every user who has no account of their own; users "
                + "keep their own under My mail account. Passwords are stored encrypted and never shown again. Each account sends "
                + "at most its messages per minute; the outbox retries what a server refuses for a while."), create, grid);
        refresh();
    }

    private Component actions(MailAccount account) {
        Button edit = new Button("Edit", e -> new AccountDialog(accounts, Optional.of(accounts.get(account.id())), false, a -> refresh()).open());
        edit.setId("email-account-edit-" + account.id());
        Button test = new Button("Test", e -> test(account));
        test.setId("email-account-test-" + account.id());
        Button delete = new Button("Delete", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Delete " + account.name() + "?", "Mail sent through it stays in the log; "
                    + "messages still in the outbox fail.", "Delete", ok -> {
                        try {
                            accounts.delete(account.id());
                            refresh();
                        } catch (CrmException ex) {
                            error(ex.getMessage());
                        }
                    });
            confirm.setCancelable(true);
            confirm.open();
        });
        delete.setId("email-account-delete-" + account.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, test, delete);
    }

    private void test(MailAccount account) {
        try {
            ConnectionCheck check = accounts.test(account.id());
            String text = check.smtp() + (check.imap().isBlank() ? "" : " " + check.imap());
            Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(check.ok()
                    ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        } catch (CrmException ex) {
            error(ex.getMessage());
        }
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
