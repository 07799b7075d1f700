package org.tesseracrm.kernel.ui.internal.web;

import java.util.List;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.module.InstalledModule;

/** Renders the health document. Only ids, versions, states and routes: nothing sensitive. */
final class HealthJson {

    private HealthJson() {
    }

    static String render(String status, List<InstalledModule> modules) {
        return "{\"status\":" + string(status) + ",\"modules\":["
                + modules.stream().map(HealthJson::module).collect(Collectors.joining(",")) + "]}";
    }

    private static String module(InstalledModule m) {
        return "{\"id\":" + string(m.id()) + ",\"version\":" + string(m.version()) + ",\"state\":" + string(m.state())
                + ",\"routes\":[" + m.routes().stream().map(HealthJson::string).collect(Collectors.joining(",")) + "]}";
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
