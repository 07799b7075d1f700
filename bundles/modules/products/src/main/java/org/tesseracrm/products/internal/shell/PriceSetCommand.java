package org.tesseracrm.products.internal.shell;

import java.math.BigDecimal;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;

/** {@code crm:price-set}: sets a product's price in a list, keeping its quantity ranges unless told otherwise. */
@Service
@Command(scope = "crm", name = "price-set", description = "Sets a product's price in a price list (needs products.configure)")
public class PriceSetCommand implements Action {
    @Reference
    private PriceLists lists;

    @Reference
    private Records records;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "list", required = true, description = "the price list's id or name")
    private String list;

    @Argument(index = 1, name = "productCode", required = true, description = "the product's code")
    private String code;

    @Argument(index = 2, name = "price", required = true, description = "the unit price, e.g. 19.99")
    private String price;

    @Option(name = "--clear-ranges", description = "drop the product's quantity ranges in this list")
    private boolean clearRanges;

    @Option(name = "--remove", description = "take the product out of the list instead (give any price)")
    private boolean remove;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            PriceList chosen = ShellLookup.list(lists, list);
            RecordRow product = ShellLookup.product(records, code);
            if (remove) {
                lists.removePrice(chosen.id(), product.id());
                System.out.println("Removed " + code + " from " + chosen.name());
                return null;
            }
            List<QuantityRange> ranges = clearRanges ? List.of() : lists.productPrice(chosen.id(), product.id())
                    .map(ProductPrice::ranges).orElse(List.of());
            ProductPrice set = lists.setPrice(chosen.id(), product.id(), new BigDecimal(price.strip()), ranges);
            System.out.println(chosen.name() + ": " + set.productCode() + " at " + set.price().toPlainString() + " "
                    + chosen.currency() + ", " + set.ranges().size() + " quantity ranges");
            return null;
        });
        return null;
    }
}
