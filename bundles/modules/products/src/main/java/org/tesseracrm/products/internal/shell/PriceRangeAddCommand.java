package org.tesseracrm.products.internal.shell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;

/** {@code crm:price-range-add}: adds a quantity discount range to a product's price in a list. */
@Service
@Command(scope = "crm", name = "price-range-add", description = "Adds a quantity discount range (from-to inclusive) to a "
        + "product's price in a list (needs products.configure)")
public class PriceRangeAddCommand implements Action {
    @Reference
    private PriceLists lists;

    @Reference
    private Records records;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "list", required = true, description = "the price list's id or name")
    private String list;

    @Argument(index = 1, name = "productCode", required = true, description = "the product's code; it needs a price in the list")
    private String code;

    @Argument(index = 2, name = "from", required = true, description = "the smallest quantity of the range")
    private String from;

    @Argument(index = 3, name = "to", required = true, description = "the largest quantity (inclusive), or - for no upper end")
    private String to;

    @Argument(index = 4, name = "discount", required = true, description = "the discount in percent, e.g. 5")
    private String discount;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            PriceList chosen = ShellLookup.list(lists, list);
            RecordRow product = ShellLookup.product(records, code);
            ProductPrice price = lists.productPrice(chosen.id(), product.id()).orElseThrow(() -> new NotFoundException(
                    code + " has no price in " + chosen.name() + ": set one first with crm:price-set"));
            List<QuantityRange> ranges = new ArrayList<>(price.ranges());
            ranges.add(new QuantityRange(new BigDecimal(from.strip()), ShellLookup.upper(to),
                    new BigDecimal(discount.strip())));
            ProductPrice set = lists.setPrice(chosen.id(), product.id(), price.price(), ranges);
            System.out.println(chosen.name() + ": " + set.productCode() + " ranges now "
                    + String.join("; ", set.ranges().stream().map(ShellLookup::text).toList()));
            return null;
        });
        return null;
    }
}
