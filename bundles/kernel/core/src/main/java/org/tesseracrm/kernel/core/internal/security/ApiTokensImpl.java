package org.tesseracrm.kernel.core.internal.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.CreatedApiToken;
import org.tesseracrm.kernel.api.security.SecurityAdmin;

/**
 * API tokens in the kernel's table {@code CRM_API_TOKEN}. A user manages their own tokens, a user administrator
 * anybody's; each create and revoke commits together with its audit entry (record type {@value #RECORD_TYPE}, without
 * the secret or its hash).
 */
@Component(service = ApiTokens.class)
public class ApiTokensImpl implements ApiTokens {
    /** The audit trail's record type of tokens. */
    static final String RECORD_TYPE = "apiToken";
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokensImpl.class);
    /** A record type id, as the record platform checks them. */
    private static final Pattern TYPE_ID = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private final JpaTemplate jpa;
    private final TransactionScope scope;
    private final CallerContext callers;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Clock clock;

    /**
     * @param jpa the kernel's persistence unit
     * @param schema present once the kernel's tables exist
     * @param scope a change and its audit entry commit together
     * @param callers who is calling
     * @param access whether the caller may manage users
     * @param audit records creates and revokes
     */
    @Activate
    public ApiTokensImpl(@Reference(target = "(osgi.unit.name=tessera-kernel)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.core)") MigratedSchema schema,
            @Reference TransactionScope scope, @Reference CallerContext callers, @Reference AccessControl access,
            @Reference AuditTrail audit) {
        this(jpa, scope, callers, access, audit, Clock.systemUTC());
    }

    ApiTokensImpl(JpaTemplate jpa, TransactionScope scope, CallerContext callers, AccessControl access, AuditTrail audit,
            Clock clock) {
        this.jpa = jpa;
        this.scope = scope;
        this.callers = callers;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public CreatedApiToken create(String username, ApiTokenRequest request) {
        checkMayManage(username, "You may create API tokens only for yourself.");
        Instant now = clock.instant();
        throwIfAny(errors(request, now));
        String secret = TokenSecrets.create();
        return scope.required(c -> {
            ApiToken token = inTransaction(em -> {
                UserAccount user = UserAccount.byName(em, username).orElseThrow(() -> new NotFoundException("User", username));
                if (!user.active()) {
                    throw new ConflictException("User '" + username + "' is deactivated; activate the account first.");
                }
                String name = request.name().trim();
                boolean taken = em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.username = :user AND t.name = :name"
                        + " AND t.revokedAt IS NULL", ApiTokenEntity.class).setParameter("user", username)
                        .setParameter("name", name).getResultList().stream().findAny().isPresent();
                if (taken) {
                    throw new ValidationException(List.of(new FieldError("name", "You already have a token with this name.")));
                }
                ApiTokenEntity entity = new ApiTokenEntity(username, request, TokenSecrets.hash(secret), now);
                em.persist(entity);
                em.flush();
                return entity.toToken();
            });
            audit.record(new RecordChange(SecurityAdminImpl.MODULE, RECORD_TYPE, token.id(), label(token), token.username(),
                    AuditAction.CREATE, Map.of(), fields(token)));
            LOG.info("API token {} '{}' created for user '{}'", token.id(), token.name(), token.username());
            return new CreatedApiToken(token, secret);
        });
    }

    @Override
    public List<ApiToken> list(String username) {
        checkMayManage(username, "You may see only your own API tokens.");
        return inTransaction(em -> em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.username = :user"
                + " ORDER BY t.createdAt DESC, t.id DESC", ApiTokenEntity.class).setParameter("user", username)
                .getResultList().stream().map(ApiTokenEntity::toToken).toList());
    }

    @Override
    public List<ApiToken> listAll() {
        access.require(SecurityAdmin.MANAGE_USERS);
        return inTransaction(em -> em.createQuery("SELECT t FROM ApiTokenEntity t ORDER BY t.username, t.createdAt DESC, t.id DESC",
                ApiTokenEntity.class).getResultList().stream().map(ApiTokenEntity::toToken).toList());
    }

    @Override
    public ApiToken revoke(long id) {
        Caller caller = callers.current().orElseThrow(() -> new PermissionDeniedException("Sign in first."));
        boolean admin = access.permitted(SecurityAdmin.MANAGE_USERS);
        return scope.required(c -> {
            ApiToken[] before = new ApiToken[1];
            ApiToken after = inTransaction(em -> {
                ApiTokenEntity entity = em.find(ApiTokenEntity.class, id);
                if (!admin && (entity == null || !entity.username().equals(caller.username()))) {
                    // the same answer for a token that does not exist: ids say nothing to other users
                    throw new PermissionDeniedException("You may revoke only your own API tokens.");
                }
                if (entity == null) {
                    throw new NotFoundException("API token", id);
                }
                before[0] = entity.toToken();
                entity.revoke(clock.instant());
                return entity.toToken();
            });
            if (before[0].revokedAt().isEmpty()) {
                audit.record(new RecordChange(SecurityAdminImpl.MODULE, RECORD_TYPE, id, label(after), after.username(),
                        AuditAction.UPDATE, Map.of("revoked", ""), Map.of("revoked", after.revokedAt().orElseThrow().toString())));
                LOG.info("API token {} '{}' of user '{}' revoked", id, after.name(), after.username());
            }
            return after;
        });
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) {
        if (!TokenSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        String hash = TokenSecrets.hash(secret);
        Instant now = clock.instant();
        return inTransaction(em -> {
            Optional<ApiTokenEntity> found = em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.secretHash = :hash",
                    ApiTokenEntity.class).setParameter("hash", hash).getResultList().stream().findFirst();
            if (found.isEmpty() || !found.get().toToken().usableAt(now)) {
                return Optional.empty();
            }
            ApiTokenEntity entity = found.get();
            Optional<UserAccount> user = UserAccount.byName(em, entity.username());
            if (user.isEmpty() || !user.get().active()
                    || user.get().lockedAt(LocalDateTime.ofInstant(now, ZoneOffset.UTC)).isPresent()) {
                return Optional.empty();
            }
            entity.used(now);
            return Optional.of(entity.toToken());
        });
    }

    /** @return what is wrong with a request, on the fields {@code name}, {@code recordTypes} and {@code expiresAt} */
    static List<FieldError> errors(ApiTokenRequest request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("name", "Enter a name of 1 to 100 characters."));
        }
        request.recordTypes().stream().filter(type -> type == null || !TYPE_ID.matcher(type).matches()).findFirst()
                .ifPresent(type -> errors.add(new FieldError("recordTypes", "'" + type + "' is not a record type id like contact.")));
        if (String.join(",", request.recordTypes()).length() > 1000) {
            errors.add(new FieldError("recordTypes", "Name fewer record types."));
        }
        if (request.expiresAt().filter(at -> !at.isAfter(now)).isPresent()) {
            errors.add(new FieldError("expiresAt", "Choose an expiry in the future."));
        }
        return errors;
    }

    private void checkMayManage(String username, String refusal) {
        Caller caller = callers.current().orElseThrow(() -> new PermissionDeniedException("Sign in first."));
        if (!caller.username().equals(username) && !access.permitted(SecurityAdmin.MANAGE_USERS)) {
            throw new PermissionDeniedException(refusal);
        }
        if (caller.username().equals(username)) {
            access.visibility(); // refuses an inactive account
        }
    }

    private static String label(ApiToken token) {
        return token.name() + " (" + token.username() + ")";
    }

    private static Map<String, Object> fields(ApiToken token) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", token.username());
        fields.put("name", token.name());
        fields.put("scope", token.scope().name());
        fields.put("recordTypes", token.recordTypes().isEmpty() ? "all" : String.join(", ", new TreeSet<>(token.recordTypes())));
        fields.put("expiresAt", token.expiresAt().map(Instant::toString).orElse("never"));
        return fields;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
