package org.tesseracrm.products.internal.shell;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.products.api.QuantityRange;

/** What the shell commands share: a price list by id or name, a product by code, a range as text. */
final class ShellLookup {
    private ShellLookup() {
    }

    /** @return the list whose id or name (any case) is given */
    static PriceList list(PriceLists lists, String idOrName) {
        String wanted = idOrName.strip();
        return lists.lists().stream().filter(l -> String.valueOf(l.id()).equals(wanted) || l.name().equalsIgnoreCase(wanted))
                .findFirst().orElseThrow(() -> new NotFoundException("No price list has the id or name " + wanted));
    }

    /** @return the product with the code (any case), as the caller sees it */
    static RecordRow product(Records records, String code) {
        List<RecordRow> found = records.page(ProductFields.RECORD_TYPE, RecordQuery.page(0, 10)
                .withFilters(List.of(Filter.of(ProductFields.CODE, FilterOp.EQUALS, code.strip()))));
        return found.stream().filter(r -> r.text(ProductFields.CODE).equalsIgnoreCase(code.strip())).findFirst()
                .orElseThrow(() -> new NotFoundException("No product has the code " + code.strip()));
    }

    /** @return "10-49: 5 %" or "50 and more: 10 %" */
    static String text(QuantityRange range) {
        String to = range.to().map(t -> "-" + t.toPlainString()).orElse(" and more");
        return range.from().toPlainString() + to + ": " + range.discountPercent().toPlainString() + " %";
    }

    /** @return the range's upper end from a text, "-" or "" for none */
    static Optional<java.math.BigDecimal> upper(String text) {
        return text == null || text.isBlank() || text.strip().equals("-") ? Optional.empty()
                : Optional.of(new java.math.BigDecimal(text.strip()));
    }
}
