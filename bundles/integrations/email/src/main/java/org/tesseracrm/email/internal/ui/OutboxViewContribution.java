package org.tesseracrm.email.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link OutboxView} to the Administration menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/email-outbox", title = "Outbox", icon = "vaadin:outbox", group = "Administration", order = 77,
        permission = MailAccounts.MANAGE)
public class OutboxViewContribution implements ViewContribution {
    private final MailLog log;
    private final Mailer mailer;

    /**
     * @param log what the page shows
     * @param mailer retries messages
     */
    @Activate
    public OutboxViewContribution(@Reference MailLog log, @Reference Mailer mailer) {
        this.log = log;
        this.mailer = mailer;
    }

    @Override
    public Class<? extends Component> viewType() {
        return OutboxView.class;
    }

    @Override
    public Component createView() {
        return new OutboxView(log, mailer);
    }
}
