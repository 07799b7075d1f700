package org.tesseracrm.webhooks.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The module's two tables, in plain JDBC on the CRM DataSource (so every write joins the caller's transaction scope).
 * No permission checks here: {@link WebhookService} checks them, the event handler and the timer run as the system.
 */
@Component(service = WebhookStore.class)
public class WebhookStore {
    private static final IdGenerator WEBHOOK_IDS = new IdGenerator("WEBHOOKS_ID_GEN", "GEN_NAME", "GEN_VALUE", "WEBHOOK");
    private static final IdGenerator DELIVERY_IDS = new IdGenerator("WEBHOOKS_ID_GEN", "GEN_NAME", "GEN_VALUE", "DELIVERY");
    private static final String WEBHOOK_COLUMNS = "ID, URL, RECORD_TYPES, EVENTS, ENABLED, ALLOW_PRIVATE, OWNER, CREATED_AT, "
            + "FAILING_SINCE, FAILURES, DISABLED_REASON";
    private static final String DELIVERY_COLUMNS = "ID, WEBHOOK_ID, UUID, EVENT, CREATED_AT, STATE, ATTEMPTS, LAST_ATTEMPT_AT, "
            + "NEXT_ATTEMPT_AT, STATUS_CODE, ERROR, RESPONSE";

    private final DataSource dataSource;
    private final TransactionScope scope;
    /** Counts this node's changes to subscriptions, so the event listener's copy is renewed at once. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param schema present once the module's tables exist
     */
    @Activate
    public WebhookStore(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource, @Reference TransactionScope scope,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.webhooks)") MigratedSchema schema) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    /** @return a number that changes whenever this node changes a subscription */
    long changes() {
        return changes.get();
    }

    /** @return every subscription, by id */
    List<Webhook> webhooks() {
        return ModuleSql.query(dataSource, "SELECT " + WEBHOOK_COLUMNS + " FROM CRM_WEBHOOK ORDER BY ID", List.of(), 10_000,
                WebhookStore::webhook);
    }

    Optional<Webhook> webhook(long id) {
        return ModuleSql.query(dataSource, "SELECT " + WEBHOOK_COLUMNS + " FROM CRM_WEBHOOK WHERE ID = ?", List.of(id), 1,
                WebhookStore::webhook).stream().findFirst();
    }

    /** @return the sealed secret of a subscription */
    Optional<String> sealedSecret(long id) {
        return ModuleSql.query(dataSource, "SELECT SECRET FROM CRM_WEBHOOK WHERE ID = ?", List.of(id), 1, rs -> rs.getString(1))
                .stream().findFirst();
    }

    // Each change to subscriptions counts before and after its write: a reader in between may have read the old rows.
    // Inside a caller's scope (the timer's) "after" comes before the commit; the listener's 5 s renewal covers that.

    long insert(WebhookInput input, String sealedSecret, String owner, Instant now) {
        changes.incrementAndGet();
        long created = scope.required(c -> {
            long id = ModuleSql.reserveIds(c, WEBHOOK_IDS, 1);
            update(c, "INSERT INTO CRM_WEBHOOK (ID, URL, RECORD_TYPES, EVENTS, ENABLED, ALLOW_PRIVATE, SECRET, OWNER, CREATED_AT, FAILURES) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", id, input.url().trim(), joined(input.recordTypes()), joined(input.events()),
                    input.enabled(), input.allowPrivate(), sealedSecret, owner, ts(now));
            return id;
        });
        changes.incrementAndGet();
        return created;
    }

    void update(long id, WebhookInput input) {
        changes.incrementAndGet();
        scope.required(c -> {
            update(c, "UPDATE CRM_WEBHOOK SET URL = ?, RECORD_TYPES = ?, EVENTS = ?, ALLOW_PRIVATE = ? WHERE ID = ?", input.url().trim(),
                    joined(input.recordTypes()), joined(input.events()), input.allowPrivate(), id);
            return 0;
        });
        changes.incrementAndGet();
    }

