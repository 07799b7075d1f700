package com.example.loyalty.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.loyalty.api.PointsService;
import com.example.loyalty.api.Reward;
import com.example.loyalty.api.RewardService;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/**
 * The checks that call the module's own API. They live apart from the test class because the test
 * class is loaded before the KAR is deployed, when the module's classes cannot be found yet; this
 * class is loaded once the module is there.
 */
final class ServiceChecks {
    private static final Caller ADMIN = new Caller("admin");

    private ServiceChecks() {
    }

    /** @return the id of the reward created, for the test to find again after a redeploy */
    static long run(BundleContext context, CallerContext callers, SecurityAdmin security, Records records, String name)
            throws InterruptedException {
        assertTrue("RewardService registered",
                LoyaltyModuleIT.eventually(() -> context.getServiceReference(RewardService.class) != null));
        RewardService rewards = context.getService(context.getServiceReference(RewardService.class));

        // The service works for the admin, and keeps the module's rules.
        Reward mug = callers.callAs(ADMIN, () -> rewards.create(name, "250", "A mug with our logo"));
        assertEquals("admin", mug.owner());
        assertEquals(0, mug.amount().compareTo(new BigDecimal("250")));
        assertEquals(mug.id(), callers.callAs(ADMIN, () -> rewards.largest(1)).get(0).id());
        ValidationException negative = assertThrows(ValidationException.class,
                () -> callers.callAs(ADMIN, () -> rewards.create("Refund", "-1", "")));
        assertEquals("amount", negative.errors().get(0).field());

        // A user whose profile lacks the module's permissions is refused by the service itself.
        String user = "norewards" + System.nanoTime() % 100_000;
        callers.callAs(Caller.SYSTEM, () -> {
            ProfileInfo none = security.saveProfile(new ProfileInfo(null, "No rewards " + user, false, Set.of()));
            return security.createUser(new UserInput(user, "No Rewards", "", "", null, none.id(), Set.of()),
                    "Secret-123456".toCharArray());
        });
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(user), () -> rewards.largest(5)));
        assertThrows(PermissionDeniedException.class,
                () -> callers.callAs(new Caller(user), () -> rewards.create("Pen", "1", "")));
        assertThrows(PermissionDeniedException.class,
                () -> callers.callAs(new Caller(user), () -> award(context, "contact", java.util.List.of(1L))));

        // Loyalty points: the bulk action on the contacts list awards them, the service sums them.
        RecordRow ada = callers.callAs(ADMIN, () -> records.create("contact", Map.of("lastName", "Lovelace " + name)));
        String said = callers.callAs(ADMIN, () -> award(context, "contact", List.of(ada.id())));
        assertEquals("Awarded 40 points to 1 contact.", said);
        PointsService points = context.getService(context.getServiceReference(PointsService.class));
        callers.callAs(ADMIN, () -> points.award(List.of(ada.id()), 2, "Birthday"));
        assertEquals(42L, (long) callers.callAs(ADMIN, () -> points.balance(ada.id())));
        assertEquals(List.of("Birthday", "Welcome"),
                callers.callAs(ADMIN, () -> points.history(ada.id(), 10)).stream().map(e -> e.reason()).toList());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> callers.callAs(ADMIN, () -> points.award(List.of(ada.id(), Long.MAX_VALUE), 5, "")));
        assertEquals("contacts", unknown.errors().get(0).field());
        assertEquals("nothing was awarded", 42L, (long) callers.callAs(ADMIN, () -> points.balance(ada.id())));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(user), () -> points.balance(ada.id())));

        // The contact form gets the module's panel.
        assertEquals(1, bundleServices(context, RecordPanel.class).size());
        return mug.id();
    }

    private static String award(BundleContext context, String type, List<Long> ids) {
        try {
            for (ServiceReference<BulkAction> ref : context.getServiceReferences(BulkAction.class,
                    "(" + RecordType.ID + "=" + type + ")")) {
                BulkAction action = context.getService(ref);
                if (action.id().equals("loyalty.award-points")) {
                    return action.run(type, ids, Map.of("points", "40", "reason", "Welcome"));
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no award action on " + type);
    }

    private static <T> List<ServiceReference<T>> bundleServices(BundleContext context, Class<T> type) {
        try {
            return context.getServiceReferences(type, "(" + RecordType.ID + "=contact)").stream()
                    .filter(ref -> ref.getBundle().getSymbolicName().equals("com.example.loyalty")).toList();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
