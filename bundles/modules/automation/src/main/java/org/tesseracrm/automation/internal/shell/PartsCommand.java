package org.tesseracrm.automation.internal.shell;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * What the commands of assignment rules, scoring rules and schedules share: calls as the shell's signed-in user (the
 * services check automation.configure) and how criteria print.
 */
abstract class PartsCommand implements Action {
    @Reference
    private CallerContext callers;

    /** @return the work's result, done as the shell's user */
    <T> T asUser(Supplier<T> work) {
        return callers.callAs(ShellCaller.current(), work);
    }

    /** @return e.g. {@code ALL of status IN New, Working; source EQUALS Web}, or {@code every record} */
    static String criteria(Criteria criteria) {
        return criteria.conditions().isEmpty() ? "every record"
                : criteria.match() + " of " + filters(criteria.conditions());
    }

    /** @return the filters on one line */
    static String filters(List<Filter> filters) {
        return filters.stream().map(f -> f.field() + " " + f.op()
                + (f.values().isEmpty() ? "" : " " + String.join(", ", f.values()))).collect(Collectors.joining("; "));
    }

    /** Prints the lines, or the text for none. */
    static void print(List<String> lines, String none) {
        lines.forEach(System.out::println);
        if (lines.isEmpty()) {
            System.out.println(none);
        }
    }
}
