package org.tesseracrm.kernel.rest.internal.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.rest.internal.Problem;
import org.tesseracrm.kernel.rest.internal.Problem.FieldProblem;
import org.tesseracrm.kernel.rest.internal.ProblemException;

class BulkWriterTest {

    @Test
    void anAtomicFailureNamesTheRecordByItsIndex() {
        Problem refused = new Problem(Problem.ABOUT_BLANK, "Unprocessable Content", 422, "The input was refused.", null,
                List.of(new FieldProblem("email", "Not an e-mail address."), new FieldProblem("", "A rule.")));
        Problem answer = BulkWriter.atomicFailure(3, refused).problem();
        assertEquals(422, answer.status());
        assertEquals(List.of(new FieldProblem("records[3].email", "Not an e-mail address."),
                new FieldProblem("records[3]", "A rule.")), answer.errors());
        assertEquals("The record at index 3 was refused, so nothing was saved (mode atomic): The input was refused.",
                answer.detail());
    }

    @Test
    void anAtomicFailureWithoutFieldsKeepsItsStatusAndDetail() {
        Problem answer = BulkWriter.atomicFailure(0, new Problem(Problem.ABOUT_BLANK, "Forbidden", 403,
                "You may not do this.", null, List.of())).problem();
        assertEquals(403, answer.status());
        assertEquals(List.of(new FieldProblem("records[0]", "You may not do this.")), answer.errors());
    }

    @Test
    void refusesAMissingModeNoRecordsAndMoreThanAThousand() {
        BulkWriter bulk = new BulkWriter(null, null);
        ProblemException none = assertThrows(ProblemException.class, () -> bulk.run(null, Fields.CONTACT,
                new BulkWriter.BulkRequest(null, List.of())));
        assertEquals(400, none.problem().status());
        assertEquals(List.of("mode", "records"), none.problem().errors().stream().map(FieldProblem::field).toList());
        List<Map<String, Object>> many = new ArrayList<>(Collections.nCopies(1_001, Map.of("lastName", "X")));
        ProblemException tooMany = assertThrows(ProblemException.class, () -> bulk.run(null, Fields.CONTACT,
                new BulkWriter.BulkRequest("each", many)));
        assertEquals("records", tooMany.problem().errors().get(0).field());
    }
}
