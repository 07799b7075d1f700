package org.tesseracrm.email.internal.capture;

import java.time.Clock;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.email.api.MailEvents;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.persistence.TransactionScope;

/**
 * Records delivery reports about mail Tessera sent: a row per recipient and report in {@code CRM_EMAIL_BOUNCE}, the
 * address of a permanent failure (5.x.x) suppressed with reason {@link Suppressions.Reason#BOUNCED}, and after commit
 * an Event Admin event {@link MailEvents#BOUNCED} per recipient with {@link MailEvents#MESSAGE_ID},
 * {@link MailEvents#RECIPIENT}, {@code status} and {@code hard} (campaigns listen to it).
 */
final class BounceRecorder implements BounceSink {
    /** Event property: the status code, e.g. {@code 5.1.1}. */
    static final String STATUS = "status";
    /** Event property: whether the failure is permanent ({@code Boolean}). */
    static final String HARD = "hard";

    private final CaptureStore store;
    private final Suppressions suppressions;
    private final EventAdmin events;
    private final TransactionScope scope;
    private final Clock clock;

    BounceRecorder(CaptureStore store, Suppressions suppressions, EventAdmin events, TransactionScope scope,
            Clock clock) {
        this.store = store;
        this.suppressions = suppressions;
        this.events = events;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public int bounced(long messageId, Bounce bounce) {
        int recorded = 0;
        for (Bounce.Recipient recipient : bounce.recipients()) {
            if (!store.bounce(messageId, bounce.reportId(), recipient, clock.instant())) {
                continue;
            }
            recorded++;
            if (recipient.hard()) {
                suppressions.add(recipient.address(), Suppressions.Reason.BOUNCED, "bounce:" + messageId);
            }
            Map<String, Object> properties = Map.of(MailEvents.MESSAGE_ID, messageId, MailEvents.RECIPIENT,
                    recipient.address(), STATUS, recipient.status(), HARD, recipient.hard());
            scope.afterCommit(() -> events.postEvent(new Event(MailEvents.BOUNCED, properties)));
        }
        return recorded;
    }
}
