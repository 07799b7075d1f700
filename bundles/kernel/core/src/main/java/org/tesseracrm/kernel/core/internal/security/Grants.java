package org.tesseracrm.kernel.core.internal.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.RoleScope;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Computes and caches each user's {@link Grant}. Every change made through the security
 * administration clears the cache; entries also expire after {@value #TTL_SECONDS} seconds, the
 * longest a change made by another node of a cluster can take to apply here.
 */
@Component(service = Grants.class)
public class Grants {
    static final long TTL_SECONDS = 30;

    private final JpaTemplate jpa;
    private final Map<String, Grant> cache = new ConcurrentHashMap<>();
    private final Map<String, Scoped> scopes = new ConcurrentHashMap<>();

    /** A cached role scope and when it was read (System.nanoTime). */
    private record Scoped(RoleScope scope, long loadedAt) {
    }

    /**
     * @param jpa the kernel's persistence unit
     * @param schema present once the kernel's tables exist
     */
    @Activate
    public Grants(@Reference(target = "(osgi.unit.name=tessera-kernel)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.core)") MigratedSchema schema) {
        this.jpa = jpa;
    }

    /** @return the grant of a user, from the cache while it is fresh */
    Grant of(String username) {
        long now = System.nanoTime();
        Grant cached = cache.get(username);
        if (cached != null && now - cached.loadedAt() < TimeUnit.SECONDS.toNanos(TTL_SECONDS)) {
            return cached;
        }
        Grant fresh = jpa.txExpr(TransactionType.Required, em -> load(em, username, now));
        cache.put(username, fresh);
        return fresh;
    }

    /**
     * @param username an active user
     * @return their role, the roles below it and the users of each, from the cache while it is fresh
     */
    RoleScope scopeOf(String username) {
        long now = System.nanoTime();
        Scoped cached = scopes.get(username);
        if (cached != null && now - cached.loadedAt() < TimeUnit.SECONDS.toNanos(TTL_SECONDS)) {
            return cached.scope();
        }
        RoleScope fresh = jpa.txExpr(TransactionType.Required, em -> loadScope(em, username));
        scopes.put(username, new Scoped(fresh, now));
        return fresh;
    }

    /** Forgets every cached grant; call after any change to users, roles or profiles. */
    void invalidate() {
        cache.clear();
        scopes.clear();
    }

    private static RoleScope loadScope(EntityManager em, String username) {
        Long own = UserAccount.byName(em, username).map(UserAccount::roleId).orElse(null);
        if (own == null) {
            return new RoleScope(username, Optional.empty(), List.of(), Map.of());
        }
        Map<Long, RoleInfo> all = new HashMap<>();
        em.createQuery("SELECT r FROM Role r", Role.class).getResultList().forEach(r -> all.put(r.id(), r.toInfo()));
        Map<Long, Long> parents = new HashMap<>();
        all.forEach((id, role) -> parents.put(id, role.parentId()));
        Set<Long> inScope = new HashSet<>(new RoleTree(parents).below(own));
        inScope.add(own);
        List<RoleInfo> ordered = new ArrayList<>();
        Deque<RoleInfo> todo = new ArrayDeque<>(List.of(all.get(own)));
        while (!todo.isEmpty()) {
            RoleInfo next = todo.pop();
            ordered.add(next);
            List<RoleInfo> children = all.values().stream()
                    .filter(r -> r.parentId() != null && r.parentId() == next.id() && inScope.contains(r.id()))
                    .sorted(Comparator.comparing(RoleInfo::name, String.CASE_INSENSITIVE_ORDER)).toList();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
            }
        }
        Map<Long, List<RoleScope.Member>> members = new LinkedHashMap<>();
        ordered.forEach(r -> members.put(r.id(), new ArrayList<>()));
        em.createQuery("SELECT u FROM UserAccount u ORDER BY u.username", UserAccount.class).getResultList().stream()
                .filter(u -> u.roleId() != null && inScope.contains(u.roleId()))
                .forEach(u -> members.get(u.roleId()).add(new RoleScope.Member(u.username(), u.fullName(), u.active())));
        return new RoleScope(username, Optional.of(all.get(own)), ordered, members);
    }

    private static Grant load(EntityManager em, String username, long now) {
        UserAccount user = UserAccount.byName(em, username).filter(UserAccount::active).orElse(null);
        if (user == null) {
            return Grant.none(now);
        }
        Profile profile = user.profileId() == null ? null : em.find(Profile.class, user.profileId());
        boolean full = profile != null && profile.fullAccess();
        Set<String> permissions = profile == null ? Set.of() : profile.permissions();

        Set<Long> below = new RoleTree(Role.parents(em)).below(user.roleId());
        Set<String> owners = new HashSet<>(Set.of(username));
        Set<String> assignable = new TreeSet<>(Set.of(username));
        Map<String, String> branches = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT u.username, u.roleId, u.active, u.branch FROM UserAccount u", Object[].class)
                .getResultList()) {
            String other = (String) row[0];
            Long role = (Long) row[1];
            boolean active = (Boolean) row[2];
            branches.put(other, row[3] == null ? "" : (String) row[3]);
            if (role != null && below.contains(role)) {
                owners.add(other);
            }
            boolean sameOrBelow = role != null && (below.contains(role) || role.equals(user.roleId()));
            if (active && (full || sameOrBelow)) {
                assignable.add(other);
            }
        }
        Set<String> mates = new TreeSet<>(Set.of(username));
        for (Long group : user.groupIds()) {
            // A bound Boolean, not the literal TRUE: EclipseLink writes TRUE as 1 on Derby, which Derby refuses for a BOOLEAN column.
            mates.addAll(em.createQuery("SELECT u.username FROM UserAccount u WHERE :id MEMBER OF u.groupIds AND u.active = :active",
                    String.class).setParameter("id", group).setParameter("active", Boolean.TRUE).getResultList());
        }
        if (!full) {
            branches.keySet().retainAll(owners);
        }
        return new Grant(true, full, permissions, new Visibility(full, owners), List.copyOf(assignable), mates,
                Map.copyOf(branches), now, user.fullName());
    }
}
