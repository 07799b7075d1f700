package org.tesseracrm.kernel.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;

class ProblemMapperTest {
    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void anUnknownAddressIsA404ProblemDocument() throws Exception {
        Response response = mapper.toResponse(new jakarta.ws.rs.NotFoundException());
        assertEquals(404, response.getStatus());
        assertEquals(ProblemMapper.PROBLEM_JSON, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"There is nothing at this address.\"}", json(problem));
    }

    @Test
    void aResourcesOwnProblemIsAnsweredAsItIs() {
        ProblemException precondition = new ProblemException(428, "Send If-Match.",
                java.util.List.of(new Problem.FieldProblem("If-Match", "Missing.")));
        Response response = mapper.toResponse(precondition);
        assertEquals(428, response.getStatus());
        assertEquals(ProblemMapper.PROBLEM_JSON, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("Precondition Required", problem.title());
        assertEquals("Send If-Match.", problem.detail());
        assertEquals("If-Match", problem.errors().get(0).field());
    }

    @Test
    void aWrongMethodKeepsTheAllowHeader() {
        Response response = mapper.toResponse(new NotAllowedException("GET"));
        assertEquals(405, response.getStatus());
        assertEquals("GET", response.getHeaderString("Allow"));
    }

    @Test
    void theKernelsExceptionsGetTheirStatusAndTheirMessageForUsers() {
        assertProblem(404, "Contact 7 was not found.", new NotFoundException("Contact 7 was not found."));
        assertProblem(403, "You may not do this.", new PermissionDeniedException("You may not do this."));
        assertProblem(409, "Changed meanwhile.", new ConflictException("Changed meanwhile."));
        // found in the cause chain, as the UI does
        assertProblem(403, "You may not do this.", new IllegalStateException("wrapped",
                new PermissionDeniedException("You may not do this.")));
    }

    @Test
    void aRefusedInputNamesItsFields() throws Exception {
        Problem problem = ProblemMapper.problemFor(new ValidationException(List.of(new FieldError("email", "Not an e-mail address."))));
        assertEquals(422, problem.status());
        assertEquals(List.of(new Problem.FieldProblem("email", "Not an e-mail address.")), problem.errors());
        assertTrue(json(problem).contains("\"errors\":[{\"field\":\"email\",\"message\":\"Not an e-mail address.\"}]"));
    }

    @Test
    void anUnknownFieldInTheBodyIsRefusedByName() {
        Exception failure = assertThrowsJson("{\"status\":\"UP\",\"color\":\"red\"}");
        Problem problem = ProblemMapper.problemFor(failure);
        assertEquals(400, problem.status());
        assertEquals(List.of(new Problem.FieldProblem("color", "Unknown field.")), problem.errors());
    }

    @Test
    void anUnexpectedFailureIsA500WithAnErrorIdAndNothingOfItsInternals() throws Exception {
        Problem problem = ProblemMapper.problemFor(new IllegalStateException("relation CRM_SECRET does not exist"));
        assertEquals(500, problem.status());
        assertNotNull(problem.errorId());
        String document = json(problem);
        assertTrue(document.contains(problem.errorId()), document);
        assertFalse(document.contains("CRM_SECRET"), document);
        assertFalse(document.contains("IllegalStateException"), document);
        assertFalse(document.contains("at org."), document);
    }

    @Test
    void aClientErrorHasNoErrorId() {
        assertNull(ProblemMapper.problemFor(new jakarta.ws.rs.NotFoundException()).errorId());
    }

    private static void assertProblem(int status, String detail, Throwable failure) {
        Problem problem = ProblemMapper.problemFor(failure);
        assertEquals(status, problem.status());
        assertEquals(detail, problem.detail());
    }

    private static Exception assertThrowsJson(String body) {
        try {
            JsonProvider.mapper().readValue(body, PingResource.Ping.class);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("Jackson took an unknown field");
    }

    private static String json(Problem problem) throws Exception {
        ObjectMapper json = JsonProvider.mapper();
        return json.writeValueAsString(problem);
    }
}
