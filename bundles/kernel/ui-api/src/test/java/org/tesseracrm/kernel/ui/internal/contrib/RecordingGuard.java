package org.tesseracrm.kernel.ui.internal.contrib;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.module.DegradedContribution;
import org.tesseracrm.kernel.api.module.SafeCaller;

/** Isolates like the kernel's guard (without its pool) and remembers what failed, as "operation". */
public final class RecordingGuard implements SafeCaller {
    /** The operations that failed, in order; "!" marks the ones called with a timeout. */
    public final List<String> failed = new ArrayList<>();

    @Override
    public <T> Optional<T> call(Object contribution, String operation, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (CrmException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            failed.add(operation);
            return Optional.empty();
        }
    }

    @Override
    public <T> Optional<T> callWithTimeout(Object contribution, String operation, Supplier<T> call) {
        return call(contribution, "!" + operation, call);
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
