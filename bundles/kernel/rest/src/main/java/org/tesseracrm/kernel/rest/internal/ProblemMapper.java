package org.tesseracrm.kernel.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Every error of the API as {@code application/problem+json} ({@link Problem}): Jakarta REST's own (no resource
 * at the address: 404, wrong method: 405, ...), the kernel's exception family (its messages are meant for
 * users), a body that is not the JSON a resource takes (400, an unknown field named), and anything else as 500
 * with an error id that is also in the log. Never a stack trace, an exception class or a database message.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("tessera.problems")
@JakartarsExtensionSelect(JsonProvider.SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {
    /** The media type of a problem document (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    /** Headers of a Jakarta REST error response a client still needs (405's Allow, 503's Retry-After, ...). */
    private static final Set<String> KEPT_HEADERS = Set.of(HttpHeaders.ALLOW.toLowerCase(Locale.ROOT),
            HttpHeaders.RETRY_AFTER.toLowerCase(Locale.ROOT), HttpHeaders.WWW_AUTHENTICATE.toLowerCase(Locale.ROOT),
            HttpHeaders.LOCATION.toLowerCase(Locale.ROOT));

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = problemFor(failure);
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            web.getResponse().getHeaders().forEach((name, values) -> {
                if (KEPT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> response.header(name, value));
                }
            });
        }
        return response.build();
    }

    /**
     * @param failure what a resource threw
     * @return the problem document for the failure; logs it with an error id when it is a server error
     */
    public static Problem problemFor(Throwable failure) {
        if (failure instanceof ProblemException answer) {
            return answer.problem();
        }
        CrmException crm = crmCause(failure);
        if (crm != null) {
            return problemFor(crm);
        }
        if (failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return Problem.of(status, title(status), clientDetail(status));
        }
        if (failure instanceof JacksonException json) {
            return unreadableBody(json);
        }
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        int status = failure instanceof WebApplicationException web && web.getResponse() != null
                ? web.getResponse().getStatus() : 500;
        LOG.error("REST request failed with {} (error id {})", status, errorId, failure);
        return new Problem(Problem.ABOUT_BLANK, title(status), status,
                "Something went wrong. If it persists, give your administrator error id " + errorId + ".", errorId,
                List.of());
    }

    private static Problem problemFor(CrmException crm) {
        if (crm instanceof ValidationException validation) {
            return new Problem(Problem.ABOUT_BLANK, title(422), 422, "The input was refused.", null,
                    validation.errors().stream().map(e -> new Problem.FieldProblem(e.field(), e.message())).toList());
        }
        int status = crm instanceof NotFoundException ? 404
                : crm instanceof PermissionDeniedException ? 403
                : crm instanceof ConflictException ? 409
                : 400;
        return Problem.of(status, title(status), crm.getMessage());
    }

    private static Problem unreadableBody(JacksonException json) {
        if (json instanceof UnrecognizedPropertyException unknown) {
            return new Problem(Problem.ABOUT_BLANK, title(400), 400, "The request body has a field this resource does not take.",
                    null, List.of(new Problem.FieldProblem(unknown.getPropertyName(), "Unknown field.")));
        }
        return Problem.of(400, title(400), "The request body is not the JSON this resource takes.");
    }

    /** @return the first exception of the kernel's family in the cause chain, or null */
    private static CrmException crmCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CrmException crm) {
                return crm;
            }
        }
        return null;
    }

    /**
     * @param status an HTTP status
     * @return its reason phrase, e.g. "Precondition Failed"
     */
    public static String title(int status) {
        if (status == 422) {
            return "Unprocessable Content"; // not in Jakarta REST 3.1's Status enum
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : Response.Status.Family.familyOf(status).name();
    }

    private static String clientDetail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take this method; the Allow header lists those it takes.";
            case 406 -> "This address cannot answer in a media type the request accepts.";
            case 415 -> "This address does not take a request body of this media type.";
            default -> null;
        };
    }
}
