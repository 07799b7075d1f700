package org.tesseracrm.kernel.ui.kit;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * "New…" beside a lookup field of a {@link RecordForm}: opens the form of the looked-up type (the kit's, as the
 * type's module shows it, with its own duplicate check and field errors) over the form the user is filling in; once
 * that record is saved it becomes the lookup's value. The new record is created by {@link RecordForm}'s own save, so
 * the platform's permission checks, validation and the module's lifecycle apply as in the module's own view;
 * Cancel leaves the first form as it was. The button's id, {@code <form prefix>-<field>-new}, is also the prefix of
 * the second form's element ids.
 */
final class InlineCreate {
    private InlineCreate() {
    }

    /**
     * @param writable whether the user may change the lookup on this form
     * @param target the looked-up record type
     * @param access the signed-in user's permissions
     * @return whether the form offers New… for the lookup: the lookup can be changed, records of the type can be
     *     created at all (they have ids) and the user may create them; the service checks again on save
     */
    static boolean offered(boolean writable, RecordType target, AccessControl access) {
        return writable && target.ids().isPresent() && access.permitted(target.moduleId() + ".create");
    }

    /**
     * @param formPrefix the element id prefix of the form holding the lookup, e.g. {@code case}
     * @param field the lookup field's name, e.g. {@code contact}
     * @return the id of the field's New… button and the prefix of the form it opens, e.g. {@code case-contact-new}
     */
    static String prefix(String formPrefix, String field) {
        return formPrefix + "-" + field + "-new";
    }

    /**
     * @param kit the kit, which makes the target type's form
     * @param formPrefix the element id prefix of the form holding the lookup
     * @param field the lookup field
     * @param input the lookup's input, which gets the new record
     * @return the New… button for the lookup
     */
    static Button button(RecordKit kit, String formPrefix, FieldDefinition field, FieldInput input) {
        String target = field.lookupType().orElseThrow();
        String prefix = prefix(formPrefix, field.name());
        RecordType type = kit.type(target);
        Button create = new Button("New…", e -> kit.form(target, prefix, null, () -> { })
                .choosing(created -> input.show().accept(created.id())).open());
        create.setId(prefix);
        create.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        create.setTooltipText("Create a new " + type.label().toLowerCase(Locale.ROOT) + " and choose it here");
        create.getElement().setAttribute("aria-label", "New " + type.label().toLowerCase(Locale.ROOT) + " for "
                + field.label());
        return create;
    }

    /** @return the lookup's input with its New… button after it, on the input's line */
    static Component beside(Component lookup, Button create) {
        HorizontalLayout line = new HorizontalLayout(lookup, create);
        line.setPadding(false);
        line.setSpacing(false);
        line.getStyle().set("gap", "var(--lumo-space-xs)");
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        line.setFlexGrow(1, lookup);
        line.setWidthFull();
        return line;
    }
}
