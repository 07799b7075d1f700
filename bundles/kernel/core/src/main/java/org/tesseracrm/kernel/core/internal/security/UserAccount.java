package org.tesseracrm.kernel.core.internal.security;

import java.time.LocalDateTime;

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

    /** For JPA. */
    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, LocalDateTime createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = createdAt;
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
