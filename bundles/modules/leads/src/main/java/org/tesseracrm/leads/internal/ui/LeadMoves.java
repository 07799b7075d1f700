package org.tesseracrm.leads.internal.ui;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.ui.kit.RecordBoard;
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.leads.internal.service.LeadRecordType;

/**
 * Moves a lead's card on the status board: to "Discarded" through {@link LeadConversion#discard} (the board asks for
 * the reason first, as for any field a move needs), to "Converted" not at all (a conversion needs the dialog's
 * choices), to any other status as a plain change of the status, which the module's lifecycle checks (a converted or
 * discarded lead does not move back).
 */
final class LeadMoves implements RecordBoard.Mover {
    private final Records records;
    private final LeadConversion conversion;

    LeadMoves(Records records, LeadConversion conversion) {
        this.records = records;
        this.conversion = conversion;
    }

    @Override
    public RecordRow move(RecordRow row, Optional<String> status, RecordValues also) {
        String to = status.orElse("");
        if (LeadRecordType.CONVERTED.equals(to)) {
            throw new ValidationException(List.of(new FieldError(LeadRecordType.STATUS,
                    "A lead is converted with Convert… on its form, which asks what it becomes.")));
        }
        if (LeadRecordType.DISCARDED.equals(to)) {
            String reason = also.value(LeadRecordType.DISCARD_REASON).map(String::valueOf)
                    .orElseGet(() -> also.texts().getOrDefault(LeadRecordType.DISCARD_REASON, ""));
            if (reason.isBlank()) {
                // names a field the board can ask for: its dialog offers the reasons and tries again
                throw new ValidationException(List.of(new FieldError(LeadRecordType.DISCARD_REASON,
                        "Choose why the lead is discarded.")));
            }
            return conversion.discard(row.id(), row.version(), reason);
        }
        return records.update(LeadRecordType.ID, row.id(), row.version(),
                RecordValues.builder().setValue(LeadRecordType.STATUS, status.orElse(null)).build());
    }
}
