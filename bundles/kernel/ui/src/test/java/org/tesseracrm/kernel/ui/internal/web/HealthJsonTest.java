package org.tesseracrm.kernel.ui.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.InstalledModule;

class HealthJsonTest {

    @Test
    void listsPartsAndModulesWithTheirRoutes() {
        String json = HealthJson.render(HealthReport.of(List.of(new HealthReport.Part("database", HealthStatus.up())),
                List.of(new InstalledModule("contacts", "Contacts", "People", "0.1.0", "ACTIVE", List.of("contacts")))));
        assertEquals("{\"status\":\"UP\",\"detail\":\"\",\"components\":[{\"name\":\"database\",\"status\":\"UP\","
                + "\"detail\":\"\"}],\"modules\":[{\"id\":\"contacts\",\"version\":\"0.1.0\","
                + "\"state\":\"ACTIVE\",\"routes\":[\"contacts\"]}]}", json);
    }

    @Test
    void namesTheFailingPartInTheDetail() {
        String json = HealthJson.render(HealthReport.of(List.of(
                new HealthReport.Part("database", HealthStatus.down("No JDBC driver 'derbyy'.")),
                new HealthReport.Part("user interface", HealthStatus.starting("Waiting."))), List.of()));
        assertEquals("{\"status\":\"DOWN\",\"detail\":\"database: No JDBC driver 'derbyy'.; user interface: Waiting.\","
                + "\"components\":[{\"name\":\"database\",\"status\":\"DOWN\",\"detail\":\"No JDBC driver 'derbyy'.\"},"
                + "{\"name\":\"user interface\",\"status\":\"STARTING\",\"detail\":\"Waiting.\"}],\"modules\":[]}", json);
    }

    @Test
    void escapesWhatWouldBreakJsonOrHtml() {
        assertEquals("\"a\\\"b\\\\c\\n\\u003cscript\\u003e\"", HealthJson.string("a\"b\\c\n<script>"));
    }

    @Test
    void anEmptyInstallationIsStillUp() {
        assertEquals("{\"status\":\"UP\",\"detail\":\"\",\"components\":[],\"modules\":[]}",
                HealthJson.render(HealthReport.of(List.of(), List.of())));
    }
}
