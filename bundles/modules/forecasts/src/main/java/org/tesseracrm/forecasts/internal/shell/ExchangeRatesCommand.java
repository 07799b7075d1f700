package org.tesseracrm.forecasts.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.forecasts.api.ExchangeRate;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:exchange-rates}: the forecasts' reporting currency and the exchange rates into it. */
@Service
@Command(scope = "crm", name = "exchange-rates", description = "Lists the forecasts' reporting currency and exchange rates")
public class ExchangeRatesCommand implements Action {
    @Reference
    private Forecasts forecasts;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            print(forecasts);
            return null;
        });
        return null;
    }

    static void print(Forecasts forecasts) {
        String reporting = forecasts.reportingCurrency();
        System.out.println("Reporting currency: " + reporting);
        ShellTable table = new ShellTable();
        table.column("Currency");
        table.column("1 unit is worth (" + reporting + ")");
        for (ExchangeRate rate : forecasts.rates()) {
            table.addRow().addContent(rate.currency(), rate.rate().toPlainString());
        }
        table.print(System.out);
    }
}
