package ${package}.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Set;

import ${package}.api.${recordClass};
import ${package}.api.${recordClass}Service;

import org.osgi.framework.BundleContext;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;

/**
 * The checks that call the module's own API. They live apart from the test class because the test
 * class is loaded before the KAR is deployed, when the module's classes cannot be found yet; this
 * class is loaded once the module is there.
 */
final class ServiceChecks {
    private static final Caller ADMIN = new Caller("admin");

    private ServiceChecks() {
    }

    /** @return the id of the ${recordType} created, for the test to find again after a redeploy */
    static long run(BundleContext context, CallerContext callers, SecurityAdmin security, String name)
            throws InterruptedException {
        assertTrue("${recordClass}Service registered",
                ${moduleName}ModuleIT.eventually(() -> context.getServiceReference(${recordClass}Service.class) != null));
        ${recordClass}Service ${recordType}s = context.getService(context.getServiceReference(${recordClass}Service.class));

        // The service works for the admin, and keeps the module's rules.
        ${recordClass} mug = callers.callAs(ADMIN, () -> ${recordType}s.create(name, new BigDecimal("250"), "A mug with our logo"));
        assertEquals("admin", mug.owner());
        assertEquals(0, mug.amount().compareTo(new BigDecimal("250")));
        assertEquals(mug.id(), callers.callAs(ADMIN, () -> ${recordType}s.largest(1)).get(0).id());
        ValidationException negative = assertThrows(ValidationException.class,
                () -> callers.callAs(ADMIN, () -> ${recordType}s.create("Refund", new BigDecimal("-1"), "")));
        assertEquals("amount", negative.errors().get(0).field());

        // A user whose profile lacks the module's permissions is refused by the service itself.
        String user = "no${recordType}s" + System.nanoTime() % 100_000;
        callers.callAs(Caller.SYSTEM, () -> {
            ProfileInfo none = security.saveProfile(new ProfileInfo(null, "No ${recordType}s " + user, false, Set.of()));
            return security.createUser(new UserInput(user, "No ${recordClass}s", "", "", null, none.id(), Set.of()),
                    "Secret-123456".toCharArray());
        });
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(new Caller(user), () -> ${recordType}s.largest(5)));
        assertThrows(PermissionDeniedException.class,
                () -> callers.callAs(new Caller(user), () -> ${recordType}s.create("Pen", BigDecimal.ONE, "")));
        return mug.id();
    }
}
