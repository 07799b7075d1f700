package org.tesseracrm.kernel.ui.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.HealthStatus.State;

class HealthReportTest {

    private static HealthReport.Part part(String name, HealthStatus status) {
        return new HealthReport.Part(name, status);
    }

    @Test
    void isUpWith200OnlyWhenEveryPartIsUp() {
        HealthReport report = HealthReport.of(List.of(part("database", HealthStatus.up()), part("modules", HealthStatus.up())),
                List.of());
        assertEquals(State.UP, report.state());
        assertEquals(200, report.httpStatus());
        assertEquals("", report.reason());
    }

    @Test
    void isStartingWith503WhilePartIsStarting() {
        HealthReport report = HealthReport.of(List.of(part("database", HealthStatus.up()),
                part("modules", HealthStatus.starting("contacts has no views yet."))), List.of());
        assertEquals(State.STARTING, report.state());
        assertEquals(503, report.httpStatus());
        assertEquals("modules: contacts has no views yet.", report.reason());
    }

    @Test
    void downWinsOverStartingAndComesFirstInTheReason() {
        HealthReport report = HealthReport.of(List.of(part("user interface", HealthStatus.starting("Waiting.")),
                part("database", HealthStatus.down("Unreachable.")), part("modules", HealthStatus.up())), List.of());
        assertEquals(State.DOWN, report.state());
        assertEquals(503, report.httpStatus());
        assertEquals("database: Unreachable.; user interface: Waiting.", report.reason());
        assertEquals(List.of("database", "modules", "user interface"),
                report.parts().stream().map(HealthReport.Part::name).toList());
    }

    @Test
    void aDegradedContributionShowsWith200AndStartingStillWins() {
        HealthReport degraded = HealthReport.of(List.of(part("database", HealthStatus.up()),
                part("contributions", HealthStatus.degraded("org.acme: Panel.create failed: boom."))), List.of());
        assertEquals(State.DEGRADED, degraded.state());
        assertEquals(200, degraded.httpStatus());
        assertEquals("contributions: org.acme: Panel.create failed: boom.", degraded.reason());
        HealthReport starting = HealthReport.of(List.of(part("modules", HealthStatus.starting("Wait.")),
                part("contributions", HealthStatus.degraded("x"))), List.of());
        assertEquals(State.STARTING, starting.state());
        assertEquals(503, starting.httpStatus());
    }

    @Test
    void aPartWithoutDetailIsNamedWithItsState() {
        assertEquals("schema migration is starting",
                HealthReport.of(List.of(part("schema migration", HealthStatus.starting(""))), List.of()).reason());
    }

    @Test
    void anIndicatorThatFailsCountsAsDown() {
        HealthIndicator broken = () -> {
            throw new IllegalStateException("boom");
        };
        HealthReport.Part part = HealthReport.ask("database", broken);
        assertEquals(State.DOWN, part.status().state());
        assertEquals("Its health check failed: java.lang.IllegalStateException: boom", part.status().detail());
        assertEquals(State.DOWN, HealthReport.ask("database", () -> null).status().state());
    }

    @Test
    void readsThePartNameFromTheServiceProperty() {
        assertEquals("database", HealthReport.name(Map.of(HealthIndicator.COMPONENT, " database ")));
        assertEquals("unnamed", HealthReport.name(Map.of()));
    }
}
