package org.tesseracrm.faq.internal.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.faq.api.FaqSuggestion;
import org.tesseracrm.faq.api.Faqs;
import org.tesseracrm.faq.internal.FaqModule;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * The FAQ service (see {@link Faqs}). FAQs and cases are read through {@link Records} as the caller, so the platform
 * applies the caller's visibility to both (published FAQs are shared, drafts need {@code faq.edit}; a case is seen
 * as the Cases module decides). Cases are another module's records: this module only knows their record type id
 * and their subject and description fields, and needs the case module's edit permission to attach to a case.
 */
@Component(service = Faqs.class)
public class FaqsImpl implements Faqs {
    /** The case fields a case's suggestions are looked up by. */
    static final List<String> CASE_TEXT = List.of("subject", "description");
    /** The most words of a text looked up. */
    static final int MOST_WORDS = 30;
    static final int MAX_LIMIT = 50;

    private final Records records;
    private final RecordTypes types;
    private final AccessControl access;
    private final TransactionScope scope;
    private final Clock clock;

    /**
     * @param records the FAQs and the cases, read and written as the caller
     * @param types finds the case record type (its module's permissions)
     * @param access the caller's permissions
     * @param scope the transactions
     * @param type the FAQ record type, registered once the module's tables exist
     */
    @Activate
    public FaqsImpl(@Reference Records records, @Reference RecordTypes types, @Reference AccessControl access,
            @Reference TransactionScope scope,
            @Reference(target = "(" + RecordType.ID + "=" + FaqFields.RECORD_TYPE + ")") RecordType type) {
        this(records, types, access, scope, Clock.systemUTC());
    }

    FaqsImpl(Records records, RecordTypes types, AccessControl access, TransactionScope scope, Clock clock) {
        this.records = records;
        this.types = types;
        this.access = access;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public RecordRow publish(long faqId) {
        return setStatus(faqId, FaqFields.PUBLISHED);
    }

    @Override
    public RecordRow unpublish(long faqId) {
        return setStatus(faqId, FaqFields.DRAFT);
    }

    private RecordRow setStatus(long faqId, String status) {
        access.require(FaqModule.EDIT);
        RecordRow faq = faq(faqId);
        if (status.equals(faq.text(FaqFields.STATUS))) {
            return faq;
        }
        return records.update(FaqFields.RECORD_TYPE, faqId, faq.version(), RecordValues.builder()
                .set(FaqFields.STATUS, status).build());
    }

    @Override
    public List<FaqSuggestion> suggest(String text, int limit) {
        access.require(FaqModule.VIEW);
        return suggestions(text, limit(limit), Set.of());
    }

    @Override
    public List<FaqSuggestion> suggestForCase(long caseId, int limit) {
        access.require(FaqModule.VIEW);
        RecordRow found = caseRecord(caseId);
        String text = CASE_TEXT.stream().map(found::text).collect(Collectors.joining(" "));
        Set<Long> attached = Set.copyOf(scope.required(c -> FaqStore.attached(c, caseId)));
        return suggestions(text, limit(limit), attached);
    }

    private List<FaqSuggestion> suggestions(String text, int limit, Set<Long> leftOut) {
        Set<String> words = FaqWords.of(text, MOST_WORDS);
        if (words.isEmpty()) {
            return List.of();
        }
        List<FaqRanking.Candidate> matching = scope.required(c -> FaqStore.matching(c, words,
                limit + leftOut.size()));
        List<FaqRanking.Candidate> best = FaqRanking.best(matching.stream().filter(m -> !leftOut.contains(m.id()))
                .toList(), limit);
        // read through the platform as the caller: only FAQs the caller sees (published ones are shared), and
        // only those still published when read
        Map<Long, RecordRow> rows = records.get(FaqFields.RECORD_TYPE, best.stream().map(FaqRanking.Candidate::id)
                .toList()).stream().filter(r -> FaqFields.PUBLISHED.equals(r.text(FaqFields.STATUS)))
                .collect(Collectors.toMap(RecordRow::id, Function.identity()));
        return best.stream().filter(m -> rows.containsKey(m.id())).map(m -> {
            RecordRow row = rows.get(m.id());
            return new FaqSuggestion(m.id(), row.text(FaqFields.QUESTION), row.text(FaqFields.CATEGORY),
                    timesUsed(row), m.matches());
        }).toList();
    }

    @Override
    public List<RecordRow> attached(long caseId) {
        access.require(FaqModule.VIEW);
        caseRecord(caseId);
        List<Long> ids = scope.required(c -> FaqStore.attached(c, caseId));
        return ids.isEmpty() ? List.of() : records.get(FaqFields.RECORD_TYPE, ids);
    }

    @Override
    public boolean attach(long caseId, long faqId) {
        String user = access.require(FaqModule.VIEW).username();
        caseToChange(caseId);
        RecordRow faq = faq(faqId);
        if (!FaqFields.PUBLISHED.equals(faq.text(FaqFields.STATUS))) {
            throw new ConflictException("Only published FAQs are attached to cases: publish \""
                    + faq.text(FaqFields.QUESTION) + "\" first");
        }
        return scope.required(c -> FaqStore.link(c, faqId, caseId, user, clock.instant()));
    }

    @Override
    public boolean detach(long caseId, long faqId) {
        access.require(FaqModule.VIEW);
        caseToChange(caseId);
        return scope.required(c -> FaqStore.unlink(c, faqId, caseId));
    }

    /** @return the case, if the caller sees it; the case module's edit permission is required */
    private RecordRow caseToChange(long caseId) {
        RecordType type = types.find(FaqFields.CASE_TYPE).orElseThrow(FaqsImpl::noCases);
        access.require(type.moduleId() + ".edit");
        return caseRecord(caseId);
    }

    /** @return the case, if installed and the caller sees it */
    private RecordRow caseRecord(long caseId) {
        if (types.find(FaqFields.CASE_TYPE).isEmpty()) {
            throw noCases();
        }
        return records.get(FaqFields.CASE_TYPE, caseId).orElseThrow(() -> new NotFoundException("Case", caseId));
    }

    private RecordRow faq(long faqId) {
        return records.get(FaqFields.RECORD_TYPE, faqId).orElseThrow(() -> new NotFoundException("FAQ", faqId));
    }

    private static NotFoundException noCases() {
        return new NotFoundException("No module providing cases is installed.");
    }

    private static long timesUsed(RecordRow row) {
        return row.decimal(FaqFields.TIMES_USED).map(java.math.BigDecimal::longValue).orElse(0L);
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException(List.of(new FieldError("limit", "Ask for 1 to " + MAX_LIMIT
                    + " suggestions")));
        }
        return limit;
    }
}
