package ${package}.internal.ui;

import ${package}.api.${recordClass}Service;

import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;

/**
 * The ${recordType}s list and form, both the UI kit's: search, filters, saved views, columns, inline edit,
 * bulk actions, import and export, and a form with notes, attachments and history.
 */
public class ${recordClass}sView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /** @param kit the record kit */
    public ${recordClass}sView(RecordKit kit) {
        super(kit, ${recordClass}Service.RECORD_TYPE, "${recordType}s", "${recordType}");
    }
}
