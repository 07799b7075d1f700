package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.RoleScope;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * The rules user administration enforces, on the kernel's persistence unit over an in-memory Derby: the role
 * tree has no cycles, users only get roles, profiles and groups that exist, one active full-access user
 * always remains, passwords and user names follow the policy, and a refused change changes nothing.
 */
class SecurityAdminImplTest {
    private static final char[] GOOD_PASSWORD = "correct horse battery".toCharArray();
    private static KernelUnit unit;
    private static JpaTemplate jpa;

    private final List<RecordChange> audited = new ArrayList<>();
    private long adminProfile;
    private long salesProfile;
    private long ceo;
    private long manager;
    private long rep;
    private long north;
    private long admin;
    private long sally;

    @BeforeAll
    static void openUnit() {
        unit = KernelUnit.open("security-admin");
        jpa = unit.jpa();
    }

    @AfterAll
    static void closeUnit() {
        unit.close();
    }

    /** Two profiles (full-access Admin, Sales), roles CEO > Manager > Rep, group North, users admin and sally. */
    @BeforeEach
    void seed() {
        inTransaction(em -> {
            for (String entity : List.of("UserAccount", "Role", "UserGroup", "Profile")) {
                em.createQuery("SELECT e FROM " + entity + " e").getResultList().forEach(em::remove);
            }
            em.flush();
            Profile full = new Profile(new ProfileInfo(null, "Admin", true, Set.of()));
            Profile sales = new Profile(new ProfileInfo(null, "Sales", false, Set.of("contacts.view")));
            em.persist(full);
            em.persist(sales);
            Role top = new Role("CEO", null);
            em.persist(top);
            em.flush();
            Role middle = new Role("Manager", top.id());
            em.persist(middle);
            em.flush();
            Role bottom = new Role("Rep", middle.id());
            UserGroup group = new UserGroup("North");
            em.persist(bottom);
            em.persist(group);
            em.flush();
            adminProfile = full.toInfo().id();
            salesProfile = sales.toInfo().id();
            ceo = top.id();
            manager = middle.id();
            rep = bottom.id();
            north = group.toInfo().id();
            admin = persistUser(em, "admin", ceo, adminProfile, Set.of());
            sally = persistUser(em, "sally", rep, salesProfile, Set.of(north));
            return null;
        });
        audited.clear();
    }

    // ---- roles

    @Test
    void aRoleCannotBePlacedBelowItselfOrItsOwnSubordinates() {
        for (long below : List.of(rep, manager, ceo)) {
            ValidationException e = assertThrows(ValidationException.class, () -> admin().saveRole(ceo, "CEO", below));
            assertEquals("parent", e.errors().get(0).field());
        }
        assertNull(role(ceo).parentId());
        assertEquals(List.of(), audited);
    }

    @Test
    void aRoleMovesBelowARoleOutsideItsBranch() {
        long sales = admin().saveRole(null, "Sales lead", ceo).id();

        admin().saveRole(rep, "Rep", sales);

        assertEquals(sales, role(rep).parentId());
        assertEquals(AuditAction.UPDATE, audited.get(audited.size() - 1).action());
        assertEquals("Sales lead", audited.get(audited.size() - 1).after().get("reportsTo"),
                "the audit trail names the parent role");
    }

    @Test
    void aRoleNeedsAnExistingParentAndAFreeNameIgnoringCase() {
        assertEquals("parent", assertThrows(ValidationException.class,
                () -> admin().saveRole(null, "Intern", 999_999L)).errors().get(0).field());
        assertEquals("name", assertThrows(ValidationException.class,
                () -> admin().saveRole(null, " manager ", ceo)).errors().get(0).field());
        assertEquals("Manager", admin().saveRole(manager, "Manager", ceo).name(), "its own name is not taken");
        assertEquals(3, count("Role"));
    }

