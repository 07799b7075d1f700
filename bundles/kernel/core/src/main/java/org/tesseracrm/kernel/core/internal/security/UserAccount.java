package org.tesseracrm.kernel.core.internal.security;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.EntityManager;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.kernel.api.security.UserInput;

/** A login account. Passwords are only ever stored as {@link PasswordHasher} hashes. */
@Entity
@Table(name = "CRM_USER")
public class UserAccount {
    /** Id of the role "Administrators" seeded by the kernel's changelog. */
    static final long SEEDED_ADMIN_ROLE = 1;
    /** Id of the full-access profile "Administrator" seeded by the kernel's changelog. */
    static final long SEEDED_ADMIN_PROFILE = 1;

    @Id
    @TableGenerator(name = "userIds", table = "KERNEL_ID_GEN", pkColumnName = "GEN_NAME",
            valueColumnName = "GEN_VALUE", pkColumnValue = "USER", allocationSize = 1)
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

    @Column(name = "FULL_NAME", length = 200)
    private String fullName;

    @Column(name = "EMAIL", length = 254)
    private String email;

    @Column(name = "BRANCH", length = 100)
    private String branch;

    @Column(name = "ROLE_ID")
    private Long roleId;

    @Column(name = "PROFILE_ID")
    private Long profileId;

    @Column(name = "TIME_ZONE", length = 64)
    private String timeZone; // a ZoneId; null until set

    @Column(name = "LOCALE", length = 35)
    private String locale; // a BCP 47 language tag; null until set

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CRM_USER_GROUP", joinColumns = @JoinColumn(name = "USER_ID"))
    @Column(name = "GROUP_ID")
    private Set<Long> groupIds = new HashSet<>();

    /** For JPA. */
    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, LocalDateTime createdAt, boolean mustChangePassword) {
        this.username = username;
        this.fullName = username;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = createdAt;
        this.mustChangePassword = mustChangePassword;
    }

    /** @return the account with exactly this user name, if any */
    static Optional<UserAccount> byName(EntityManager em, String username) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :name", UserAccount.class)
                .setParameter("name", username).getResultList().stream().findFirst();
    }

    /** Sets what an administrator edits; the user name only when the account is new. */
    void set(UserInput input) {
        if (username == null) {
            username = input.username().trim();
        }
        fullName = input.fullName().trim();
        email = blankToNull(input.email());
        branch = blankToNull(input.branch());
        roleId = input.roleId();
        profileId = input.profileId();
        groupIds.clear();
        groupIds.addAll(input.groupIds());
    }

    void leaveGroup(long groupId) {
        groupIds.remove(groupId);
    }

    /** Gives the first admin the seeded top role and full-access profile. */
    void makeAdministrator() {
        roleId = SEEDED_ADMIN_ROLE;
        profileId = SEEDED_ADMIN_PROFILE;
    }

    void setActive(boolean value) {
        active = value;
    }

    /** Sets a temporary password that must be changed at the next sign-in, and lifts a lockout. */
    void resetPassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = true;
        failedLogins = 0;
        lockedUntil = null;
    }

    UserInfo toInfo(LocalDateTime now) {
        return new UserInfo(id, username, fullName == null ? username : fullName, nullToBlank(email),
                nullToBlank(branch), roleId, profileId, groupIds, active, lockedAt(now).isPresent());
    }

    long id() {
        return id;
    }

    /** @return the user's time zone and locale, if they have been set */
    Optional<RegionalSettings> regional() {
        if (timeZone == null || locale == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RegionalSettings(ZoneId.of(timeZone), Locale.forLanguageTag(locale)));
        } catch (DateTimeException e) {
            return Optional.empty(); // a zone the running JVM no longer knows: as if unset
        }
    }

    void setRegional(RegionalSettings settings) {
        timeZone = settings.zone().getId();
        locale = settings.locale().toLanguageTag();
    }

    Long roleId() {
        return roleId;
    }

    Set<Long> groupIds() {
        return Set.copyOf(groupIds);
    }

    Long profileId() {
        return profileId;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String nullToBlank(String value) {
        return value == null ? "" : value;
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

    /** @return the name shown to others (the user name if none was given) */
    String fullName() {
        return fullName == null ? username : fullName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean active() {
        return active;
    }
}
