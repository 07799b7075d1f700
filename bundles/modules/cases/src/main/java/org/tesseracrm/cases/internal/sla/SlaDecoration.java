package org.tesseracrm.cases.internal.sla;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RowDecoration;

/**
 * The SLA state on the case list, in the colours the activities use for what is due: green on track, yellow at risk,
 * red breached; paused in the neutral tone, met in green. Needs only the row (its stored state and due time).
 */
@Component(service = RowDecoration.class, property = RecordType.ID + "=" + CaseFields.RECORD_TYPE)
public class SlaDecoration implements RowDecoration {
    @Override
    public Optional<Mark> decorate(RecordRow row) {
        return mark(row.text(CaseFields.SLA_STATE), row.text(CaseFields.SLA_DUE_AT));
    }

    /**
     * @param state the stored SLA state, "" for none
     * @param due the due time as text, "" for none
     * @return the badge; none for a case without an SLA
     */
    static Optional<Mark> mark(String state, String due) {
        String at = due.isEmpty() ? "" : " (due " + due.replace('T', ' ') + " UTC)";
        return switch (state) {
            case CaseFields.SLA_ON_TRACK -> Optional.of(new Mark("SLA on track", "success", "Due in time" + at + "."));
            case CaseFields.SLA_AT_RISK -> Optional.of(new Mark("SLA at risk", "warning",
                    "Most of the resolution time is used" + at + "."));
            case CaseFields.SLA_BREACHED -> Optional.of(new Mark("SLA breached", "error",
                    "Past its due time" + at + "."));
            case CaseFields.SLA_PAUSED -> Optional.of(new Mark("SLA paused", "contrast",
                    "Waiting: the SLA clock stands still."));
            case CaseFields.SLA_MET -> Optional.of(new Mark("SLA met", "success", "Solved in time."));
            default -> Optional.empty();
        };
    }

    /**
     * @param state an SLA state
     * @return its colour as a badge tone ({@code success}, {@code warning}, {@code error}, {@code contrast}, "")
     */
    public static String tone(String state) {
        return mark(state, "").map(Mark::tone).orElse("");
    }
}
