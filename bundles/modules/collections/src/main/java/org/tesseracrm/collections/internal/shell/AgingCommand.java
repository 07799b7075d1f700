package org.tesseracrm.collections.internal.shell;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.collections.api.AgingBucket;
import org.tesseracrm.collections.api.AgingBy;
import org.tesseracrm.collections.api.AgingReport;
import org.tesseracrm.collections.api.AgingRow;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:collections-aging}: the outstanding amounts of the collections the user sees, per customer (or per
 * collector with {@code --by collector}), in the buckets current, 1-30, 31-60, 61-90 and over 90 days past due, with
 * the totals per currency.
 */
@Service
@Command(scope = "crm", name = "collections-aging", description = "Shows the aging of outstanding obligations")
public class AgingCommand implements Action {
    @Reference
    private Receivables receivables;

    @Reference
    private CallerContext callers;

    @Option(name = "--by", description = "customer (default) or collector")
    private String by = "customer";

    @Option(name = "--as-of", description = "the day to count days past due to, e.g. 2026-12-31 (default today)")
    private String asOf;

    @Override
    public Object execute() {
        AgingBy rows = AgingBy.parse(by);
        Optional<LocalDate> day = asOf == null || asOf.isBlank() ? Optional.empty()
                : Optional.of(LocalDate.parse(asOf.strip()));
        AgingReport report = callers.callAs(ShellCaller.current(), () -> receivables.aging(rows, day));
        System.out.println(lines(report).stream().reduce((a, b) -> a + System.lineSeparator() + b).orElse(""));
        return null;
    }

    /**
     * @param report an aging
     * @return it as text: a heading line, one line per row, the totals
     */
    static List<String> lines(AgingReport report) {
        List<String> out = new ArrayList<>();
        out.add("Aging by " + report.by().name().toLowerCase(java.util.Locale.ROOT) + " as of " + report.asOf());
        StringBuilder head = new StringBuilder(String.format("%-30s %-4s", "", ""));
        for (AgingBucket bucket : AgingBucket.values()) {
            head.append(String.format(" %14s", bucket.label()));
        }
        out.add(head.append(String.format(" %14s", "Total")).toString());
        report.rows().forEach(r -> out.add(line(r)));
        if (report.rows().isEmpty()) {
            out.add("Nothing outstanding");
        }
        report.totals().forEach(r -> out.add(line(r)));
        return out;
    }

    private static String line(AgingRow row) {
        String label = row.label().length() > 30 ? row.label().substring(0, 29) + "…" : row.label();
        StringBuilder text = new StringBuilder(String.format("%-30s %-4s", label, row.currency()));
        row.amounts().forEach(a -> text.append(String.format(" %14s", a.toPlainString())));
        return text.append(String.format(" %14s", row.total().toPlainString())).toString();
    }
}
