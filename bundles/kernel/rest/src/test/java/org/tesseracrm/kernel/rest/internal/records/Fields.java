package org.tesseracrm.kernel.rest.internal.records;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;

/** A contact-like record type's fields for the tests. */
final class Fields {
    static final List<FieldDefinition> CONTACT = List.of(
            FieldDefinition.predefined("lastName", "Last name", FieldType.TEXT, "LAST_NAME", true, 100),
            FieldDefinition.predefined("email", "E-mail", FieldType.EMAIL, "EMAIL", false, 200),
            new FieldDefinition("company", "Company", FieldType.LOOKUP, false, 0, true, "COMPANY_ID", false,
                    Optional.of("company")),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            new FieldDefinition("cf_budget", "Budget", FieldType.MONEY, false, 0, true, "CF_BUDGET", true, Optional.empty()),
            new FieldDefinition("cf_birthday", "Birthday", FieldType.DATE, false, 0, true, "CF_BIRTHDAY", true,
                    Optional.empty()),
            new FieldDefinition("cf_tags", "Tags", FieldType.MULTI_PICKLIST, false, 0, true, "CF_TAGS", true,
                    Optional.empty()),
            new FieldDefinition("cf_memo", "Memo", FieldType.LONG_TEXT, false, 0, false, "CF_MEMO", true, Optional.empty()));

    private Fields() {
    }
}
