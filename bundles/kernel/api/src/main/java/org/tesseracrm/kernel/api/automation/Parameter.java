package org.tesseracrm.kernel.api.automation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the configuration schema of a {@link Trigger} or an {@link Action}: what the admin UI asks for when
 * an administrator adds it to a rule. The rule keeps the entered values as text by parameter name (a blank one
 * left out), and hands them back to the contribution as {@link ActionContext#config()} or to
 * {@link Trigger#matches}; the engine checks {@link #required()} and the {@link #choices()} before it saves a rule,
 * the contribution checks the rest.
 *
 * @param name the key of the value, unique in its schema, e.g. {@code completeWithin}
 * @param label what administrators read, e.g. "Complete within"
 * @param type the kind of value and of input
 * @param required whether a rule cannot be saved without a value
 * @param choices the values offered for {@link ParameterType#CHOICE} and {@link ParameterType#MULTI_CHOICE}
 *     (required there, empty otherwise)
 * @param defaultValue the value a new rule starts with
 * @param help one sentence shown under the input; may be empty
 */
public record Parameter(String name, String label, ParameterType type, boolean required, List<String> choices,
        Optional<String> defaultValue, String help) {
    /** Checks the parts are present and that choices come with the choice types only. */
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(help, "help");
        choices = List.copyOf(choices);
        boolean chosen = type == ParameterType.CHOICE || type == ParameterType.MULTI_CHOICE;
        if (chosen == choices.isEmpty()) {
            throw new IllegalArgumentException(chosen ? name + " needs choices" : name + " is not a choice");
        }
        defaultValue = defaultValue.filter(v -> !v.isBlank());
    }

    /**
     * @param name the key
     * @param label the label
     * @param type the kind of value (not a choice)
     * @param required whether a value is needed
     * @return the parameter, without default and help
     */
    public static Parameter of(String name, String label, ParameterType type, boolean required) {
        return new Parameter(name, label, type, required, List.of(), Optional.empty(), "");
    }

    /**
     * @param name the key
     * @param label the label
     * @param choices the values offered, the first is the default
     * @return a required {@link ParameterType#CHOICE} parameter
     */
    public static Parameter choice(String name, String label, List<String> choices) {
        return new Parameter(name, label, ParameterType.CHOICE, true, choices, choices.stream().findFirst(), "");
    }

    /**
     * @param value the default
     * @return this parameter with that default
     */
    public Parameter withDefault(String value) {
        return new Parameter(name, label, type, required, choices, Optional.ofNullable(value), help);
    }

    /**
     * @param text one sentence for administrators
     * @return this parameter with that help
     */
    public Parameter withHelp(String text) {
        return new Parameter(name, label, type, required, choices, defaultValue, text);
    }
}
