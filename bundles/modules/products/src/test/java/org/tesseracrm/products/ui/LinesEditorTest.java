package org.tesseracrm.products.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.ProductFields;

/** The editor's model without a browser: lines in, lines out, order, totals, read-only. */
class LinesEditorTest {
    private final List<String> calls = new ArrayList<>();

    @Test
    void storedLinesComeBackAsInputsKeepingTheirIdsAndTheTotalsAddUp() {
        LinesEditor editor = new LinesEditor(service(LineItems.class), service(Records.class), "EUR");
        LineItem licence = line(11, 1, "Licence", ProductFields.MONTHLY, "19.99", "10", "5", "21");
        LineItem setup = line(12, 2, "Setup", ProductFields.ONE_TIME, "500.00", "1", "0", "0");
        editor.setLines(List.of(licence, setup));
        assertEquals(List.of(licence.toInput(), setup.toInput()), editor.getLines());
        // 229.78 monthly + 500.00 one time
        DocumentTotals totals = editor.getTotals();
        assertEquals(new BigDecimal("229.78"), totals.byCostType().get(ProductFields.MONTHLY).total());
        assertEquals(new BigDecimal("500.00"), totals.byCostType().get(ProductFields.ONE_TIME).total());
        assertEquals(new BigDecimal("729.78"), totals.overall().total());
        List<DocumentTotals> heard = new ArrayList<>();
        editor.addTotalsListener(heard::add);
        editor.moveLine(1, -1);
        assertEquals(List.of(12L, 11L), editor.getLines().stream().map(l -> l.id().orElseThrow()).toList());
        editor.moveLine(0, -1);
        assertEquals(List.of(12L, 11L), editor.getLines().stream().map(l -> l.id().orElseThrow()).toList(),
                "the first line does not move up");
        editor.removeLine(0);
        assertEquals(List.of(licence.toInput()), editor.getLines());
        assertEquals(new BigDecimal("229.78"), heard.get(heard.size() - 1).overall().total(), "listeners hear totals");
        editor.addButton().click();
        LineInput added = editor.getLines().get(1);
        assertEquals(new LineInput(Optional.empty(), 0, "", BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.ZERO), added, "a new line starts with quantity 1 and no product");
        assertEquals(List.of(), calls, "nothing is saved or proposed until asked");
    }

    @Test
    void aCurrencyChangeRecomputesAndReadOnlyHidesTheButtons() {
        LinesEditor editor = new LinesEditor(service(LineItems.class), service(Records.class), "EUR");
        editor.setLines(List.of(line(1, 1, "Yen thing", ProductFields.ON_DEMAND, "0.5", "3", "0", "0")));
        assertEquals(new BigDecimal("1.50"), editor.getTotals().overall().total());
        editor.setCurrency("JPY");
        // 3 x 0.5 = 1.5 -> 2 yen (half up)
        assertEquals(new BigDecimal("2"), editor.getTotals().overall().total());
        editor.setReadOnly(true);
        assertTrue(editor.isReadOnly());
        assertFalse(editor.addButton().isVisible());
    }

    private static LineItem line(long id, int position, String name, String costType, String price, String quantity,
            String discount, String tax) {
        BigDecimal p = new BigDecimal(price);
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal d = new BigDecimal(discount);
        BigDecimal t = new BigDecimal(tax);
        return new LineItem(id, position, id * 10, "C-" + id, name, "", costType, p, q, d, t,
                LineAmounts.of(p, q, d, t, "EUR"));
    }

    private <T> T service(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method,
                args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : null;
            }
            calls.add(method.getName());
            throw new UnsupportedOperationException(method.getName());
        }));
    }
}
