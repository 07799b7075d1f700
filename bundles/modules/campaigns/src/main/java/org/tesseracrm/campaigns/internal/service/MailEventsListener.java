package org.tesseracrm.campaigns.internal.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.campaigns.api.MemberState;
import org.tesseracrm.email.api.MailEvents;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Follows the outbox's events for the campaigns' mail, by message id: {@link MailEvents#SENT} and
 * {@link MailEvents#FAILED} move a queued member on, {@link MailEvents#BOUNCED} marks it bounced (once) and counts it
 * on its campaign. Mail that is not a campaign's matches no member and is ignored.
 */
@Component(service = EventHandler.class, property = {
        EventConstants.EVENT_TOPIC + "=" + MailEvents.SENT,
        EventConstants.EVENT_TOPIC + "=" + MailEvents.FAILED,
        EventConstants.EVENT_TOPIC + "=" + MailEvents.BOUNCED})
public class MailEventsListener implements EventHandler {
    private final TransactionScope scope;
    private final CallerContext callers;

    /**
     * @param scope the transactions
     * @param callers runs as the system
     * @param schema the module's tables
     */
    @Activate
    public MailEventsListener(@Reference TransactionScope scope, @Reference CallerContext callers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.campaigns)") MigratedSchema schema) {
        this.scope = scope;
        this.callers = callers;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(MailEvents.MESSAGE_ID) instanceof Number id)) {
            return;
        }
        long messageId = id.longValue();
        callers.callAs(Caller.SYSTEM, () -> scope.required(c -> {
            switch (event.getTopic()) {
                case MailEvents.SENT -> MemberStore.outboxState(c, messageId, MemberState.SENT, "");
                case MailEvents.FAILED -> MemberStore.outboxState(c, messageId, MemberState.FAILED,
                        "The outbox gave up sending it");
                case MailEvents.BOUNCED -> MemberStore.byMessage(c, messageId).ifPresent(m -> bounced(c, m));
                default -> { }
            }
            return null;
        }));
    }

    private static void bounced(java.sql.Connection c, org.tesseracrm.campaigns.api.CampaignMember m) {
        try {
            if (MemberStore.flag(c, m.id(), "BOUNCED")) {
                MemberStore.increment(c, m.campaignId(), "BOUNCED");
            }
        } catch (java.sql.SQLException e) {
            throw new org.tesseracrm.kernel.api.CrmException("The bounce of member " + m.id() + " was not recorded", e);
        }
    }
}
