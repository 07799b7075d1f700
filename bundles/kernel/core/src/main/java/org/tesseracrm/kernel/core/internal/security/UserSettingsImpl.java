package org.tesseracrm.kernel.core.internal.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditAction;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.audit.RecordChange;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserSettings;

/**
 * Users' time zones and locales in the kernel's user table. A user reads and changes their own; a
 * caller with {@link SecurityAdmin#MANAGE_USERS} anybody's; changes are audited like other user changes.
 */
@Component(service = UserSettings.class)
public class UserSettingsImpl implements UserSettings {
    private final JpaTemplate jpa;
    private final CallerContext callers;
    private final AccessControl access;
    private final AuditTrail audit;

    /**
     * @param jpa the kernel's persistence unit
     * @param schema present once the kernel's tables exist
     * @param callers who is calling
     * @param access whether the caller may manage users
     * @param audit records each change
     */
    @Activate
    public UserSettingsImpl(@Reference(target = "(osgi.unit.name=tessera-kernel)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.core)") MigratedSchema schema,
            @Reference CallerContext callers, @Reference AccessControl access, @Reference AuditTrail audit) {
        this.jpa = jpa;
        this.callers = callers;
        this.access = access;
        this.audit = audit;
    }

    @Override
    public RegionalSettings regional() {
        Optional<Caller> caller = callers.current().filter(c -> !Caller.SYSTEM.equals(c));
        if (caller.isEmpty()) {
            return RegionalSettings.DEFAULT;
        }
        return read(em -> UserAccount.byName(em, caller.get().username()).flatMap(UserAccount::regional))
                .orElse(RegionalSettings.DEFAULT);
    }

    @Override
    public RegionalSettings regional(String username) {
        checkMayManage(username);
        return read(em -> account(em, username).regional()).orElse(RegionalSettings.DEFAULT);
    }

    @Override
    public RegionalSettings changeRegional(String username, RegionalSettings settings) {
        checkMayManage(username);
        check(settings);
        RegionalSettings[] before = new RegionalSettings[1];
        long id = read(em -> {
            UserAccount user = account(em, username);
            before[0] = user.regional().orElse(null);
            user.setRegional(settings);
            return user.id();
        });
        audit.record(new RecordChange(SecurityAdminImpl.MODULE, "user", id, username, null, AuditAction.UPDATE,
                before[0] == null ? Map.of() : fields(before[0]), fields(settings)));
        return settings;
    }

    @Override
    public RegionalSettings adoptIfUnset(RegionalSettings browser) {
        Caller caller = callers.current().filter(c -> !Caller.SYSTEM.equals(c))
                .orElseThrow(() -> new PermissionDeniedException("Sign in first."));
        RegionalSettings usable = browser.locale().getLanguage().isEmpty()
                ? new RegionalSettings(browser.zone(), RegionalSettings.DEFAULT.locale()) : browser;
        return read(em -> {
            UserAccount user = account(em, caller.username());
            Optional<RegionalSettings> stored = user.regional();
            if (stored.isPresent()) {
                return stored.get();
            }
            user.setRegional(usable);
            return usable;
        });
    }

    /**
     * @param caller who is calling, if anybody
     * @param username whose settings they want
     * @param mayManageUsers whether the caller holds {@link SecurityAdmin#MANAGE_USERS}
     * @return whether the caller may read and change that user's settings: their own, or anybody's
     *     for a user administrator
     */
    static boolean mayManage(Optional<Caller> caller, String username, boolean mayManageUsers) {
        return caller.isPresent() && (mayManageUsers || caller.get().username().equals(username));
    }

    /**
     * @param settings settings to store
     * @return what is wrong with them, on the fields {@code zone} and {@code locale}
     */
    static List<FieldError> errors(RegionalSettings settings) {
        if (settings.locale().getLanguage().isEmpty()) {
            return List.of(new FieldError("locale", "Choose a language and region."));
        }
        if (settings.zone().getId().length() > 64 || settings.locale().toLanguageTag().length() > 35) {
            return List.of(new FieldError("zone", "Choose a time zone from the list."));
        }
        return List.of();
    }

    private void checkMayManage(String username) {
        if (!mayManage(callers.current(), username, access.permitted(SecurityAdmin.MANAGE_USERS))) {
            throw new PermissionDeniedException("You may change only your own settings.");
        }
    }

    private static void check(RegionalSettings settings) {
        List<FieldError> errors = errors(settings);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static UserAccount account(EntityManager em, String username) {
        return UserAccount.byName(em, username).orElseThrow(() -> new NotFoundException("User", username));
    }

    private static Map<String, Object> fields(RegionalSettings settings) {
        return Map.of("timeZone", settings.zone().getId(), "locale", settings.locale().toLanguageTag());
    }

    private <T> T read(Function<EntityManager, T> work) {
        return Transactions.inTransaction(jpa, work);
    }
}
