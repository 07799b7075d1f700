package org.tesseracrm.followups.internal.service;

import java.util.Map;

import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RelatedItems;
import org.tesseracrm.kernel.api.record.RecordTypes;

/**
 * The follow-ups' part in the life of every record, inside the change's transaction: a merge moves
 * the merged operation's follow-ups to the survivor, and so does moving an operation's related items to
 * another record of any type ({@link RelatedItems}, e.g. a lead's conversion); deleting an operation deletes its follow-ups
 * (their tasks are activities of the operation, which the Activities module deletes); deleting a
 * task leaves its follow-up without one.
 */
@Component(property = RecordType.ID + "=" + RecordType.ALL)
public class FollowUpLifecycle implements RecordLifecycle, RelatedItems {
    /** The Activities module's record type. */
    private static final String ACTIVITY = "activity";

    private final RecordTypes types;
    private final JpaTemplate jpa;

    /**
     * @param types the installed record types, whose neutral titles follow-ups store
     * @param jpa the module's persistence unit, which joins the change's transaction
     * @param schema the module's tables
     */
    @Activate
    public FollowUpLifecycle(@Reference RecordTypes types,
            @Reference(target = "(osgi.unit.name=tessera-followups)") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.followups)") MigratedSchema schema) {
        this.types = types;
        this.jpa = jpa;
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) {
        repoint(change.recordType(), merged.id(), change.recordType(), change.id());
    }

    @Override
    public void move(Move move) {
        repoint(move.from().recordType(), move.from().id(), move.to().recordType(), move.to().id());
    }

    /** Points the follow-ups of one record at another, of the same type or not. */
    private void repoint(String fromType, long from, String toType, long to) {
        update("UPDATE FollowUpEntry f SET f.recordType = :toType, f.recordId = :to, f.recordTitle = :title, "
                + "f.version = f.version + 1 WHERE f.recordType = :type AND f.recordId = :from",
                Map.of("toType", toType, "to", to, "title", types.neutralTitle(toType, to), "type", fromType,
                        "from", from));
    }

    @Override
    public void beforeDelete(Change change) {
        if (change.recordType().equals(ACTIVITY)) {
            update("UPDATE FollowUpEntry f SET f.activityId = NULL WHERE f.activityId = :id", Map.of("id", change.id()));
        } else {
            update("DELETE FROM FollowUpEntry f WHERE f.recordType = :type AND f.recordId = :id",
                    Map.of("type", change.recordType(), "id", change.id()));
        }
    }

    /** Runs a bulk JPQL statement in the unit, which joins the change's transaction. */
    private void update(String jpql, Map<String, Object> params) {
        jpa.tx(TransactionType.Required, em -> {
            Query query = em.createQuery(jpql);
            params.forEach(query::setParameter);
            query.executeUpdate();
        });
    }
}
