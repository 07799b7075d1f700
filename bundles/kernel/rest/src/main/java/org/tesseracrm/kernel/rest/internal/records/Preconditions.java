package org.tesseracrm.kernel.rest.internal.records;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.rest.internal.Problem.FieldProblem;
import org.tesseracrm.kernel.rest.internal.ProblemException;

import jakarta.ws.rs.core.EntityTag;

/**
 * ETags and {@code If-Match}: a record's ETag is its version in quotes ({@code "3"}); a change names the version
 * it was made on in {@code If-Match}, so that a change made meanwhile by someone else is refused (412) instead of
 * overwritten.
 */
final class Preconditions {
    private static final Pattern STRONG = Pattern.compile("\"([0-9]{1,18})\"");

    private Preconditions() {
    }

    /**
     * @param version a record's version
     * @return its ETag
     */
    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * @param header the {@code If-Match} header, or null if absent
     * @param required whether the call needs it
     * @return the version it names; empty for none ({@code *}, or absent where not required)
     * @throws ProblemException 428 if required and absent, 400 if it is not one ETag as GET gives it
     */
    static OptionalLong ifMatch(String header, boolean required) {
        if (header == null || header.isBlank()) {
            if (required) {
                throw new ProblemException(428, "A change needs the header If-Match with the ETag of the record as you "
                        + "read it (e.g. If-Match: \"3\"), so that it cannot overwrite someone else's change.");
            }
            return OptionalLong.empty();
        }
        String value = header.strip();
        if (value.equals("*")) {
            return OptionalLong.empty();
        }
        Matcher strong = STRONG.matcher(value);
        if (!strong.matches()) {
            throw new ProblemException(400, "If-Match takes the ETag of the record exactly as GET gave it, e.g. \"3\" "
                    + "with the quotes.", List.of(new FieldProblem(
                            "If-Match", "Not an ETag of this API: " + value)));
        }
        return OptionalLong.of(Long.parseLong(strong.group(1)));
    }

    /**
     * @param version the version If-Match named
     * @return the answer to a change refused because the record changed since that version
     */
    static ProblemException stale(long version) {
        return new ProblemException(412, "The record changed since version " + version + " was read: someone else "
                + "saved it. Read it again (GET gives its new ETag), then repeat the change.");
    }
}
