package org.tesseracrm.kernel.ui.internal.vaadin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MenuEntryTest {

    @Test
    void readsTheServiceProperties() {
        MenuEntry entry = MenuEntry.of(Map.of("crm.view.route", "contacts", "crm.view.title", "Contacts",
                "crm.view.icon", "vaadin:users", "crm.view.group", "Sales", "crm.view.order", 10,
                "crm.view.permission", "contacts.view"));
        assertEquals(new MenuEntry("contacts", "Contacts", "vaadin:users", "Sales", 10, "contacts.view"), entry);
        assertTrue(entry.visible());
    }

    @Test
    void aViewWithoutTitleHasNoMenuEntryAndABadOrderFallsBack() {
        MenuEntry entry = MenuEntry.of(Map.of("crm.view.route", "contacts/merge", "crm.view.order", "first"));
        assertFalse(entry.visible());
        assertEquals(100, entry.order());
    }
}
