package org.tesseracrm.kernel.rest.internal;

import java.util.List;

/**
 * An answer a resource gives as a problem document with a status the kernel's exception family has no member for
 * (400 for a query that does not parse, 412 and 428 for {@code If-Match}, 413, 415), thrown from a resource method;
 * {@link ProblemMapper} answers its {@link #problem()} as it is.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /**
     * @param status the HTTP status, 4xx
     * @param detail what went wrong, for the user
     * @param errors the refused fields or parameters, by name; may be empty
     */
    public ProblemException(int status, String detail, List<Problem.FieldProblem> errors) {
        super(detail, null, false, false); // an expected answer: no stack trace to fill
        this.problem = new Problem(Problem.ABOUT_BLANK, ProblemMapper.title(status), status, detail, null,
                List.copyOf(errors));
    }

    /**
     * @param status the HTTP status, 4xx
     * @param detail what went wrong, for the user
     */
    public ProblemException(int status, String detail) {
        this(status, detail, List.of());
    }

    /** @return the document to answer */
    public Problem problem() {
        return problem;
    }
}
