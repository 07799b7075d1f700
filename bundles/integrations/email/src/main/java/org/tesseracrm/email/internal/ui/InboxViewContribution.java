package org.tesseracrm.email.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.internal.capture.Inbox;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link InboxView}, "E-mail inbox", to the Sales menu of users with {@code email.send}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "email/inbox", title = "E-mail inbox", icon = "vaadin:inbox", group = "Sales", order = 90,
        permission = MailAccounts.SEND)
public class InboxViewContribution implements ViewContribution {
    private final Inbox inbox;
    private final MailLog log;
    private final Records records;
    private final RecordTypes types;

    /**
     * @param inbox the unmatched mail; it checks the permissions
     * @param log reads a whole message
     * @param records finds the records to file on
     * @param types the installed record types
     */
    @Activate
    public InboxViewContribution(@Reference Inbox inbox, @Reference MailLog log, @Reference Records records,
            @Reference RecordTypes types) {
        this.inbox = inbox;
        this.log = log;
        this.records = records;
        this.types = types;
    }

    @Override
    public Class<? extends Component> viewType() {
        return InboxView.class;
    }

    @Override
    public Component createView() {
        return new InboxView(inbox, log, records, types);
    }
}
