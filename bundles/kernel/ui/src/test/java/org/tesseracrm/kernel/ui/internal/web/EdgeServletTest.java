package org.tesseracrm.kernel.ui.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.HealthStatus.State;
import org.tesseracrm.kernel.api.module.InstalledModule;
import org.tesseracrm.kernel.api.module.ModuleRegistry;

class EdgeServletTest {
    private final EdgeServlet edge = new EdgeServlet();

    private static final ModuleRegistry REGISTRY = new ModuleRegistry() {
        @Override
        public List<InstalledModule> modules() {
            return List.of(new InstalledModule("contacts", "Contacts", "People", "0.2.0", "ACTIVE", List.of("contacts")));
        }

        @Override
        public java.util.Optional<InstalledModule> module(String id) {
            return modules().stream().filter(m -> m.id().equals(id)).findFirst();
        }
    };

    private FakeHttp get(String path) throws Exception {
        FakeHttp response = FakeHttp.response();
        edge.service(FakeHttp.request("GET", path), response.proxy());
        return response;
    }

    @Test
    void answersEveryPageWithTheMaintenancePageAndItsReasonWhileTheDatabaseIsDown() throws Exception {
        edge.bindIndicator(() -> HealthStatus.down("The JDBC driver 'derbyy' is not installed."),
                Map.of(HealthIndicator.COMPONENT, "database"));
        edge.bindModules(REGISTRY);
        for (String path : List.of("/", "/login", "/contacts")) {
            FakeHttp response = get(path);
            assertEquals(503, response.status, path);
            assertEquals("30", response.headers.get("Retry-After"));
            assertTrue(response.text().contains("Tessera is unavailable: database: The JDBC driver &apos;derbyy&apos; is "
                    + "not installed."), response.text());
            assertEquals("nosniff", response.headers.get("X-Content-Type-Options"));
            assertTrue(response.headers.get("Content-Security-Policy").contains("frame-ancestors 'self'"));
        }
    }

    @Test
    void theApiAddressesAnswerANotFoundProblemWhileTheRestApiIsNotInstalledNeverThePage() throws Exception {
        edge.bindIndicator(HealthStatus::up, Map.of(HealthIndicator.COMPONENT, "database"));
        edge.bindModules(REGISTRY);
        for (String path : List.of("/api", "/api/v1/records/contact")) {
            FakeHttp response = get(path);
            assertEquals(404, response.status, path);
            assertEquals("application/problem+json", response.contentType);
            assertTrue(response.text().contains("feature:install crm-rest"), response.text());
        }
        assertEquals(503, get("/apis").status, "only the API's own addresses: /apis is a page (here: maintenance)");
    }

    @Test
    void healthIsDownWith503AndNamesTheFailingPart() throws Exception {
        edge.bindIndicator(() -> HealthStatus.down("Unreachable."), Map.of(HealthIndicator.COMPONENT, "database"));
        edge.bindModules(REGISTRY);
        FakeHttp response = get("/health");
        assertEquals(503, response.status);
        assertEquals("application/json", response.contentType);
        assertTrue(response.text().startsWith("{\"status\":\"DOWN\",\"detail\":\"database: Unreachable.; user interface: "),
                response.text());
        assertTrue(response.text().contains("\"routes\":[\"contacts\"]"), "the modules stay listed");
        assertEquals("SAMEORIGIN", response.headers.get("X-Frame-Options"));
    }

    @Test
    void isStartingUntilTheUserInterfaceAndTheKernelAreThere() {
        edge.bindIndicator(HealthStatus::up, Map.of(HealthIndicator.COMPONENT, "database"));
        HealthReport report = edge.report();
        assertEquals(State.STARTING, report.state());
        assertEquals(List.of("database", "kernel", "user interface"),
                report.parts().stream().map(HealthReport.Part::name).toList());
        edge.bindModules(REGISTRY);
        assertEquals(List.of("database", "user interface"), edge.report().parts().stream().map(HealthReport.Part::name).toList());
    }

    @Test
    void forgetsAnIndicatorThatGoes() {
        HealthIndicator database = () -> HealthStatus.down("Unreachable.");
        edge.bindIndicator(database, Map.of(HealthIndicator.COMPONENT, "database"));
        edge.unbindIndicator(database);
        assertTrue(edge.report().parts().stream().noneMatch(p -> p.name().equals("database")));
    }

    @Test
    void refusesToChangeHealth() throws Exception {
        FakeHttp response = FakeHttp.response();
        edge.service(FakeHttp.request("POST", "/health"), response.proxy());
        assertEquals("GET, HEAD", response.headers.get("Allow"));
    }
}
