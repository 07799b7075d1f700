package org.tesseracrm.kernel.core.internal.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.security.Authentication;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Authenticates against the kernel's user table, locks accounts after repeated wrong passwords and
 * changes passwords. On first start (no account at all, and no marker in {@code etc/} saying there
 * were accounts: {@link FirstAdmin}) it creates the admin account, storing only the password's hash:
 * from the environment if an operator set it there ({@link BootstrapAdmin}), else from configuration,
 * whose password must be replaced at the first sign-in. It reports as the health indicator
 * {@value #HEALTH}: DOWN when it refused to create a first admin, on an empty database that the marker
 * says had accounts, or because the environment's admin password is unusable.
 */
// immediate: the first admin must exist as soon as the kernel runs, not only once something asks for the
// authenticator (the web edge no longer needs it to start; a test or script acting as admin raced its creation)
@Component(service = {Authenticator.class, HealthIndicator.class}, configurationPid = AuthenticatorImpl.PID,
        property = HealthIndicator.COMPONENT + "=" + AuthenticatorImpl.HEALTH, immediate = true)
@Designate(ocd = AuthenticatorImpl.Config.class)
public class AuthenticatorImpl implements Authenticator, HealthIndicator {
    static final String PID = "org.tesseracrm.kernel.security";
    /** The health indicator's name. */
    static final String HEALTH = "accounts";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticatorImpl.class);

    /** Configuration of the first-start admin account. */
    @ObjectClassDefinition(name = "Tessera security", description = "The admin account created on first start.")
    public @interface Config {
        /** @return login name of the first admin, unless the environment variable TESSERA_ADMIN_USERNAME gives one */
        @AttributeDefinition(name = "Admin user name")
        String admin_username() default "admin";

        /**
         * @return initial password of the first admin, to be changed at its first sign-in; only used on the first
         *     start, and not when the environment gives one (TESSERA_ADMIN_PASSWORD or TESSERA_ADMIN_PASSWORD_FILE)
         */
        @AttributeDefinition(name = "Initial admin password", type = AttributeType.PASSWORD)
        String admin_password() default "admin";
    }

    private final JpaTemplate jpa;
    private final CallerContext callers;
    private final Clock clock = Clock.systemUTC();
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
    /** Compared against for unknown or locked users, so every refusal takes as long as a wrong password. */
    private final String decoyHash = hasher.hash("decoy".toCharArray());
    private volatile HealthStatus health = HealthStatus.up();

    /**
     * @param jpa the kernel's persistence unit
     * @param schema present once the kernel's tables exist
     * @param callers who is calling, for password changes
     * @param config the admin account to create on first start
     */
    @Activate
    public AuthenticatorImpl(@Reference(target = "(osgi.unit.name=tessera-kernel)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.core)") MigratedSchema schema,
            @Reference CallerContext callers, Config config) {
        this(jpa, callers, config, System.getenv(), Optional.ofNullable(System.getProperty("karaf.etc")).map(Path::of));
    }

    /**
     * @param environment the environment to take a first admin from instead of the process's
     * @param etc the folder of the {@link FirstAdmin} marker; empty: none
     */
    AuthenticatorImpl(JpaTemplate jpa, CallerContext callers, Config config, Map<String, String> environment,
            Optional<Path> etc) {
        this.jpa = jpa;
        this.callers = callers;
        createAdminIfMissing(config, new BootstrapAdmin(environment), new FirstAdmin(etc));
    }

    @Override
    public HealthStatus status() {
        return health;
    }

    @Override
    public Optional<Authentication> authenticate(String username, char[] password) {
        if (username == null || username.isBlank()) {
            hasher.matches(password, decoyHash);
            return Optional.empty();
        }
        return inTransaction(em -> {
            Optional<UserAccount> found = UserAccount.byName(em, username.trim());
            if (found.isEmpty()) {
                hasher.matches(password, decoyHash);
                return Optional.empty();
            }
            UserAccount account = found.get();
            LocalDateTime now = LocalDateTime.now(clock);
            Optional<LocalDateTime> locked = account.lockedAt(now);
            if (locked.isPresent()) {
                hasher.matches(password, decoyHash);
                long minutes = Math.max(1, Duration.between(now, locked.get()).toSeconds() / 60 + 1);
                throw new PermissionDeniedException("Too many wrong passwords for this account. Try again in "
                        + minutes + (minutes == 1 ? " minute." : " minutes."));
            }
            if (hasher.matches(password, account.passwordHash()) && account.active()) {
                account.loginSucceeded();
                return Optional.of(new Authentication(new Caller(account.username()), account.mustChangePassword()));
            }
            account.loginFailed(now);
            LOG.info("Wrong password for user '{}'", account.username());
            return Optional.empty();
        });
    }

    @Override
    public void changePassword(char[] currentPassword, char[] newPassword, char[] repeatedNewPassword) {
        Caller caller = callers.current().orElseThrow(() -> new PermissionDeniedException("Sign in to change your password."));
        inTransaction(em -> {
            UserAccount account = UserAccount.byName(em, caller.username())
                    .orElseThrow(() -> new PermissionDeniedException("Your account no longer exists."));
            if (!hasher.matches(currentPassword, account.passwordHash())) {
                throw new ValidationException(List.of(new FieldError("currentPassword", "This is not your current password.")));
            }
            List<FieldError> errors = LoginPolicy.checkNewPassword(account.username(), currentPassword, newPassword,
                    repeatedNewPassword);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            account.changePassword(hasher.hash(newPassword));
            return null;
        });
        LOG.info("User '{}' changed their password", caller.username());
    }

    private void createAdminIfMissing(Config config, BootstrapAdmin bootstrap, FirstAdmin firstAdmin) {
        boolean anyAccount = inTransaction(em -> em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class)
                .getSingleResult()) > 0;
        switch (firstAdmin.decide(anyAccount)) {
            case NOTHING -> bootstrap.ignored().ifPresent(LOG::info);
            case REMEMBER -> {
                firstAdmin.remember(config.admin_username().trim(), clock.instant()).ifPresent(LOG::warn);
                bootstrap.ignored().ifPresent(LOG::info);
            }
            case REFUSE -> refuse(firstAdmin.refusal());
            case CREATE -> {
                try {
                    createAdmin(bootstrap.account(config.admin_username().trim(), config.admin_password(), PID),
                            firstAdmin);
                } catch (BootstrapAdmin.Refused e) {
                    refuse(e.getMessage());
                }
            }
        }
    }

    private void createAdmin(BootstrapAdmin.Account account, FirstAdmin firstAdmin) {
        firstAdmin.remember(account.username(), clock.instant()).ifPresent(LOG::warn);
        String hash = hasher.hash(account.password());
        Arrays.fill(account.password(), '\0');
        jpa.tx(TransactionType.Required, em -> {
            UserAccount admin = new UserAccount(account.username(), hash, LocalDateTime.now(clock),
                    account.mustChangePassword());
            admin.makeAdministrator();
            em.persist(admin);
        });
        LOG.info("Created the first admin account '{}' with the password from {}; {}", account.username(),
                account.passwordSource(), account.mustChangePassword()
                        ? "it must choose a new password at its first sign-in"
                        : "it can sign in with it at once, also to the shell");
    }

    private void refuse(String reason) {
        health = HealthStatus.down(reason);
        LOG.error("{}", reason);
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
