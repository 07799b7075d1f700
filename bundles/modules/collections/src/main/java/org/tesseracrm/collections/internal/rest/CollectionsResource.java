package org.tesseracrm.collections.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.collections.api.AgedObligation;
import org.tesseracrm.collections.api.AgingBucket;
import org.tesseracrm.collections.api.AgingBy;
import org.tesseracrm.collections.api.AgingReport;
import org.tesseracrm.collections.api.AgingRow;
import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Obligation;
import org.tesseracrm.collections.api.ObligationInput;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.collections.internal.CollectionsModule;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/collections/...}: a collection's obligations (read, and replaced with its totals in one
 * transaction) and the aging per customer or collector, through {@link Receivables}, which checks the permissions and
 * the collections' visibility for the token's user. The collections' fields are read and written through
 * {@code /api/v1/records/collection}. Dates are ISO texts ({@code 2026-12-31}); amounts JSON numbers with 2 decimals.
 * Errors are problem+json by the REST runtime's mapper; the permission is checked before a body or parameter is read.
 * Its whiteboard properties are written out, so the module installs without crm-rest.
 */
@Component(service = CollectionsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.collections", "osgi.jakartars.extension.select=" + CollectionsResource.JSON})
@Path("v1/collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final Receivables receivables;
    private final CustomFields fields;
    private final AccessControl access;

    /**
     * @param receivables does the work and checks the permissions
     * @param fields the collection's fields, for its JSON form
     * @param access checks the permission before the body is looked at
     */
    @Activate
    public CollectionsResource(@Reference Receivables receivables, @Reference CustomFields fields,
            @Reference AccessControl access) {
        this.receivables = receivables;
        this.fields = fields;
        this.access = access;
    }

    /**
     * @param id a collection
     * @return its obligations by position
     */
    @GET
    @Path("{id}/obligations")
    public Map<String, Object> obligations(@PathParam("id") long id) {
        access.require(CollectionsModule.VIEW);
        return Map.of("data", receivables.obligations(id).stream().map(ObligationView::of).toList());
    }

    /**
     * Replaces every obligation of the collection (the list's order is theirs; one with the {@code id} of a stored
     * obligation keeps it; those left out are removed) and keeps its totals.
     *
     * @param id a collection
     * @param body {@code {"obligations": [{"amount": 100.00, "dueDate": "2026-12-31", ...}]}}
     * @return the collection with its new totals ({@code collection}) and its obligations ({@code data})
     */
    @PUT
    @Path("{id}/obligations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> saveObligations(@PathParam("id") long id, ObligationsRequest body) {
        access.require(CollectionsModule.EDIT);
        if (body == null || body.obligations() == null) {
            receivables.obligations(id); // 404 for a collection the caller does not see, before the body's 400
            throw new ValidationException(List.of(new FieldError("obligations",
                    "Send the obligations, e.g. \"obligations\": [] for none")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<ObligationInput> input = new ArrayList<>();
        for (int i = 0; i < body.obligations().size(); i++) {
            ObligationRequest o = body.obligations().get(i);
            if (o == null) {
                errors.add(new FieldError("obligations[" + i + "]", "Send an obligation, not null"));
                continue;
            }
            input.add(new ObligationInput(Optional.ofNullable(o.id()), o.amount(),
                    date(o.dueDate(), "obligations[" + i + "].dueDate", errors), o.status(), o.amountPaid(),
                    o.result(), o.notes()));
        }
        if (!errors.isEmpty()) {
            receivables.obligations(id);
            throw new ValidationException(errors);
        }
        RecordRow collection = receivables.saveObligations(id, input);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("collection", RecordJson.write(fields.fields(CollectionFields.RECORD_TYPE), collection, List.of()));
        out.put("data", receivables.obligations(id).stream().map(ObligationView::of).toList());
        return out;
    }

    /**
     * @param by {@code customer} (the default) or {@code collector}
     * @param asOf the day to count days past due to ({@code 2026-12-31}); today in the user's time zone if left out
     * @return the buckets' names, the rows and the totals per currency
     */
    @GET
    @Path("aging")
    public AgingView aging(@QueryParam("by") String by, @QueryParam("asOf") String asOf) {
        access.require(CollectionsModule.VIEW);
        List<FieldError> errors = new ArrayList<>();
        AgingBy rows = by(by, errors);
        LocalDate day = date(asOf, "asOf", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return AgingView.of(receivables.aging(rows, Optional.ofNullable(day)));
    }

    /**
     * @param by {@code customer} or {@code collector}
     * @param key a row's key ({@code company:12}, a user name)
     * @param currency the row's currency
     * @param bucket a bucket ({@code CURRENT}, {@code DAYS_1_30}, {@code DAYS_31_60}, {@code DAYS_61_90},
     *     {@code OVER_90}); the whole row if left out
     * @param asOf the aging's day
     * @return the obligations counted there, most days past due first
     */
    @GET
    @Path("aging/obligations")
    public Map<String, Object> agedObligations(@QueryParam("by") String by, @QueryParam("key") String key,
            @QueryParam("currency") String currency, @QueryParam("bucket") String bucket,
            @QueryParam("asOf") String asOf) {
        access.require(CollectionsModule.VIEW);
        List<FieldError> errors = new ArrayList<>();
        AgingBy rows = by(by, errors);
        LocalDate day = date(asOf, "asOf", errors);
        Optional<AgingBucket> column = Optional.empty();
        if (bucket != null && !bucket.isBlank()) {
            try {
                column = Optional.of(AgingBucket.valueOf(bucket.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("bucket", "Choose CURRENT, DAYS_1_30, DAYS_31_60, DAYS_61_90 or OVER_90"));
            }
        }
        if (key == null || key.isBlank()) {
            errors.add(new FieldError("key", "Name the row: a key of the aging's rows"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return Map.of("data", receivables.agedObligations(rows, key.strip(), currency, column, Optional.ofNullable(day))
                .stream().map(AgedView::of).toList());
    }

    private static AgingBy by(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return AgingBy.CUSTOMER;
        }
        try {
            return AgingBy.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("by", "Choose customer or collector"));
            return AgingBy.CUSTOMER;
        }
    }

    private static LocalDate date(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter a date as 2026-12-31"));
            return null;
        }
    }

    /** @param obligations every obligation the collection is to have, in order */
    public record ObligationsRequest(List<ObligationRequest> obligations) {
    }

    /**
     * One obligation as a PUT takes it.
     *
     * @param id the id of a stored obligation to keep; null for a new one
     * @param amount what is owed
     * @param dueDate when, {@code 2026-12-31}
     * @param status Pending, Partially paid, Paid or Written off; null to follow the amount paid
     * @param amountPaid what was paid; null for 0
     * @param result what came of the last step; may be null
     * @param notes free text; may be null
     */
    public record ObligationRequest(Long id, BigDecimal amount, String dueDate, String status, BigDecimal amountPaid,
            String result, String notes) {
    }

    /**
     * One obligation as the API shows it.
     *
     * @param id its id
     * @param position its place, 1 for the first
     * @param amount what is owed
     * @param dueDate when
     * @param status its status
     * @param amountPaid what was paid
     * @param outstanding what is still owed (0 when written off)
     * @param result the last step's result
     * @param notes notes
     */
    public record ObligationView(long id, int position, BigDecimal amount, String dueDate, String status,
            BigDecimal amountPaid, BigDecimal outstanding, String result, String notes) {
        static ObligationView of(Obligation o) {
            return new ObligationView(o.id(), o.position(), o.amount(), o.dueDate().toString(), o.status(),
                    o.amountPaid(), o.outstanding(), o.result(), o.notes());
        }
    }

    /**
     * The aging as the API shows it.
     *
     * @param by customer or collector
     * @param asOf the day
     * @param buckets the buckets' names, in the order of every row's {@code amounts}
     * @param rows the rows
     * @param totals one per currency
     */
    public record AgingView(String by, String asOf, List<String> buckets, List<RowView> rows, List<RowView> totals) {
        static AgingView of(AgingReport report) {
            return new AgingView(report.by().name().toLowerCase(Locale.ROOT), report.asOf().toString(),
                    java.util.Arrays.stream(AgingBucket.values()).map(AgingBucket::name).toList(),
                    report.rows().stream().map(RowView::of).toList(),
                    report.totals().stream().map(RowView::of).toList());
        }
    }

    /**
     * One row of the aging.
     *
     * @param key what identifies it ({@code company:12}, {@code contact:7}, a user name, {@code total})
     * @param label what names it
     * @param currency the currency
     * @param amounts the amount per bucket, by bucket name
     * @param total their sum
     * @param obligations how many obligations it counts
     */
    public record RowView(String key, String label, String currency, Map<String, BigDecimal> amounts,
            BigDecimal total, long obligations) {
        static RowView of(AgingRow row) {
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            for (AgingBucket bucket : AgingBucket.values()) {
                amounts.put(bucket.name(), row.amount(bucket));
            }
            return new RowView(row.key(), row.label(), row.currency(), amounts, row.total(), row.obligations());
        }
    }

    /**
     * An obligation in an aging cell.
     *
     * @param collectionId its collection
     * @param collection the collection's subject
     * @param currency the currency
     * @param obligation the obligation
     * @param daysPastDue days past its due date
     * @param bucket its bucket's name
     */
    public record AgedView(long collectionId, String collection, String currency, ObligationView obligation,
            long daysPastDue, String bucket) {
        static AgedView of(AgedObligation a) {
            return new AgedView(a.collectionId(), a.collection(), a.currency(), ObligationView.of(a.obligation()),
                    a.daysPastDue(), a.bucket().name());
        }
    }
}
