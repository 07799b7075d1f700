package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tesseracrm.kernel.core.internal.security.FirstAdmin.Decision;

class FirstAdminTest {

    @Test
    void createsTheAdminOnlyOnAFreshInstallation() {
        assertEquals(Decision.CREATE, FirstAdmin.decide(false, false));
        assertEquals(Decision.REFUSE, FirstAdmin.decide(false, true));
        assertEquals(Decision.REMEMBER, FirstAdmin.decide(true, false));
        assertEquals(Decision.NOTHING, FirstAdmin.decide(true, true));
    }

    @Test
    void theMarkerWrittenAtFirstStartRefusesAnEmptyDatabaseLater(@TempDir Path etc) {
        FirstAdmin firstAdmin = new FirstAdmin(Optional.of(etc));
        assertEquals(Decision.CREATE, firstAdmin.decide(false));

        assertEquals(Optional.empty(), firstAdmin.remember("admin", Instant.parse("2026-12-04T10:00:00Z")));

        assertTrue(Files.exists(etc.resolve(FirstAdmin.MARKER)));
        assertEquals(Decision.REFUSE, firstAdmin.decide(false));
        assertEquals(Decision.NOTHING, firstAdmin.decide(true));
        assertTrue(firstAdmin.refusal().contains("etc/org.ops4j.datasource-crm.cfg"), firstAdmin.refusal());
    }

    @Test
    void outsideKarafNothingIsRemembered() {
        FirstAdmin firstAdmin = new FirstAdmin(Optional.empty());
        assertEquals(Optional.empty(), firstAdmin.remember("admin", Instant.EPOCH));
        assertEquals(Decision.CREATE, firstAdmin.decide(false));
    }

    @Test
    void anUnwritableEtcIsReportedNotThrown(@TempDir Path dir) {
        FirstAdmin firstAdmin = new FirstAdmin(Optional.of(dir.resolve("missing-folder")));
        assertTrue(firstAdmin.remember("admin", Instant.EPOCH).orElseThrow().contains("Cannot write"));
    }
}
