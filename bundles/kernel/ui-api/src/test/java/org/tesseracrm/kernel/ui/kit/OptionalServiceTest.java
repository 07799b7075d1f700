package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

class OptionalServiceTest {
    private static final String API = "org.tesseracrm.reports.api";

    private final AtomicInteger registered = new AtomicInteger();
    private final AtomicInteger unregistered = new AtomicInteger();

    /** @return a stand-in whose methods answer by name from {@code answers} (else null) */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(OptionalServiceTest.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> answers.get(method.getName()));
    }

    /** @return a bundle context whose bundle imports the given packages, wired */
    private static BundleContext importing(String... wiredPackages) {
        List<BundleWire> wires = java.util.Arrays.stream(wiredPackages).map(name -> fake(BundleWire.class,
                Map.of("getCapability", fake(BundleCapability.class,
                        Map.of("getAttributes", Map.of(PackageNamespace.PACKAGE_NAMESPACE, name)))))).toList();
        BundleWiring wiring = fake(BundleWiring.class, Map.of("getRequiredWires", wires));
        Bundle bundle = fake(Bundle.class, Map.of("adapt", wiring));
        return fake(BundleContext.class, Map.of("getBundle", bundle));
    }

    private ServiceRegistration<?> registration(boolean goneWithTheBundle) {
        registered.incrementAndGet();
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ServiceRegistration.class }, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        unregistered.incrementAndGet();
                        if (goneWithTheBundle) {
                            throw new IllegalStateException("already unregistered");
                        }
                    }
                    return null;
                });
    }

    @Test
    void registersWhenTheImportIsWiredAndWithdrawsOnce() {
        OptionalService service = OptionalService.register(importing("org.slf4j", API), API, () -> registration(false));
        assertTrue(service.registered());
        assertEquals(1, registered.get());
        service.close();
        service.close();
        assertFalse(service.registered());
        assertEquals(1, unregistered.get(), "withdrawn once");
    }

    @Test
    void registersNothingWhenTheImportIsNotWired() {
        OptionalService service = OptionalService.register(importing("org.slf4j"), API, () -> registration(false));
        assertFalse(service.registered());
        assertEquals(0, registered.get(), "the registrar, which would load the API's classes, is not called");
        service.close();
        assertEquals(0, unregistered.get());
        assertFalse(OptionalService.wired(importing(), API));
        assertTrue(OptionalService.wired(importing(API), API));
    }

    @Test
    void anApiGoneMeanwhileOrARegistrationGoneWithTheBundleIsNoError() {
        OptionalService gone = OptionalService.register(importing(API), API, () -> {
            throw new NoClassDefFoundError("org/tesseracrm/reports/api/ReportSource");
        });
        assertFalse(gone.registered());
        OptionalService withTheBundle = OptionalService.register(importing(API), API, () -> registration(true));
        withTheBundle.close();
        assertFalse(withTheBundle.registered());
        assertEquals(1, unregistered.get());
    }

    @Test
    void aBundleWithoutWiringImportsNothing() {
        Bundle unresolved = fake(Bundle.class, Map.of());
        assertFalse(OptionalService.wired(fake(BundleContext.class, Map.of("getBundle", unresolved)), API));
    }
}
