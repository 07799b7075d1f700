package org.tesseracrm.kernel.ui.internal.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaintenancePageTest {

    @Test
    void showsTheReasonAsText() {
        String html = MaintenancePage.html("database: <script>alert(1)</script>");
        assertTrue(html.contains("Tessera is unavailable: database: &lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"));
    }

    @Test
    void saysItIsStartingWithoutAReason() {
        assertTrue(MaintenancePage.html("").contains("Tessera is unavailable: it is starting."));
    }
}
