package org.tesseracrm.kernel.api.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PermissionTest {

    @Test
    void standardSetCoversEveryRecordAction() {
        List<String> ids = Permission.standard("contacts").stream().map(Permission::id).toList();
        assertEquals(List.of("contacts.view", "contacts.create", "contacts.edit", "contacts.delete",
                "contacts.import", "contacts.export", "contacts.bulk-edit", "contacts.bulk-delete",
                "contacts.configure"), ids);
        assertEquals("bulk edit", Permission.standard("contacts").get(6).label());
    }
}
