package org.tesseracrm.products.internal.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.api.ProductPrice;

/** {@code crm:price-lists [list]}: the price lists, or one list's prices and quantity ranges. */
@Service
@Command(scope = "crm", name = "price-lists", description = "Lists the price lists, or the prices and quantity ranges of one")
public class PriceListsCommand implements Action {
    @Reference
    private PriceLists lists;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "list", required = false, description = "a price list's id or name: show its prices")
    private String list;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            if (list == null) {
                printLists(lists.lists());
            } else {
                PriceList chosen = ShellLookup.list(lists, list);
                printPrices(chosen, lists.prices(chosen.id()));
            }
            return null;
        });
        return null;
    }

    private static void printLists(List<PriceList> all) {
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Name", "Currency", "Valid from", "Valid to", "Conditions")) {
            table.column(column);
        }
        for (PriceList l : all) {
            table.addRow().addContent(l.id(), l.name(), l.currency(), l.validFrom().map(Object::toString).orElse("-"),
                    l.validTo().map(Object::toString).orElse("-"), l.conditions().stream()
                            .map(c -> c.dimension() + "=" + c.value()).collect(Collectors.joining(", ")));
        }
        table.print(System.out);
    }

    private static void printPrices(PriceList list, List<ProductPrice> prices) {
        System.out.println(list.name() + " (" + list.currency() + ")");
        ShellTable table = new ShellTable();
        for (String column : List.of("Code", "Product", "Price", "Quantity ranges")) {
            table.column(column);
        }
        for (ProductPrice p : prices) {
            table.addRow().addContent(p.productCode(), p.productName(), p.price().toPlainString(),
                    p.ranges().stream().map(ShellLookup::text).collect(Collectors.joining("; ")));
        }
        table.print(System.out);
    }
}
