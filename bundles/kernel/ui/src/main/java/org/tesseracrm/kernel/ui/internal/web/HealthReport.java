package org.tesseracrm.kernel.ui.internal.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.HealthStatus.State;
import org.tesseracrm.kernel.api.module.InstalledModule;

/**
 * The state of the whole installation: the worst state of its parts. UP answers HTTP 200, STARTING
 * and DOWN answer 503, so a load balancer sends no users to an installation that cannot serve them.
 *
 * @param state the worst state of any part; UP when there are no parts
 * @param parts every part with its state, sorted by name
 * @param modules the installed modules, as the module registry sees them
 */
record HealthReport(State state, List<Part> parts, List<InstalledModule> modules) {
    private static final Logger LOG = LoggerFactory.getLogger(HealthReport.class);

    /**
     * One part of the installation.
     *
     * @param name what it is, e.g. {@code database}
     * @param status its state and, unless UP, why
     */
    record Part(String name, HealthStatus status) {
    }

    HealthReport {
        parts = parts.stream().sorted(Comparator.comparing(Part::name)).toList();
        modules = List.copyOf(modules);
    }

    /**
     * @param parts the parts' states
     * @param modules the installed modules
     * @return the report, DOWN if any part is DOWN, else STARTING if any is STARTING, else DEGRADED if
     *     any is DEGRADED, else UP
     */
    static HealthReport of(List<Part> parts, List<InstalledModule> modules) {
        State worst = parts.stream().map(p -> p.status().state()).max(Comparator.naturalOrder()).orElse(State.UP);
        return new HealthReport(worst, parts, modules);
    }

    /**
     * Asks an indicator for its state; one that fails or answers nothing counts as DOWN, so a broken
     * indicator can never make the installation look healthy, nor break the health page.
     *
     * @param name the part's name
     * @param indicator the indicator
     * @return the part
     */
    static Part ask(String name, HealthIndicator indicator) {
        return new Part(name, guarded(name, indicator::status));
    }

    private static HealthStatus guarded(String name, Supplier<HealthStatus> status) {
        try {
            HealthStatus answer = status.get();
            return answer != null ? answer : HealthStatus.down("Its health check answered nothing.");
        } catch (RuntimeException e) {
            LOG.warn("The health check of '{}' failed", name, e);
            return HealthStatus.down("Its health check failed: " + e);
        }
    }

    /**
     * @return HTTP 200 when UP or DEGRADED (working, with a broken contribution switched off), else 503
     *     (Service Unavailable)
     */
    int httpStatus() {
        return state == State.UP || state == State.DEGRADED ? 200 : 503;
    }

    /** @return the parts that are not UP, worst first, as "name: detail"; empty when UP */
    String reason() {
        return parts.stream().filter(p -> p.status().state() != State.UP)
                .sorted(Comparator.comparing((Part p) -> p.status().state()).reversed())
                .map(p -> p.status().detail().isEmpty() ? p.name() + " is " + p.status().state().name().toLowerCase()
                        : p.name() + ": " + p.status().detail())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** The service property that names an indicator's part, read from its service properties. */
    static String name(Map<String, Object> properties) {
        Object name = properties.get(HealthIndicator.COMPONENT);
        return name == null || name.toString().isBlank() ? "unnamed" : name.toString().strip();
    }
}