    void setSecret(long id, String sealedSecret) {
        scope.required(c -> update(c, "UPDATE CRM_WEBHOOK SET SECRET = ? WHERE ID = ?", sealedSecret, id));
    }

    /** Enables (forgetting past failures) or disables a subscription; a reason says the module disabled it. */
    void setEnabled(long id, boolean enabled, Optional<String> reason, Instant now) {
        changes.incrementAndGet();
        scope.required(c -> enabled
                ? update(c, "UPDATE CRM_WEBHOOK SET ENABLED = ?, DISABLED_REASON = NULL, DISABLED_AT = NULL, FAILING_SINCE = NULL, "
                        + "FAILURES = 0 WHERE ID = ?", true, id)
                : update(c, "UPDATE CRM_WEBHOOK SET ENABLED = ?, DISABLED_REASON = ?, DISABLED_AT = ? WHERE ID = ?", false,
                        reason.orElse(null), ts(now), id));
        changes.incrementAndGet();
    }

    /** Records a delivered attempt (failures forgotten) or a failed one. */
    void recordOutcome(long id, boolean delivered, Instant now) {
        scope.required(c -> delivered
                ? update(c, "UPDATE CRM_WEBHOOK SET FAILING_SINCE = NULL, FAILURES = 0 WHERE ID = ?", id)
                : update(c, "UPDATE CRM_WEBHOOK SET FAILING_SINCE = COALESCE(FAILING_SINCE, ?), FAILURES = FAILURES + 1 WHERE ID = ?",
                        ts(now), id));
    }

    void delete(long id) {
        changes.incrementAndGet();
        scope.required(c -> {
            update(c, "DELETE FROM CRM_WEBHOOK_DELIVERY WHERE WEBHOOK_ID = ?", id);
            return update(c, "DELETE FROM CRM_WEBHOOK WHERE ID = ?", id);
        });
        changes.incrementAndGet();
    }

    /** @return the new delivery's id */
    long insertDelivery(long webhookId, String uuid, String event, String body, Instant now) {
        return scope.required(c -> {
            long id = ModuleSql.reserveIds(c, DELIVERY_IDS, 1);
            update(c, "INSERT INTO CRM_WEBHOOK_DELIVERY (ID, WEBHOOK_ID, UUID, EVENT, BODY, CREATED_AT, STATE, ATTEMPTS, NEXT_ATTEMPT_AT) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)", id, webhookId, uuid, event, body, ts(now), DeliveryState.PENDING.name(), ts(now));
            return id;
        });
    }

    /** @return whether the subscription already has a delivery of that UUID (a repeated workflow call) */
    boolean hasDelivery(long webhookId, String uuid) {
        return !ModuleSql.query(dataSource, "SELECT ID FROM CRM_WEBHOOK_DELIVERY WHERE WEBHOOK_ID = ? AND UUID = ?",
                List.of(webhookId, uuid), 1, rs -> rs.getLong(1)).isEmpty();
    }

    Optional<Delivery> delivery(long id) {
        return ModuleSql.query(dataSource, "SELECT " + DELIVERY_COLUMNS + " FROM CRM_WEBHOOK_DELIVERY WHERE ID = ?", List.of(id), 1,
                WebhookStore::delivery).stream().findFirst();
    }

    /** @return the exact body of a delivery, and when it was first attempted */
    Optional<String> body(long id) {
        return ModuleSql.query(dataSource, "SELECT BODY FROM CRM_WEBHOOK_DELIVERY WHERE ID = ?", List.of(id), 1, rs -> rs.getString(1))
                .stream().findFirst();
    }

    Optional<Instant> firstAttempt(long id) {
        return ModuleSql.query(dataSource, "SELECT FIRST_ATTEMPT_AT FROM CRM_WEBHOOK_DELIVERY WHERE ID = ?", List.of(id), 1,
                rs -> instant(rs, 1)).stream().findFirst().flatMap(o -> o);
    }

