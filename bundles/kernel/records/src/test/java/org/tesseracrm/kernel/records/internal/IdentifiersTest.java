package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordType;

/** The names a record type puts into SQL are plain identifiers, checked when it registers. */
class IdentifiersTest {
    @Test
    void acceptsPlainUpperCaseNames() {
        RecordType people = new PeopleType();
        assertEquals(List.of(), Identifiers.problems(people));
        assertSame(people, Identifiers.checked(people));
    }

    @Test
    void refusesATableWithSqlInItsNameAColumnInLowerCaseAndAQuotedIdTable() {
        RecordType bad = new SearchSqlTest.Delegating(new PeopleType()) {
            @Override
            public String table() {
                return "T_PERSON; DROP TABLE CRM_USER";
            }

            @Override
            public List<FieldDefinition> fields() {
                return List.of(FieldDefinition.predefined("name", "Name", FieldType.TEXT, "name", true, 100));
            }

            @Override
            public Optional<IdGenerator> ids() {
                return Optional.of(new IdGenerator("\"IDS\"", "GEN_NAME", "GEN_VALUE", "PERSON"));
            }
        };
        List<String> problems = Identifiers.problems(bad);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("table \"T_PERSON; DROP TABLE CRM_USER\""));
        assertTrue(problems.get(1).contains("column of field name"));
        assertTrue(problems.get(2).contains("id table"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Identifiers.checked(bad));
        assertTrue(refused.getMessage().startsWith("Record type person refused: "));
    }

    @Test
    void refusesNamesLongerThanThirtyAndTypeIdsThatCannotNameAnIndex() {
        assertTrue(Identifiers.NAME.matcher("A".repeat(30)).matches());
        assertTrue(!Identifiers.NAME.matcher("A".repeat(31)).matches());
        assertTrue(!Identifiers.TYPE_ID.matcher("follow-up").matches());
        assertTrue(Identifiers.TYPE_ID.matcher("follow_up").matches());
    }
}
