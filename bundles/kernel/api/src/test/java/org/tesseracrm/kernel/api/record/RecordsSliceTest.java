package org.tesseracrm.kernel.api.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;

/** The default {@link Records#slice}: an offset cursor over {@link Records#page}, for implementations without keysets. */
class RecordsSliceTest {
    private static final List<RecordRow> ROWS = LongStream.rangeClosed(1, 7)
            .mapToObj(id -> new RecordRow(id, 1, Map.of())).toList();

    private final Records records = (Records) Proxy.newProxyInstance(Records.class.getClassLoader(),
            new Class<?>[] {Records.class}, (InvocationHandler) (proxy, method, args) -> {
                if (method.getName().equals("page")) {
                    RecordQuery query = (RecordQuery) args[1];
                    return ROWS.subList(Math.min(query.offset(), ROWS.size()),
                            Math.min(query.offset() + query.limit(), ROWS.size()));
                }
                return InvocationHandler.invokeDefault(proxy, method, args);
            });

    @Test
    void walksEveryRowOnceAndTheLastPageHasNoCursor() {
        List<RecordRow> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            RecordSlice slice = records.slice("contact", RecordQuery.page(999, 3), cursor);
            seen.addAll(slice.rows());
            cursor = slice.next();
            pages++;
        } while (cursor.isPresent());
        assertEquals(ROWS, seen);
        assertEquals(3, pages);
    }

    @Test
    void atTheLargestPageSizeAFullPageStillHasANextCursor() {
        RecordSlice first = records.slice("contact", RecordQuery.page(0, RecordQuery.MAX_LIMIT), Optional.empty());
        assertEquals(ROWS, first.rows());
        assertEquals(Optional.empty(), first.next(), "fewer rows than the page size: the last page");
        List<RecordRow> many = LongStream.rangeClosed(1, RecordQuery.MAX_LIMIT + 5)
                .mapToObj(id -> new RecordRow(id, 1, Map.of())).toList();
        Records big = (Records) Proxy.newProxyInstance(Records.class.getClassLoader(), new Class<?>[] {Records.class},
                (InvocationHandler) (proxy, method, args) -> {
                    if (method.getName().equals("page")) {
                        RecordQuery query = (RecordQuery) args[1];
                        return many.subList(Math.min(query.offset(), many.size()),
                                Math.min(query.offset() + query.limit(), many.size()));
                    }
                    return InvocationHandler.invokeDefault(proxy, method, args);
                });
        RecordSlice full = big.slice("contact", RecordQuery.page(0, RecordQuery.MAX_LIMIT), Optional.empty());
        assertEquals(RecordQuery.MAX_LIMIT, full.rows().size());
        RecordSlice rest = big.slice("contact", RecordQuery.page(0, RecordQuery.MAX_LIMIT), full.next());
        assertEquals(5, rest.rows().size());
        assertEquals(Optional.empty(), rest.next());
    }

    @Test
    void refusesACursorItDidNotGive() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> records.slice("contact", RecordQuery.page(0, 3), Optional.of("k123")));
        assertEquals("cursor", refused.errors().get(0).field());
    }
}
