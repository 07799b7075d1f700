package org.tesseracrm.campaigns.internal.service;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.Campaigns;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSlice;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The campaigns service (see {@link Campaigns}). Every method first checks the caller's permission and an API token's
 * record types, then reads the campaign through {@link Records} as the caller (its visibility). Members come from
 * records read as the caller too (a saved view's filters, or the ids a bulk action hands over). Sending is the
 * {@link SendTimer}'s: this service only schedules it, as the caller, who the mail is then sent as.
 */
@Component(service = Campaigns.class)
public class CampaignsImpl implements Campaigns {
    /** Records read per page from a saved view. */
    static final int PAGE = 500;

    private final Records records;
    private final SavedViews views;
    private final AccessControl access;
    private final TransactionScope scope;
    private final Timers timers;
    private final MailTemplates templates;

    /**
     * @param records campaigns, contacts and leads, read as the caller
     * @param views the caller's saved list views
     * @param access the caller's permissions
     * @param scope the transactions
     * @param timers the send timer
     * @param templates checks the campaign's template
     * @param type the campaign record type, registered once the module's tables exist
     */
    @Activate
    public CampaignsImpl(@Reference Records records, @Reference SavedViews views, @Reference AccessControl access,
            @Reference TransactionScope scope, @Reference Timers timers, @Reference MailTemplates templates,
            @Reference(target = "(" + RecordType.ID + "=" + CampaignFields.RECORD_TYPE + ")") RecordType type) {
        this.records = records;
        this.views = views;
        this.access = access;
        this.scope = scope;
        this.timers = timers;
        this.templates = templates;
    }

    @Override
    public List<CampaignMember> members(long campaignId, int offset, int limit) {
        access.require(VIEW);
        access.requireRecordType(CampaignFields.RECORD_TYPE);
        if (limit < 1 || limit > RecordQuery.MAX_LIMIT || offset < 0) {
            throw new ValidationException(List.of(new FieldError("limit", "Ask for 1 to 1000 members from offset 0 on")));
        }
        open(campaignId);
        return scope.required(c -> MemberStore.list(c, campaignId, offset, limit));
    }

    @Override
    public int addRecords(long campaignId, String recordType, List<Long> ids) {
        access.require(EDIT);
        access.requireRecordType(CampaignFields.RECORD_TYPE);
        memberType(recordType);
        List<Long> all = ids == null ? List.of() : ids;
        if (all.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("ids", "Choose the records to add")));
        }
        RecordRow campaign = editable(campaignId);
        List<Segment.Candidate> candidates = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PAGE) {
            for (RecordRow row : records.get(recordType, all.subList(from, Math.min(all.size(), from + PAGE)))) {
                candidates.add(candidate(recordType, row));
            }
        }
        return add(campaign, candidates);
    }

    @Override
    public int addFromView(long campaignId, String recordType, String viewName) {
        access.require(EDIT);
        access.requireRecordType(CampaignFields.RECORD_TYPE);
        memberType(recordType);
        RecordRow campaign = editable(campaignId);
        String me = access.require(EDIT).username();
        List<SavedView> named = views.list(recordType).stream()
                .filter(v -> !v.board() && v.name().equals(viewName)).toList();
        SavedView view = named.stream().filter(v -> v.owner().equals(me)).findFirst()
                .or(() -> named.stream().filter(SavedView::shared).findFirst())
                .orElseThrow(() -> new NotFoundException("There is no list view " + viewName + " of " + recordType
                        + "s that you may use"));
        RecordQuery query = view.query().withPage(0, PAGE);
        List<Segment.Candidate> candidates = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            RecordSlice slice = records.slice(recordType, query, cursor);
            slice.rows().forEach(row -> candidates.add(candidate(recordType, row)));
            cursor = slice.next();
        } while (cursor.isPresent() && candidates.size() < MAX_MEMBERS);
        return add(campaign, candidates);
    }

    private int add(RecordRow campaign, List<Segment.Candidate> candidates) {
        return scope.required(c -> {
            try (PreparedStatement lock = c.prepareStatement("UPDATE CRM_CAMPAIGN SET VERSION = VERSION WHERE ID = ?")) {
                lock.setLong(1, campaign.id());
                lock.executeUpdate();
            }
            java.util.Set<String> existing = MemberStore.addresses(c, campaign.id());
            List<Segment.Candidate> added = Segment.newMembers(existing, candidates);
            if (existing.size() + added.size() > MAX_MEMBERS) {
                throw new ValidationException(List.of(new FieldError("members", "A campaign has at most "
                        + MAX_MEMBERS + " members")));
            }
            MemberStore.insert(c, campaign.id(), added, Instant.now());
            MemberStore.writeResults(c, campaign.id());
            return added.size();
        });
    }

    static Segment.Candidate candidate(String recordType, RecordRow row) {
        String name = (row.text("firstName") + " " + row.text("lastName")).trim();
        return new Segment.Candidate(recordType, row.id(), row.text("email"), name);
    }

    @Override
    public void removeMember(long campaignId, long memberId) {
        access.require(EDIT);
        access.requireRecordType(CampaignFields.RECORD_TYPE);
        editable(campaignId);
        boolean removed = scope.required(c -> {
            boolean gone = MemberStore.deletePending(c, campaignId, memberId);
            MemberStore.writeResults(c, campaignId);
            return gone;
        });
        if (!removed) {
            throw new NotFoundException("Campaign member", memberId);
        }
    }

    @Override
    public CampaignResults send(long campaignId) {
        access.require(SEND);
        access.requireRecordType(CampaignFields.RECORD_TYPE);
        return start(campaignId, null);
    }

    @Override
    public CampaignResults schedule(long campaignId, Instant at) {
        access.require(SEND);
        access.requireRecordType(CampaignFields.RECORD_TYPE);
        if (at == null || !at.isAfter(Instant.now())) {
            throw new ValidationException(List.of(new FieldError(CampaignFields.SCHEDULED_AT,
                    "Choose a time in the future (ISO-8601 in UTC, e.g. 2026-12-24T08:00:00Z)")));
        }
        return start(campaignId, at);
    }

    private CampaignResults start(long campaignId, Instant at) {
        RecordRow campaign = editable(campaignId);
        Optional<Long> template = number(campaign, CampaignFields.TEMPLATE);
        if (template.isEmpty()) {
            throw new ValidationException(List.of(new FieldError(CampaignFields.TEMPLATE,
                    "Choose the e-mail template to send")));
        }
        templates.get(template.get()); // the caller may use it, or NotFoundException
        Caller caller = access.require(SEND);
        return scope.required(c -> {
            CampaignResults now = MemberStore.results(c, campaignId, "");
            if (now.pending() == 0) {
                throw new ValidationException(List.of(new FieldError("members",
                        "Add contacts or leads with an e-mail address to the campaign first")));
            }
            String status = at == null ? CampaignFields.SENDING : CampaignFields.SCHEDULED;
            MemberStore.setStatus(c, campaignId, status, at);
            timers.schedule(SendTimer.HANDLER, String.valueOf(campaignId), at == null ? Instant.now() : at,
                    caller.username());
            return MemberStore.writeResults(c, campaignId);
        });
    }

    @Override
    public CampaignResults cancel(long campaignId) {
        access.require(SEND);
        access.requireRecordType(CampaignFields.RECORD_TYPE);
        RecordRow campaign = open(campaignId);
        String status = campaign.text(CampaignFields.STATUS);
        if (!status.equals(CampaignFields.SCHEDULED) && !status.equals(CampaignFields.SENDING)) {
            throw new ValidationException(List.of(new FieldError(CampaignFields.STATUS,
                    "Only a scheduled campaign or one being sent can be cancelled; this one is "
                            + (status.isEmpty() ? CampaignFields.DRAFT : status))));
        }
        return scope.required(c -> {
            timers.cancel(SendTimer.HANDLER, String.valueOf(campaignId));
            MemberStore.setStatus(c, campaignId, CampaignFields.CANCELLED, null);
            return MemberStore.writeResults(c, campaignId);
        });
    }

    @Override
    public CampaignResults results(long campaignId) {
        access.require(VIEW);
        access.requireRecordType(CampaignFields.RECORD_TYPE);
        RecordRow campaign = open(campaignId);
        return scope.required(c -> MemberStore.results(c, campaignId, status(campaign)));
    }

    private static String status(RecordRow campaign) {
        String status = campaign.text(CampaignFields.STATUS);
        return status.isEmpty() ? CampaignFields.DRAFT : status;
    }

    /** @return the campaign, if its segment may still change (draft or scheduled) */
    private RecordRow editable(long campaignId) {
        RecordRow campaign = open(campaignId);
        String status = status(campaign);
        if (!status.equals(CampaignFields.DRAFT) && !status.equals(CampaignFields.SCHEDULED)) {
            throw new ValidationException(List.of(new FieldError(CampaignFields.STATUS, "The campaign is " + status
                    + ": only a draft or scheduled campaign changes its members or is sent")));
        }
        return campaign;
    }

    private static void memberType(String recordType) {
        if (!CampaignFields.MEMBER_TYPES.contains(recordType)) {
            throw new ValidationException(List.of(new FieldError("recordType",
                    "Campaign members are contacts or leads")));
        }
    }

    static Optional<Long> number(RecordRow row, String field) {
        return row.value(field).map(v -> v instanceof BigDecimal d ? d.longValue()
                : v instanceof Number n ? n.longValue() : Long.parseLong(v.toString()));
    }

    private RecordRow open(long campaignId) {
        return records.get(CampaignFields.RECORD_TYPE, campaignId)
                .orElseThrow(() -> new NotFoundException("Campaign", campaignId));
    }
}
