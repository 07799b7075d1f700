package org.tesseracrm.email.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link MyMailAccountView}: each sender's own account. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "email/my-account", title = "My mail account", icon = "vaadin:envelope", order = 91, permission = MailAccounts.SEND)
public class MyMailAccountViewContribution implements ViewContribution {
    private final MailAccounts accounts;
    private final AccessControl access;

    /**
     * @param accounts the user's accounts; checks the permissions
     * @param access who the user is
     */
    @Activate
    public MyMailAccountViewContribution(@Reference MailAccounts accounts, @Reference AccessControl access) {
        this.accounts = accounts;
        this.access = access;
    }

    @Override
    public Class<? extends Component> viewType() {
        return MyMailAccountView.class;
    }

    @Override
    public Component createView() {
        return new MyMailAccountView(accounts, access);
    }
}
