package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.module.DegradedContribution;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;

class RecordTypeRegistryTest {
    /** Isolates like the kernel's guard and remembers what it isolated. */
    private static final class RecordingGuard implements SafeCaller {
        final List<String> failed = new ArrayList<>();

        @Override
        public <T> Optional<T> call(Object contribution, String operation, Supplier<T> call) {
            try {
                return Optional.ofNullable(call.get());
            } catch (RuntimeException e) {
                failed.add(operation);
                return Optional.empty();
            }
        }

        @Override
        public <T> Optional<T> callWithTimeout(Object contribution, String operation, Supplier<T> call) {
            return call(contribution, operation, call);
        }

        @Override
        public <T> T require(Object contribution, String operation, Supplier<T> call) {
            try {
                return call.get();
            } catch (CrmException e) {
                throw e;
            } catch (RuntimeException e) {
                failed.add(operation);
                throw new CrmException("refused");
            }
        }

        @Override
        public List<DegradedContribution> degraded() {
            return List.of();
        }
    }

    private final RecordingGuard guard = new RecordingGuard();
    private final RecordTypeRegistry registry = new RecordTypeRegistry(guard);

    /** People whose check and title are broken. */
    private static final class BrokenPeople extends SearchSqlTest.Delegating {
        BrokenPeople() {
            super(new PeopleType());
        }

        @Override
        public List<FieldError> check(Map<String, Object> values) {
            throw new IllegalStateException("rules table missing");
        }

        @Override
        public String title(RecordRow row) {
            throw new IllegalStateException("no title");
        }
    }

    @Test
    void readersGetASnapshotThatLaterChangesLeaveAlone() {
        PeopleType people = new PeopleType();
        List<RecordType> before = registry.all();
        registry.addType(people);
        assertEquals(List.of(), before);
        assertEquals(List.of("person"), registry.all().stream().map(RecordType::id).toList());
        List<RecordType> installed = registry.all();
        registry.removeType(people);
        assertEquals(1, installed.size());
        assertEquals(List.of(), registry.all());
        assertThrows(NotFoundException.class, () -> registry.require("person"));
    }

    @Test
    void listenersHearTypesComeAndGoAndABrokenListenerStopsNoOther() {
        List<String> heard = new ArrayList<>();
        registry.addListener(new RecordTypes.Listener() {
            @Override
            public void added(RecordType type) {
                throw new IllegalStateException("broken listener");
            }
        });
        RecordTypes.Listener listener = new RecordTypes.Listener() {
            @Override
            public void added(RecordType type) {
                heard.add("+" + type.id());
            }

            @Override
            public void removed(RecordType type) {
                heard.add("-" + type.id());
            }
        };
        registry.addListener(listener);
        PeopleType people = new PeopleType();
        registry.addType(people);
        registry.removeType(people);
        registry.removeType(people);
        registry.removeListener(listener);
        registry.addType(people);
        assertEquals(List.of("+person", "-person"), heard);
        assertEquals(List.of("added", "added"), guard.failed);
    }

    @Test
    void aTypeWhoseIdCannotBeReadIsSkipped() {
        registry.addType(new SearchSqlTest.Delegating(new PeopleType()) {
            @Override
            public String id() {
                throw new IllegalStateException("broken");
            }
        });
        assertEquals(List.of(), registry.all());
        assertEquals(List.of("id"), guard.failed);
    }

    @Test
    void aBrokenCheckRefusesTheWriteAndABrokenTitleNamesTheRecordNeutrally() {
        registry.addType(new BrokenPeople());
        RecordType type = registry.require("person");
        assertThrows(CrmException.class, () -> type.check(Map.of("name", "Ada")));
        assertEquals("Person #7", type.title(new RecordRow(7, 0, Map.of("name", "Ada"))));
        assertEquals(List.of("check", "title"), guard.failed);
    }

    @Test
    void aBrokenSharedRowsRuleRefusesTheReadInsteadOfShowingWhatItHides() {
        registry.addType(new SearchSqlTest.Delegating(new PeopleType()) {
            @Override
            public Optional<org.tesseracrm.kernel.api.record.SharedRows> sharedRows() {
                throw new IllegalStateException("broken");
            }
        });
        assertThrows(CrmException.class, () -> registry.require("person").sharedRows());
        assertEquals(List.of("sharedRows"), guard.failed);
    }

    @Test
    void aWorkingTypeAnswersAsTheModuleDoes() {
        registry.addType(new PeopleType());
        RecordType type = registry.require("person");
        assertEquals("Ada", type.title(new RecordRow(7, 0, Map.of("name", "Ada"))));
        assertEquals(new PeopleType().check(Map.of("name", "ADA!")), type.check(Map.of("name", "ADA!")));
        assertEquals(new PeopleType().ids(), type.ids());
        assertEquals(List.of(), guard.failed);
    }

    @Test
    void theGuardedTypeOverridesEveryMethodSoNoneFallsBackToTheInterfaceDefault() throws NoSuchMethodException {
        for (Method method : RecordType.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method declared = GuardedRecordType.class.getMethod(method.getName(), method.getParameterTypes());
            assertEquals(GuardedRecordType.class, declared.getDeclaringClass(), method.toString());
        }
        assertTrue(RecordType.class.getMethods().length >= 16);
    }
}
