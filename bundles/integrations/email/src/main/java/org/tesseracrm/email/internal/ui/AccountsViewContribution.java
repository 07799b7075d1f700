package org.tesseracrm.email.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link AccountsView} to the Administration menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/email-accounts", title = "E-mail accounts", icon = "vaadin:envelopes", group = "Administration", order = 76,
        permission = MailAccounts.MANAGE)
public class AccountsViewContribution implements ViewContribution {
    private final MailAccounts accounts;

    /** @param accounts what the page shows and changes; it checks the permissions */
    @Activate
    public AccountsViewContribution(@Reference MailAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<? extends Component> viewType() {
        return AccountsView.class;
    }

    @Override
    public Component createView() {
        return new AccountsView(accounts);
    }
}
