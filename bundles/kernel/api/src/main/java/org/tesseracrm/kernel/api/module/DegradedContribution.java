package org.tesseracrm.kernel.api.module;

import java.time.Instant;
import java.util.Objects;

/**
 * A contribution of a module that failed when the kernel called it, as {@link SafeCaller} reports it.
 *
 * @param bundle the symbolic name of the bundle that registered it
 * @param module the module id of that bundle, empty if the bundle is no module
 * @param contribution the class of the contribution, e.g. {@code com.acme.internal.ui.PointsPanel}
 * @param operation what failed, e.g. {@code create}
 * @param failure the first failure, one line (exception and message, or the timeout)
 * @param since when it first failed
 * @param failures how often it failed or was skipped since
 * @since module 1.2
 */
public record DegradedContribution(String bundle, String module, String contribution, String operation,
        String failure, Instant since, long failures) {
    /** Checks the values. */
    public DegradedContribution {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(contribution, "contribution");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(since, "since");
    }

    /** @return one line for a log or a health detail, e.g. "org.acme.points: PointsPanel.create failed: ..." */
    public String describe() {
        String simple = contribution.substring(contribution.lastIndexOf('.') + 1);
        return bundle + ": " + simple + "." + operation + " failed: " + failure;
    }
}
