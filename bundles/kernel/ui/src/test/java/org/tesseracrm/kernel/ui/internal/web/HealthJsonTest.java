package org.tesseracrm.kernel.ui.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.module.InstalledModule;

class HealthJsonTest {

    @Test
    void listsModulesWithTheirRoutes() {
        String json = HealthJson.render("UP", List.of(
                new InstalledModule("contacts", "Contacts", "People", "0.1.0", "ACTIVE", List.of("contacts"))));
        assertEquals("{\"status\":\"UP\",\"modules\":[{\"id\":\"contacts\",\"version\":\"0.1.0\","
                + "\"state\":\"ACTIVE\",\"routes\":[\"contacts\"]}]}", json);
    }

    @Test
    void escapesWhatWouldBreakJsonOrHtml() {
        assertEquals("\"a\\\"b\\\\c\\n\\u003cscript\\u003e\"", HealthJson.string("a\"b\\c\n<script>"));
    }

    @Test
    void anEmptyInstallationIsStillUp() {
        assertEquals("{\"status\":\"UP\",\"modules\":[]}", HealthJson.render("UP", List.of()));
    }
}
