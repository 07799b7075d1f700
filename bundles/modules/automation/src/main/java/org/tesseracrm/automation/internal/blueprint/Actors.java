package org.tesseracrm.automation.internal.blueprint;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;

/** A user's role and group names, read as the platform, for a blueprint's "who may make this move". */
final class Actors {
    private Actors() {
    }

    /**
     * @param username a user name; {@code system} for the platform
     * @param security the users, roles and groups
     * @param callers reads them as the platform
     * @return the actor
     */
    static BlueprintRules.Actor of(String username, SecurityAdmin security, CallerContext callers) {
        if (Caller.SYSTEM.username().equals(username)) {
            return new BlueprintRules.Actor(username, "", Set.of(), true);
        }
        return callers.callAs(Caller.SYSTEM, () -> {
            UserInfo user = security.users().stream().filter(u -> u.username().equals(username)).findFirst()
                    .orElse(null);
            if (user == null) {
                return new BlueprintRules.Actor(username, "", Set.of(), false);
            }
            Map<Long, String> roles = new HashMap<>();
            security.roles().forEach(r -> roles.put(r.id(), r.name()));
            Set<String> groups = security.groups().stream().filter(g -> user.groupIds().contains(g.id()))
                    .map(GroupInfo::name).collect(Collectors.toSet());
            return new BlueprintRules.Actor(username, user.roleId() == null ? "" : roles.getOrDefault(user.roleId(),
                    ""), groups, false);
        });
    }

    /**
     * The names a blueprint may use.
     *
     * @param users the active user names
     * @param roles the role names
     * @param groups the group names
     */
    record Directory(Set<String> users, Set<String> roles, Set<String> groups) {
    }

    /**
     * @param security the users, roles and groups
     * @param callers reads them as the platform
     * @return the active user names, role names and group names, for checking a blueprint
     */
    static Directory directory(SecurityAdmin security, CallerContext callers) {
        return callers.callAs(Caller.SYSTEM, () -> new Directory(
                security.users().stream().filter(UserInfo::active).map(UserInfo::username).collect(Collectors.toSet()),
                security.roles().stream().map(RoleInfo::name).collect(Collectors.toSet()),
                security.groups().stream().map(GroupInfo::name).collect(Collectors.toSet())));
    }
}
