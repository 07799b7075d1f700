package org.tesseracrm.cases.internal.sla;

import java.sql.SQLException;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * The SLA's part in the life of a case, in the change's own transaction whoever makes it (form, import, REST API,
 * bulk edit): a new case gets its clock, due time and state; a change of type (calendar), priority (resolution time)
 * or status (the clock stops in a waiting, solved or closed status and resumes when the case is open again) works
 * them out again; a deleted case takes its clock and escalations with it. A second participant for the case type
 * beside the module's own lifecycle: the kernel calls every participant of a type. It reads the case back from the
 * table, so whatever the other participant wrote in the same change (a default status) counts.
 */
@Component(property = RecordType.ID + "=" + CaseFields.RECORD_TYPE)
public class SlaLifecycle implements RecordLifecycle {
    /** The fields whose change moves the SLA. */
    static final Set<String> SLA_INPUTS = Set.of(CaseFields.CASE_TYPE, CaseFields.PRIORITY, CaseFields.STATUS);

    private final SlaService sla;

    /** @param sla works the SLA out */
    @Activate
    public SlaLifecycle(@Reference SlaService sla) {
        this.sla = sla;
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        sla.apply(change.connection(), change.id());
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        RecordRow before = change.before().orElse(null);
        RecordRow after = change.after().orElse(null);
        boolean moved = before == null || after == null
                || SLA_INPUTS.stream().anyMatch(f -> !before.text(f).equals(after.text(f)));
        if (moved) {
            sla.apply(change.connection(), change.id());
        }
    }

    @Override
    public void afterDelete(Change change) throws SQLException {
        SlaStore.deleteClock(change.connection(), change.id());
        SlaStore.deleteEscalations(change.connection(), change.id());
    }

    @Override
    public void afterMerge(Change change, RecordRow merged) throws SQLException {
        SlaStore.deleteClock(change.connection(), merged.id());
        SlaStore.deleteEscalations(change.connection(), merged.id());
        sla.apply(change.connection(), change.id());
    }
}
