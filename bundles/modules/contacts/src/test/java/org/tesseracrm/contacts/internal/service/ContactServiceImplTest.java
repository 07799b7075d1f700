package org.tesseracrm.contacts.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.contacts.api.ContactData;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

class ContactServiceImplTest {
    private static final RecordRow ADA = new RecordRow(7, 3, Map.of("firstName", "Ada", "lastName", "Lovelace",
            "email", "ada@example.org", "owner", "rep", "createdAt", LocalDateTime.of(2026, 12, 4, 9, 30),
            "updatedAt", LocalDateTime.of(2026, 12, 4, 10, 0)));

    private final List<String> calls = new ArrayList<>();
    private boolean seenAfterAssign = true;

    @Test
    void writesTheInputAsTypedValuesWhereEmptyClears() {
        RecordValues values = ContactServiceImpl.values(new ContactInput("Ada", "Lovelace", "", null, "Engines"));
        assertEquals(Optional.of("Ada"), values.value("firstName"));
        assertEquals(Optional.of(""), values.value("phone"), "empty: the platform clears the field");
        assertEquals(Map.of(), values.texts(), "nothing is handed over as text to parse");
    }

    @Test
    void readsARecordRowIntoTheApisContact() {
        ContactData ada = ContactServiceImpl.data(ADA);
        assertEquals(new ContactData(7, "Ada", "Lovelace", "ada@example.org", "", "", "rep",
                Instant.parse("2026-12-04T09:30:00Z"), Instant.parse("2026-12-04T10:00:00Z"), 3), ada);
    }

    @Test
    void refusesACallerWithoutThePermissionBeforeTheRecordPlatformIsAsked() {
        ContactServiceImpl service = new ContactServiceImpl(records(), access(false), null);
        assertThrows(PermissionDeniedException.class, () -> service.create(new ContactInput("", "X", "", "", "")));
        assertThrows(PermissionDeniedException.class, () -> service.count(Optional.empty()));
        assertEquals(List.of("require contacts.create", "require contacts.view"), calls);
    }

    @Test
    void assignsOnlyTheVersionTheCallerRead() {
        ContactServiceImpl service = new ContactServiceImpl(records(), access(true), null);
        assertThrows(ConflictException.class, () -> service.assign(7, 2, "rep2"));
        assertEquals(List.of("require contacts.edit", "get contact"), calls, "nothing assigned");
        calls.clear();
        assertEquals("rep", service.assign(7, 3, "rep2").owner());
        assertEquals(List.of("require contacts.edit", "get contact", "assign contact", "get contact"), calls);
    }

    @Test
    void aContactHandedOutOfSightComesBackWithItsNewOwnerAndVersion() {
        seenAfterAssign = false;
        ContactData handed = new ContactServiceImpl(records(), access(true), null).assign(7, 3, "peer");
        assertEquals(List.of("peer", 4L, "Lovelace"), List.of(handed.owner(), handed.version(), handed.lastName()));
    }

    private Records records() {
        return (Records) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Records.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + " " + args[0]);
                    return switch (method.getName()) {
                        case "get" -> calls.contains("assign contact") && !seenAfterAssign ? Optional.empty()
                                : Optional.of(ADA);
                        case "assign" -> 1L;
                        default -> throw new AssertionError("unexpected " + method);
                    };
                });
    }

    private AccessControl access(boolean permitted) {
        return (AccessControl) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AccessControl.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + " " + args[0]);
                    if (!permitted) {
                        throw new PermissionDeniedException("no " + args[0]);
                    }
                    return null;
                });
    }
}
