package org.tesseracrm.faq.internal.service;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * The FAQs' rules, kept in the record platform's change whoever makes it (form, import, REST API, bulk edit), in its
 * transaction: the answer is cleaned ({@link AnswerSanitiser}) before the change commits, so no stored answer holds
 * a script; a new FAQ counts 0 cases; times used is refused from every write (the module counts it); the word index
 * the suggestions read follows the question and answer; a deleted FAQ takes its words and links to cases with it.
 */
@Component(property = RecordType.ID + "=" + FaqFields.RECORD_TYPE)
public class FaqLifecycle implements RecordLifecycle {
    /** The most words indexed per FAQ. */
    static final int MOST_WORDS = 400;

    /** @param schema the module's tables */
    @Activate
    public FaqLifecycle(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.faq)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        RecordRow row = change.after().orElseThrow();
        Object used = row.values().get(FaqFields.TIMES_USED);
        if (used != null && ((Number) used).longValue() != 0) {
            refuseTimesUsed();
        }
        FaqStore.startCount(change.connection(), row.id());
        keep(change, row);
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        RecordRow before = change.before().orElseThrow();
        RecordRow after = change.after().orElseThrow();
        if (!sameNumber(before.values().get(FaqFields.TIMES_USED), after.values().get(FaqFields.TIMES_USED))) {
            refuseTimesUsed();
        }
        keep(change, after);
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        FaqStore.forget(change.connection(), change.id());
    }

    /** Cleans the answer and indexes the words of question and answer. */
    private static void keep(Change change, RecordRow row) throws SQLException {
        String answer = row.text(FaqFields.ANSWER);
        String clean = AnswerSanitiser.clean(answer);
        if (clean.length() > FaqRecordType.ANSWER_LENGTH) {
            throw new ValidationException(List.of(new FieldError(FaqFields.ANSWER, "The answer is too long once "
                    + "its markup is cleaned: at most " + FaqRecordType.ANSWER_LENGTH + " characters")));
        }
        if (!clean.equals(answer)) {
            FaqStore.setAnswer(change.connection(), row.id(), clean);
        }
        FaqStore.index(change.connection(), row.id(), FaqWords.of(row.text(FaqFields.QUESTION) + " "
                + AnswerSanitiser.text(clean), MOST_WORDS));
    }

    private static boolean sameNumber(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static void refuseTimesUsed() {
        throw new ValidationException(List.of(new FieldError(FaqFields.TIMES_USED,
                "Cases solved is counted from the cases the FAQ is attached to: attach it to a case instead")));
    }
}
