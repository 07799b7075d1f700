package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CreatedApiToken;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInput;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * API tokens on the kernel's unit over an in-memory Derby: the secret is shown once and only its hash is stored, a
 * token is refused once revoked or expired or while its user is deactivated or locked out, and a user manages only
 * their own tokens.
 */
class ApiTokensImplTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static KernelUnit unit;

    private final CallerContextImpl callers = new CallerContextImpl();
    private final List<RecordChange> audited = new ArrayList<>();
    private Instant now = T0;

    @BeforeAll
    static void openUnit() {
        unit = KernelUnit.open("api-tokens");
    }

    @AfterAll
    static void closeUnit() {
        unit.close();
    }

    @BeforeEach
    void seed() {
        inTransaction(em -> {
            for (String entity : List.of("ApiTokenEntity", "UserAccount")) {
                em.createQuery("SELECT e FROM " + entity + " e").getResultList().forEach(em::remove);
            }
            em.flush();
            for (String name : List.of("admin", "sally", "bob")) {
                UserAccount user = new UserAccount(name, "unused", LocalDateTime.now(), false);
                user.set(new UserInput(name, name, "", "", null, null, Set.of()));
                em.persist(user);
            }
            return null;
        });
        audited.clear();
    }

    @Test
    void creationShowsTheSecretOnceAndStoresOnlyItsHash() {
        CreatedApiToken created = as("sally", () -> tokens().create("sally", request("ci")));

        assertTrue(created.secret().startsWith(ApiTokens.SECRET_PREFIX), created.secret());
        assertEquals(4 + 43, created.secret().length(), "32 random bytes in URL-safe Base64");
        assertTrue(created.secret().substring(4).matches("[A-Za-z0-9_-]+"));
        assertFalse(created.toString().contains(created.secret()), "toString keeps the secret out of logs");
        String stored = inTransaction(em -> (String) em.createNativeQuery("SELECT SECRET_HASH FROM CRM_API_TOKEN")
                .getSingleResult());
        assertEquals(TokenSecrets.hash(created.secret()), stored);
        assertFalse(stored.contains(created.secret().substring(4)));
        assertNotEquals(created.secret(), as("sally", () -> tokens().create("sally", request("other"))).secret());
        assertTrue(as("sally", () -> tokens().list("sally")).stream().allMatch(t -> t.username().equals("sally")));

        RecordChange entry = audited.get(0);
        assertEquals(AuditAction.CREATE, entry.action());
        assertEquals("ci", entry.after().get("name"));
        assertFalse(entry.after().toString().contains(created.secret().substring(4)), "no secret in the audit trail");
        assertFalse(entry.after().toString().contains(stored), "no hash in the audit trail");
    }

    @Test
    void theSecretAuthenticatesAsItsUserWithItsScopeAndTypes() {
        CreatedApiToken created = as("sally", () -> tokens().create("sally", new ApiTokenRequest("export",
                ApiTokenScope.READ, Set.of("contact"), Optional.empty())));

        ApiToken token = tokens().authenticate(created.secret()).orElseThrow();

        assertEquals("sally", token.username());
        assertEquals(ApiTokenScope.READ, token.scope());
        assertTrue(token.permitsType("contact"));
        assertFalse(token.permitsType("company"));
        assertEquals(Optional.of(T0), token.lastUsedAt());
        assertEquals(Optional.empty(), tokens().authenticate(created.secret() + "x"));
        assertEquals(Optional.empty(), tokens().authenticate("tsk_" + "A".repeat(43)));
        assertEquals(Optional.empty(), tokens().authenticate(""));
        assertEquals(Optional.empty(), tokens().authenticate(null));
    }

    @Test
    void theLastUseIsWrittenAtMostOnceAMinute() {
        String secret = as("sally", () -> tokens().create("sally", request("ci"))).secret();
        tokens().authenticate(secret);
        now = T0.plusSeconds(59);
        assertEquals(Optional.of(T0), tokens().authenticate(secret).orElseThrow().lastUsedAt());
        now = T0.plusSeconds(60);
        assertEquals(Optional.of(T0.plusSeconds(60)), tokens().authenticate(secret).orElseThrow().lastUsedAt());
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndTheRevocationIsAudited() {
        CreatedApiToken created = as("sally", () -> tokens().create("sally", request("ci")));
        assertTrue(tokens().authenticate(created.secret()).isPresent());

        ApiToken revoked = as("sally", () -> tokens().revoke(created.token().id()));

        assertEquals(Optional.of(T0), revoked.revokedAt());
        assertEquals(Optional.empty(), tokens().authenticate(created.secret()));
        assertEquals(AuditAction.UPDATE, audited.get(1).action());
        assertEquals(created.token().id(), audited.get(1).recordId());
        as("sally", () -> tokens().revoke(created.token().id()));
        assertEquals(2, audited.size(), "revoking again changes nothing");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String secret = as("sally", () -> tokens().create("sally", new ApiTokenRequest("short", ApiTokenScope.READ_WRITE,
                Set.of(), Optional.of(T0.plus(Duration.ofDays(1)))))).secret();
        now = T0.plus(Duration.ofDays(1)).minusSeconds(1);
        assertTrue(tokens().authenticate(secret).isPresent());
        now = T0.plus(Duration.ofDays(1));
        assertEquals(Optional.empty(), tokens().authenticate(secret));
    }

    @Test
    void theTokenOfADeactivatedOrLockedOutUserIsRefused() {
        String secret = as("sally", () -> tokens().create("sally", request("ci"))).secret();
        inTransaction(em -> {
            UserAccount.byName(em, "sally").orElseThrow().loginFailed(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
            for (int i = 0; i < 10; i++) {
                UserAccount.byName(em, "sally").orElseThrow().loginFailed(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
            }
            return null;
        });
        assertEquals(Optional.empty(), tokens().authenticate(secret), "locked out after wrong passwords");
        inTransaction(em -> {
            UserAccount sally = UserAccount.byName(em, "sally").orElseThrow();
            sally.loginSucceeded();
            sally.setActive(false);
            return null;
        });
        assertEquals(Optional.empty(), tokens().authenticate(secret), "deactivated");
        inTransaction(em -> {
            UserAccount.byName(em, "sally").orElseThrow().setActive(true);
            return null;
        });
        assertTrue(tokens().authenticate(secret).isPresent(), "active again");
    }

    @Test
    void aUserManagesOnlyTheirOwnTokensAndAnAdministratorAnybodys() {
        ApiToken bobs = as("bob", () -> tokens().create("bob", request("mine"))).token();

        assertThrows(PermissionDeniedException.class, () -> as("sally", () -> tokens().revoke(bobs.id())));
        assertThrows(PermissionDeniedException.class, () -> as("sally", () -> tokens().revoke(999_999L)),
                "a token that does not exist gets the same answer");
        assertThrows(PermissionDeniedException.class, () -> as("sally", () -> tokens().create("bob", request("sneaky"))));
        assertThrows(PermissionDeniedException.class, () -> as("sally", () -> tokens().list("bob")));
        assertThrows(PermissionDeniedException.class, () -> as("sally", () -> tokens().listAll()));
        assertThrows(PermissionDeniedException.class, () -> tokens().list("bob"), "without a caller");
        assertEquals(Optional.empty(), as("bob", () -> tokens().list("bob")).get(0).revokedAt());

        assertEquals("sally", as("admin", () -> tokens().create("sally", request("by admin"))).token().username());
        assertEquals(2, as("admin", () -> tokens().listAll()).size());
        assertTrue(as("admin", () -> tokens().revoke(bobs.id())).revokedAt().isPresent());
    }

    @Test
    void aRequestNeedsANameValidTypesAndAFutureExpiry() {
        ValidationException e = assertThrows(ValidationException.class, () -> as("sally", () -> tokens().create("sally",
                new ApiTokenRequest(" ", ApiTokenScope.READ, Set.of("Contacts; DROP"), Optional.of(T0)))));
        assertEquals(Set.of("name", "recordTypes", "expiresAt"), Set.copyOf(e.errors().stream().map(f -> f.field()).toList()));
        as("sally", () -> tokens().create("sally", request("ci")));
        assertThrows(ValidationException.class, () -> as("sally", () -> tokens().create("sally", request("ci"))),
                "a name already in use");
        assertEquals(0, audited.stream().filter(c -> c.action() == AuditAction.UPDATE).count());
    }

    private ApiTokens tokens() {
        return new ApiTokensImpl(unit.jpa(), DirectScope.INSTANCE, callers, access(), audit(), new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    private <T> T as(String user, Supplier<T> work) {
        return callers.callAs(new Caller(user), work);
    }

    private static ApiTokenRequest request(String name) {
        return new ApiTokenRequest(name, ApiTokenScope.READ_WRITE, Set.of(), Optional.empty());
    }

    /** "admin" manages users; everybody is active. */
    private AccessControl access() {
        return (AccessControl) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AccessControl.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "permitted" -> SecurityAdmin.MANAGE_USERS.equals(args[0])
                            && callers.current().map(c -> c.username().equals("admin")).orElse(false);
                    case "require" -> {
                        if (!callers.current().map(c -> c.username().equals("admin")).orElse(false)) {
                            throw new PermissionDeniedException("Not allowed: " + args[0]);
                        }
                        yield callers.current().orElseThrow();
                    }
                    case "visibility" -> new Visibility(false, Set.of(callers.current().orElseThrow().username()));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private AuditTrail audit() {
        return new RecordingAudit(audited);
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(unit.jpa(), work);
    }
}
