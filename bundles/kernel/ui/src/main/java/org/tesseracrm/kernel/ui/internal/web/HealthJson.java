package org.tesseracrm.kernel.ui.internal.web;

import java.util.List;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.module.InstalledModule;

/**
 * Renders the health document. Only states, reasons, ids, versions and routes: nothing sensitive. The
 * fields {@code status} and {@code modules} keep their 0.1 meaning; {@code detail} and
 * {@code components} were added.
 */
final class HealthJson {

    private HealthJson() {
    }

    static String render(HealthReport report) {
        return "{\"status\":" + string(report.state().name()) + ",\"detail\":" + string(report.reason())
                + ",\"components\":[" + report.parts().stream().map(HealthJson::part).collect(Collectors.joining(","))
                + "],\"modules\":" + modules(report.modules()) + "}";
    }

    private static String part(HealthReport.Part part) {
        return "{\"name\":" + string(part.name()) + ",\"status\":" + string(part.status().state().name())
                + ",\"detail\":" + string(part.status().detail()) + "}";
    }

    private static String modules(List<InstalledModule> modules) {
        return "[" + modules.stream().map(HealthJson::module).collect(Collectors.joining(",")) + "]";
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
