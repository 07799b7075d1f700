package org.tesseracrm.activities.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;

/**
 * The activity service's own rules that need no database: finding participants, the position of a
 * check-in, click-to-call; each refused before anything is written (the database fakes fail on use).
 */
class ActivityServiceTest {
    private final List<String> asked = new ArrayList<>();

    @Test
    void participantsAreSearchedFromThreeCharactersInEveryOtherTypeTheCallerMayViewByLabel() {
        ActivityService service = service(Set.of("activities.view", "contacts.view", "companies.view"));

        assertEquals(List.of(), service.participantsMatching(" ad "));
        assertEquals(List.of(), asked, "fewer than three characters ask nothing");

        List<RecordRef> found = service.participantsMatching("  ada ");

        assertEquals(List.of("lookup company ada 5", "lookup contact ada 5"), asked,
                "Company before Contact by label; activities and leads (no leads.view) are not searched");
        assertEquals(List.of("company", "contact"), found.stream().map(RecordRef::recordType).toList());
    }

    @Test
    void findingParticipantsNeedsTheActivitiesViewPermission() {
        assertThrows(PermissionDeniedException.class, () -> service(Set.of("contacts.view"))
                .participantsMatching("ada"));
        assertEquals(List.of(), asked);
    }

    @Test
    void aCheckInAtAnImpossiblePositionIsRefusedBeforeAnythingIsReadOrWritten() {
        ActivityService service = service(Set.of("activities.create", "contacts.view"));

        for (double[] position : new double[][] {{91, 0}, {-90.5, 10}, {45, 180.1}, {0, -181}}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> service.checkIn("contact", 7, position[0], position[1]));
            assertEquals(List.of("position"), e.errors().stream().map(FieldError::field).toList());
        }
        assertEquals(List.of(), asked);
    }

    @Test
    void aCheckInOnARecordTheCallerDoesNotSeeOrOfAnUninstalledTypeIsNotFound() {
        ActivityService service = service(Set.of("activities.create", "contacts.view"));

        assertThrows(NotFoundException.class, () -> service.checkIn("contact", 99, null, null));
        assertThrows(NotFoundException.class, () -> service.checkIn("invoice", 1, null, null));
    }

    @Test
    void clickToCallGivesTheFirstFilledPhoneOfARecordTheCallerMayView() {
        ActivityService service = service(Set.of("activities.view", "contacts.view"));

        assertEquals(Optional.of("+44 20 7946 0000"), service.phoneOf("contact", 7));
        assertEquals(Optional.empty(), service.phoneOf("company", 7), "no companies.view");
        assertEquals(Optional.empty(), service.phoneOf("invoice", 7), "not installed");
    }

    // ---- fakes

    private ActivityService service(Set<String> permissions) {
        return new ActivityService(records(), access(permissions), failing(DataSource.class), failing(TransactionScope.class),
                () -> "db/changelog/activities.yaml", ActivitiesConfig.Fixed.of(24, 5), failing(AuditTrail.class),
                types());
    }

    private Records records() {
        return (Records) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Records.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        asked.add("lookup " + args[0] + " " + args[1] + " " + args[2]);
                        yield List.of(new RecordRef((String) args[0], 1, "Ada"));
                    }
                    case "titles" -> {
                        asked.add("titles " + args[0]);
                        @SuppressWarnings("unchecked")
                        List<Long> ids = List.copyOf((java.util.Collection<Long>) args[1]);
                        yield ids.contains(7L) ? new java.util.HashMap<>(Map.of(7L, "Ada Lovelace"))
                                : new java.util.HashMap<Long, String>();
                    }
                    case "get" -> Optional.of(new RecordRow(7, 1, Map.of("name", "Ada", "fax", "+44 20 7946 0001",
                            "mobile", "+44 20 7946 0000")));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static AccessControl access(Set<String> permissions) {
        return (AccessControl) Proxy.newProxyInstance(ActivityServiceTest.class.getClassLoader(),
                new Class<?>[] {AccessControl.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "require" -> {
                        if (!permissions.contains(args[0])) {
                            throw new PermissionDeniedException("Not allowed: " + args[0]);
                        }
                        yield new Caller("ann");
                    }
                    case "permitted" -> permissions.contains(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Contacts (a blank phone, then a mobile), companies, leads and activities. */
    private static RecordTypes types() {
        List<RecordType> all = List.of(type("contact", "contacts", "Contact"), type("company", "companies", "Company"),
                type("lead", "leads", "Lead"), type(ActivityRecordType.ID, "activities", "Activity"));
        return (RecordTypes) Proxy.newProxyInstance(ActivityServiceTest.class.getClassLoader(),
                new Class<?>[] {RecordTypes.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "all" -> all;
                    case "find" -> all.stream().filter(t -> t.id().equals(args[0])).findFirst();
                    case "require" -> all.stream().filter(t -> t.id().equals(args[0])).findFirst().orElseThrow();
                    case "neutralTitle" -> InvocationHandler.invokeDefault(proxy, method, args);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static RecordType type(String id, String module, String label) {
        List<FieldDefinition> fields = List.of(FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, 100),
                FieldDefinition.predefined("fax", "Phone", FieldType.TEXT, "FAX", false, 40),
                FieldDefinition.predefined("phone", "Phone", FieldType.PHONE, "PHONE", false, 40),
                FieldDefinition.predefined("mobile", "Mobile", FieldType.PHONE, "MOBILE", false, 40));
        return (RecordType) Proxy.newProxyInstance(ActivityServiceTest.class.getClassLoader(),
                new Class<?>[] {RecordType.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "moduleId" -> module;
                    case "label" -> label;
                    case "fields" -> fields;
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    case "toString" -> id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** @return a collaborator that must not be used: the database and the audit trail */
    private static <T> T failing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(ActivityServiceTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new AssertionError(type.getSimpleName() + "." + method.getName() + " was used");
                }));
    }
}
