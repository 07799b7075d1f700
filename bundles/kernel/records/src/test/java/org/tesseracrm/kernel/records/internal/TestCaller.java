package org.tesseracrm.kernel.records.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * A caller for read tests: a user name, the permissions held and the owners whose records are visible; may assign
 * records to nobody.
 */
record TestCaller(String username, Set<String> permissions, Visibility visible) implements AccessControl {
    @Override
    public Caller require(String permission) {
        if (!permissions.contains(permission)) {
            throw new PermissionDeniedException("You may not do this (" + permission + ").");
        }
        return new Caller(username);
    }

    @Override
    public boolean permitted(String permission) {
        return permissions.contains(permission);
    }

    @Override
    public Visibility visibility() {
        return visible;
    }

    @Override
    public void checkAssignable(String user) {
        throw new PermissionDeniedException("no");
    }

    @Override
    public List<String> assignableUsers() {
        return List.of();
    }

    @Override
    public Set<String> groupMates() {
        return Set.of();
    }

    @Override
    public Map<String, String> branches() {
        return Map.of();
    }
}
