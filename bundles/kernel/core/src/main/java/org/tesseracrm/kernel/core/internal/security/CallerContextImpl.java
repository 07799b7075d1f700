package org.tesseracrm.kernel.core.internal.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Keeps the caller, and the API token a call came in with, per thread; {@link #callAs} and {@link #callWithToken}
 * always restore what was there before.
 */
@Component(service = CallerContext.class)
public class CallerContextImpl implements CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<ApiToken> TOKEN = new ThreadLocal<>();

    @Override
    public Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public Optional<ApiToken> token() {
        return Optional.ofNullable(TOKEN.get());
    }

    @Override
    public <T> T callAs(Caller caller, Supplier<T> work) {
        return bound(CURRENT, caller, work);
    }

    @Override
    public <T> T callWithToken(ApiToken token, Supplier<T> work) {
        Caller caller = new Caller(token.username());
        return bound(TOKEN, token, () -> bound(CURRENT, caller, work));
    }

    private static <V, T> T bound(ThreadLocal<V> slot, V value, Supplier<T> work) {
        V previous = slot.get();
        slot.set(value);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                slot.remove();
            } else {
                slot.set(previous);
            }
        }
    }
}
