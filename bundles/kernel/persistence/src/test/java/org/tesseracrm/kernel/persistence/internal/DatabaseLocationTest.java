package org.tesseracrm.kernel.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseLocationTest {
    private static final Path HOME = Path.of("/opt/tessera");
    private static final List<Path> ROOTS = List.of(HOME, Path.of("/var/lib/tessera"));
    private static final Map<String, String> KARAF = Map.of("karaf.base", "/opt/tessera", "karaf.home", "/opt/tessera",
            "karaf.data", "/opt/tessera/data", "karaf.etc", "/opt/tessera/etc", "user.dir", "/opt/tessera");

    @Test
    void acceptsDerbyUnderTheInstallationAndInItsDataFolder() {
        assertEquals(Optional.empty(), refusal("jdbc:derby:/opt/tessera/data/derby/crm;create=true"));
        assertEquals(Optional.empty(), refusal("jdbc:derby:/var/lib/tessera/derby/crm;create=true"));
        assertEquals(Optional.empty(), refusal("jdbc:derby:directory:/opt/tessera/data/crm"));
        assertEquals(Optional.empty(), refusal("jdbc:derby:data/derby/crm;create=true"));
    }

    @Test
    void refusesTheMisspeltPlaceholderThatKarafTurnedIntoTheFileSystemRoot() {
        Optional<String> refusal = refusal("jdbc:derby:/derby/crm;create=true");
        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().contains("/derby/crm"), refusal.get());
        assertTrue(refusal.get().contains("etc/org.ops4j.datasource-crm.cfg"), refusal.get());
        assertTrue(refusal.get().contains("placeholder"), refusal.get());
    }

    @Test
    void refusesPathsThatClimbOutOfTheInstallation() {
        assertTrue(refusal("jdbc:derby:/opt/tessera/../derby/crm;create=true").isPresent());
        assertTrue(refusal("jdbc:derby:../crm;create=true").isPresent());
        assertTrue(refusal("jdbc:derby:/opt/tessera-old/data/derby/crm").isPresent());
    }

    @Test
    void refusesAnUnresolvedPlaceholderLeftInTheUrl() {
        assertTrue(refusal("jdbc:postgresql://${db.host}:5432/crm").get().contains("${db.host}"));
    }

    @Test
    void leavesServersNetworkDerbyAndMemoryAlone() {
        assertEquals(Optional.empty(), refusal("jdbc:postgresql://127.0.0.1:5432/crm"));
        assertEquals(Optional.empty(), refusal("jdbc:derby://db.example.com:1527/crm"));
        assertEquals(Optional.empty(), refusal("jdbc:derby:memory:crm;create=true"));
    }

    @Test
    void refusesAMissingUrl() {
        assertTrue(refusal("").isPresent());
    }

    @Test
    void findsUndefinedPlaceholdersInTheFileAsWritten() {
        String text = """
                # ${not.checked} in a comment
                osgi.jdbc.driver.name = derby
                url = jdbc:derby:${karaf.dta}/derby/crm;create=true
                user = ${karaf.data}
                """;
        List<String> problems = DatabaseLocation.unresolvedPlaceholders(text, "etc/x.cfg", KARAF::get);
        assertEquals(List.of("etc/x.cfg: property url uses ${karaf.dta}, which is not defined (Karaf would replace it "
                + "with nothing)."), problems);
    }

    @Test
    void readsTheConfigurationFileNamedByTheDataSourceService(@TempDir Path etc) throws IOException {
        Path file = etc.resolve("org.ops4j.datasource-crm.cfg");
        Files.writeString(file, "url = jdbc:derby:${karaf.dta}/derby/crm;create=true\n");
        Map<String, Object> service = Map.of("url", "jdbc:derby:/derby/crm;create=true",
                "felix.fileinstall.filename", file.toUri().toString());

        String refusal = DatabaseLocation.refusal(service, KARAF::get).orElseThrow();

        assertTrue(refusal.contains(file.toString()) && refusal.contains("${karaf.dta}"), refusal);
    }

    @Test
    void checksTheUrlWhenTheFileIsFine(@TempDir Path etc) throws IOException {
        Path file = etc.resolve("org.ops4j.datasource-crm.cfg");
        Files.writeString(file, "url = jdbc:derby:/derby/crm;create=true\n");
        Map<String, Object> service = Map.of("url", "jdbc:derby:/derby/crm;create=true",
                "felix.fileinstall.filename", file.toUri().toString());

        assertTrue(DatabaseLocation.refusal(service, KARAF::get).orElseThrow().contains("outside the Tessera installation"));
        assertEquals(Optional.empty(), DatabaseLocation.refusal(
                Map.of("url", "jdbc:derby:/opt/tessera/data/derby/crm;create=true"), KARAF::get));
    }

    private static Optional<String> refusal(String url) {
        return DatabaseLocation.refusal(url, "etc/org.ops4j.datasource-crm.cfg", ROOTS, HOME);
    }
}
