package org.tesseracrm.kernel.core.internal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.Notification;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.NotificationReceipt;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.core.internal.security.CallerContextImpl;
import org.tesseracrm.kernel.persistence.internal.ScopedDataSource;

/**
 * The service on a real (in-memory Derby) table with the columns and constraints of changeset
 * kernel-008-notifications, through the kernel's own transaction scope.
 */
class NotificationsImplTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private final CallerContextImpl callers = new CallerContextImpl();
    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private volatile Instant now = T0;
    private EmbeddedDataSource raw;
    private ScopedDataSource scope;
    private NotificationsImpl notifications;

    @BeforeEach
    void freshTables(TestInfo info) throws SQLException {
        raw = new EmbeddedDataSource();
        raw.setDatabaseName("memory:notifications-" + info.getTestMethod().orElseThrow().getName());
        raw.setCreateDatabase("create");
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE KERNEL_ID_GEN (GEN_NAME VARCHAR(50) PRIMARY KEY, GEN_VALUE BIGINT)");
            s.execute("INSERT INTO KERNEL_ID_GEN VALUES ('NOTIFICATION', 0)");
            s.execute("CREATE TABLE CRM_USER (ID BIGINT PRIMARY KEY, USERNAME VARCHAR(100) NOT NULL"
                    + " CONSTRAINT UQ_CRM_USER_USERNAME UNIQUE)");
            s.execute("INSERT INTO CRM_USER VALUES (1, 'anna'), (2, 'ben')");
            s.execute("CREATE TABLE CRM_NOTIFICATION (ID BIGINT NOT NULL CONSTRAINT PK_CRM_NOTIFICATION PRIMARY KEY,"
                    + " RECIPIENT VARCHAR(100) NOT NULL, TITLE VARCHAR(200) NOT NULL, BODY VARCHAR(2000),"
                    + " RECORD_TYPE VARCHAR(30), RECORD_ID BIGINT, SOURCE_KEY VARCHAR(200), CREATED_AT TIMESTAMP NOT NULL,"
                    + " IS_READ BOOLEAN DEFAULT FALSE NOT NULL)");
            // as Liquibase writes them
            s.execute("ALTER TABLE CRM_NOTIFICATION ADD CONSTRAINT FK_CRM_NOTIFICATION_USER FOREIGN KEY (RECIPIENT)"
                    + " REFERENCES CRM_USER (USERNAME) ON DELETE CASCADE");
            s.execute("ALTER TABLE CRM_NOTIFICATION ADD CONSTRAINT UQ_CRM_NOTIFICATION_SOURCE UNIQUE (RECIPIENT, SOURCE_KEY)");
            s.execute("CREATE INDEX IX_CRM_NOTIFICATION_NEWEST ON CRM_NOTIFICATION (RECIPIENT, CREATED_AT, ID)");
        }
        scope = new ScopedDataSource(raw);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        notifications = new NotificationsImpl(new NotificationStore(scope, scope, clock), scope, callers);
        notifications.setEventAdmin((EventAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventAdmin.class}, (proxy, method, args) -> {
                    posted.add((Event) args[0]);
                    return null;
                }));
    }

    @AfterEach
    void dropDatabase() {
        raw.setShutdownDatabase("shutdown");
        try {
            raw.getConnection().close();
        } catch (SQLException expected) {
            // Derby answers a shutdown with an exception
        }
    }

    @Test
    void storesForTheRecipientOnlyNewestFirstAndPostsAfterCommit() {
        NotificationReceipt first = notifications.notify("anna", NotificationInput.of("First", "Body text"));
        now = T0.plusSeconds(1);
        NotificationReceipt second = notifications.notify("anna", NotificationInput.of("Second", ""));
        notifications.notify("ben", NotificationInput.of("For Ben", ""));

        assertTrue(first.created() && second.created());
        List<Notification> mine = as("anna", () -> notifications.mine(20));
        assertEquals(List.of("Second", "First"), mine.stream().map(Notification::title).toList());
        assertEquals("Body text", mine.get(1).text());
        assertEquals(T0, mine.get(1).createdAt());
        assertEquals(List.of("For Ben"), as("ben", () -> notifications.mine(20)).stream().map(Notification::title).toList());
        assertEquals(List.of("anna", "anna", "ben"), posted.stream().map(e -> e.getProperty(Notifications.EVENT_USERNAME)).toList());
        assertEquals(first.id(), posted.get(0).getProperty(Notifications.EVENT_ID));
        assertEquals(Notifications.TOPIC, posted.get(0).getTopic());
        assertEquals(1, as("anna", () -> notifications.mine(1)).size());
    }

    @Test
    void aSecondSendWithTheSameSourceStoresNothingForThatUserOnly() {
        NotificationInput input = NotificationInput.of("Case 7 is late", "").withRecord("case", 7).withSource("cases.escalation:7:1");
        NotificationReceipt stored = notifications.notify("anna", input);
        NotificationReceipt again = notifications.notify("anna", input.withSource(" cases.escalation:7:1"));
        NotificationReceipt forBen = notifications.notify("ben", input);

        assertEquals(new NotificationReceipt(stored.id(), false), again);
        assertTrue(stored.created() && forBen.created());
        assertEquals(1, as("anna", () -> notifications.mine(20)).size());
        assertEquals(2, posted.size(), "no event for the send that stored nothing");
        assertEquals("cases.escalation:7:1", as("anna", () -> notifications.mine(20)).get(0).source());
    }

    @Test
    void tenParallelSendsWithOneSourceStoreOneRow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<NotificationReceipt>> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sends.add(pool.submit(() -> {
                start.await();
                return scope.required(c -> { // each in a transaction of its own that does a little more after the send
                    NotificationReceipt receipt = notifications.notify("anna",
                            NotificationInput.of("Late", "").withSource("cases.escalation:9:2"));
                    pause();
                    return receipt;
                });
            }));
        }
        start.countDown();
        List<NotificationReceipt> receipts = new ArrayList<>();
        for (Future<NotificationReceipt> send : sends) {
            receipts.add(send.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, receipts.stream().filter(NotificationReceipt::created).count(), receipts.toString());
        assertEquals(Set.of(receipts.get(0).id()), receipts.stream().map(NotificationReceipt::id).collect(Collectors.toSet()));
        assertEquals(1, rows("anna"));
    }

    @Test
    void aRolledBackTransactionStoresAndPostsNothing() {
        assertThrows(IllegalStateException.class, () -> scope.required(c -> {
            notifications.notify("anna", NotificationInput.of("Never", "").withSource("x:1"));
            throw new IllegalStateException("the caller's change fails");
        }));
        assertEquals(0, rows("anna"));
        assertEquals(List.of(), posted);
        // the key is free again
        assertTrue(notifications.notify("anna", NotificationInput.of("Now", "").withSource("x:1")).created());
    }

    @Test
    void unknownUsersAreRefusedWithTheField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> notifications.notify("nobody", NotificationInput.of("Hello", "")));
        assertEquals("username", e.errors().get(0).field());
        assertEquals("There is no user 'nobody'. Give the user name of an existing user.", e.errors().get(0).message());
    }

    @Test
    void readersMarkOnlyTheirOwn() {
        long annas = notifications.notify("anna", NotificationInput.of("One", "")).id();
        notifications.notify("anna", NotificationInput.of("Two", ""));
        long bens = notifications.notify("ben", NotificationInput.of("Ben's", "")).id();

        assertEquals(2, as("anna", notifications::unreadCount));
        assertThrows(NotFoundException.class, () -> as("anna", () -> {
            notifications.markRead(bens);
            return null;
        }));
        assertThrows(NotFoundException.class, () -> as("anna", () -> {
            notifications.markRead(99_999);
            return null;
        }));
        as("anna", () -> {
            notifications.markRead(annas);
            notifications.markRead(annas); // again is fine
            return null;
        });
        assertEquals(1, as("anna", notifications::unreadCount));
        assertTrue(as("anna", () -> notifications.mine(10)).stream().filter(n -> n.id() == annas).allMatch(Notification::read));
        assertEquals(1, as("anna", notifications::markAllRead));
        assertEquals(0, as("anna", notifications::markAllRead));
        assertEquals(0, as("anna", notifications::unreadCount));
        assertEquals(1, as("ben", notifications::unreadCount), "Ben's stays unread");
    }

    @Test
    void withoutAUserNothingIsReadOrMarked() {
        assertThrows(PermissionDeniedException.class, () -> notifications.mine(10));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(Caller.SYSTEM, notifications::unreadCount));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(Caller.SYSTEM, notifications::markAllRead));
    }

    @Test
    void aLinkedRecordShowsTheTitleTheReaderMaySee() {
        notifications.notify("anna", NotificationInput.of("Seen", "").withRecord("case", 12));
        notifications.notify("anna", NotificationInput.of("Hidden", "").withRecord("case", 13));
        notifications.notify("anna", NotificationInput.of("Plain", ""));
        // without the platform every record has its neutral name
        assertEquals(List.of("", "Case #13", "Case #12"), as("anna", () -> notifications.mine(10)).stream()
                .map(Notification::recordTitle).toList());

        List<String> askedBy = new CopyOnWriteArrayList<>();
        notifications.setRecords((Records) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Records.class},
                (proxy, method, args) -> {
                    assertEquals("shownTitles", method.getName());
                    askedBy.add(callers.current().orElseThrow().username());
                    @SuppressWarnings("unchecked")
                    Collection<Long> ids = (Collection<Long>) args[1];
                    return ids.stream().collect(Collectors.toMap(id -> id, id -> id == 12 ? "PET-000012 Broken kiosk"
                            : "Case #" + id));
                }));
        List<Notification> mine = as("anna", () -> notifications.mine(10));
        assertEquals(List.of("", "Case #13", "PET-000012 Broken kiosk"), mine.stream().map(Notification::recordTitle).toList());
        assertEquals(List.of("anna"), askedBy, "one call per record type, as the reader");
        assertTrue(mine.get(2).hasRecord());
        assertFalse(mine.get(0).hasRecord());
    }

    @Test
    void keepsFiveHundredPerUserAndReadOnesForNinetyDays() {
        for (int i = 0; i < 3; i++) {
            notifications.notify("anna", NotificationInput.of("Old " + i, ""));
        }
        as("anna", notifications::markAllRead);
        now = T0.plus(Duration.ofDays(Notifications.READ_KEPT_DAYS)).plusSeconds(1);
        notifications.notify("anna", NotificationInput.of("Unread", ""));
        assertEquals(List.of("Unread"), as("anna", () -> notifications.mine(10)).stream().map(Notification::title).toList(),
                "read ones older than 90 days are gone");

        now = T0;
        insertDirectly("anna", Notifications.KEPT_PER_USER + 2);
        now = T0.plus(Duration.ofDays(200));
        notifications.notify("anna", NotificationInput.of("Newest", ""));
        assertEquals(Notifications.KEPT_PER_USER, rows("anna"));
        assertEquals("Newest", as("anna", () -> notifications.mine(1)).get(0).title());
    }

    private void insertDirectly(String user, int count) {
        NotificationStore store = new NotificationStore(scope, scope, Clock.fixed(now, ZoneOffset.UTC));
        scope.required(c -> {
            for (int i = 0; i < count; i++) {
                store.insert(user, NotificationInput.of("Bulk " + i, ""));
            }
            return null;
        });
    }

    private int rows(String user) {
        return ModuleSql.query(raw, "SELECT COUNT(*) FROM CRM_NOTIFICATION WHERE RECIPIENT = ?", List.of(user), 1,
                rs -> rs.getInt(1)).get(0);
    }

    private <T> T as(String user, java.util.function.Supplier<T> work) {
        return callers.callAs(new Caller(user), work);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
