package org.tesseracrm.kernel.core.internal.module;

import java.util.Optional;

/**
 * Reads the id out of a feature capability such as {@code org.tesseracrm.module;id=contacts}
 * (attribute values may be quoted or typed, e.g. {@code id:String="contacts"}).
 */
final class FeatureCapability {

    private FeatureCapability() {
    }

    static Optional<String> id(String capability, String namespace) {
        String[] parts = capability.split(";");
        if (!parts[0].trim().equals(namespace)) {
            return Optional.empty();
        }
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            String key = pair[0].trim();
            int colon = key.indexOf(':');
            if (colon >= 0) {
                key = key.substring(0, colon);
            }
            if (pair.length == 2 && key.equals("id")) {
                String value = pair[1].trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
