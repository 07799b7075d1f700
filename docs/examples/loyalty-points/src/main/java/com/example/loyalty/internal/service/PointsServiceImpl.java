package com.example.loyalty.internal.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.example.loyalty.api.PointsEntry;
import com.example.loyalty.api.PointsService;
import com.example.loyalty.internal.LoyaltyModule;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;

/**
 * Points in the module's own table, through {@link ModuleSql} (bound parameters only). Which contacts
 * a user sees is the record platform's answer ({@link Records#titles}), so the module never repeats
 * the visibility rules.
 */
@Component(service = PointsService.class)
public class PointsServiceImpl implements PointsService {
    static final String CONTACT = "contact";
    static final int HISTORY_MAX = 100;
    private static final IdGenerator IDS = new IdGenerator("LOYALTY_ID_GEN", "GEN_NAME", "GEN_VALUE", "POINTS");

    private final DataSource dataSource;
    private final Records records;
    private final AccessControl access;
    private final TransactionScope scope;
    private volatile EventAdmin events;

    /**
     * @param dataSource the CRM database
     * @param records the record platform, for the contacts the caller sees
     * @param access the signed-in user's permissions
     * @param schema the module's tables, so the service starts once they exist
     * @param scope posts the workflow trigger once the award commits
     */
    @Activate
    public PointsServiceImpl(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference Records records, @Reference AccessControl access,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=com.example.loyalty)") MigratedSchema schema,
            @Reference TransactionScope scope) {
        this.dataSource = dataSource;
        this.records = records;
        this.access = access;
        this.scope = scope;
    }

    /** @param events where the workflow trigger {@link PointsAwardedTrigger} is posted, when there */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(EventAdmin events) {
        this.events = events;
    }

    void unsetEvents(EventAdmin old) {
        if (events == old) {
            events = null;
        }
    }

    @Override
    public int award(List<Long> contactIds, int points, String reason) {
        Caller caller = access.require(LoyaltyModule.AWARD);
        PointsRules.check(points, reason);
        Set<Long> ids = new LinkedHashSet<>(contactIds);
        if (ids.isEmpty() || ids.size() > Records.BULK_LIMIT) {
            throw new ValidationException(List.of(new FieldError("contacts",
                    "Choose 1 to " + Records.BULK_LIMIT + " contacts.")));
        }
        Map<Long, String> seen = records.titles(CONTACT, ids);
        if (seen.size() < ids.size()) {
            throw new ValidationException(List.of(new FieldError("contacts",
                    (ids.size() - seen.size()) + " of the contacts do not exist or are not yours to see; nothing was awarded.")));
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)); // stored times are UTC
        String why = reason == null ? "" : reason.strip();
        Map<Long, Long> balances = ModuleSql.inTransaction(dataSource, c -> {
            long next = ModuleSql.reserveIds(c, IDS, ids.size());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO LOYALTY_POINTS"
                    + " (ID, CONTACT_ID, POINTS, REASON, AWARDED_BY, AWARDED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (long contact : ids) {
                    ModuleSql.bind(insert, List.of(next++, contact, points, why, caller.username(), now));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Map<Long, Long> after = new LinkedHashMap<>();
            try (PreparedStatement sum = c.prepareStatement(
                    "SELECT COALESCE(SUM(POINTS), 0) FROM LOYALTY_POINTS WHERE CONTACT_ID = ?")) {
                for (long contact : ids) {
                    ModuleSql.bind(sum, List.of(contact));
                    try (ResultSet rs = sum.executeQuery()) {
                        after.put(contact, rs.next() ? rs.getLong(1) : 0L);
                    }
                }
            }
            return after;
        });
        Instant at = Instant.now();
        scope.afterCommit(() -> posted(balances, points, caller.username(), at));
        return ids.size();
    }

    /** Posts the workflow trigger for each contact awarded, once the award committed. */
    private void posted(Map<Long, Long> balances, int points, String actor, Instant at) {
        EventAdmin admin = events;
        if (admin == null) {
            return;
        }
        balances.forEach((contact, balance) -> {
            TriggerEvent event = PointsAwardedTrigger.event(contact, points, balance, actor, at);
            admin.postEvent(new Event(TriggerEvent.topic(PointsAwardedTrigger.ID), event.properties()));
        });
    }

    @Override
    public long balance(long contactId) {
        access.require(LoyaltyModule.VIEW);
        requireVisible(contactId);
        return ModuleSql.query(dataSource, "SELECT COALESCE(SUM(POINTS), 0) FROM LOYALTY_POINTS WHERE CONTACT_ID = ?",
                List.of(contactId), 1, rs -> rs.getLong(1)).get(0);
    }

    @Override
    public List<PointsEntry> history(long contactId, int limit) {
        access.require(LoyaltyModule.VIEW);
        if (limit < 1 || limit > HISTORY_MAX) {
            throw new ValidationException(List.of(new FieldError("limit", "Ask for 1 to " + HISTORY_MAX + " entries.")));
        }
        requireVisible(contactId);
        return ModuleSql.query(dataSource, "SELECT ID, CONTACT_ID, POINTS, REASON, AWARDED_BY, AWARDED_AT"
                + " FROM LOYALTY_POINTS WHERE CONTACT_ID = ? ORDER BY ID DESC", List.of(contactId), limit,
                rs -> new PointsEntry(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toLocalDateTime()));
    }

    private void requireVisible(long contactId) {
        if (records.titles(CONTACT, List.of(contactId)).isEmpty()) {
            throw new NotFoundException("contact", contactId);
        }
    }
}
