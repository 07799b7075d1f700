package org.tesseracrm.campaigns.internal.service;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The campaigns' rules, kept in the record platform's change whoever makes it (form, import, REST API, bulk edit):
 * <ul>
 * <li>the status and the results are the module's: a plain create or edit that sets them is refused; a new campaign
 * is a Draft with zero results;</li>
 * <li>a deleted campaign's members and send timer go with it; a merged campaign's members join the survivor's (an
 * address the survivor has is dropped).</li>
 * </ul>
 * The module writes its fields with its own SQL ({@link MemberStore}), never through a plain edit.
 */
@Component(property = RecordType.ID + "=" + CampaignFields.RECORD_TYPE)
public class CampaignLifecycle implements RecordLifecycle {
    static final String SET_BY_MODULE = "Kept by the campaign: use Send now, Schedule or Cancel, and its members";

    private final Timers timers;

    /**
     * @param timers cancels a deleted campaign's send timer
     * @param schema the module's tables
     */
    @Activate
    public CampaignLifecycle(@Reference Timers timers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.campaigns)") MigratedSchema schema) {
        this.timers = timers;
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        RecordRow row = change.after().orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        for (String field : CampaignRecordType.MODULE_FIELDS) {
            Object value = row.values().get(field);
            if (value != null && !(field.equals(CampaignFields.STATUS) && value.equals(CampaignFields.DRAFT))) {
                errors.add(new FieldError(field, SET_BY_MODULE));
            }
        }
        refuse(errors);
        MemberStore.setStatus(change.connection(), row.id(), CampaignFields.DRAFT, null);
        MemberStore.zero(change.connection(), row.id());
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        RecordRow before = change.before().orElseThrow();
        RecordRow after = change.after().orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        for (String field : CampaignRecordType.MODULE_FIELDS) {
            if (!same(before.values().get(field), after.values().get(field))) {
                errors.add(new FieldError(field, SET_BY_MODULE));
            }
        }
        refuse(errors);
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        timers.cancel(SendTimer.HANDLER, String.valueOf(change.id()));
        MemberStore.delete(change.connection(), change.id());
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        timers.cancel(SendTimer.HANDLER, String.valueOf(merged.id()));
        MemberStore.move(change.connection(), merged.id(), change.id());
    }

    @Override
    public void afterMerge(Change change, RecordRow merged) throws SQLException {
        MemberStore.writeResults(change.connection(), change.id());
    }

    static boolean same(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
