package org.tesseracrm.forecasts.internal.shell;

import java.math.BigDecimal;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:exchange-rate-set USD 0.92}: sets (or with {@code --remove} removes) the rate of a currency into the
 * reporting currency; {@code crm:exchange-rate-set --reporting EUR} changes the reporting currency.
 */
@Service
@Command(scope = "crm", name = "exchange-rate-set", description = "Sets or removes an exchange rate into the forecasts' reporting currency, or sets the reporting currency")
public class ExchangeRateSetCommand implements Action {
    @Reference
    private Forecasts forecasts;

    @Reference
    private CallerContext callers;

    @Option(name = "--reporting", description = "make this currency the reporting currency (no other argument)")
    private String reporting;

    @Option(name = "--remove", description = "remove the currency's rate")
    private boolean remove;

    @Argument(index = 0, name = "currency", required = false, description = "ISO 4217 code, e.g. USD")
    private String currency;

    @Argument(index = 1, name = "rate", required = false, description = "units of the reporting currency per unit, e.g. 0.92")
    private BigDecimal rate;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            if (reporting != null) {
                forecasts.setReportingCurrency(reporting);
            } else if (currency == null || !remove && rate == null) {
                throw new IllegalArgumentException("Give a currency and its rate (crm:exchange-rate-set USD 0.92), "
                        + "--remove with a currency, or --reporting with a currency.");
            } else {
                forecasts.setRate(currency, remove ? Optional.empty() : Optional.of(rate));
            }
            ExchangeRatesCommand.print(forecasts);
            return null;
        });
        return null;
    }
}
