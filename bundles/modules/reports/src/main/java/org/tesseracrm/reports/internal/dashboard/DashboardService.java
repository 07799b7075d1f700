package org.tesseracrm.reports.internal.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.Reports;
import org.tesseracrm.reports.internal.store.Viewer;

/**
 * Dashboards: saved per user and shared like reports, with a default per profile for the Home page. Every method
 * checks the caller's permissions ({@code reports.view} to see, {@code reports.build} to save one's own,
 * {@code reports.share} to share, {@code reports.admin} for the defaults and others' dashboards); the widgets run
 * through {@link Reports} as the viewer, so their figures follow the viewer's record visibility.
 */
@Component(service = DashboardService.class)
public class DashboardService {
    private final AccessControl access;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final SecurityAdmin security;
    private final Reports reports;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param access the caller's permissions
     * @param callers reads users, roles and groups as the system
     * @param scope the transactions of the module's tables
     * @param security the caller's role, groups and profile
     * @param reports the reports a widget may show
     */
    @Activate
    public DashboardService(@Reference AccessControl access, @Reference CallerContext callers,
            @Reference TransactionScope scope, @Reference SecurityAdmin security, @Reference Reports reports) {
        this.access = access;
        this.callers = callers;
        this.scope = scope;
        this.security = security;
        this.reports = reports;
    }

    /** @return the dashboards the caller sees, by name */
    public List<Dashboard> list() {
        Me me = me();
        return scope.required(DashboardStore::all).stream()
                .filter(d -> DashboardRules.sees(me.viewer(), d, me.profileDefault())).toList();
    }

    /**
     * @param id a dashboard id
     * @return the dashboard
     * @throws NotFoundException if there is none the caller sees
     */
    public Dashboard get(long id) {
        return seen(id, me());
    }

    /**
     * @param dashboard a dashboard the caller sees
     * @return whether the caller may change it
     */
    public boolean mayChange(Dashboard dashboard) {
        return DashboardRules.mayChange(me().viewer(), dashboard);
    }

    /**
     * @return the dashboard the Home page shows the caller: the default of their profile, if an administrator set
     *     one
     */
    public Optional<Dashboard> home() {
        Me me = me();
        return me.profileDefault().flatMap(id -> scope.required(c -> DashboardStore.get(c, id)));
    }

    /**
     * Saves a new dashboard of the caller or a change of one they may change.
     *
     * @param input the dashboard
     * @return it as saved
     * @throws ValidationException naming the fields that are wrong
     * @throws ConflictException if someone saved it meanwhile
     */
    public Dashboard save(DashboardInput input) {
        Caller caller = access.require(Reports.BUILD);
        if (input == null) {
            throw new ValidationException(List.of(new FieldError("dashboard", "Send the dashboard to save")));
        }
        if (!input.sharing().isPrivate()) {
            access.require(Reports.SHARE);
        }
        Set<String> usable = reports.list().stream().map(ReportInfo::key).collect(Collectors.toSet());
        List<FieldError> errors = DashboardRules.errors(input, usable);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String name = input.name().strip();
        Instant now = clock.instant();
        if (input.id() == 0) {
            return scope.required(c -> DashboardStore.insert(c, caller.username(), input, name, now));
        }
        Me me = me();
        Dashboard old = seen(input.id(), me);
        if (!DashboardRules.mayChange(me.viewer(), old)) {
            throw new PermissionDeniedException("Only the owner of the dashboard " + old.name()
                    + " or a reports admin may change it; save a copy instead.");
        }
        return scope.required(c -> DashboardStore.update(c, input, name, now)).orElseThrow(() -> new ConflictException(
                "The dashboard " + old.name() + " was changed meanwhile; open it again and redo your change."));
    }

    /**
     * @param id a dashboard the caller may change
     * @param version the version they read
     */
    public void delete(long id, long version) {
        access.require(Reports.BUILD);
        Me me = me();
        Dashboard old = seen(id, me);
        if (!DashboardRules.mayChange(me.viewer(), old)) {
            throw new PermissionDeniedException("Only the owner of the dashboard " + old.name()
                    + " or a reports admin may delete it.");
        }
        if (!scope.required(c -> DashboardStore.delete(c, id, version))) {
            throw new ConflictException("The dashboard " + old.name() + " was changed meanwhile; open it again.");
        }
    }

    /** @return the default dashboard's id by profile id (reports admins) */
    public Map<Long, Long> defaults() {
        access.require(Reports.ADMIN);
        return scope.required(DashboardStore::defaults);
    }

    /** @return the profiles a default can be set for (reports admins) */
    public List<ProfileInfo> profiles() {
        access.require(Reports.ADMIN);
        return asSystem(security::profiles);
    }

    /**
     * Sets or clears the dashboard the Home page shows the users of a profile (reports admins).
     *
     * @param profileId a profile id
     * @param dashboardId a dashboard id, or empty to show none
     * @throws NotFoundException if the profile or the dashboard does not exist
     */
    public void setDefault(long profileId, Optional<Long> dashboardId) {
        access.require(Reports.ADMIN);
        if (asSystem(security::profiles).stream().noneMatch(p -> p.id() != null && p.id() == profileId)) {
            throw new NotFoundException("Profile", profileId);
        }
        dashboardId.ifPresent(id -> scope.required(c -> DashboardStore.get(c, id))
                .orElseThrow(() -> new NotFoundException("Dashboard", id)));
        scope.required(c -> {
            DashboardStore.setDefault(c, profileId, dashboardId);
            return null;
        });
    }

    private Dashboard seen(long id, Me me) {
        return scope.required(c -> DashboardStore.get(c, id))
                .filter(d -> DashboardRules.sees(me.viewer(), d, me.profileDefault()))
                .orElseThrow(() -> new NotFoundException("Dashboard", id));
    }

    /**
     * The caller as the sharing rules see them.
     *
     * @param viewer their name, role, groups and whether they are a reports admin
     * @param profileDefault the default dashboard of their profile
     */
    private record Me(Viewer viewer, Optional<Long> profileDefault) {
    }

    private Me me() {
        Caller caller = access.require(Reports.VIEW);
        Optional<UserInfo> user = asSystem(() -> security.users().stream()
                .filter(u -> u.username().equals(caller.username())).findFirst());
        Viewer viewer = new Viewer(caller.username(), user.map(UserInfo::roleId).map(String::valueOf),
                user.map(u -> u.groupIds().stream().map(String::valueOf).collect(Collectors.toSet())).orElse(Set.of()),
                access.permitted(Reports.ADMIN));
        Optional<Long> profile = user.map(UserInfo::profileId);
        Optional<Long> profileDefault = profile.flatMap(p -> Optional.ofNullable(
                scope.required(DashboardStore::defaults).get(p)));
        return new Me(viewer, profileDefault);
    }

    private <T> T asSystem(Supplier<T> work) {
        return callers.callAs(Caller.SYSTEM, work);
    }
}
