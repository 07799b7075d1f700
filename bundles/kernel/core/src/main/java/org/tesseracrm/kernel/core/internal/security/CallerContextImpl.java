package org.tesseracrm.kernel.core.internal.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/** Keeps the caller per thread; {@link #callAs} always restores what was there before. */
@Component(service = CallerContext.class)
public class CallerContextImpl implements CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    @Override
    public Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public <T> T callAs(Caller caller, Supplier<T> work) {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
