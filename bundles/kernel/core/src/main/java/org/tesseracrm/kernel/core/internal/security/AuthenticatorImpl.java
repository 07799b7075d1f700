package org.tesseracrm.kernel.core.internal.security;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.Caller;

/**
 * Authenticates against the kernel's user table. On first start (no account with the configured admin
 * name yet) it creates the admin account from configuration, storing only the password's hash.
 */
@Component(service = Authenticator.class, configurationPid = AuthenticatorImpl.PID)
@Designate(ocd = AuthenticatorImpl.Config.class)
public class AuthenticatorImpl implements Authenticator {
    static final String PID = "org.tesseracrm.kernel.security";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticatorImpl.class);

    /** Configuration of the first-start admin account. */
    @ObjectClassDefinition(name = "Tessera security", description = "The admin account created on first start.")
    public @interface Config {
        /** @return login name of the first admin */
        @AttributeDefinition(name = "Admin user name")
        String admin_username() default "admin";

        /** @return initial password of the first admin; only used while that account does not exist */
        @AttributeDefinition(name = "Initial admin password", type = AttributeType.PASSWORD)
        String admin_password() default "admin";
    }

    private final JpaTemplate jpa;
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
    /** Compared against for unknown users, so a wrong user name takes as long as a wrong password. */
    private final String decoyHash = hasher.hash("decoy".toCharArray());

    /**
     * @param jpa the kernel's persistence unit
     * @param schema present once the kernel's tables exist
     * @param config the admin account to create on first start
     */
    @Activate
    public AuthenticatorImpl(@Reference(target = "(osgi.unit.name=tessera-kernel)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.core)") MigratedSchema schema,
            Config config) {
        this.jpa = jpa;
        createAdminIfMissing(config.admin_username().trim(), config.admin_password());
    }

    @Override
    public Optional<Caller> authenticate(String username, char[] password) {
        Optional<UserAccount> account = find(username);
        boolean matches = hasher.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
        return account.filter(a -> matches && a.active()).map(a -> new Caller(a.username()));
    }

    private Optional<UserAccount> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            List<UserAccount> found = em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :name",
                    UserAccount.class).setParameter("name", username.trim()).getResultList();
            return found.stream().findFirst();
        });
    }

    private void createAdminIfMissing(String username, String password) {
        if (find(username).isPresent()) {
            return;
        }
        String hash = hasher.hash(password.toCharArray());
        jpa.tx(TransactionType.Required, em -> em.persist(new UserAccount(username, hash, LocalDateTime.now(ZoneOffset.UTC))));
        LOG.info("Created the first admin account '{}' from configuration {}", username, PID);
    }
}
