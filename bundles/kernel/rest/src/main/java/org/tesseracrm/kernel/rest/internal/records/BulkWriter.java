package org.tesseracrm.kernel.rest.internal.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.rest.internal.Problem;
import org.tesseracrm.kernel.rest.internal.Problem.FieldProblem;
import org.tesseracrm.kernel.rest.internal.ProblemException;
import org.tesseracrm.kernel.rest.internal.ProblemMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code POST /api/v1/records/{type}/bulk}: up to {@value #MAX} creates and updates in one call. A record with
 * {@code id} and {@code version} is an update, any other a create. Mode {@code atomic} saves all or nothing in one
 * transaction and answers the first refusal as a problem whose errors name the record by its index
 * ({@code records[3].email}); mode {@code each} saves every record that passes on its own and answers a result per
 * record, with the status and problem a single call would have had.
 */
final class BulkWriter {
    /** The most records one call takes. */
    static final int MAX = 1_000;
    /** All or nothing. */
    static final String ATOMIC = "atomic";
    /** Each record on its own. */
    static final String EACH = "each";

    private static final Set<String> UPDATE_KEYS = Set.of(RecordJson.ID, RecordJson.VERSION);

    private final RecordWriter writer;
    private final TransactionScope scope;

    /**
     * @param writer writes one record
     * @param scope the transaction of an atomic call
     */
    BulkWriter(RecordWriter writer, TransactionScope scope) {
        this.writer = writer;
        this.scope = scope;
    }

    /**
     * The request body.
     *
     * @param mode {@value #ATOMIC} or {@value #EACH}
     * @param records the records, each as {@code POST} or {@code PATCH} takes it, plus {@code id} and {@code version}
     *     for an update
     */
    record BulkRequest(String mode, List<Map<String, Object>> records) {
    }

    /**
     * What happened to one record.
     *
     * @param index its position in the request, from 0
     * @param status 201 created, 200 updated, else the status a single call would have answered
     * @param id the record's id, if saved
     * @param version its version after the save
     * @param problem why it was refused, if it was
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(int index, int status, Long id, Long version, Problem problem) {
    }

    /**
     * The answer.
     *
     * @param mode the mode of the call
     * @param succeeded how many records were saved
     * @param failed how many were refused
     * @param results one per record, in request order
     */
    record Answer(String mode, int succeeded, int failed, List<Result> results) {
    }

    /**
     * @param type the record type
     * @param fields its fields, custom ones included
     * @param request the body
     * @return a result per record
     * @throws ProblemException 400 for a request that is not a bulk request; in atomic mode, the first record's
     *     refusal, after nothing was saved
     */
    Answer run(RecordType type, List<FieldDefinition> fields, BulkRequest request) {
        check(request);
        List<Map<String, Object>> items = request.records();
        if (EACH.equals(request.mode())) {
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    results.add(apply(type, fields, i, items.get(i)));
                } catch (RuntimeException e) {
                    Problem problem = ProblemMapper.problemFor(e);
                    results.add(new Result(i, problem.status(), null, null, problem));
                }
            }
            int failed = (int) results.stream().filter(r -> r.problem() != null).count();
            return new Answer(EACH, results.size() - failed, failed, results);
        }
        try {
            List<Result> results = scope.required(c -> {
                List<Result> saved = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    try {
                        saved.add(apply(type, fields, i, items.get(i)));
                    } catch (RuntimeException e) {
                        throw new ItemRefused(i, e);
                    }
                }
                return saved;
            });
            return new Answer(ATOMIC, results.size(), 0, results);
        } catch (ItemRefused refused) {
            throw atomicFailure(refused.index, ProblemMapper.problemFor(refused.getCause()));
        }
    }

    /**
     * @param index the refused record's index
     * @param problem its problem
     * @return the call's answer: the record's status, its errors named {@code records[<index>].<field>}
     */
    static ProblemException atomicFailure(int index, Problem problem) {
        String at = "records[" + index + "]";
        List<FieldProblem> errors = problem.errors().stream().map(e -> new FieldProblem(
                e.field() == null || e.field().isEmpty() ? at : at + "." + e.field(), e.message())).toList();
        if (errors.isEmpty()) {
            errors = List.of(new FieldProblem(at, problem.detail() != null ? problem.detail() : problem.title()));
        }
        return new ProblemException(problem.status(), "The record at index " + index + " was refused, so nothing was "
                + "saved (mode atomic)" + (problem.detail() != null ? ": " + problem.detail() : "."), errors);
    }

    private static void check(BulkRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!ATOMIC.equals(request.mode()) && !EACH.equals(request.mode())) {
            errors.add(new FieldProblem("mode", "Choose \"atomic\" (all or nothing) or \"each\" (every record on its "
                    + "own)."));
        }
        if (request.records() == null || request.records().isEmpty()) {
            errors.add(new FieldProblem("records", "Give the records to save, an array of 1 to " + MAX + "."));
        } else if (request.records().size() > MAX) {
            errors.add(new FieldProblem("records", "At most " + MAX + " records per call; this one has "
                    + request.records().size() + ". Split it."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "The bulk request was refused.", errors);
        }
    }

    private Result apply(RecordType type, List<FieldDefinition> fields, int index, Map<String, Object> item) {
        if (item == null) {
            throw new ValidationException(List.of(new FieldError("", "A record is a JSON object, not null.")));
        }
        if (item.containsKey(RecordJson.ID)) {
            long id = wholeNumber(item, RecordJson.ID);
            long version = wholeNumber(item, RecordJson.VERSION);
            RecordRow row = writer.change(type, fields, id, OptionalLong.of(version), item, UPDATE_KEYS);
            return new Result(index, 200, row.id(), row.version(), null);
        }
        RecordRow row = writer.create(type, fields, item);
        return new Result(index, 201, row.id(), row.version(), null);
    }

    private static long wholeNumber(Map<String, Object> item, String name) {
        if (item.get(name) instanceof Integer || item.get(name) instanceof Long) {
            return ((Number) item.get(name)).longValue();
        }
        throw new ValidationException(List.of(new FieldError(name, "An update names the record's id and the version it "
                + "read, both whole numbers.")));
    }

    /** A record of an atomic call was refused: the transaction rolls back, the index says which. */
    private static final class ItemRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int index;

        ItemRefused(int index, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }
    }
}
