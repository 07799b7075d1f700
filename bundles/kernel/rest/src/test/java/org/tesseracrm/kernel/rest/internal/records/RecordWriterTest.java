package org.tesseracrm.kernel.rest.internal.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.rest.internal.Problem.FieldProblem;
import org.tesseracrm.kernel.rest.internal.ProblemException;

class RecordWriterTest {

    @Test
    void fieldsTheTypeDoesNotHaveAre400EachByName() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lastName", "Lovelace");
        json.put("shoeSize", 38);
        json.put("cf_budget", 10);
        json.put("colour", "red");
        ProblemException refused = assertThrows(ProblemException.class,
                () -> RecordWriter.requireKnown(Fields.CONTACT, json, Set.of()));
        assertEquals(400, refused.problem().status());
        assertEquals(List.of("shoeSize", "colour"), refused.problem().errors().stream().map(FieldProblem::field).toList());
    }

    @Test
    void idVersionAndTheNamesACallIgnoresAreKnown() {
        RecordWriter.requireKnown(Fields.CONTACT, Map.of("id", 1, "version", 2, "lastName", "X", "extra", 1), Set.of("extra"));
    }
}
