package org.tesseracrm.products.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;

/** {@code crm:lines <type> <id>}: a record's product lines with their totals per cost type and overall. */
@Service
@Command(scope = "crm", name = "lines", description = "Lists a record's product lines (opportunity, quote) with totals")
public class LinesCommand implements Action {
    @Reference
    private LineItems lineItems;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "type", required = true, description = "the record type, e.g. opportunity")
    private String type;

    @Argument(index = 1, name = "id", required = true, description = "the record's id")
    private long id;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            List<LineItem> lines = lineItems.lines(type, id);
            DocumentTotals totals = lineItems.totals(type, id);
            ShellTable table = new ShellTable();
            for (String column : List.of("#", "Code", "Product", "Cost type", "Price", "Qty", "Amount", "Disc %",
                    "Discount", "Tax %", "Tax", "Total")) {
                table.column(column);
            }
            for (LineItem l : lines) {
                LineAmounts a = l.amounts();
                table.addRow().addContent(l.position(), l.productCode(), l.productName(), l.costType(),
                        l.unitPrice().toPlainString(), l.quantity().toPlainString(), a.amount().toPlainString(),
                        l.discountPercent().toPlainString(), a.discount().toPlainString(),
                        l.taxPercent().toPlainString(), a.tax().toPlainString(), a.total().toPlainString());
            }
            table.print(System.out);
            ShellTable sums = new ShellTable();
            for (String column : List.of("Totals (" + totals.currency() + ")", "Subtotal", "Discount", "Net", "Tax",
                    "Total")) {
                sums.column(column);
            }
            totals.byCostType().forEach((costType, a) -> row(sums, costType, a));
            row(sums, "All", totals.overall());
            sums.print(System.out);
            return null;
        });
        return null;
    }

    private static void row(ShellTable table, String name, LineAmounts a) {
        table.addRow().addContent(name, a.amount().toPlainString(), a.discount().toPlainString(),
                a.net().toPlainString(), a.tax().toPlainString(), a.total().toPlainString());
    }
}
