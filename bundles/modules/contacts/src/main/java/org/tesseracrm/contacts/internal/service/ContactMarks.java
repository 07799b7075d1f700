package org.tesseracrm.contacts.internal.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RowDecoration;

/** Flags contacts nobody can reach: no e-mail and no phone. */
@Component(service = RowDecoration.class, property = RecordType.ID + "=" + ContactService.RECORD_TYPE)
public class ContactMarks implements RowDecoration {
    @Override
    public Optional<Mark> decorate(RecordRow row) {
        if (row.text("email").isEmpty() && row.text("phone").isEmpty()) {
            return Optional.of(new Mark("Unreachable", "error", "No e-mail and no phone: add one to reach this contact."));
        }
        return Optional.empty();
    }
}
