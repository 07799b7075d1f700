package org.tesseracrm.email.internal.compose;

import java.util.List;

import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * Finds a template by the name a user typed (the bulk dialog and workflow rules take a name: their inputs offer no
 * pick-list of templates), ignoring case and surrounding blanks.
 */
final class TemplateNames {
    private TemplateNames() {
    }

    /**
     * @param templates the templates the caller may use for the record type
     * @param typed the name typed
     * @param field the input the error names
     * @return the template of that name
     * @throws ValidationException naming the templates there are, when none has that name
     */
    static MailTemplate find(List<MailTemplate> templates, String typed, String field) {
        String wanted = typed == null ? "" : typed.strip();
        if (!wanted.isEmpty()) {
            for (MailTemplate template : templates) {
                if (template.name().strip().equalsIgnoreCase(wanted)) {
                    return template;
                }
            }
        }
        String start = wanted.isEmpty() ? "Enter the name of a template. " : "There is no template \"" + wanted + "\". ";
        String names = templates.isEmpty() ? "There are no templates for these records yet: create one under E-mail "
                + "templates first."
                : "Templates you may use here: " + String.join(", ", templates.stream().map(MailTemplate::name)
                        .sorted(String.CASE_INSENSITIVE_ORDER).toList()) + ".";
        throw new ValidationException(List.of(new FieldError(field, start + names)));
    }
}
