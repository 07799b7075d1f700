package org.tesseracrm.activities.internal.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RowDecoration;

/**
 * The due flag on every module's list (R-ACT-3): each record shows the colour of its earliest open
 * activity, read for a whole page in one grouped query; activities themselves show their own.
 */
@Component(service = RowDecoration.class, property = RecordType.ID + "=" + RecordType.ALL)
public class DueFlagDecoration implements RowDecoration {
    private final ActivityService activities;

    /** @param activities reads when each record's next activity is due, and colours it */
    @Activate
    public DueFlagDecoration(@Reference ActivityService activities) {
        this.activities = activities;
    }

    @Override
    public Map<Long, Mark> decorate(String recordType, List<RecordRow> page) {
        Map<Long, Mark> marks = new HashMap<>();
        if (recordType.equals(ActivityRecordType.ID)) {
            for (RecordRow row : page) {
                if (!Boolean.TRUE.equals(row.values().get("done"))
                        && row.values().get("dueAt") instanceof java.time.LocalDateTime due) {
                    activities.flag(due).ifPresent(m -> marks.put(row.id(), m));
                }
            }
            return marks;
        }
        activities.nextDue(recordType, page.stream().map(RecordRow::id).toList())
                .forEach((id, due) -> activities.flag(due).ifPresent(m -> marks.put(id, m)));
        return marks;
    }
}
