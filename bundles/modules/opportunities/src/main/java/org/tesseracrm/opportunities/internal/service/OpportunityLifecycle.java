package org.tesseracrm.opportunities.internal.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseKind;

/**
 * The opportunities' rules, kept in the record platform's change whoever makes it (form, import, REST API,
 * bulk edit, the board moving a card through {@code Records.update}), in its transaction:
 * <ul>
 * <li>a new opportunity without a phase starts in the first active open phase, without a currency in the
 * currency pick-list's default;</li>
 * <li>the expected amount is the amount x the phase's probability / 100, whatever the caller sent;</li>
 * <li>a lost phase needs a lost reason: without one the change is refused and nothing is written;</li>
 * <li>each change of phase adds a phase history entry (from, to, who, when);</li>
 * <li>deleting an opportunity deletes its history and contact roles.</li>
 * </ul>
 * The platform reads the record again after these participants, so callers and the audit see the values set here.
 */
@Component(property = RecordType.ID + "=" + OpportunityRecordType.ID)
public class OpportunityLifecycle implements RecordLifecycle {
    private final CustomFields fields;
    private final CallerContext callers;

    /**
     * @param fields the currency pick-list, whose default a new opportunity gets
     * @param callers reads that pick-list with the platform's rights
     * @param schema the module's tables
     */
    @Activate
    public OpportunityLifecycle(@Reference CustomFields fields, @Reference CallerContext callers,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.opportunities)") MigratedSchema schema) {
        this.fields = fields;
        this.callers = callers;
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        Connection c = change.connection();
        RecordRow row = change.after().orElseThrow();
        List<Phase> phases = PhaseStore.phases(c);
        String phase = row.text(OpportunityRecordType.PHASE);
        if (phase.isEmpty()) {
            phase = phases.stream().filter(p -> p.active() && p.kind() == PhaseKind.OPEN).map(Phase::name).findFirst()
                    .orElse("");
            if (!phase.isEmpty()) {
                PhaseStore.setText(c, row.id(), "PHASE", phase);
            }
        }
        if (row.text(OpportunityRecordType.CURRENCY).isEmpty()) {
            Optional<String> currency = callers.callAs(Caller.SYSTEM, () -> fields.pickList(OpportunityRecordType.ID,
                    OpportunityRecordType.CURRENCY)).stream().filter(v -> v.isDefault() && v.active())
                    .map(PickListValue::value).findFirst();
            if (currency.isPresent()) {
                PhaseStore.setText(c, row.id(), "CURRENCY", currency.get());
            }
        }
        apply(change, row, phase, "", phases);
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        RecordRow row = change.after().orElseThrow();
        String from = change.before().map(b -> b.text(OpportunityRecordType.PHASE)).orElse("");
        apply(change, row, row.text(OpportunityRecordType.PHASE), from, PhaseStore.phases(change.connection()));
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        PhaseStore.deleteOpportunity(change.connection(), change.id());
    }

    /** Checks the lost reason, sets the expected amount and writes the history entry of a new phase. */
    private static void apply(Change change, RecordRow row, String phase, String from, List<Phase> phases)
            throws SQLException {
        Connection c = change.connection();
        Optional<Phase> current = phases.stream().filter(p -> p.name().equals(phase)).findFirst();
        Optional<ValidationException> refused = current.flatMap(p -> PhaseRules.lostReasonError(p.kind(),
                row.text(OpportunityRecordType.LOST_REASON))).map(e -> new ValidationException(List.of(e)));
        if (refused.isPresent()) {
            throw refused.get();
        }
        Optional<BigDecimal> expected = PhaseRules.expectedAmount(row.decimal(OpportunityRecordType.AMOUNT),
                current.map(Phase::probability));
        Optional<BigDecimal> stored = row.decimal(OpportunityRecordType.EXPECTED);
        boolean same = expected.isPresent() ? stored.filter(s -> s.compareTo(expected.get()) == 0).isPresent()
                : stored.isEmpty();
        if (!same) {
            PhaseStore.setExpected(c, row.id(), expected);
        }
        if (!phase.equals(from) && !phase.isEmpty()) {
            PhaseStore.addHistory(c, row.id(), from, phase, change.actor(),
                    LocalDateTime.now(ZoneOffset.UTC));
        }
    }
}
