package org.tesseracrm.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.tesseracrm.distribution.PaxExamSupport.eventually;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.Notification;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.NotificationReceipt;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.ui.HeaderItem;

/**
 * Boots the real distribution and proves the kernel's in-app notifications: a notification is stored and listed for its
 * recipient only, with the live event after commit; a source key stores once, also when ten sends race; a rolled-back
 * transaction stores and posts nothing; unread count and marking read act on the signed-in user's own only (another
 * user's id is not found); a linked record shows its title only to a recipient who may see it; the REST API over a real
 * socket does the same. Names carry the run's id: the PostgreSQL ITs of one run share one database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class NotificationsIT {
    private static final String RUN = Long.toString(System.nanoTime());
    private static final String SEER = "seer" + RUN;
    private static final String BLIND = "blind" + RUN;
    private static final Caller ADMIN = new Caller("admin");
    private static final int HTTP_PORT = PaxExamSupport.httpPortOrFail();

    @Inject
    private BundleContext context;

    @Inject
    private CallerContext callers;

    private Notifications notifications;

    @Configuration
    public Option[] config() throws IOException {
        return PaxExamSupport.distribution(HTTP_PORT);
    }

    /** @return the HTTP port the container is told to use */
    static int httpPort() {
        return HTTP_PORT;
    }

    @Before
    public void usersExist() throws Exception {
        assertTrue("Karaf finished installing its boot features",
                eventually(120, () -> context.getServiceReference(BootFinished.class) != null));
        notifications = PaxExamSupport.waitFor(context, Notifications.class);
        SecurityAdmin security = PaxExamSupport.waitFor(context, SecurityAdmin.class);
        if (as(ADMIN, security::users).stream().noneMatch(u -> u.username().equals(SEER))) {
            as(ADMIN, () -> {
                ProfileInfo companies = security.saveProfile(new ProfileInfo(null, "Company keepers " + RUN, false,
                        Set.of("companies.view", "companies.create")));
                ProfileInfo contacts = security.saveProfile(new ProfileInfo(null, "Contacts only " + RUN, false,
                        Set.of("contacts.view")));
                RoleInfo role = security.saveRole(null, "Notified " + RUN, null);
                security.createUser(new UserInput(SEER, "Seer", "", "", role.id(), companies.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                security.createUser(new UserInput(BLIND, "Blind", "", "", role.id(), contacts.id(), Set.of()),
                        "Secret-pass-1".toCharArray());
                return null;
            });
        }
    }

    @Test
    public void t1_aNotificationIsListedForItsRecipientOnlyAndPostedAfterCommit() throws Exception {
        BlockingQueue<Long> heard = listen(SEER);
        int unread = as(SEER, notifications::unreadCount);
        NotificationReceipt receipt = notifications.notify(SEER, NotificationInput.of("Hello " + RUN, "Line one\nLine two"));

        assertTrue(receipt.created());
        List<Notification> mine = as(SEER, () -> notifications.mine(10));
        assertEquals(receipt.id(), mine.get(0).id());
        assertEquals("Hello " + RUN, mine.get(0).title());
        assertEquals("Line one\nLine two", mine.get(0).text());
        assertFalse(mine.get(0).read());
        assertEquals(unread + 1, (int) as(SEER, notifications::unreadCount));
        assertTrue(as(BLIND, () -> notifications.mine(200)).stream().noneMatch(n -> n.id() == receipt.id()));
        assertEquals(Long.valueOf(receipt.id()), heard.poll(10, TimeUnit.SECONDS));

        ValidationException unknown = assertThrows(ValidationException.class,
                () -> notifications.notify("nobody" + RUN, NotificationInput.of("Hi", "")));
        assertEquals("username", unknown.errors().get(0).field());
        ValidationException blank = assertThrows(ValidationException.class,
                () -> notifications.notify(SEER, NotificationInput.of(" ", "")));
        assertEquals("title: A notification needs a title.", blank.getMessage());
        assertThrows(PermissionDeniedException.class, () -> notifications.mine(10));
    }

    @Test
    public void t2_aSourceKeyStoresOnceAlsoWhenTenSendsRace() throws Exception {
        NotificationInput input = NotificationInput.of("Escalated " + RUN, "").withSource("it.escalation:" + RUN + ":1");
        NotificationReceipt first = notifications.notify(SEER, input);
        NotificationReceipt second = notifications.notify(SEER, input);
        assertTrue(first.created());
        assertEquals(new NotificationReceipt(first.id(), false), second);
        assertTrue("the same key for another user is another notification", notifications.notify(BLIND, input).created());

        TransactionScope scope = PaxExamSupport.waitFor(context, TransactionScope.class);
        NotificationInput raced = NotificationInput.of("Raced " + RUN, "").withSource("it.race:" + RUN);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<NotificationReceipt>> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sends.add(pool.submit(() -> {
                start.await();
                return scope.required(c -> {
                    NotificationReceipt receipt = notifications.notify(SEER, raced);
                    try (var statement = c.createStatement()) {
                        statement.execute("SELECT COUNT(*) FROM CRM_USER"); // the caller's transaction goes on
                    }
                    return receipt;
                });
            }));
        }
        start.countDown();
        List<NotificationReceipt> receipts = new ArrayList<>();
        for (Future<NotificationReceipt> send : sends) {
            receipts.add(send.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(receipts.toString(), 1, receipts.stream().filter(NotificationReceipt::created).count());
        assertEquals(receipts.toString(), 1, receipts.stream().map(NotificationReceipt::id).distinct().count());
        assertEquals(1, as(SEER, () -> notifications.mine(200)).stream().filter(n -> n.title().equals("Raced " + RUN)).count());
    }

    @Test
    public void t3_aRolledBackTransactionStoresAndPostsNothing() throws Exception {
        TransactionScope scope = PaxExamSupport.waitFor(context, TransactionScope.class);
        BlockingQueue<Long> heard = listen(BLIND);
        assertThrows(IllegalStateException.class, () -> scope.required(c -> {
            notifications.notify(BLIND, NotificationInput.of("Never " + RUN, "").withSource("it.never:" + RUN));
            throw new IllegalStateException("the caller's change fails");
        }));
        assertTrue(as(BLIND, () -> notifications.mine(200)).stream().noneMatch(n -> n.title().equals("Never " + RUN)));
        assertEquals(null, heard.poll(2, TimeUnit.SECONDS));
        assertTrue("the key is free again", notifications.notify(BLIND,
                NotificationInput.of("Now " + RUN, "").withSource("it.never:" + RUN)).created());
    }

    @Test
    public void t4_readersMarkTheirOwnOnlyAndAnotherUsersIdIsNotFound() {
        long seers = notifications.notify(SEER, NotificationInput.of("Mark me " + RUN, "")).id();
        long blinds = notifications.notify(BLIND, NotificationInput.of("Not yours " + RUN, "")).id();
        int unread = as(SEER, notifications::unreadCount);

        assertThrows(NotFoundException.class, () -> as(SEER, () -> {
            notifications.markRead(blinds);
            return null;
        }));
        as(SEER, () -> {
            notifications.markRead(seers);
            return null;
        });
        assertEquals(unread - 1, (int) as(SEER, notifications::unreadCount));
        assertTrue(as(BLIND, () -> notifications.mine(200)).stream().anyMatch(n -> n.id() == blinds && !n.read()));
        assertEquals(unread - 1, (int) as(SEER, notifications::markAllRead));
        assertEquals(0, (int) as(SEER, notifications::unreadCount));
    }

    @Test
    public void t5_aLinkedRecordIsNamedOnlyToARecipientWhoMaySeeIt() throws Exception {
        Records records = PaxExamSupport.waitFor(context, Records.class);
        assertTrue("the companies' record type", eventually(120, () -> {
            try {
                as(ADMIN, () -> records.page("company", org.tesseracrm.kernel.api.record.RecordQuery.page(0, 1)));
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }));
        long company = as(SEER, () -> records.create("company", RecordValues.builder().set("name", "Ñandú Secrets " + RUN)
                .build()).id());
        NotificationInput about = NotificationInput.of("About a company " + RUN, "").withRecord("company", company);
        notifications.notify(SEER, about);
        notifications.notify(BLIND, about);

        Notification seen = as(SEER, () -> notifications.mine(200)).stream().filter(n -> n.title().equals(about.title()))
                .findFirst().orElseThrow();
        assertEquals("Ñandú Secrets " + RUN, seen.recordTitle());
        Notification hidden = as(BLIND, () -> notifications.mine(200)).stream().filter(n -> n.title().equals(about.title()))
                .findFirst().orElseThrow();
        assertEquals("Company #" + company, hidden.recordTitle());
        assertEquals("company", hidden.recordType());
        assertEquals(company, hidden.recordId());
    }

    @Test
    public void t6_theRestApiListsCountsAndMarksTheTokenUsersOwn() throws Exception {
        ApiTokens tokens = PaxExamSupport.waitFor(context, ApiTokens.class);
        String secret = as(new Caller(SEER), () -> tokens.create(SEER, new ApiTokenRequest("notifications " + RUN,
                ApiTokenScope.READ_WRITE, Set.of(), Optional.empty()))).secret();
        long mine = notifications.notify(SEER, NotificationInput.of("Over REST " + RUN, "<b>plain</b>")).id();
        long others = notifications.notify(BLIND, NotificationInput.of("Not over REST " + RUN, "")).id();

        HttpResponse<String> list = send(secret, "GET", "/api/v1/notifications?limit=5");
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue("the newest first: " + list.body(), list.body().indexOf("\"id\":" + mine + ",") == list.body().indexOf("\"id\":"));
        assertTrue(list.body(), list.body().contains("\"title\":\"Over REST " + RUN + "\""));
        assertTrue(list.body(), list.body().contains("\"text\":\"<b>plain</b>\""));
        assertFalse(list.body(), list.body().contains("Not over REST"));
        HttpResponse<String> count = send(secret, "GET", "/api/v1/notifications/unread-count");
        assertEquals(count.body(), 200, count.statusCode());
        assertTrue(count.body(), count.body().matches("\\{\"unread\":[1-9]\\d*}"));

        HttpResponse<String> read = send(secret, "POST", "/api/v1/notifications/" + mine + "/read");
        assertEquals(read.body(), 200, read.statusCode());
        HttpResponse<String> notMine = send(secret, "POST", "/api/v1/notifications/" + others + "/read");
        assertEquals(notMine.body(), 404, notMine.statusCode());
        assertTrue(notMine.headers().firstValue("Content-Type").orElse(""),
                notMine.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(notMine.body(), notMine.body().contains("Notification " + others + " does not exist"));
        HttpResponse<String> badLimit = send(secret, "GET", "/api/v1/notifications?limit=0");
        assertEquals(badLimit.body(), 422, badLimit.statusCode());
        assertTrue(badLimit.body(), badLimit.body().contains("Give a whole number from 1 to 200."));

        notifications.notify(SEER, NotificationInput.of("Another " + RUN, ""));
        HttpResponse<String> all = send(secret, "POST", "/api/v1/notifications/read-all");
        assertEquals(all.body(), 200, all.statusCode());
        assertTrue(all.body(), all.body().matches("\\{\"marked\":[1-9]\\d*}"));
        assertEquals("{\"unread\":0}", send(secret, "GET", "/api/v1/notifications/unread-count").body());
        assertTrue("Blind's stays unread", as(BLIND, () -> notifications.mine(200)).stream()
                .anyMatch(n -> n.id() == others && !n.read()));
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + HTTP_PORT + "/api/v1/notifications")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    public void t7_theShellShowsTheBellAndListensToTheEvents() throws Exception {
        assertTrue("the bell is in the top bar (its component satisfied)", eventually(60, () -> {
            try {
                return context.getServiceReferences(HeaderItem.class, "(" + HeaderItem.ORDER + "=20)").stream()
                        .anyMatch(ref -> ref.getBundle().getSymbolicName().equals("org.tesseracrm.kernel.ui"));
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue("the bells hear the notifications' topic", context.getServiceReferences(EventHandler.class,
                "(" + EventConstants.EVENT_TOPIC + "=" + Notifications.TOPIC + ")").stream()
                .anyMatch(ref -> ref.getBundle().getSymbolicName().equals("org.tesseracrm.kernel.ui")));
    }

    /** @return the ids of the notifications the Event Admin posts for the user from now on */
    private BlockingQueue<Long> listen(String username) {
        BlockingQueue<Long> heard = new LinkedBlockingQueue<>();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, Notifications.TOPIC);
        properties.put(EventConstants.EVENT_FILTER, "(" + Notifications.EVENT_USERNAME + "=" + username + ")");
        ServiceRegistration<EventHandler> registration = context.registerService(EventHandler.class,
                event -> heard.add((Long) event.getProperty(Notifications.EVENT_ID)), properties);
        assertTrue(registration != null);
        return heard;
    }

    private static HttpResponse<String> send(String secret, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
                .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> T as(Caller caller, Supplier<T> work) {
        return callers.callAs(caller, work);
    }

    private <T> T as(String username, Supplier<T> work) {
        return callers.callAs(new Caller(username), work);
    }
}
