package org.tesseracrm.kernel.core.internal.security;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A login account. Passwords are only ever stored as {@link PasswordHasher} hashes. */
@Entity
@Table(name = "CRM_USER")
public class UserAccount {

    @Id
    @TableGenerator(name = "userIds", table = "KERNEL_ID_GEN", pkColumnName = "GEN_NAME",
            valueColumnName = "GEN_VALUE", pkColumnValue = "USER", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "userIds")
    @Column(name = "ID")
    private Long id;

    @Column(name = "USERNAME", length = 100, nullable = false, unique = true)
    private String username;

    @Column(name = "PASSWORD_HASH", length = 200, nullable = false)
    private String passwordHash;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt; // UTC: JPA 2.2 has no Instant mapping

    @Column(name = "FAILED_LOGINS", nullable = false)
    private int failedLogins;

    @Column(name = "LOCKED_UNTIL")
    private LocalDateTime lockedUntil; // UTC

    @Column(name = "MUST_CHANGE_PASSWORD", nullable = false)
    private boolean mustChangePassword;

    /** For JPA. */
    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, LocalDateTime createdAt, boolean mustChangePassword) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = createdAt;
        this.mustChangePassword = mustChangePassword;
    }

    /** @return until when (UTC) sign-ins are refused, if the account is locked at {@code now} */
    Optional<LocalDateTime> lockedAt(LocalDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }

    void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void loginFailed(LocalDateTime now) {
        failedLogins++;
        Duration lock = LoginPolicy.lockFor(failedLogins);
        lockedUntil = lock.isZero() ? null : now.plus(lock);
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = false;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean active() {
        return active;
    }
}
