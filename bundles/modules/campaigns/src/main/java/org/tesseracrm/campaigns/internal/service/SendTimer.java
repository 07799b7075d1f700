package org.tesseracrm.campaigns.internal.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.MemberState;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.Secrets;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Sends a campaign on the kernel's durable timers ({@value #HANDLER}, key the campaign id, payload the user who sent
 * or scheduled it, whom the mail is sent as). Each run takes at most {@code batchSize} pending members: for each, the
 * template is merged with the member's contact or lead ({@link MailTemplates#render}), its links rewritten
 * ({@link LinkRewriter}) and the mail queued in the outbox ({@link Mailer#queue}, source {@code campaign:<id>}) in a
 * transaction of its own with the member's new state, so a member is queued once even when a run fails half way. A
 * suppressed address is skipped (as the outbox would); a member whose mail cannot be made is FAILED with the reason.
 * While members remain the timer is scheduled again at once; then the campaign is Sent.
 */
@Component(service = TimerHandler.class, immediate = true, property = TimerHandler.NAME + "=" + SendTimer.HANDLER,
        configurationPid = CampaignsConfig.PID)
@Designate(ocd = CampaignsConfig.class)
public class SendTimer implements TimerHandler {
    /** The timer's handler name. */
    public static final String HANDLER = "campaigns.send";
    /** The header of the one-click unsubscribe (RFC 8058). */
    static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe=One-Click";
    private static final Logger LOG = LoggerFactory.getLogger(SendTimer.class);

    private final Records records;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final Timers timers;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final Suppressions suppressions;
    private final TrackingLinks links;
    private final int batch;

    /**
     * @param records reads the campaign as the sender
     * @param callers runs the batch as the sender
     * @param scope a transaction per member
     * @param timers schedules the next batch
     * @param templates merges the template per member
     * @param mailer the outbox
     * @param suppressions the addresses nobody mails any more
     * @param secrets opens the tracking key
     * @param config the public address and the batch size
     */
    @Activate
    public SendTimer(@Reference Records records, @Reference CallerContext callers, @Reference TransactionScope scope,
            @Reference Timers timers, @Reference MailTemplates templates, @Reference Mailer mailer,
            @Reference Suppressions suppressions, @Reference Secrets secrets, CampaignsConfig config) {
        this.records = records;
        this.callers = callers;
        this.scope = scope;
        this.timers = timers;
        this.templates = templates;
        this.mailer = mailer;
        this.suppressions = suppressions;
        this.links = new TrackingLinks(scope, secrets, config);
        this.batch = Math.max(1, Math.min(5000, config.batchSize()));
    }

    @Override
    public void fire(DueTimer timer) {
        long campaignId = Long.parseLong(timer.key());
        String status = scope.required(c -> MemberStore.status(c, campaignId)).orElse("");
        if (!status.equals(CampaignFields.SENDING) && !status.equals(CampaignFields.SCHEDULED)) {
            return; // cancelled or deleted meanwhile
        }
        if (status.equals(CampaignFields.SCHEDULED)) {
            scope.requiresNew(c -> { // committed at once: the campaign's row is not held while the batch runs
                MemberStore.setStatus(c, campaignId, CampaignFields.SENDING, null);
                return null;
            });
        }
        Caller sender = new Caller(timer.payload().isBlank() ? Caller.SYSTEM.username() : timer.payload());
        boolean more = callers.callAs(sender, () -> batch(campaignId));
        scope.required(c -> {
            if (more) {
                timers.schedule(HANDLER, timer.key(), Instant.now(), timer.payload());
            } else {
                MemberStore.setStatus(c, campaignId, CampaignFields.SENT_STATUS, null);
            }
            MemberStore.writeResults(c, campaignId);
            return null;
        });
    }

    /** @return whether members remain after this batch */
    private boolean batch(long campaignId) {
        Optional<RecordRow> found = records.get(CampaignFields.RECORD_TYPE, campaignId);
        List<CampaignMember> pending = scope.required(c -> MemberStore.pending(c, campaignId, batch));
        if (found.isEmpty()) {
            LOG.warn("Campaign {} is not visible to its sender any more: its {} pending members are left out",
                    campaignId, pending.size());
            fail(pending, "The sender no longer sees the campaign");
            return false;
        }
        RecordRow campaign = found.get();
        Optional<Long> template = CampaignsImpl.number(campaign, CampaignFields.TEMPLATE);
        Long account = CampaignsImpl.number(campaign, CampaignFields.MAIL_ACCOUNT).orElse(null);
        if (template.isEmpty()) {
            fail(pending, "The campaign has no template");
            return false;
        }
        for (CampaignMember member : pending) {
            send(campaignId, template.get(), account, member);
        }
        return pending.size() == batch;
    }

    private void fail(List<CampaignMember> members, String why) {
        for (CampaignMember m : members) {
            scope.requiresNew(c -> {
                MemberStore.queued(c, m.id(), MemberState.FAILED, null, null, why);
                return null;
            });
        }
    }

    private void send(long campaignId, long templateId, Long account, CampaignMember m) {
        try {
            scope.requiresNew(c -> {
                if (suppressions.suppressed(m.address())) {
                    MemberStore.queued(c, m.id(), MemberState.SKIPPED, null, null,
                            "The address unsubscribed or bounced before");
                    return null;
                }
                RenderedMail merged = templates.render(templateId, m.recordType(), m.recordId());
                String unsubscribe = links.unsubscribe(m.id());
                String html = LinkRewriter.rewrite(merged.html(), url -> links.click(m.id(), url),
                        links.pixel(m.id()), unsubscribe);
                String text = LinkRewriter.text(merged.text(), unsubscribe);
                OutgoingMail mail = OutgoingMail.to(List.of(m.address()), merged.subject())
                        .withBody(html, text)
                        .withAccount(account)
                        .withRecords(List.of(new RecordRef(m.recordType(), m.recordId(), m.name())))
                        .withHeaders(Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                                "List-Unsubscribe-Post", LIST_UNSUBSCRIBE_POST), "campaign:" + campaignId);
                MailMessage queued = mailer.queue(mail);
                boolean skipped = queued.state() == MailState.SKIPPED;
                MemberStore.queued(c, m.id(), skipped ? MemberState.SKIPPED : MemberState.QUEUED, queued.id(),
                        Instant.now(), skipped ? "The outbox skipped the address (suppressed)" : "");
                return null;
            });
        } catch (CrmException e) {
            LOG.info("Campaign {} member {}: {}", campaignId, m.id(), e.getMessage());
            scope.requiresNew(c -> {
                MemberStore.queued(c, m.id(), MemberState.FAILED, null, null, e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage());
                return null;
            });
        }
    }
}
