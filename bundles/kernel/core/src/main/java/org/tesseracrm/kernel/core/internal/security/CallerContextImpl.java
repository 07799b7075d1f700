package org.tesseracrm.kernel.core.internal.security;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Keeps the caller, the API token a call came in with and the permissions added by {@link #callWithPermissions}, per
 * thread; {@link #callAs}, {@link #callWithToken} and {@link #callWithPermissions} always restore what was there
 * before. The added permissions belong to the caller they were added for: binding another caller (even the same one
 * again) starts without them.
 */
@Component(service = CallerContext.class)
public class CallerContextImpl implements CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<ApiToken> TOKEN = new ThreadLocal<>();
    private static final ThreadLocal<Set<String>> ADDED = new ThreadLocal<>();

    @Override
    public Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    public Optional<ApiToken> token() {
        return Optional.ofNullable(TOKEN.get());
    }

    @Override
    public Set<String> addedPermissions() {
        Set<String> added = ADDED.get();
        return added == null ? Set.of() : added;
    }

    @Override
    public <T> T callAs(Caller caller, Supplier<T> work) {
        return bound(ADDED, null, () -> bound(CURRENT, caller, work));
    }

    @Override
    public <T> T callWithToken(ApiToken token, Supplier<T> work) {
        Caller caller = new Caller(token.username());
        return bound(TOKEN, token, () -> bound(ADDED, null, () -> bound(CURRENT, caller, work)));
    }

    @Override
    public <T> T callWithPermissions(Set<String> permissions, Supplier<T> work) {
        if (CURRENT.get() == null) {
            throw new PermissionDeniedException("Sign in first.");
        }
        Set<String> added = new HashSet<>(addedPermissions());
        added.addAll(permissions);
        return bound(ADDED, Set.copyOf(added), work);
    }

    private static <V, T> T bound(ThreadLocal<V> slot, V value, Supplier<T> work) {
        V previous = slot.get();
        if (value == null) {
            slot.remove();
        } else {
            slot.set(value);
        }
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
