package org.tesseracrm.products.internal.shell;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.products.api.PriceCondition;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceListInput;
import org.tesseracrm.products.api.PriceLists;

/** {@code crm:price-list-add}: adds a price list. */
@Service
@Command(scope = "crm", name = "price-list-add", description = "Adds a price list (needs products.configure)")
public class PriceListAddCommand implements Action {
    @Reference
    private PriceLists lists;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "name", required = true, description = "the list's name")
    private String name;

    @Argument(index = 1, name = "currency", required = true, description = "ISO 4217 code, e.g. EUR")
    private String currency;

    @Option(name = "--from", description = "first valid day, yyyy-mm-dd (default: always)")
    private String from;

    @Option(name = "--to", description = "last valid day, yyyy-mm-dd, inclusive (default: no end)")
    private String to;

    @Option(name = "--condition", multiValued = true, description = "a condition 'Dimension=Value', e.g. "
            + "'Place of sale=Madrid'; repeat for several")
    private List<String> conditions;

    @Override
    public Object execute() {
        List<PriceCondition> parsed = new ArrayList<>();
        for (String condition : conditions == null ? List.<String>of() : conditions) {
            int at = condition.indexOf('=');
            if (at < 0) {
                throw new IllegalArgumentException("Write a condition as Dimension=Value, e.g. 'Place of sale=Madrid'");
            }
            parsed.add(new PriceCondition(condition.substring(0, at), condition.substring(at + 1)));
        }
        PriceListInput input = new PriceListInput(name, currency, Optional.ofNullable(from).map(LocalDate::parse),
                Optional.ofNullable(to).map(LocalDate::parse), parsed);
        PriceList added = callers.callAs(ShellCaller.current(), () -> lists.create(input));
        System.out.println("Added price list " + added.name() + " (id " + added.id() + ", " + added.currency() + ")");
        return null;
    }
}
