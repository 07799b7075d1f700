package org.tesseracrm.followups.internal.service;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RowDecoration;

/**
 * The follow-up status on every module's list: yellow in progress, blue concluded, red overdue, with
 * the last follow-up, the days late and the reminder date as tooltip; one query per page.
 */
@Component(service = RowDecoration.class, property = RecordType.ID + "=" + RecordType.ALL)
public class FollowUpMarks implements RowDecoration {
    private final FollowUpService followUps;

    /** @param followUps reads the newest follow-up of each record of a page */
    @Activate
    public FollowUpMarks(@Reference FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public Map<Long, Mark> decorate(String recordType, List<RecordRow> page) {
        return followUps.marks(recordType, page.stream().map(RecordRow::id).toList());
    }
}