    /** @return a subscription's deliveries, newest first */
    List<Delivery> deliveries(long webhookId, int limit) {
        return ModuleSql.query(dataSource, "SELECT " + DELIVERY_COLUMNS + " FROM CRM_WEBHOOK_DELIVERY WHERE WEBHOOK_ID = ? ORDER BY ID DESC",
                List.of(webhookId), limit, WebhookStore::delivery);
    }

    /** @return ids of a subscription's pending deliveries */
    List<Long> pending(long webhookId) {
        return ModuleSql.query(dataSource, "SELECT ID FROM CRM_WEBHOOK_DELIVERY WHERE WEBHOOK_ID = ? AND STATE = ?",
                List.of(webhookId, DeliveryState.PENDING.name()), 100_000, rs -> rs.getLong(1));
    }

    /** Records an attempt's result on a delivery. */
    void recordAttempt(long id, DeliveryState state, Instant at, Optional<Instant> next, OptionalInt status, Optional<String> error,
            Optional<String> response) {
        scope.required(c -> update(c, "UPDATE CRM_WEBHOOK_DELIVERY SET STATE = ?, ATTEMPTS = ATTEMPTS + 1, "
                + "FIRST_ATTEMPT_AT = COALESCE(FIRST_ATTEMPT_AT, ?), LAST_ATTEMPT_AT = ?, NEXT_ATTEMPT_AT = ?, STATUS_CODE = ?, "
                + "ERROR = ?, RESPONSE = ? WHERE ID = ?", state.name(), ts(at), ts(at), next.map(WebhookStore::ts).orElse(null),
                status.isPresent() ? status.getAsInt() : null, error.map(e -> cut(e, 1000)).orElse(null),
                response.map(r -> cut(r, 1024)).orElse(null), id));
    }

    /** Makes a delivery pending again with a fresh retry window ("Retry now"), or cancels it. */
    void setState(long id, DeliveryState state, Optional<String> error, Instant now) {
        scope.required(c -> state == DeliveryState.PENDING
                ? update(c, "UPDATE CRM_WEBHOOK_DELIVERY SET STATE = ?, FIRST_ATTEMPT_AT = NULL, NEXT_ATTEMPT_AT = ? WHERE ID = ?",
                        state.name(), ts(now), id)
                : update(c, "UPDATE CRM_WEBHOOK_DELIVERY SET STATE = ?, NEXT_ATTEMPT_AT = NULL, ERROR = COALESCE(?, ERROR) WHERE ID = ?",
                        state.name(), error.orElse(null), id));
    }

    /** Forgets finished deliveries created before a time. @return how many */
    int prune(Instant before) {
        return scope.required(c -> update(c, "DELETE FROM CRM_WEBHOOK_DELIVERY WHERE CREATED_AT < ? AND STATE <> ?", ts(before),
                DeliveryState.PENDING.name()));
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            ModuleSql.bind(statement, Arrays.asList(params));
            return statement.executeUpdate();
        }
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(rs.getLong(1), rs.getString(2), split(rs.getString(3)), split(rs.getString(4)), rs.getBoolean(5),
                rs.getBoolean(6), rs.getString(7), instant(rs, 8).orElseThrow(), instant(rs, 9), rs.getInt(10),
                Optional.ofNullable(rs.getString(11)));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        int status = rs.getInt(10);
        OptionalInt code = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(status);
        return new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs, 5).orElseThrow(),
                DeliveryState.valueOf(rs.getString(6)), rs.getInt(7), instant(rs, 8), instant(rs, 9), code,
                Optional.ofNullable(rs.getString(11)), Optional.ofNullable(rs.getString(12)));
    }

    static String joined(Set<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    static Set<String> split(String joined) {
        return joined == null || joined.isBlank() ? Set.of()
                : Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? Optional.empty() : Optional.of(value.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }
}
