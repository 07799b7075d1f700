package org.tesseracrm.forecasts.internal.shell;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.forecasts.api.Forecast;
import org.tesseracrm.forecasts.api.ForecastPeriod;
import org.tesseracrm.forecasts.api.ForecastRow;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:forecast <period> [user]}: the forecast of the shell's user (or of a user of their subtree) for a period. */
@Service
@Command(scope = "crm", name = "forecast", description = "Shows a forecast: target, achieved, pipeline, weighted and % of target per role and member")
public class ForecastCommand implements Action {
    @Reference
    private Forecasts forecasts;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "period", required = true, description = "2026-Q4 (quarter), 2026-H1 (half-year) or 2026-M03 (month)")
    private String period;

    @Argument(index = 1, name = "user", required = false, description = "whose forecast: a user of your role or below (default: yours)")
    private String user;

    @Override
    public Object execute() {
        ForecastPeriod p = ForecastPeriod.parse(period);
        Forecast f = callers.callAs(ShellCaller.current(), () -> user == null ? forecasts.forecast(p)
                : forecasts.forecastOf(p, user.strip()));
        System.out.println("Forecast " + p.label() + " (" + p.start() + " to " + p.end() + ") of " + f.username()
                + f.roleName().map(r -> ", role " + r).orElse("") + "; amounts in " + f.reportingCurrency());
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Role / member", "Target", "Achieved", "Pipeline", "Weighted", "% of target",
                "Not converted"}) {
            table.column(column);
        }
        for (ForecastRow r : f.rows()) {
            table.addRow().addContent("  ".repeat(r.depth()) + r.label() + (r.subject().kind().name().equals("ROLE")
                    ? " (role)" : ""), r.target().map(BigDecimal::toPlainString).orElse("-"),
                    r.achieved().toPlainString() + " (" + r.achievedCount() + ")",
                    r.pipeline().toPlainString() + " (" + r.pipelineCount() + ")", r.weighted().toPlainString(),
                    r.percentOfTarget().map(v -> v.toPlainString() + " %").orElse("-"),
                    r.unconverted().isEmpty() ? "" : r.unconverted().toString());
        }
        table.print(System.out);
        if (!f.missingRates().isEmpty()) {
            System.out.println("No exchange rate for " + String.join(", ", f.missingRates())
                    + ": those amounts are left out. Set them with crm:exchange-rate-set.");
        }
        return null;
    }
}
