package org.tesseracrm.pdf.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One PDF to render.
 *
 * <p>The model holds only plain values, checked (and copied) here: {@link String}, {@link Boolean}, numbers
 * ({@link BigDecimal} for money, {@link Integer}, {@link Long}), lists of values and maps with text keys, nested as
 * deep as needed. Format dates and money before you put them in (the template prints text as it is), or pass
 * {@link BigDecimal}s that the template formats with {@code ?string["0.00"]}. Templates see nothing else: no
 * methods, no Java objects.
 *
 * @param name what the template is, for messages and logs (e.g. {@code "quote"})
 * @param template the FreeMarker template's source; its output must be XHTML
 * @param model the data: the top-level names the template uses
 * @param locale the language and country numbers are formatted for by the template's {@code ${number}}
 * @param title the PDF's title (document properties)
 */
public record PdfRequest(String name, String template, Map<String, Object> model, Locale locale, String title) {
    /** The longest template accepted, in characters. */
    public static final int MAX_TEMPLATE_LENGTH = 200_000;

    /**
     * Checks every part is present and the model holds only plain values.
     *
     * @throws IllegalArgumentException for a model value of another type, or a template over
     *     {@link #MAX_TEMPLATE_LENGTH}
     */
    public PdfRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(title, "title");
        if (template.length() > MAX_TEMPLATE_LENGTH) {
            throw new IllegalArgumentException("The template is longer than " + MAX_TEMPLATE_LENGTH + " characters");
        }
        model = copyMap(model, "model");
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value, String path) {
        if (value == null) {
            throw new IllegalArgumentException(path + " is null: leave it out or use \"\"");
        }
        if (value instanceof String || value instanceof Boolean || value instanceof BigDecimal
                || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap((Map<String, Object>) map, path);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            int i = 0;
            for (Object item : list) {
                copy.add(copy(item, path + "[" + i++ + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
                + ": a PDF model holds only String, Boolean, BigDecimal, Integer, Long, lists and maps");
    }

    private static Map<String, Object> copyMap(Map<String, Object> map, String path) {
        Objects.requireNonNull(map, path);
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + " has a key that is not text: " + e.getKey());
            }
            copy.put(key, copy(e.getValue(), path + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }
}
