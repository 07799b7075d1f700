package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.RegionalSettings;

class UserSettingsImplTest {
    private static final Optional<Caller> ANNA = Optional.of(new Caller("anna"));

    @Test
    void aUserMayManageTheirOwnSettings() {
        assertTrue(UserSettingsImpl.mayManage(ANNA, "anna", false));
    }

    @Test
    void aUserMayNotManageSomebodyElsesSettings() {
        assertFalse(UserSettingsImpl.mayManage(ANNA, "bert", false));
    }

    @Test
    void aUserAdministratorMayManageAnybodysSettings() {
        assertTrue(UserSettingsImpl.mayManage(ANNA, "bert", true));
    }

    @Test
    void nobodyWithoutACallerMayManageSettings() {
        assertFalse(UserSettingsImpl.mayManage(Optional.empty(), "anna", true));
    }

    @Test
    void refusesALocaleWithoutALanguage() {
        assertEquals("locale", UserSettingsImpl.errors(new RegionalSettings(ZoneId.of("Europe/Berlin"), Locale.ROOT))
                .get(0).field());
    }

    @Test
    void acceptsAZoneAndALocale() {
        assertTrue(UserSettingsImpl.errors(new RegionalSettings(ZoneId.of("Pacific/Auckland"),
                Locale.forLanguageTag("en-NZ"))).isEmpty());
    }
}
