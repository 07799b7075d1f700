package org.tesseracrm.contacts.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.Query;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Turns a {@link RecordQuery} into JPQL. Sort fields come from a fixed list (never from the caller's
 * text), the filter text is a bound parameter with LIKE wildcards escaped, record visibility is an
 * {@code owner IN} condition in the same query, and the id is always the last sort key so pages are
 * stable.
 */
final class ContactQuery {
    static final Set<String> SORTABLE = Set.of("firstName", "lastName", "email", "phone", "companyName", "owner",
            "createdAt", "updatedAt");
    static final List<String> SEARCHED = List.of("firstName", "lastName", "email", "companyName");

    private ContactQuery() {
    }

    /**
     * @return {@code SELECT} JPQL for the query, with parameter {@code :text} when it has a text and
     *     {@code :owners} unless the caller sees every contact
     */
    static String select(RecordQuery query, Visibility visible) {
        return "SELECT c FROM Contact c" + where(query.text(), visible) + orderBy(query.sort());
    }

    /** @return {@code COUNT} JPQL, with the same parameters as {@link #select} */
    static String count(Optional<String> text, Visibility visible) {
        return "SELECT COUNT(c) FROM Contact c" + where(text, visible);
    }

    /** Binds {@code :owners} when the query has it. */
    static void bindOwners(Query query, Visibility visible) {
        if (!visible.all()) {
            query.setParameter("owners", visible.owners());
        }
    }

    /** @return the value to bind to {@code :text}: lower case, wildcards escaped, wrapped in % */
    static String pattern(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String where(Optional<String> text, Visibility visible) {
        List<String> conditions = new ArrayList<>();
        text.ifPresent(t -> conditions.add(SEARCHED.stream().map(f -> "LOWER(c." + f + ") LIKE :text ESCAPE '\\'")
                .collect(Collectors.joining(" OR ", "(", ")"))));
        if (!visible.all()) {
            conditions.add("c.owner IN :owners");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String orderBy(List<SortOrder> requested) {
        List<SortOrder> sort = requested.isEmpty() ? ContactRecordType.DEFAULT_SORT : requested;
        List<FieldError> errors = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (SortOrder order : sort) {
            if (!SORTABLE.contains(order.field())) {
                errors.add(new FieldError("sort", "Contacts cannot be sorted by '" + order.field() + "'."));
            } else {
                keys.add("c." + order.field() + (order.ascending() ? " ASC" : " DESC"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        keys.add("c.id ASC");
        return " ORDER BY " + String.join(", ", keys);
    }
}
