package org.tesseracrm.campaigns.internal.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.email.api.MailEvents;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Records what the public tracking endpoints see, as the system (their callers are anonymous): opens, clicks and
 * unsubscribes of the member a valid token names. After the change commits it posts {@link MailEvents#OPENED} or
 * {@link MailEvents#CLICKED}, and on a member's first open the workflow trigger {@value EmailOpenedTrigger#ID} for its
 * contact or lead. A plain object of the tracking servlet; not a service.
 */
public final class Tracker {
    private final TransactionScope scope;
    private final CallerContext callers;
    private final Suppressions suppressions;
    private final TrackingLinks links;
    private final Supplier<EventAdmin> events;

    /**
     * @param scope the transactions
     * @param callers runs as the system
     * @param suppressions where an unsubscribe goes
     * @param links verifies the tokens
     * @param events where the events go (null while Event Admin is missing)
     */
    public Tracker(TransactionScope scope, CallerContext callers, Suppressions suppressions, TrackingLinks links,
            Supplier<EventAdmin> events) {
        this.scope = scope;
        this.callers = callers;
        this.suppressions = suppressions;
        this.links = links;
        this.events = events;
    }

    /**
     * Records an open, if the token is valid and its member exists.
     *
     * @param token the pixel's token
     */
    public void open(String token) {
        links.verify(token, TrackingTokens.OPEN).ifPresent(t -> callers.callAs(Caller.SYSTEM, () -> {
            Optional<CampaignMember> member = scope.required(c -> MemberStore.get(c, t.memberId()));
            member.ifPresent(m -> opened(m, Instant.now()));
            return null;
        }));
    }

    /** @return whether this was the member's first open (events posted) */
    private boolean opened(CampaignMember m, Instant at) {
        boolean first = scope.required(c -> {
            boolean firstOpen = MemberStore.opened(c, m.id(), at);
            if (firstOpen) {
                MemberStore.increment(c, m.campaignId(), "OPENED");
            }
            return firstOpen;
        });
        post(MailEvents.OPENED, m, Map.of());
        if (first) {
            EventAdmin admin = events.get();
            if (admin != null) {
                TriggerEvent event = new TriggerEvent(EmailOpenedTrigger.ID, m.recordType(), m.recordId(),
                        Caller.SYSTEM.username(), at, Map.of("campaign", String.valueOf(m.campaignId()),
                                "address", m.address()));
                admin.postEvent(new Event(TriggerEvent.topic(event.trigger()), event.properties()));
            }
        }
        return first;
    }

    /**
     * Records a click (and an open, when the pixel was not loaded), if the token is valid.
     *
     * @param token the link's token
     * @return the address to redirect to, for a valid token; empty otherwise
     */
    public Optional<String> click(String token) {
        Optional<TrackingTokens.Token> valid = links.verify(token, TrackingTokens.CLICK);
        valid.ifPresent(t -> callers.callAs(Caller.SYSTEM, () -> {
            Optional<CampaignMember> member = scope.required(c -> MemberStore.get(c, t.memberId()));
            member.ifPresent(m -> {
                Instant now = Instant.now();
                if (m.openedAt() == null) {
                    opened(m, now);
                }
                boolean first = scope.required(c -> {
                    boolean firstClick = MemberStore.clicked(c, m.id(), now);
                    if (firstClick) {
                        MemberStore.increment(c, m.campaignId(), "CLICKED");
                    }
                    return firstClick;
                });
                post(MailEvents.CLICKED, m, Map.of("url", t.url(), "first", first));
            });
            return null;
        }));
        return valid.map(TrackingTokens.Token::url);
    }

    /**
     * @param token an unsubscribe token
     * @return whether it is valid and names a member
     */
    public boolean valid(String token) {
        return links.verify(token, TrackingTokens.UNSUBSCRIBE).map(t -> callers.callAs(Caller.SYSTEM,
                () -> scope.required(c -> MemberStore.get(c, t.memberId())).isPresent())).orElse(false);
    }

    /**
     * Unsubscribes the member's address from every later campaign and bulk send.
     *
     * @param token an unsubscribe token
     * @return whether it was valid and named a member
     */
    public boolean unsubscribe(String token) {
        Optional<TrackingTokens.Token> valid = links.verify(token, TrackingTokens.UNSUBSCRIBE);
        if (valid.isEmpty()) {
            return false;
        }
        return callers.callAs(Caller.SYSTEM, () -> scope.required(c -> {
            Optional<CampaignMember> member = MemberStore.get(c, valid.get().memberId());
            if (member.isEmpty()) {
                return false;
            }
            CampaignMember m = member.get();
            suppressions.add(m.address(), Suppressions.Reason.UNSUBSCRIBED, "campaign:" + m.campaignId());
            if (MemberStore.flag(c, m.id(), "UNSUBSCRIBED")) {
                MemberStore.increment(c, m.campaignId(), "UNSUBSCRIBED");
            }
            return true;
        }));
    }

    private void post(String topic, CampaignMember m, Map<String, Object> extra) {
        EventAdmin admin = events.get();
        if (admin == null) {
            return;
        }
        Map<String, Object> properties = new HashMap<>(extra);
        if (m.messageId() != null) {
            properties.put(MailEvents.MESSAGE_ID, m.messageId());
        }
        properties.put(MailEvents.RECIPIENT, m.address());
        properties.put(MailEvents.RECORDS, new String[] {m.recordType() + ":" + m.recordId()});
        properties.put("campaignId", m.campaignId());
        admin.postEvent(new Event(topic, properties));
    }
}