    @Test
    void aRoleWithSubordinateRolesOrUsersCannotBeDeleted() {
        assertThrows(ConflictException.class, () -> admin().deleteRole(manager));
        assertThrows(ConflictException.class, () -> admin().deleteRole(rep)); // sally has it
        assertEquals(3, count("Role"));

        long spare = admin().saveRole(null, "Spare", rep).id();
        admin().deleteRole(spare);
        assertEquals(3, count("Role"));
    }

    // ---- users and what they reference

    @Test
    void aUserCannotBeGivenARoleProfileOrGroupThatDoesNotExist() {
        ValidationException e = assertThrows(ValidationException.class, () -> admin().createUser(
                new UserInput("bob", "Bob", "", "", 999_999L, 999_998L, Set.of(north, 999_997L)), GOOD_PASSWORD));
        assertEquals(Set.of("role", "profile", "groups"), fields(e));
        assertEquals(2, count("UserAccount"));

        assertThrows(ValidationException.class, () -> admin().updateUser(sally,
                new UserInput(null, "Sally", "", "", rep, 999_998L, Set.of())));
        assertEquals(salesProfile, user(sally).profileId());
        assertEquals(Set.of(north), user(sally).groupIds());
        assertEquals(List.of(), audited);
    }

    @Test
    void createsAUserWithRoleProfileAndGroupsAndAuditsTheirNames() {
        UserInfo bob = admin().createUser(new UserInput(" bob ", "Bob Barker", "bob@example.org", "Leeds", manager,
                salesProfile, Set.of(north)), GOOD_PASSWORD);

        assertEquals("bob", bob.username());
        assertTrue(bob.active());
        assertEquals(Set.of(north), user(bob.id()).groupIds());
        RecordChange entry = audited.get(0);
        assertEquals(AuditAction.CREATE, entry.action());
        assertEquals("Manager", entry.after().get("role"));
        assertEquals("Sales", entry.after().get("profile"));
        assertEquals(List.of("North"), entry.after().get("groups"));
    }

    @Test
    void userNamesFollowTheRulesAndAreUniqueIgnoringCase() {
        assertThrows(ValidationException.class, () -> admin().createUser(input("SALLY"), GOOD_PASSWORD));
        assertThrows(ValidationException.class, () -> admin().createUser(input("System"), GOOD_PASSWORD));
        assertThrows(ValidationException.class, () -> admin().createUser(input("a"), GOOD_PASSWORD));
        assertThrows(ValidationException.class, () -> admin().createUser(input("bob smith"), GOOD_PASSWORD));
        assertEquals(2, count("UserAccount"));
    }

    @Test
    void passwordsFollowThePolicyOnCreationAndReset() {
        assertEquals(Set.of("password"), fields(assertThrows(ValidationException.class,
                () -> admin().createUser(input("bob"), "short".toCharArray()))));
        assertEquals(Set.of("password"), fields(assertThrows(ValidationException.class,
                () -> admin().createUser(input("bob"), "my name is BOB!".toCharArray()))));
        assertEquals(2, count("UserAccount"));

        String hash = passwordHash(sally);
        assertThrows(ValidationException.class, () -> admin().resetPassword(sally, "sally-2026-x".toCharArray()));
        assertEquals(hash, passwordHash(sally));

        admin().resetPassword(sally, GOOD_PASSWORD);
        assertFalse(passwordHash(sally).equals(hash));
        assertFalse(passwordHash(sally).contains(new String(GOOD_PASSWORD)), "only a hash is stored");
    }

    // ---- one full-access administrator remains

    @Test
    void theLastActiveFullAccessUserCannotBeDeactivated() {
        SecurityAdmin other = as("root");

        assertThrows(ConflictException.class, () -> other.setActive(admin, false));

        assertTrue(user(admin).active());
        assertEquals(List.of(), audited);
    }

    @Test
    void anAdministratorCanBeDeactivatedWhileAnotherRemainsButNeverByThemselves() {
        admin().updateUser(sally, new UserInput(null, "Sally", "", "", rep, adminProfile, Set.of()));

        assertThrows(ConflictException.class, () -> admin().setActive(admin, false));
        assertTrue(user(admin).active());

        as("sally").setActive(admin, false);
        assertFalse(user(admin).active());
    }

