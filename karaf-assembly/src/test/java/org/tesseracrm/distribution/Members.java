package org.tesseracrm.distribution;

import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.runners.BlockJUnit4ClassRunner;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs the tests of other Pax Exam classes inside the container of the calling suite class, so that one boot of the
 * distribution serves several modules' checks (a boot costs about 20 s of CPU; the tests of a module a few seconds).
 * A member class keeps its own {@code @Configuration} for running it alone ({@code -Dit.test=FaqModuleIT}); here its
 * {@code @Inject} fields are filled from the service registry as Pax Exam fills them (waiting up to two minutes for
 * each service, honouring {@link Filter}), and JUnit 4 runs its {@code @Before}, {@code @After} and ordered tests.
 * The members' test data carry a run id in their names, so members that share one database do not see each other's
 * users and records as their own. A member that uninstalls a module (its hot-deploy check, or a module it needs) and
 * does not install it back leaves it uninstalled: the features required before a member (installed for themselves) are installed again after
 * it, so that the next member starts with at least the distribution it would have booted alone.
 */
final class Members {
    private static final long SERVICE_WAIT_MILLIS = 120_000;

    private Members() {
    }

    /**
     * Runs every test of the member class here, in its order.
     *
     * @throws AssertionError naming each failed test of the member with its stack trace
     */
    static void run(Class<?> member, BundleContext context) throws Exception {
        FeaturesService features = PaxExamSupport.waitFor(context, FeaturesService.class);
        Set<String> before = required(features);
        try {
            runTests(member, context);
        } finally {
            Set<String> missing = new LinkedHashSet<>(before);
            missing.removeAll(required(features));
            if (!missing.isEmpty()) {
                features.installFeatures(missing, EnumSet.noneOf(FeaturesService.Option.class));
            }
        }
    }

    private static Set<String> required(FeaturesService features) throws Exception {
        Set<String> names = new LinkedHashSet<>();
        for (Feature feature : features.listRequiredFeatures()) {
            names.add(feature.getName());
        }
        return names;
    }

    private static void runTests(Class<?> member, BundleContext context) throws Exception {
        BlockJUnit4ClassRunner runner = new BlockJUnit4ClassRunner(member) {
            @Override
            protected Object createTest() throws Exception {
                Object test = super.createTest();
                inject(test, context);
                return test;
            }
        };
        Result result = new JUnitCore().run(runner);
        if (result.getRunCount() == 0) {
            throw new AssertionError(member.getSimpleName() + " ran no test");
        }
        if (!result.wasSuccessful()) {
            // The failures go to the driver as text: an exception class of the container (a Derby StandardException
            // inside an SQLException) cannot be read back there, and would hide the message behind a
            // ClassNotFoundException.
            StringBuilder text = new StringBuilder(member.getSimpleName() + ": " + result.getFailureCount() + " of "
                    + result.getRunCount() + " tests failed");
            for (Failure failure : result.getFailures()) {
                text.append("\n--- ").append(failure.getDescription().getMethodName()).append(": ")
                        .append(failure.getTrace());
            }
            throw new AssertionError(text.toString());
        }
        System.out.println(member.getSimpleName() + ": " + result.getRunCount() + " tests passed in "
                + result.getRunTime() + " ms");
    }

    /** Fills the test's {@code @Inject} fields (its class and superclasses) as Pax Exam does. */
    private static void inject(Object test, BundleContext context) throws Exception {
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!field.isAnnotationPresent(Inject.class)) {
                    continue;
                }
                field.setAccessible(true);
                field.set(test, field.getType() == BundleContext.class ? context : service(field, context));
            }
        }
    }

    private static Object service(Field field, BundleContext context) throws Exception {
        Filter filter = field.getAnnotation(Filter.class);
        String objectClass = "(objectClass=" + field.getType().getName() + ")";
        String expression = filter == null || filter.value().isEmpty() ? objectClass
                : "(&" + objectClass + filter.value() + ")";
        BundleContext own = FrameworkUtil.getBundle(Members.class) == null ? context
                : FrameworkUtil.getBundle(Members.class).getBundleContext();
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(own, own.createFilter(expression), null);
        tracker.open(true);
        try {
            Object service = tracker.waitForService(SERVICE_WAIT_MILLIS);
            if (service == null) {
                throw new AssertionError("no service " + expression + " within "
                        + TimeUnit.MILLISECONDS.toSeconds(SERVICE_WAIT_MILLIS) + " s for " + field);
            }
            return service;
        } finally {
            // Pax Exam hands out the service object and keeps no tracker either: the member holds it while it runs
            tracker.close();
        }
    }
}
