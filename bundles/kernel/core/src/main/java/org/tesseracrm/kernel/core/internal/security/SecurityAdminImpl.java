package org.tesseracrm.kernel.core.internal.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.GroupInfo;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.kernel.api.security.UserInput;

/**
 * Users, roles, groups and profiles in the kernel's tables. Each method first requires
 * {@link #MANAGE_USERS}, then validates, changes in one transaction, clears the cached grants and
 * writes the audit trail. It refuses changes that would leave no active full-access user.
 */
@Component(service = SecurityAdmin.class)
public class SecurityAdminImpl implements SecurityAdmin {
    static final String MODULE = "administration";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PERMISSION = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    private final JpaTemplate jpa;
    /** Each change and its audit entry commit together (the kernel unit and the audit join the scope). */
    private final TransactionScope scope;
    private final AccessControl access;
    private final Grants grants;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);

    /**
     * @param jpa the kernel's persistence unit
     * @param schema present once the kernel's tables exist
     * @param access checks the caller may manage users
     * @param grants cleared after each change
     * @param audit records each change
     */
    @Activate
    public SecurityAdminImpl(@Reference(target = "(osgi.unit.name=tessera-kernel)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.core)") MigratedSchema schema,
            @Reference AccessControl access, @Reference Grants grants, @Reference AuditTrail audit,
            @Reference TransactionScope scope) {
        this.jpa = jpa;
        this.scope = scope;
        this.access = access;
        this.grants = grants;
        this.audit = audit;
    }

    // ---- users

    @Override
    public List<UserInfo> users() {
        access.require(MANAGE_USERS);
        LocalDateTime now = LocalDateTime.now(clock);
        return read(em -> em.createQuery("SELECT u FROM UserAccount u ORDER BY u.username", UserAccount.class)
                .getResultList().stream().map(u -> u.toInfo(now)).toList());
    }

    @Override
    public UserInfo createUser(UserInput input, char[] initialPassword) {
        return scope.required(c -> createUserInScope(input, initialPassword));
    }

    private UserInfo createUserInScope(UserInput input, char[] initialPassword) {
        access.require(MANAGE_USERS);
        List<FieldError> errors = new ArrayList<>(checkUser(input, true));
        if (input.username() != null && !input.username().isBlank()) {
            errors.addAll(passwordErrors(input.username().trim(), initialPassword));
        }
        throwIfAny(errors);
        String hash = hasher.hash(initialPassword);
        UserInfo saved = change(em -> {
            checkReferences(em, input);
            if (!findUser(em, input.username().trim()).isEmpty()) {
                throw new ValidationException(List.of(new FieldError("username", "This user name is taken.")));
            }
            UserAccount user = new UserAccount(input.username().trim(), hash, LocalDateTime.now(clock), true);
            user.set(input);
            em.persist(user);
            em.flush();
            return user.toInfo(LocalDateTime.now(clock));
        });
        Names names = names();
        audited("user", saved.id(), saved.username(), AuditAction.CREATE, Map.of(), names.of(saved));
        return saved;
    }

    @Override
    public UserInfo updateUser(long id, UserInput input) {
        return scope.required(c -> updateUserInScope(id, input));
    }

    private UserInfo updateUserInScope(long id, UserInput input) {
        access.require(MANAGE_USERS);
        throwIfAny(checkUser(input, false));
        UserInfo[] before = new UserInfo[1];
        UserInfo saved = change(em -> {
            checkReferences(em, input);
            UserAccount user = user(em, id);
            before[0] = user.toInfo(LocalDateTime.now(clock));
            user.set(input);
            em.flush();
            ensureAnAdministratorRemains(em);
            return user.toInfo(LocalDateTime.now(clock));
        });
        Names names = names();
        audited("user", id, saved.username(), AuditAction.UPDATE, names.of(before[0]), names.of(saved));
        return saved;
    }

    @Override
    public void setActive(long id, boolean active) {
        scope.required(c -> {
            setActiveInScope(id, active);
            return null;
        });
    }

    private void setActiveInScope(long id, boolean active) {
        Caller caller = access.require(MANAGE_USERS);
        UserInfo saved = change(em -> {
            UserAccount user = user(em, id);
            if (!active && user.username().equals(caller.username())) {
                throw new ConflictException("You cannot deactivate your own account.");
            }
            user.setActive(active);
            em.flush();
            ensureAnAdministratorRemains(em);
            return user.toInfo(LocalDateTime.now(clock));
        });
        audited("user", id, saved.username(), AuditAction.UPDATE, Map.of("active", !active), Map.of("active", active));
    }

    @Override
    public void resetPassword(long id, char[] password) {
        scope.required(c -> {
            resetPasswordInScope(id, password);
            return null;
        });
    }

    private void resetPasswordInScope(long id, char[] password) {
        access.require(MANAGE_USERS);
        UserInfo target = change(em -> {
            UserAccount user = user(em, id);
            throwIfAny(passwordErrors(user.username(), password));
            user.resetPassword(hasher.hash(password));
            return user.toInfo(LocalDateTime.now(clock));
        });
        audited("user", id, target.username(), AuditAction.UPDATE, Map.of("password", ""), Map.of("password", "reset"));
    }

    // ---- roles

    @Override
    public List<RoleInfo> roles() {
        access.require(MANAGE_USERS);
        List<RoleInfo> all = read(em -> em.createQuery("SELECT r FROM Role r", Role.class).getResultList()
                .stream().map(Role::toInfo).toList());
        return treeOrder(all);
    }

    @Override
    public RoleInfo saveRole(Long id, String name, Long parentId) {
        return scope.required(c -> saveRoleInScope(id, name, parentId));
    }

    private RoleInfo saveRoleInScope(Long id, String name, Long parentId) {
        access.require(MANAGE_USERS);
        String clean = requireName(name);
        RoleInfo[] before = new RoleInfo[1];
        RoleInfo saved = change(em -> {
            if (parentId != null && em.find(Role.class, parentId) == null) {
                throw new ValidationException(List.of(new FieldError("parent", "The parent role no longer exists.")));
            }
            checkUnique(em, "Role", clean, id);
            Role role;
            if (id == null) {
                role = new Role(clean, parentId);
                em.persist(role);
            } else {
                role = found(em.find(Role.class, id), "Role", id);
                before[0] = role.toInfo();
                if (new RoleTree(Role.parents(em)).wouldCycle(id, parentId)) {
                    throw new ValidationException(List.of(new FieldError("parent",
                            "A role cannot be placed below itself or below one of its own subordinate roles.")));
                }
                role.set(clean, parentId);
            }
            em.flush();
            return role.toInfo();
        });
        Names names = names();
        audited("role", saved.id(), saved.name(), id == null ? AuditAction.CREATE : AuditAction.UPDATE,
                before[0] == null ? Map.of() : names.of(before[0]), names.of(saved));
        return saved;
    }

    @Override
    public void deleteRole(long id) {
        scope.required(c -> {
            deleteRoleInScope(id);
            return null;
        });
    }

    private void deleteRoleInScope(long id) {
        access.require(MANAGE_USERS);
        RoleInfo gone = change(em -> {
            Role role = found(em.find(Role.class, id), "Role", id);
            if (count(em, "SELECT COUNT(r) FROM Role r WHERE r.parentId = :id", id) > 0) {
                throw new ConflictException("Move or delete the roles below this role first.");
            }
            if (count(em, "SELECT COUNT(u) FROM UserAccount u WHERE u.roleId = :id", id) > 0) {
                throw new ConflictException("Give the users with this role another role first.");
            }
            RoleInfo info = role.toInfo();
            em.remove(role);
            return info;
        });
        audited("role", id, gone.name(), AuditAction.DELETE, names().of(gone), Map.of());
    }

    // ---- groups

    @Override
    public List<GroupInfo> groups() {
        access.require(MANAGE_USERS);
        return read(em -> em.createQuery("SELECT g FROM UserGroup g ORDER BY g.name", UserGroup.class).getResultList()
                .stream().map(UserGroup::toInfo).toList());
    }

    @Override
    public GroupInfo saveGroup(Long id, String name) {
        return scope.required(c -> saveGroupInScope(id, name));
    }

    private GroupInfo saveGroupInScope(Long id, String name) {
        access.require(MANAGE_USERS);
        String clean = requireName(name);
        GroupInfo[] before = new GroupInfo[1];
        GroupInfo saved = change(em -> {
            checkUnique(em, "UserGroup", clean, id);
            UserGroup group;
            if (id == null) {
                group = new UserGroup(clean);
                em.persist(group);
            } else {
                group = found(em.find(UserGroup.class, id), "Group", id);
                before[0] = group.toInfo();
                group.rename(clean);
            }
            em.flush();
            return group.toInfo();
        });
        audited("group", saved.id(), saved.name(), id == null ? AuditAction.CREATE : AuditAction.UPDATE,
                before[0] == null ? Map.of() : Map.of("name", before[0].name()), Map.of("name", saved.name()));
        return saved;
    }

    @Override
    public void deleteGroup(long id) {
        scope.required(c -> {
            deleteGroupInScope(id);
            return null;
        });
    }

    private void deleteGroupInScope(long id) {
        access.require(MANAGE_USERS);
        GroupInfo gone = change(em -> {
            UserGroup group = found(em.find(UserGroup.class, id), "Group", id);
            GroupInfo info = group.toInfo();
            for (UserAccount member : em.createQuery("SELECT u FROM UserAccount u WHERE :id MEMBER OF u.groupIds",
                    UserAccount.class).setParameter("id", id).getResultList()) {
                member.leaveGroup(id);
            }
            em.remove(group);
            return info;
        });
        audited("group", id, gone.name(), AuditAction.DELETE, Map.of("name", gone.name()), Map.of());
    }

    // ---- profiles

    @Override
    public List<ProfileInfo> profiles() {
        access.require(MANAGE_USERS);
        return read(em -> em.createQuery("SELECT p FROM Profile p ORDER BY p.name", Profile.class).getResultList()
                .stream().map(Profile::toInfo).toList());
    }

    @Override
    public ProfileInfo saveProfile(ProfileInfo profile) {
        return scope.required(c -> saveProfileInScope(profile));
    }

    private ProfileInfo saveProfileInScope(ProfileInfo profile) {
        access.require(MANAGE_USERS);
        String clean = requireName(profile.name());
        List<FieldError> errors = profile.permissions().stream().filter(p -> !PERMISSION.matcher(p).matches())
                .map(p -> new FieldError("permissions", "'" + p + "' is not a permission id like contacts.view."))
                .toList();
        throwIfAny(errors);
        ProfileInfo cleaned = new ProfileInfo(profile.id(), clean, profile.fullAccess(), profile.permissions());
        ProfileInfo[] before = new ProfileInfo[1];
        ProfileInfo saved = change(em -> {
            checkUnique(em, "Profile", clean, profile.id());
            Profile entity;
            if (profile.id() == null) {
                entity = new Profile(cleaned);
                em.persist(entity);
            } else {
                entity = found(em.find(Profile.class, profile.id()), "Profile", profile.id());
                before[0] = entity.toInfo();
                entity.set(cleaned);
            }
            em.flush();
            ensureAnAdministratorRemains(em);
            return entity.toInfo();
        });
        audited("profile", saved.id(), saved.name(), profile.id() == null ? AuditAction.CREATE : AuditAction.UPDATE,
                before[0] == null ? Map.of() : profileFields(before[0]), profileFields(saved));
        return saved;
    }

    @Override
    public void deleteProfile(long id) {
        scope.required(c -> {
            deleteProfileInScope(id);
            return null;
        });
    }

    private void deleteProfileInScope(long id) {
        access.require(MANAGE_USERS);
        ProfileInfo gone = change(em -> {
            Profile profile = found(em.find(Profile.class, id), "Profile", id);
            if (count(em, "SELECT COUNT(u) FROM UserAccount u WHERE u.profileId = :id", id) > 0) {
                throw new ConflictException("Give the users with this profile another profile first.");
            }
            ProfileInfo info = profile.toInfo();
            em.remove(profile);
            return info;
        });
        audited("profile", id, gone.name(), AuditAction.DELETE, profileFields(gone), Map.of());
    }

    // ---- helpers

    private static List<FieldError> checkUser(UserInput input, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (creating) {
            usernameError(input.username() == null ? "" : input.username().trim())
                    .ifPresent(message -> errors.add(new FieldError("username", message)));
        }
        if (input.fullName() == null || input.fullName().isBlank()) {
            errors.add(new FieldError("fullName", "Enter the person's name."));
        } else if (input.fullName().trim().length() > 200) {
            errors.add(new FieldError("fullName", "Use at most 200 characters."));
        }
        String email = input.email() == null ? "" : input.email().trim();
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "Enter an e-mail address like name@example.com."));
        }
        if (input.branch() != null && input.branch().trim().length() > 100) {
            errors.add(new FieldError("branch", "Use at most 100 characters."));
        }
        return errors;
    }

    /** @return what is wrong with a new account's user name, if anything (also for the first admin's) */
    static Optional<String> usernameError(String username) {
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("Use 2 to 100 letters, digits, dots, dashes, underscores or @.");
        }
        if (username.equalsIgnoreCase(Caller.SYSTEM.username())) {
            return Optional.of("'system' is reserved.");
        }
        return Optional.empty();
    }

    /** @return the password policy's complaints about a password an admin sets, on the field {@code password} */
    private static List<FieldError> passwordErrors(String username, char[] password) {
        return LoginPolicy.checkNewPassword(username, new char[0], password, password).stream()
                .map(e -> new FieldError("password", e.message())).toList();
    }

    private static void checkReferences(EntityManager em, UserInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.roleId() != null && em.find(Role.class, input.roleId()) == null) {
            errors.add(new FieldError("role", "This role no longer exists."));
        }
        if (input.profileId() != null && em.find(Profile.class, input.profileId()) == null) {
            errors.add(new FieldError("profile", "This profile no longer exists."));
        }
        if (input.groupIds().stream().anyMatch(g -> em.find(UserGroup.class, g) == null)) {
            errors.add(new FieldError("groups", "A chosen group no longer exists."));
        }
        throwIfAny(errors);
    }

    private static void ensureAnAdministratorRemains(EntityManager em) {
        // Booleans as parameters: EclipseLink writes the literal TRUE as 1, which Derby refuses.
        long admins = em.createQuery("SELECT COUNT(u) FROM UserAccount u, Profile p "
                + "WHERE u.profileId = p.id AND p.fullAccess = :yes AND u.active = :yes", Long.class)
                .setParameter("yes", Boolean.TRUE).getSingleResult();
        if (admins == 0) {
            throw new ConflictException("At least one active user must keep a full-access profile.");
        }
    }

    private static String requireName(String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new ValidationException(List.of(new FieldError("name", "Enter a name of 1 to 100 characters.")));
        }
        return clean;
    }

    private static void checkUnique(EntityManager em, String entity, String name, Long id) {
        List<Long> same = em.createQuery("SELECT e.id FROM " + entity + " e WHERE LOWER(e.name) = :name", Long.class)
                .setParameter("name", name.toLowerCase(java.util.Locale.ROOT)).getResultList();
        if (same.stream().anyMatch(other -> !other.equals(id))) {
            throw new ValidationException(List.of(new FieldError("name", "This name is taken.")));
        }
    }

    private static long count(EntityManager em, String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }

    private static List<UserAccount> findUser(EntityManager em, String username) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE LOWER(u.username) = :name", UserAccount.class)
                .setParameter("name", username.toLowerCase(java.util.Locale.ROOT)).getResultList();
    }

    private static UserAccount user(EntityManager em, long id) {
        return found(em.find(UserAccount.class, id), "User", id);
    }

    private static <T> T found(T entity, String kind, long id) {
        if (entity == null) {
            throw new NotFoundException(kind, id);
        }
        return entity;
    }

    /** @return roles with each parent before its children, siblings by name */
    static List<RoleInfo> treeOrder(List<RoleInfo> roles) {
        Map<Long, List<RoleInfo>> byParent = new HashMap<>();
        roles.forEach(r -> byParent.computeIfAbsent(r.parentId() == null ? -1L : r.parentId(), p -> new ArrayList<>()).add(r));
        byParent.values().forEach(l -> l.sort(Comparator.comparing(RoleInfo::name, String.CASE_INSENSITIVE_ORDER)));
        List<RoleInfo> ordered = new ArrayList<>();
        appendChildren(byParent, -1L, ordered);
        return ordered;
    }

    private static void appendChildren(Map<Long, List<RoleInfo>> byParent, long parent, List<RoleInfo> out) {
        for (RoleInfo role : byParent.getOrDefault(parent, List.of())) {
            out.add(role);
            appendChildren(byParent, role.id(), out);
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private <T> T read(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }

    /**
     * Runs a change in the unit, then clears the cached grants, and again once the scope commits (so a
     * reader between the two cannot keep the old grants).
     */
    private <T> T change(Function<EntityManager, T> work) {
        try {
            return read(work);
        } finally {
            grants.invalidate();
            scope.afterCommit(grants::invalidate);
        }
    }

    private void audited(String type, long id, String label, AuditAction action, Map<String, ?> before,
            Map<String, ?> after) {
        audit.record(new RecordChange(MODULE, type, id, label, null, action, before, after));
    }

    /** Role, profile and group names, so the audit trail says "Sales rep" rather than an id. */
    private Names names() {
        return read(em -> new Names(
                em.createQuery("SELECT r FROM Role r", Role.class).getResultList().stream()
                        .collect(Collectors.toMap(Role::id, r -> r.toInfo().name())),
                em.createQuery("SELECT p FROM Profile p", Profile.class).getResultList().stream()
                        .collect(Collectors.toMap(p -> p.toInfo().id(), p -> p.toInfo().name())),
                em.createQuery("SELECT g FROM UserGroup g", UserGroup.class).getResultList().stream()
                        .collect(Collectors.toMap(g -> g.toInfo().id(), g -> g.toInfo().name()))));
    }

    /** Names by id; an id without a name (deleted meanwhile) shows as the id. */
    private record Names(Map<Long, String> roles, Map<Long, String> profiles, Map<Long, String> groups) {
        Map<String, Object> of(UserInfo u) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("username", u.username());
            fields.put("fullName", u.fullName());
            fields.put("email", u.email());
            fields.put("branch", u.branch());
            fields.put("role", name(roles, u.roleId()));
            fields.put("profile", name(profiles, u.profileId()));
            fields.put("groups", u.groupIds().stream().map(g -> name(groups, g)).sorted().toList());
            fields.put("active", u.active());
            return fields;
        }

        Map<String, Object> of(RoleInfo r) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", r.name());
            fields.put("reportsTo", name(roles, r.parentId()));
            return fields;
        }

        private static String name(Map<Long, String> names, Long id) {
            return id == null ? "" : names.getOrDefault(id, String.valueOf(id));
        }
    }

    private static Map<String, Object> profileFields(ProfileInfo p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", p.name());
        fields.put("fullAccess", p.fullAccess());
        fields.put("permissions", p.permissions().stream().sorted().toList());
        return fields;
    }
}
