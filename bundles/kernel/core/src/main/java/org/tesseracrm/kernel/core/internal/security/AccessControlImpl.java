package org.tesseracrm.kernel.core.internal.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.CallerInfo;
import org.tesseracrm.kernel.api.security.RoleScope;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Access decisions from the cached {@link Grant} of the current caller, plus the permissions
 * {@link CallerContext#callWithPermissions} added for the work running on this thread.
 */
@Component(service = AccessControl.class)
public class AccessControlImpl implements AccessControl {
    private static final Visibility EVERYTHING = new Visibility(true, Set.of());

    private final CallerContext callers;
    private final Grants grants;

    /**
     * @param callers who is calling
     * @param grants what each user may do
     */
    @Activate
    public AccessControlImpl(@Reference CallerContext callers, @Reference Grants grants) {
        this.callers = callers;
        this.grants = grants;
    }

    @Override
    public Caller require(String permission) {
        Caller caller = caller();
        if (!Caller.SYSTEM.equals(caller) && !permits(grantOf(caller), permission)) {
            throw new PermissionDeniedException("You do not have the permission '" + permission
                    + "'. Ask an administrator to add it to your profile.");
        }
        return caller;
    }

    @Override
    public boolean permitted(String permission) {
        return callers.current()
                .map(caller -> Caller.SYSTEM.equals(caller) || permits(grants.of(caller.username()), permission))
                .orElse(false);
    }

    /** @return whether the grant, or the permissions added for the work on this thread, allow it (active users only) */
    private boolean permits(Grant grant, String permission) {
        return grant.permits(permission) || grant.active() && callers.addedPermissions().contains(permission);
    }

    @Override
    public Visibility visibility() {
        Caller caller = caller();
        return Caller.SYSTEM.equals(caller) ? EVERYTHING : grantOf(caller).visibility();
    }

    @Override
    public void checkAssignable(String username) {
        Caller caller = caller();
        if (!Caller.SYSTEM.equals(caller) && !grantOf(caller).assignable().contains(username)) {
            throw new PermissionDeniedException("You can only assign records to active users at or below your role; '"
                    + username + "' is not one of them.");
        }
    }

    @Override
    public List<String> assignableUsers() {
        return grantOf(caller()).assignable();
    }

    @Override
    public Map<String, String> branches() {
        return grantOf(caller()).branches();
    }

    @Override
    public Set<String> groupMates() {
        Caller caller = caller();
        return Caller.SYSTEM.equals(caller) ? Set.of(caller.username()) : grantOf(caller).groupMates();
    }

    @Override
    public void requireRecordType(String recordType) {
        callers.token().filter(token -> !token.permitsType(recordType)).ifPresent(token -> {
            throw new PermissionDeniedException("This API token may not touch records of type '" + recordType
                    + "'; it is limited to " + String.join(", ", new TreeSet<>(token.recordTypes())) + ".");
        });
    }

    @Override
    public CallerInfo me() {
        Caller caller = caller();
        if (Caller.SYSTEM.equals(caller)) {
            throw new PermissionDeniedException("The system is not a user.");
        }
        Grant grant = grantOf(caller);
        return new CallerInfo(caller.username(), grant.fullName(), grant.fullAccess(), grant.permissions());
    }

    @Override
    public RoleScope roleScope() {
        Caller caller = caller();
        if (Caller.SYSTEM.equals(caller)) {
            throw new PermissionDeniedException("The system has no role.");
        }
        grantOf(caller);
        return grants.scopeOf(caller.username());
    }

    private Caller caller() {
        return callers.current().orElseThrow(() -> new PermissionDeniedException("Sign in first."));
    }

    private Grant grantOf(Caller caller) {
        Grant grant = grants.of(caller.username());
        if (!grant.active()) {
            throw new PermissionDeniedException("Your account is not active. Ask an administrator.");
        }
        return grant;
    }
}