    @Test
    void theLastFullAccessUserCannotBeDemotedNorTheirProfileLoseFullAccess() {
        assertThrows(ConflictException.class, () -> admin().updateUser(admin,
                new UserInput(null, "Admin", "", "", ceo, salesProfile, Set.of())));
        assertThrows(ConflictException.class, () -> admin().updateUser(admin,
                new UserInput(null, "Admin", "", "", ceo, null, Set.of())));
        assertEquals(adminProfile, user(admin).profileId());

        assertThrows(ConflictException.class, () -> admin().saveProfile(
                new ProfileInfo(adminProfile, "Admin", false, Set.of("contacts.view"))));
        assertTrue(SecurityAdminImplTest.<Boolean>inTransaction(em -> em.find(Profile.class, adminProfile).fullAccess()));
        assertEquals(List.of(), audited);
    }

    // ---- profiles and groups

    @Test
    void aProfileNamesOnlyWellFormedPermissionsAndCannotBeDeletedWhileInUse() {
        ValidationException e = assertThrows(ValidationException.class, () -> admin().saveProfile(
                new ProfileInfo(null, "Odd", false, Set.of("contacts.view", "Contacts View"))));
        assertEquals(Set.of("permissions"), fields(e));
        assertThrows(ConflictException.class, () -> admin().deleteProfile(salesProfile));
        assertEquals(2, count("Profile"));

        long spare = admin().saveProfile(new ProfileInfo(null, "Spare", false, Set.of("contacts.view"))).id();
        admin().deleteProfile(spare);
        assertEquals(2, count("Profile"));
    }

    @Test
    void deletingAGroupTakesItsMembersOutOfIt() {
        admin().deleteGroup(north);

        assertEquals(Set.of(), user(sally).groupIds());
        assertEquals(0, count("UserGroup"));
    }

    // ---- permission and caches

    @Test
    void aCallerWithoutTheUserAdministrationPermissionIsRefusedBeforeAnyChange() {
        SecurityAdmin stranger = new SecurityAdminImpl(jpa, () -> "db", access("mallory", Set.of()), grants(),
                audit(), DirectScope.INSTANCE);

        assertThrows(PermissionDeniedException.class, () -> stranger.createUser(input("bob"), GOOD_PASSWORD));
        assertThrows(PermissionDeniedException.class, () -> stranger.setActive(sally, false));
        assertThrows(PermissionDeniedException.class, () -> stranger.saveRole(ceo, "CEO", rep));
        assertThrows(PermissionDeniedException.class, () -> stranger.deleteGroup(north));

        assertEquals(2, count("UserAccount"));
        assertTrue(user(sally).active());
        assertEquals(Set.of(north), user(sally).groupIds());
        assertEquals(List.of(), audited);
    }

    @Test
    void aChangeIsSeenByTheNextPermissionCheckNotAfterTheCacheExpires() {
        Grants grants = grants();
        SecurityAdmin service = new SecurityAdminImpl(jpa, () -> "db", access("admin", Set.of(SecurityAdmin.MANAGE_USERS)),
                grants, audit(), DirectScope.INSTANCE);
        assertEquals(Set.of("contacts.view"), grants.of("sally").permissions());

        service.saveProfile(new ProfileInfo(salesProfile, "Sales", false, Set.of("contacts.view", "contacts.edit")));

        assertEquals(Set.of("contacts.view", "contacts.edit"), grants.of("sally").permissions());
    }

