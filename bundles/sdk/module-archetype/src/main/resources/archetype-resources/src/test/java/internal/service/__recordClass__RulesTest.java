package ${package}.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

class ${recordClass}RulesTest {

    @Test
    void aNegativeAmountIsRefusedOnItsField() {
        assertEquals(List.of(new FieldError("amount", "The amount cannot be negative.")),
                ${recordClass}Rules.check(Map.of("name", "Mug", "amount", new BigDecimal("-0.01"))));
    }

    @Test
    void zeroAPositiveAndNoAmountAreFine() {
        assertEquals(List.of(), ${recordClass}Rules.check(Map.of("name", "Mug", "amount", BigDecimal.ZERO)));
        assertEquals(List.of(), ${recordClass}Rules.check(Map.of("name", "Mug", "amount", new BigDecimal("12.5"))));
        assertEquals(List.of(), ${recordClass}Rules.check(Map.of("name", "Mug")));
    }

    @Test
    void theServiceChecksThePermissionBeforeItTouchesAnyRecord() {
        List<String> calls = new ArrayList<>();
        AccessControl denying = fake(AccessControl.class, (method, args) -> {
            calls.add("require " + args[0]);
            throw new PermissionDeniedException("no " + args[0]);
        });
        Records records = fake(Records.class, (method, args) -> {
            calls.add(method);
            return null;
        });
        ${recordClass}ServiceImpl service = new ${recordClass}ServiceImpl(records, denying, null);

        assertThrows(PermissionDeniedException.class, () -> service.create("Mug", BigDecimal.TEN, ""));
        assertThrows(PermissionDeniedException.class, () -> service.largest(10));
        assertEquals(List.of("require ${moduleId}.create", "require ${moduleId}.view"), calls);
    }

    @Test
    void largestRefusesALimitOutOfRange() {
        AccessControl allowing = fake(AccessControl.class, (method, args) -> null);
        Records records = fake(Records.class, (method, args) -> List.of());
        ${recordClass}ServiceImpl service = new ${recordClass}ServiceImpl(records, allowing, null);

        var refused = assertThrows(org.tesseracrm.kernel.api.ValidationException.class, () -> service.largest(0));
        assertEquals("limit", refused.errors().get(0).field());
        assertTrue(service.largest(${recordClass}ServiceImpl.LARGEST_MAX).isEmpty());
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
