package org.tesseracrm.reports.internal.kpi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Which phases win and lose an opportunity, and an opportunity's phase history: only the Opportunities module knows
 * (its service {@code org.tesseracrm.opportunities.api.OpportunityPhases}, API 1.0). The reports bundle imports no
 * module's package, so that it resolves and runs without any module and sees Opportunities come and go without a
 * bundle refresh: it finds the service in the registry by its interface name and calls the interface's public
 * methods ({@code phases()}, {@code history(long)}) as the caller, so their permission checks apply.
 */
final class OpportunityOutcomes {
    /** The Opportunities module's phases service. */
    static final String SERVICE = "org.tesseracrm.opportunities.api.OpportunityPhases";

    private final Object phases;
    private final Class<?> api;

    /**
     * @param phases the service object
     * @throws IllegalArgumentException if it does not implement the interface
     */
    OpportunityOutcomes(Object phases) {
        this.phases = phases;
        this.api = apiOf(phases.getClass());
    }

    private static Class<?> apiOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (SERVICE.equals(i.getName())) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException(type + " is not a " + SERVICE);
    }

    /**
     * Calls {@code work} with the Opportunities module's phases, if it is installed.
     *
     * @param <T> what the work gives
     * @param owner a class of this bundle, for its bundle context
     * @param work what to do with the phases
     * @return what the work gave
     * @throws KpiSource.MissingData without the module
     */
    static <T> T with(Class<?> owner, java.util.function.Function<OpportunityOutcomes, T> work) {
        BundleContext context = FrameworkUtil.getBundle(owner) == null ? null
                : FrameworkUtil.getBundle(owner).getBundleContext();
        ServiceReference<?> reference = context == null ? null : context.getServiceReference(SERVICE);
        Object service = reference == null ? null : context.getService(reference);
        if (service == null) {
            throw new KpiSource.MissingData("Install the Opportunities module (Administration > Modules, or feature "
                    + "crm-opportunities) to see this report.");
        }
        try {
            return work.apply(new OpportunityOutcomes(service));
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * The phase names by kind.
     *
     * @param won the phases of kind WON
     * @param lost the phases of kind LOST
     */
    record Kinds(Set<String> won, Set<String> lost) {
    }

    /** @return the won and lost phases, inactive ones included (old opportunities may be in them) */
    Kinds kinds() {
        Set<String> won = new LinkedHashSet<>();
        Set<String> lost = new LinkedHashSet<>();
        for (Object phase : (List<?>) call(phases, api, "phases")) {
            String name = (String) call(phase, phase.getClass(), "name");
            String kind = String.valueOf(call(phase, phase.getClass(), "kind"));
            if ("WON".equals(kind)) {
                won.add(name);
            } else if ("LOST".equals(kind)) {
                lost.add(name);
            }
        }
        return new Kinds(won, lost);
    }

    /**
     * One entry of a phase history.
     *
     * @param to the phase entered
     * @param at when (UTC)
     */
    record Entry(String to, LocalDateTime at) {
    }

    /**
     * @param opportunity an opportunity the caller sees
     * @return its phase history, oldest first
     */
    List<Entry> history(long opportunity) {
        List<Entry> entries = new ArrayList<>();
        for (Object change : (List<?>) call(phases, api, "history", opportunity)) {
            entries.add(new Entry((String) call(change, change.getClass(), "to"),
                    (LocalDateTime) call(change, change.getClass(), "at")));
        }
        return entries;
    }

    private static Object call(Object target, Class<?> type, String method, Object... args) {
        try {
            Method m = args.length == 0 ? type.getMethod(method) : type.getMethod(method, long.class);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // the module's own refusal (no permission, not found) as it threw it
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The Opportunities module's API changed: " + method, e);
        }
    }
}
