package org.tesseracrm.activities.internal.service;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.ReferenceTitles;

/**
 * Gives the record platform's list, form reads and export of activities (All activities) the titles of
 * each activity's record and participants as the caller may see them, instead of the text stored with it.
 */
@Component(service = ReferenceTitles.class, property = RecordType.ID + "=" + ActivityRecordType.ID)
public class ActivityReferenceTitles implements ReferenceTitles {
    private final DataSource dataSource;

    /**
     * @param dataSource the CRM database, for the participants
     * @param schema the module's tables
     */
    @Activate
    public ActivityReferenceTitles(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.activities)") MigratedSchema schema) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<Long, Map<String, Object>> titles(String recordType, List<RecordRow> rows, Records records) {
        return new ActivityTitles(records, dataSource).values(rows);
    }
}
