package org.tesseracrm.forecasts.internal.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.forecasts.api.ExchangeRate;
import org.tesseracrm.forecasts.api.Figure;
import org.tesseracrm.forecasts.api.Forecast;
import org.tesseracrm.forecasts.api.ForecastOpportunity;
import org.tesseracrm.forecasts.api.ForecastPeriod;
import org.tesseracrm.forecasts.api.ForecastSubject;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.forecasts.api.SubjectKind;
import org.tesseracrm.forecasts.internal.service.ForecastMath.Kind;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.RoleScope;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseKind;

/**
 * The forecasts (see {@link Forecasts}). Figures are computed at read with one grouped SQL read of the opportunities
 * closing in the period (close date index) for the users of the caller's role scope; nothing is cached, so a
 * forecast is always current and needs no record events. Which users and roles a caller may look at comes from
 * {@link AccessControl#roleScope()}, checked here on every call.
 */
@Component(service = Forecasts.class)
public class ForecastsImpl implements Forecasts {
    /** The most opportunities a drill-down lists. */
    static final int DRILL_DOWN_LIMIT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ForecastsImpl.class);
    private static final String OUT_OF_SCOPE = "You can only look at forecasts of your own role, its members and the "
            + "roles below it.";

    private final AccessControl access;
    private final TransactionScope scope;
    private final OpportunityPhases phases;
    private final CallerContext callers;

    /**
     * @param access the caller's permissions and role scope
     * @param scope the transactions
     * @param phases the opportunity phases (read as the system: which phases are won or open is no secret)
     * @param callers to read the phases as the system
     * @param schema the module's tables
     * @param opportunities the opportunities' tables
     */
    @Activate
    public ForecastsImpl(@Reference AccessControl access, @Reference TransactionScope scope,
            @Reference OpportunityPhases phases, @Reference CallerContext callers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.forecasts)") MigratedSchema schema,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.opportunities)") MigratedSchema opportunities) {
        this.access = access;
        this.scope = scope;
        this.phases = phases;
        this.callers = callers;
    }

    @Override
    public Forecast forecast(ForecastPeriod period) {
        access.require(VIEW);
        RoleScope mine = access.roleScope();
        return compute(period, mine, mine);
    }

    @Override
    public Forecast forecastOf(ForecastPeriod period, String username) {
        access.require(VIEW);
        RoleScope mine = access.roleScope();
        return compute(period, mine, scopeOf(mine, username));
    }

    private Forecast compute(ForecastPeriod period, RoleScope caller, RoleScope viewed) {
        Map<String, Kind> kinds = phaseKinds();
        List<String> owners = viewed.role().map(r -> viewed.usersOfSubtree(r.id())).orElse(List.of(viewed.username()));
        Predicate<ForecastSubject> editable = editable(caller);
        return scope.required(c -> {
            String reporting = ForecastStore.reportingCurrency(c);
            ForecastMath math = new ForecastMath(reporting, ForecastStore.rates(c));
            return math.forecast(period, viewed, ForecastStore.sums(c, period.start(), period.end(), owners, kinds,
                    reporting), ForecastStore.targets(c, period), editable);
        });
    }

    @Override
    public List<ForecastOpportunity> opportunities(ForecastPeriod period, ForecastSubject subject, Figure figure) {
        access.require(VIEW);
        RoleScope mine = access.roleScope();
        List<String> owners = owners(mine, subject);
        Kind wanted = figure == Figure.ACHIEVED ? Kind.WON : Kind.OPEN;
        List<String> phaseNames = new ArrayList<>();
        phaseKinds().forEach((name, kind) -> {
            if (kind == wanted) {
                phaseNames.add(name);
            }
        });
        return scope.required(c -> {
            String reporting = ForecastStore.reportingCurrency(c);
            ForecastMath math = new ForecastMath(reporting, ForecastStore.rates(c));
            return ForecastStore.opportunities(c, period.start(), period.end(), owners, phaseNames, reporting, math,
                    DRILL_DOWN_LIMIT);
        });
    }

    @Override
    public void setTarget(ForecastPeriod period, ForecastSubject subject, Optional<BigDecimal> amount) {
        access.require(VIEW);
        RoleScope mine = access.roleScope();
        if (!editable(mine).test(subject)) {
            throw new PermissionDeniedException(subject.kind() == SubjectKind.USER && subject.key().equals(mine.username())
                    ? "You may not set targets." : access.permitted(MANAGE)
                            ? "You can set targets for yourself, the roles right below yours and the members of your role."
                            : "You do not have the permission '" + MANAGE + "' to set others' targets.");
        }
        scope.required(c -> {
            String reporting = ForecastStore.reportingCurrency(c);
            Optional<BigDecimal> checked = amount.map(a -> checkAmount(a, reporting));
            ForecastStore.setTarget(c, period, subject, checked, reporting, mine.username());
            LOG.info("Forecast target {} {} {} set to {} {} by {}", period, subject.kind(), subject.key(),
                    checked.map(BigDecimal::toPlainString).orElse("(none)"), reporting, mine.username());
            return null;
        });
    }

    @Override
    public String reportingCurrency() {
        requireViewOrConfigure();
        return scope.required(ForecastStore::reportingCurrency);
    }

    @Override
    public List<ExchangeRate> rates() {
        requireViewOrConfigure();
        return scope.required(c -> ForecastStore.rates(c).entrySet().stream()
                .map(e -> new ExchangeRate(e.getKey(), e.getValue())).toList());
    }

    @Override
    public void setReportingCurrency(String currency) {
        Caller caller = access.require(CONFIGURE);
        String code = checkCurrency("currency", currency);
        scope.required(c -> {
            ForecastStore.setReportingCurrency(c, code);
            ForecastStore.setRate(c, code, Optional.empty(), caller.username());
            return null;
        });
        LOG.info("Forecast reporting currency set to {} by {}", code, caller.username());
    }

    @Override
    public void setRate(String currency, Optional<BigDecimal> rate) {
        Caller caller = access.require(CONFIGURE);
        String code = checkCurrency("currency", currency);
        scope.required(c -> {
            if (code.equals(ForecastStore.reportingCurrency(c))) {
                throw new ValidationException(List.of(new FieldError("currency", code
                        + " is the reporting currency: its rate is always 1.")));
            }
            ForecastStore.setRate(c, code, rate.map(ForecastsImpl::checkRate), caller.username());
            return null;
        });
        LOG.info("Exchange rate {} set to {} by {}", code, rate.map(BigDecimal::toPlainString).orElse("(none)"),
                caller.username());
    }

    private void requireViewOrConfigure() {
        if (!access.permitted(CONFIGURE)) {
            access.require(VIEW);
        }
    }

    /** @return the names of the won and open phases with their kind (lost phases count in no figure) */
    private Map<String, Kind> phaseKinds() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (Phase phase : callers.callAs(Caller.SYSTEM, phases::phases)) {
            if (phase.kind() == PhaseKind.WON) {
                kinds.put(phase.name(), Kind.WON);
            } else if (phase.kind() == PhaseKind.OPEN) {
                kinds.put(phase.name(), Kind.OPEN);
            }
        }
        return kinds;
    }

    /**
     * A caller sets their own target; with {@code forecasts.manage} also those of the other members of their role and
     * of the roles right below theirs.
     */
    private Predicate<ForecastSubject> editable(RoleScope mine) {
        return editable(mine, access.permitted(MANAGE));
    }

    /**
     * @param mine the caller's role scope
     * @param manage whether the caller holds {@code forecasts.manage}
     * @return which subjects' targets the caller may set
     */
    static Predicate<ForecastSubject> editable(RoleScope mine, boolean manage) {
        Optional<Long> own = mine.role().map(RoleInfo::id);
        return subject -> {
            if (subject.kind() == SubjectKind.USER) {
                return subject.key().equals(mine.username()) || manage && own.isPresent()
                        && mine.membersOf(own.get()).stream().anyMatch(m -> m.username().equals(subject.key()));
            }
            return manage && own.isPresent() && roleId(subject).map(id -> mine.children(own.get()).stream()
                    .anyMatch(r -> r.id() == id)).orElse(false);
        };
    }

    /** @return the users whose opportunities a subject's figures count, if the caller may look at it */
    static List<String> owners(RoleScope mine, ForecastSubject subject) {
        if (subject.kind() == SubjectKind.USER) {
            boolean visible = subject.key().equals(mine.username()) || mine.role()
                    .map(r -> mine.usersOfSubtree(r.id()).contains(subject.key())).orElse(false);
            if (!visible) {
                throw new PermissionDeniedException(OUT_OF_SCOPE);
            }
            return List.of(subject.key());
        }
        long id = roleId(subject).filter(mine::contains).orElseThrow(() -> new PermissionDeniedException(OUT_OF_SCOPE));
        return mine.usersOfSubtree(id);
    }

    /** @return the scope of a user the caller may look at: their role and below, within the caller's scope */
    static RoleScope scopeOf(RoleScope mine, String username) {
        if (username.equals(mine.username())) {
            return mine;
        }
        for (RoleInfo role : mine.roles()) {
            Optional<RoleScope.Member> member = mine.membersOf(role.id()).stream()
                    .filter(m -> m.username().equals(username)).findFirst();
            if (member.isPresent()) {
                List<RoleInfo> below = mine.roles().stream().filter(r -> mine.subtree(role.id()).contains(r.id())).toList();
                Map<Long, List<RoleScope.Member>> members = new HashMap<>();
                below.forEach(r -> members.put(r.id(), mine.membersOf(r.id())));
                return new RoleScope(username, Optional.of(role), below, members);
            }
        }
        throw new PermissionDeniedException(OUT_OF_SCOPE);
    }

    private static Optional<Long> roleId(ForecastSubject subject) {
        try {
            return Optional.of(subject.roleId());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal checkAmount(BigDecimal amount, String currency) {
        int scale = ForecastMath.scale(currency);
        if (amount.signum() < 0) {
            throw new ValidationException(List.of(new FieldError("amount", "A target cannot be negative.")));
        }
        if (amount.stripTrailingZeros().scale() > scale || amount.precision() - amount.scale() > 15) {
            throw new ValidationException(List.of(new FieldError("amount", "Enter an amount with at most " + scale
                    + " decimals in " + currency + ".")));
        }
        return amount.setScale(scale, ForecastMath.ROUNDING);
    }

    private static BigDecimal checkRate(BigDecimal rate) {
        if (rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 8 || rate.precision() - rate.scale() > 11) {
            throw new ValidationException(List.of(new FieldError("rate",
                    "Enter a rate above 0 with at most 8 decimals, e.g. 0.92.")));
        }
        return rate;
    }

    static String checkCurrency(String field, String currency) {
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                Currency.getInstance(code);
                return code;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the message
        }
        throw new ValidationException(List.of(new FieldError(field, "Enter an ISO 4217 currency code such as EUR or USD.")));
    }
}
