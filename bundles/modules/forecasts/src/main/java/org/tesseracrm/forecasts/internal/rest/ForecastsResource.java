package org.tesseracrm.forecasts.internal.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.forecasts.api.ExchangeRate;
import org.tesseracrm.forecasts.api.Figure;
import org.tesseracrm.forecasts.api.Forecast;
import org.tesseracrm.forecasts.api.ForecastOpportunity;
import org.tesseracrm.forecasts.api.ForecastPeriod;
import org.tesseracrm.forecasts.api.ForecastRow;
import org.tesseracrm.forecasts.api.ForecastSubject;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.AccessControl;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/forecasts}: the caller's forecast for a period, its drill-downs, targets, and the reporting currency
 * with its exchange rates, through {@link Forecasts}, which checks the permissions and the role scope of the token's
 * user. Each method checks {@code forecasts.view} (or {@code forecasts.configure}) before it reads its parameters, so a
 * caller without rights is refused before being told a parameter is malformed. A whiteboard resource written out with
 * properties, so the module installs without the REST API. Amounts are JSON numbers with every digit.
 */
@Component(service = ForecastsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.forecasts", "osgi.jakartars.extension.select=" + ForecastsResource.JSON})
@Path("v1/forecasts")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastsResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";
    private static final String OPPORTUNITY = "opportunity";

    private final Forecasts forecasts;
    private final AccessControl access;

    /**
     * @param forecasts does the work and checks permissions and scope
     * @param access checks the permission first, and limits a token restricted to other record types
     */
    @Activate
    public ForecastsResource(@Reference Forecasts forecasts, @Reference AccessControl access) {
        this.forecasts = forecasts;
        this.access = access;
    }

    /**
     * @param period {@code 2026-Q4}, {@code 2026-H1} or {@code 2026-M03}
     * @param user whose forecast (the caller or a user of their subtree); the caller's if absent
     * @return the forecast with its rows
     */
    @GET
    public ForecastView forecast(@QueryParam("period") String period, @QueryParam("user") String user) {
        guard(Forecasts.VIEW);
        ForecastPeriod p = period(period);
        Forecast forecast = user == null || user.isBlank() ? forecasts.forecast(p) : forecasts.forecastOf(p, user.strip());
        return ForecastView.of(forecast);
    }

    /**
     * The drill-down: exactly the opportunities counted in a row's achieved or pipeline figure.
     *
     * @param period the period
     * @param role a role id (the row of a role), or
     * @param user a user name (the row of a user)
     * @param figure {@code achieved} or {@code pipeline}
     * @return {@code {"ids": [...], "data": [opportunity...]}}
     */
    @GET
    @Path("opportunities")
    public DrillDownView opportunities(@QueryParam("period") String period, @QueryParam("role") Long role,
            @QueryParam("user") String user, @QueryParam("figure") String figure) {
        guard(Forecasts.VIEW);
        ForecastPeriod p = period(period);
        ForecastSubject subject = subject(role, user);
        Figure f;
        try {
            f = Figure.valueOf(figure == null ? "" : figure.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("figure", "Choose achieved or pipeline.")));
        }
        List<OpportunityView> rows = forecasts.opportunities(p, subject, f).stream().map(OpportunityView::of).toList();
        return new DrillDownView(rows.stream().map(OpportunityView::id).toList(), rows);
    }

    /** @return 204 once a role's target is set ({@code {"amount": 1000}}) or cleared ({@code {"amount": null}}) */
    @PUT
    @Path("{period}/targets/roles/{roleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setRoleTarget(@PathParam("period") String period, @PathParam("roleId") long roleId,
            TargetRequest request) {
        guard(Forecasts.VIEW);
        forecasts.setTarget(period(period), ForecastSubject.role(roleId), amount(request));
        return Response.noContent().build();
    }

    /** @return 204 once a user's target is set or cleared */
    @PUT
    @Path("{period}/targets/users/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setUserTarget(@PathParam("period") String period, @PathParam("username") String username,
            TargetRequest request) {
        guard(Forecasts.VIEW);
        forecasts.setTarget(period(period), ForecastSubject.user(username == null ? "" : username), amount(request));
        return Response.noContent().build();
    }

    /** @return the reporting currency and the exchange rates */
    @GET
    @Path("exchange-rates")
    public RatesView rates() {
        if (!access.permitted(Forecasts.CONFIGURE)) {
            guard(Forecasts.VIEW);
        }
        return new RatesView(forecasts.reportingCurrency(), forecasts.rates());
    }

    /** @return the rates after setting the reporting currency ({@code {"reportingCurrency": "EUR"}}) */
    @PUT
    @Path("exchange-rates")
    @Consumes(MediaType.APPLICATION_JSON)
    public RatesView setReportingCurrency(ReportingCurrencyRequest request) {
        guard(Forecasts.CONFIGURE);
        forecasts.setReportingCurrency(request == null ? "" : request.reportingCurrency());
        return rates();
    }

    /** @return the rates after setting one ({@code {"rate": 0.92}}: units of the reporting currency per unit) */
    @PUT
    @Path("exchange-rates/{currency}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RatesView setRate(@PathParam("currency") String currency, RateRequest request) {
        guard(Forecasts.CONFIGURE);
        if (request == null || request.rate() == null) {
            throw new ValidationException(List.of(new FieldError("rate", "Give the rate, e.g. {\"rate\": 0.92}.")));
        }
        forecasts.setRate(currency, Optional.of(request.rate()));
        return rates();
    }

    /** @return 204 once a currency's rate is removed */
    @DELETE
    @Path("exchange-rates/{currency}")
    public Response removeRate(@PathParam("currency") String currency) {
        guard(Forecasts.CONFIGURE);
        forecasts.setRate(currency, Optional.empty());
        return Response.noContent().build();
    }

    private void guard(String permission) {
        access.require(permission);
        access.requireRecordType(OPPORTUNITY);
    }

    static ForecastPeriod period(String text) {
        try {
            return ForecastPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("period", e.getMessage())));
        }
    }

    private static ForecastSubject subject(Long role, String user) {
        if ((role == null) == (user == null || user.isBlank())) {
            throw new ValidationException(List.of(new FieldError("role", "Give either role (a role id) or user.")));
        }
        return role != null ? ForecastSubject.role(role) : ForecastSubject.user(user.strip());
    }

    private static Optional<BigDecimal> amount(TargetRequest request) {
        return request == null ? Optional.empty() : Optional.ofNullable(request.amount());
    }

    /**
     * A target as the API takes it.
     *
     * @param amount the target in the reporting currency; null clears it
     */
    public record TargetRequest(BigDecimal amount) {
    }

    /**
     * The reporting currency as the API takes it.
     *
     * @param reportingCurrency an ISO 4217 code
     */
    public record ReportingCurrencyRequest(String reportingCurrency) {
    }

    /**
     * A rate as the API takes it.
     *
     * @param rate units of the reporting currency per unit of the path's currency
     */
    public record RateRequest(BigDecimal rate) {
    }

    /**
     * The reporting currency and the rates.
     *
     * @param reportingCurrency its ISO code
     * @param rates the rates by currency
     */
    public record RatesView(String reportingCurrency, List<ExchangeRate> rates) {
    }

    /**
     * A drill-down.
     *
     * @param ids the opportunities' record ids, in the order of {@code data}
     * @param data the opportunities
     */
    public record DrillDownView(List<Long> ids, List<OpportunityView> data) {
    }

    /**
     * An opportunity of a drill-down; null for what it lacks.
     *
     * @param id record id
     * @param name name
     * @param owner owner's user name
     * @param phase phase
     * @param closeDate yyyy-mm-dd
     * @param amount amount in its currency
     * @param currency its currency
     * @param expectedAmount weighted amount in its currency
     * @param convertedAmount amount in the reporting currency; null without a rate
     */
    public record OpportunityView(long id, String name, String owner, String phase, String closeDate, BigDecimal amount,
            String currency, BigDecimal expectedAmount, BigDecimal convertedAmount) {
        static OpportunityView of(ForecastOpportunity o) {
            return new OpportunityView(o.id(), o.name(), o.owner(), o.phase(), o.closeDate().toString(),
                    o.amount().orElse(null), o.currency(), o.expectedAmount().orElse(null), o.converted().orElse(null));
        }
    }

    /**
     * A forecast as the API gives it.
     *
     * @param period written form, e.g. 2026-Q4
     * @param label e.g. Q4 2026
     * @param start first day
     * @param end last day
     * @param user whose forecast
     * @param role that user's role name; null without one
     * @param reportingCurrency the currency of every amount
     * @param rows the rows
     * @param missingRates currencies without a rate whose amounts are left out
     */
    public record ForecastView(String period, String label, String start, String end, String user, String role,
            String reportingCurrency, List<RowView> rows, List<String> missingRates) {
        static ForecastView of(Forecast f) {
            return new ForecastView(f.period().toString(), f.period().label(), f.period().start().toString(),
                    f.period().end().toString(), f.username(), f.roleName().orElse(null), f.reportingCurrency(),
                    f.rows().stream().map(RowView::of).toList(), List.copyOf(f.missingRates()));
        }
    }

    /**
     * A row as the API gives it.
     *
     * @param kind {@code role} or {@code user}
     * @param roleId the role id for a role row, else null
     * @param user the user name for a user row, else null
     * @param label role name or user's full name
     * @param place own-role, self, member, subordinate-role or lower-role
     * @param depth indentation level
     * @param target null if none
     * @param achieved won amount
     * @param achievedCount won count
     * @param pipeline open amount
     * @param weighted open amount weighted by probability
     * @param pipelineCount open count
     * @param percentOfTarget achieved / target x 100, null without a target
     * @param targetEditable whether the caller may set the target
     * @param unconverted by currency, amounts left out for want of a rate
     */
    public record RowView(String kind, Long roleId, String user, String label, String place, int depth,
            BigDecimal target, BigDecimal achieved, long achievedCount, BigDecimal pipeline, BigDecimal weighted,
            long pipelineCount, BigDecimal percentOfTarget, boolean targetEditable, Map<String, BigDecimal> unconverted) {
        static RowView of(ForecastRow r) {
            boolean role = r.subject().kind() == org.tesseracrm.forecasts.api.SubjectKind.ROLE;
            return new RowView(role ? "role" : "user", role ? r.subject().roleId() : null, role ? null : r.subject().key(),
                    r.label(), r.place().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.depth(),
                    r.target().orElse(null), r.achieved(), r.achievedCount(), r.pipeline(), r.weighted(),
                    r.pipelineCount(), r.percentOfTarget().orElse(null), r.targetEditable(), r.unconverted());
        }
    }
}
