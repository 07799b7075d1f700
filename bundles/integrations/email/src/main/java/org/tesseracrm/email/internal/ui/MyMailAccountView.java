package org.tesseracrm.email.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.internal.account.MailAccountsImpl;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * My mail account: the user's own account, which their mail goes through (else a shared one), with the same form and
 * "Test connection" as the administrators'.
 */
public class MyMailAccountView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient MailAccounts accounts;
    private final transient AccessControl access;
    private final Paragraph status = new Paragraph();
    private final Button edit = new Button();

    /**
     * @param accounts the service, which checks the permissions
     * @param access who the user is
     */
    public MyMailAccountView(MailAccounts accounts, AccessControl access) {
        this.accounts = accounts;
        this.access = access;
        setId("email-my-account-view");
        status.setId("email-my-account-status");
        edit.setId("email-my-account-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.addClickListener(e -> new AccountDialog(accounts, own(), false, a -> refresh()).open());
        add(new H2("My mail account"), new Paragraph("Mail you write from records goes out through your own account, with your "
                + "name and address; without one it goes through the shared account. The password is stored encrypted and never "
                + "shown again."), status, edit);
        refresh();
    }

    private Optional<MailAccount> own() {
        String me = MailAccountsImpl.requireUse(access).username();
        return accounts.list().stream().filter(a -> me.equals(a.owner())).findFirst();
    }

    private void refresh() {
        Optional<MailAccount> mine = own();
        status.setText(mine.map(a -> "Your mail goes out as " + a.fromAddress() + " through " + a.smtpHost() + ":" + a.smtpPort()
                + (a.enabled() ? "." : " (disabled).")).orElseGet(() -> accounts.defaultAccount()
                        .map(a -> "You have no account of your own: your mail goes out through the shared account " + a.name() + " ("
                                + a.fromAddress() + ").")
                        .orElse("You have no mail account yet, and there is no shared one: set yours up to send mail.")));
        edit.setText(mine.isPresent() ? "Edit my account" : "Set up my account");
    }

}