    @Test
    void aRoleScopeHoldsTheCallersRoleAndEverythingBelowWithItsUsersButNothingAboveOrBeside() {
        long west = inTransaction(em -> {
            Role area = new Role("Area West", ceo);
            Role assistant = new Role("Assistant", manager);
            em.persist(area);
            em.persist(assistant);
            em.flush();
            persistUser(em, "mike", manager, salesProfile, Set.of());
            persistUser(em, "amy", assistant.id(), salesProfile, Set.of());
            persistUser(em, "wes", area.id(), salesProfile, Set.of());
            return area.id();
        });
        CallerContextImpl callers = new CallerContextImpl();
        AccessControlImpl access = new AccessControlImpl(callers, grants());

        RoleScope mike = callers.callAs(new Caller("mike"), access::roleScope);
        assertEquals(manager, mike.role().orElseThrow().id());
        assertEquals(List.of("Manager", "Assistant", "Rep"), mike.roles().stream().map(RoleInfo::name).toList(),
                "the own role first, then the subtree depth first, children by name");
        assertEquals(List.of("mike"), mike.membersOf(manager).stream().map(RoleScope.Member::username).toList());
        assertEquals(List.of("sally"), mike.membersOf(rep).stream().map(RoleScope.Member::username).toList());
        assertEquals(List.of("mike", "amy", "sally"), mike.usersOfSubtree(manager));
        assertFalse(mike.contains(ceo), "not the role above");
        assertFalse(mike.contains(west), "not a sibling branch");
        assertEquals(List.of(), mike.usersOfSubtree(ceo));
        assertEquals(List.of(), mike.children(ceo));

        RoleScope sally = callers.callAs(new Caller("sally"), access::roleScope);
        assertEquals(List.of("Rep"), sally.roles().stream().map(RoleInfo::name).toList());
        assertFalse(sally.contains(manager));

        RoleScope top = callers.callAs(new Caller("admin"), access::roleScope);
        assertEquals(List.of("CEO", "Area West", "Manager", "Assistant", "Rep"),
                top.roles().stream().map(RoleInfo::name).toList());
        assertEquals(List.of("admin", "wes", "mike", "amy", "sally"), top.usersOfSubtree(ceo));
        assertThrows(PermissionDeniedException.class, () -> callers.callAs(Caller.SYSTEM, access::roleScope));
    }

    // ---- helpers

    private SecurityAdmin admin() {
        return as("admin");
    }

    private SecurityAdmin as(String username) {
        return new SecurityAdminImpl(jpa, () -> "db", access(username, Set.of(SecurityAdmin.MANAGE_USERS)), grants(),
                audit(), DirectScope.INSTANCE);
    }

    private static Grants grants() {
        return new Grants(jpa, () -> "db");
    }

    private static UserInput input(String username) {
        return new UserInput(username, "Someone", "", "", null, null, Set.of());
    }

    private static Set<String> fields(ValidationException e) {
        return Set.copyOf(e.errors().stream().map(FieldError::field).toList());
    }

    private static long persistUser(EntityManager em, String username, long role, long profile, Set<Long> groups) {
        UserAccount user = new UserAccount(username, new PasswordHasher(1000).hash(GOOD_PASSWORD),
                LocalDateTime.now(), false);
        user.set(new UserInput(username, username, "", "", role, profile, groups));
        em.persist(user);
        em.flush();
        return user.toInfo(LocalDateTime.now()).id();
    }

    private static UserInfo user(long id) {
        return inTransaction(em -> em.find(UserAccount.class, id).toInfo(LocalDateTime.now()));
    }

    private static String passwordHash(long id) {
        return inTransaction(em -> (String) em.createQuery("SELECT u.passwordHash FROM UserAccount u WHERE u.id = :id")
                .setParameter("id", id).getSingleResult());
    }

    private static org.tesseracrm.kernel.api.security.RoleInfo role(long id) {
        return inTransaction(em -> em.find(Role.class, id).toInfo());
    }

    private static long count(String entity) {
        return inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class)
                .getSingleResult());
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }

    private AuditTrail audit() {
        return new RecordingAudit(audited);
    }

    private static AccessControl access(String username, Set<String> permissions) {
        return (AccessControl) Proxy.newProxyInstance(SecurityAdminImplTest.class.getClassLoader(),
                new Class<?>[] {AccessControl.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "require" -> {
                        if (!permissions.contains(args[0])) {
                            throw new PermissionDeniedException("Not allowed: " + args[0]);
                        }
                        yield new Caller(username);
                    }
                    case "permitted" -> permissions.contains(args[0]);
                    case "visibility" -> new Visibility(true, Set.of(username));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
