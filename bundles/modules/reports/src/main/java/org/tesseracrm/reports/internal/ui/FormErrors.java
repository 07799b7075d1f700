package org.tesseracrm.reports.internal.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.HasValidation;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * Shows a {@link ValidationException} at the parts of a screen its errors name: each key the service uses
 * ({@code name}, {@code spec.groups}, {@code spec.measures[1]}...) has a target, a field marked invalid or a line of
 * red text; several messages for one target are joined. What no target takes is handed back, for a notification.
 */
final class FormErrors {
    private final Map<String, Consumer<String>> show = new LinkedHashMap<>();
    private final List<Runnable> clear = new ArrayList<>();

    /**
     * @param key an error key as the service writes it, without an index
     * @param show shows a message
     * @param clear takes the message away
     */
    void target(String key, Consumer<String> show, Runnable clear) {
        this.show.put(key, show);
        this.clear.add(clear);
    }

    /** Shows the key's messages on a field. */
    <T extends HasValidation> void target(String key, T field) {
        target(key, message -> {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }, () -> field.setInvalid(false));
    }

    /** Shows the key's messages as a text (e.g. a red line under a group of fields). */
    void text(String key, HasText text) {
        target(key, text::setText, () -> text.setText(""));
    }

    /** Takes every message away. */
    void clear() {
        clear.forEach(Runnable::run);
    }

    /**
     * Clears, then shows the errors at their targets.
     *
     * @param e what the service refused
     * @return the messages no target took, in order
     */
    List<String> show(ValidationException e) {
        clear();
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (FieldError error : e.errors()) {
            String key = key(error.field());
            if (show.containsKey(key)) {
                byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(error.message());
            } else {
                other.add(error.message());
            }
        }
        byTarget.forEach((key, messages) -> show.get(key).accept(String.join(" ", messages)));
        return other;
    }

    /**
     * @param field an error's field as the service names it
     * @return the key of its target: without an index ({@code spec.measures[1]} and {@code spec.measures.1} are
     *     {@code spec.measures})
     */
    static String key(String field) {
        return field.replaceAll("\\[\\d+]$", "").replaceAll("\\.\\d+$", "");
    }
}
