package org.tesseracrm.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The distribution as a user meets it: started with bin/karaf, used in headless Chromium, administered
 * with bin/client, and killed with SIGKILL. Timings are printed for the issue's closing note.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {
    private static final String LAST_NAME = "Lovelace";
    /** The first sign-in replaces the configured admin/admin with this. */
    private static final String PASSWORD = "Tessera-2026-secret";
    private static Distribution crm;

    @BeforeAll
    static void start() throws Exception {
        crm = Distribution.unpack(Path.of("target", "distribution-it"));
        System.out.printf("start to UP with contacts: %d ms%n", crm.start());
    }

    @AfterAll
    static void stop() throws Exception {
        if (crm != null) {
            crm.close();
        }
    }

    @Test
    @Order(1)
    void healthAnswersWithoutLoginAndListsContacts() throws Exception {
        // The last boot modules register their views after the UP: wait for the quotes', cases', automation's,
        // e-mail's and reports' lists (at most a minute).
        var response = crm.get("/health");
        for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                !(response.body().contains("\"quotes\"]}") && response.body().contains("\"cases\"]}")
                        && response.body().contains("\"admin/automation/scoring\"]}")
                        && response.body().contains("\"email/my-account\"]}")
                        && response.body().contains("\"reports\",\"reports/dashboards\"]}"))
                        && System.nanoTime() < deadline; Thread.sleep(200)) {
            response = crm.get("/health");
        }
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(response.body().startsWith("{\"status\":\"UP\",\"detail\":\"\",\"components\":["), response.body());
        for (String part : List.of("modules", "user interface")) {
            assertTrue(response.body().contains("{\"name\":\"" + part + "\",\"status\":\"UP\",\"detail\":\"\"}"),
                    part + " in " + response.body());
        }
        assertEquals("\"modules\":[{\"id\":\"activities\",\"version\":\"0.2.0\",\"state\":\"ACTIVE\","
                + "\"routes\":[\"activities\"]},{\"id\":\"automation\",\"version\":\"0.2.0\",\"state\":\"ACTIVE\","
                + "\"routes\":[\"admin/automation\",\"admin/automation/approvals\",\"admin/automation/assignment\","
                + "\"admin/automation/blueprints\",\"admin/automation/schedules\",\"admin/automation/scoring\"]},"
                + "{\"id\":\"cases\",\"version\":\"0.2.0\",\"state\":\"ACTIVE\","
                + "\"routes\":[\"admin/case-settings\",\"admin/case-sla\",\"cases\"]},{\"id\":\"collections\",\"version\":\"0.2.0\","
                + "\"state\":\"ACTIVE\",\"routes\":[\"collections\",\"collections-aging\"]},{\"id\":\"companies\",\"version\":\"0.2.0\",\"state\":\"ACTIVE\","
                + "\"routes\":[\"companies\"]},{\"id\":\"contacts\",\"version\":\"0.2.0\",\"state\":\"ACTIVE\","
                + "\"routes\":[\"contacts\"]},{\"id\":\"email\",\"version\":\"0.2.0\",\"state\":\"ACTIVE\","
                + "\"routes\":[\"admin/email-accounts\",\"admin/email-outbox\",\"admin/email-templates\",\"email/inbox\","
                + "\"email/my-account\"]},{\"id\":\"followups\",\"version\":\"0.2.0\",\"state\":\"ACTIVE\","
                + "\"routes\":[\"reports/unattended-follow-ups\"]},{\"id\":\"forecasts\",\"version\":\"0.2.0\","
                + "\"state\":\"ACTIVE\",\"routes\":[\"admin/exchange-rates\",\"forecasts\"]},{\"id\":\"leads\",\"version\":\"0.2.0\","
                + "\"state\":\"ACTIVE\",\"routes\":[\"admin/lead-conversion\",\"leads\"]},{\"id\":\"opportunities\",\"version\":\"0.2.0\","
                + "\"state\":\"ACTIVE\",\"routes\":[\"admin/opportunity-phases\",\"opportunities\"]},{\"id\":\"products\","
                + "\"version\":\"0.2.0\",\"state\":\"ACTIVE\",\"routes\":[\"admin/price-lists\",\"products\"]},{\"id\":\"quotes\","
                + "\"version\":\"0.2.0\",\"state\":\"ACTIVE\",\"routes\":[\"admin/quote-template\",\"quotes\"]},{\"id\":\"reports\","
                + "\"version\":\"0.2.0\",\"state\":\"ACTIVE\",\"routes\":[\"reports\",\"reports/dashboards\"]}]}",
                response.body().substring(response.body().indexOf("\"modules\":[{")));
    }

    @Test
    @Order(2)
    void userLogsInCreatesAContactAndFindsItWithTheFilter() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/contacts"));
            // The first admin must replace the initial password before anything else.
            browser.submitLogin("admin", "admin");
            browser.await(By.id("new-password"));
            browser.open(crm.url("/contacts"));
            browser.await(By.id("new-password"));
            browser.type("current-password", "admin");
            browser.type("new-password", "admin-short");
            browser.type("repeat-password", "admin-short");
            browser.click("change-password-save");
            browser.until(Duration.ofSeconds(10), d -> "Do not use your user name in your password."
                    .equals(browser.text("#new-password [slot='error-message']")));
            browser.type("new-password", PASSWORD);
            browser.type("repeat-password", PASSWORD);
            browser.click("change-password-save");
            browser.await(By.id("tessera-menu"));
            browser.open(crm.url("/contacts"));
            browser.await(By.id("contacts-grid"));

            createContact(browser, "Grace", "Hopper", "grace@example.org");
            // A wrong e-mail is refused with a message at the field, and nothing is saved.
            browser.click("contacts-new");
            browser.type("contact-lastName", LAST_NAME);
            browser.type("contact-email", "ada-at-example");
            browser.click("contact-save");
            browser.until(Duration.ofSeconds(10), d -> "Enter an e-mail address like name@example.org"
                    .equals(browser.text("#contact-email [slot='error-message']")));
            assertTrue(browser.attribute("contact-email", "invalid") != null);
            browser.type("contact-firstName", "Ada");
            browser.type("contact-email", "ada@example.org");
            browser.click("contact-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains(LAST_NAME));

            browser.type("contacts-filter", "lovel");
            browser.until(Duration.ofSeconds(10), d -> !browser.gridCells("contacts-grid").contains("Hopper")
                    && browser.gridCells("contacts-grid").contains("ada@example.org"));
            List<String> cells = browser.gridCells("contacts-grid");
            assertTrue(cells.contains(LAST_NAME), cells.toString());
            assertTrue(cells.contains("ada@example.org"), cells.toString());
            assertFalse(cells.contains("Hopper"), cells.toString());
            Path shot = browser.screenshot("contacts-filtered");
            assertTrue(Files.size(shot) > 10_000, "screenshot written");
        }
    }

    @Test
    @Order(3)
    void openSessionSeesTheModuleGoAndComeBackWithItsData() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/login"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/contacts"));
            browser.until(Duration.ofSeconds(10), d -> browser.menu().contains("Contacts"));

            long start = System.nanoTime();
            crm.client("admin", PASSWORD, "feature:uninstall crm-contacts");
            long gone = crm.awaitHealth(body -> !body.contains("contacts"), Duration.ofSeconds(30));
            browser.until(Duration.ofSeconds(10), d -> !browser.menu().contains("Contacts"));
            System.out.printf("bin/client feature:uninstall -> gone from /health %d ms after the command returned; "
                    + "command + menu update %d ms%n", gone, (System.nanoTime() - start) / 1_000_000);
            // The open page was on contacts: it is taken home, and the shell still serves.
            browser.until(Duration.ofSeconds(10), d -> !browser.currentUrl().endsWith("/contacts"));
            assertEquals(200, crm.get("/login").statusCode());
            browser.screenshot("contacts-uninstalled");

            assertTrue(crm.client("admin", PASSWORD, "crm:module-list").matches("(?s).*contacts\\s*\\|\\s*crm-contacts\\s*\\|[^|]*\\|\\s*no\\s*\\|.*"));

            start = System.nanoTime();
            assertTrue(crm.client("admin", PASSWORD, "crm:module-enable contacts").contains("Module contacts enabled"));
            long back = crm.awaitHealth(body -> body.contains("\"routes\":[\"contacts\"]"), Duration.ofSeconds(60));
            browser.until(Duration.ofSeconds(10), d -> browser.menu().contains("Contacts"));
            String list = crm.client("admin", PASSWORD, "crm:module-list");
            assertTrue(list.matches("(?s).*contacts\\s*\\|\\s*crm-contacts\\s*\\|[^|]*\\|\\s*yes\\s*\\|\\s*ACTIVE\\s*\\|\\s*contacts.*"), list);
            System.out.printf("bin/client crm:module-enable -> back in /health %d ms after the command returned; "
                    + "command + menu update %d ms%n", back, (System.nanoTime() - start) / 1_000_000);

            browser.open(crm.url("/contacts"));
            browser.type("contacts-filter", LAST_NAME);
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains(LAST_NAME));
        }
    }

    @Test
    @Order(4)
    void adminDisablesAndEnablesAModuleFromTheModulesPage() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/admin/modules"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/admin/modules"));
            browser.until(Duration.ofSeconds(10), d -> browser.text("#module-toggle-contacts").equals("Disable"));
            assertTrue(browser.menu().contains("Modules"));

            browser.click("module-toggle-contacts");
            browser.until(Duration.ofSeconds(30), d -> browser.text("#module-toggle-contacts").equals("Enable"));
            browser.until(Duration.ofSeconds(10), d -> !browser.menu().contains("Contacts"));
            assertFalse(crm.health().contains("\"id\":\"contacts\""), crm.health());
            assertTrue(browser.gridCells("modules-grid").contains("Disabled"));
            browser.screenshot("modules-contacts-disabled");

            browser.click("module-toggle-contacts");
            browser.until(Duration.ofSeconds(30), d -> browser.text("#module-toggle-contacts").equals("Disable"));
            browser.until(Duration.ofSeconds(10), d -> browser.menu().contains("Contacts"));
            assertTrue(crm.health().contains("\"routes\":[\"contacts\"]"), crm.health());
        }
    }

    @Test
    @Order(5)
    void contactSurvivesKillMinusNineAndRestart() throws Exception {
        assertTrue(reminderLookDue().isPresent(), "the reminders' durable timer is listed by crm:timers");
        // Issue 22: a workflow rule's action delayed by a minute, queued for a new contact just before the kill,
        // runs once after the restart.
        String[] created = crm.client("admin", PASSWORD, "crm:token-create admin delayed-rule").trim().split("\\R");
        String token = created[created.length - 1].trim();
        long rule = id(until201("/api/v1/automation/rules", token, "{\"name\":\"Delayed welcome\",\"recordType\":"
                + "\"contact\",\"trigger\":\"record.created\",\"criteria\":{\"match\":\"ALL\",\"conditions\":"
                + "[{\"field\":\"lastName\",\"op\":\"EQUALS\",\"values\":[\"Delayed\"]}]},\"actions\":[{\"action\":"
                + "\"notification.send\",\"config\":{\"to\":\"owner\",\"title\":\"Delayed welcome\"},"
                + "\"delay\":\"1 minutes\"}]}"));
        until201("/api/v1/records/contact", token, "{\"firstName\":\"Kate\",\"lastName\":\"Delayed\"}");
        String queued = api("GET", "/api/v1/automation/rules/" + rule + "/runs", token, "").body();
        assertTrue(queued.contains("\"status\":\"QUEUED\"") && queued.contains("\"steps\":[]"), queued);
        Instant killedAt = Instant.now();
        crm.kill9();
        System.out.printf("restart after kill -9 to UP with contacts: %d ms%n", crm.start());
        assertContactListedAfterLogin("contacts-after-kill-9");
        // The reminders' look timer (due every 5 s) came due while the CRM was down: it ran after the restart and
        // moved itself on, so it is now due later than it could have been at the kill; still one row.
        Instant due = reminderLookDue().orElseThrow();
        assertTrue(due.isAfter(killedAt.plusSeconds(5)), "due " + due + ", killed at " + killedAt);

        String runs = "";
        for (long end = System.nanoTime() + Duration.ofSeconds(120).toNanos(); !runs.contains("\"status\":\"DONE\"")
                && System.nanoTime() < end; Thread.sleep(500)) {
            runs = api("GET", "/api/v1/automation/rules/" + rule + "/runs", token, "").body();
        }
        assertTrue(runs.contains("\"status\":\"DONE\""), runs);
        assertEquals(1, java.util.regex.Pattern.compile("\"ruleId\":").matcher(runs).results().count(), runs);
        assertEquals(1, java.util.regex.Pattern.compile("\"action\":\"notification.send\"").matcher(runs).results()
                .count(), "the delayed action ran once: " + runs);
        System.out.printf("delayed action (1 minute) done %d s after the kill%n",
                Duration.between(killedAt, Instant.now()).toSeconds());
    }

    /** @return the due time of the activities' reminder look in crm:timers, if it is listed exactly once */
    private static java.util.Optional<Instant> reminderLookDue() throws Exception {
        String timers = crm.client("admin", PASSWORD, "crm:timers");
        assertTrue(java.util.regex.Pattern.compile("Pending \\d+, running \\d+, failed 0, retried \\d+").matcher(timers)
                .find(), timers);
        List<Instant> due = java.util.regex.Pattern.compile("activities\\.reminders\\s*\\|\\s*look\\s*\\|\\s*(\\S+)")
                .matcher(timers).results().map(m -> Instant.parse(m.group(1))).toList();
        assertTrue(due.size() <= 1, timers);
        return due.stream().findFirst();
    }

    @Test
    @Order(6)
    void contactSurvivesACleanRestart() throws Exception {
        crm.close();
        System.out.printf("restart after bin/stop to UP with contacts: %d ms%n", crm.start());
        assertContactListedAfterLogin("contacts-after-restart");
    }

    @Test
    @Order(7)
    void adminSetsUpARoleProfileAndUserWhoThenSeesOnlyWhatTheProfileAllows() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/contacts"));
            browser.logIn("admin", PASSWORD);
            // An edit shows up in the audit trail with its old and new value.
            browser.open(crm.url("/contacts"));
            browser.clickCell("contacts-grid", "Hopper");
            browser.type("contact-lastName", "Hopper-King");
            browser.click("contact-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains("Hopper-King"));
            browser.open(crm.url("/admin/audit"));
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("audit-grid").stream()
                    .anyMatch(c -> c.contains("lastName: Hopper → Hopper-King")));
            browser.screenshot("admin-audit");

            browser.open(crm.url("/admin/roles"));
            browser.type("role-name", "Field sales");
            browser.click("role-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("roles-tree").contains("Field sales"));

            browser.open(crm.url("/admin/profiles"));
            // Nothing to edit until a profile is chosen: a hint, not a blank form.
            assertEquals("Choose a profile on the left or create one.", browser.await(By.id("profile-hint")).getText());
            assertFalse(browser.shown("profile-name"));
            browser.click("profiles-new");
            browser.type("profile-name", "Contact readers");
            browser.clickFirst("[id='perm-contacts.view']"); // scrolled into view: every module's permissions are listed
            browser.clickFirst("#profile-save"); // scrolled into view: below the matrix of every module
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("profiles-grid").contains("Contact readers"));
            browser.screenshot("admin-profiles");

            browser.open(crm.url("/admin/users"));
            browser.click("users-new");
            browser.type("user-username", "reader");
            browser.type("user-fullname", "Rita Reader");
            browser.type("user-branch", "Lisbon");
            browser.pick("user-role", "Field sales");
            browser.pick("user-profile", "Contact readers");
            browser.type("user-password", "Lisbon-Start-2026");
            browser.click("user-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("users-grid").contains("Rita Reader"));
            browser.screenshot("admin-users");
            browser.click("tessera-logout");
            // Let sign-out land on the login page first: a request racing the session's invalidation can
            // hit Jetty's "session already in cache" (seen once in CI; see the closing note of issue 4).
            browser.await(By.id("tessera-login"));

            browser.open(crm.url("/login"));
            browser.submitLogin("reader", "Lisbon-Start-2026");
            browser.await(By.id("new-password"));
            browser.type("current-password", "Lisbon-Start-2026");
            browser.type("new-password", "Porto-Own-2026x");
            browser.type("repeat-password", "Porto-Own-2026x");
            browser.click("change-password-save");
            browser.await(By.id("tessera-menu"));
            List<String> menu = browser.menu();
            assertTrue(menu.contains("Contacts"), menu.toString());
            assertFalse(menu.contains("Users") || menu.contains("Modules") || menu.contains("Audit trail"), menu.toString());

            browser.open(crm.url("/contacts"));
            browser.await(By.id("contacts-grid"));
            assertFalse(browser.shown("contacts-new"), "a reader gets no New button");
            // Records of others (the admin's contacts) are not visible to a user at the top of another branch.
            assertFalse(browser.gridCells("contacts-grid").contains(LAST_NAME), browser.gridCells("contacts-grid").toString());
            browser.screenshot("reader-contacts");

            browser.open(crm.url("/admin/users"));
            browser.await(By.id("tessera-menu"));
            browser.until(Duration.ofSeconds(10), d -> !browser.currentUrl().contains("admin/users"));
            assertFalse(browser.shown("users-grid"));
        }
    }

    @Test
    @Order(9)
    void adminImportsAFileWithABadRowSeesTheReportAndImportsTheValidRows() throws Exception {
        Path file = Files.createTempFile("people", ".csv");
        Files.writeString(file, "Last name;First name;E-mail;Segment\n"
                + "Liskov;Barbara;barbara@example.org;SMB\n"
                + "Knuth;Donald;donald(at)example.org;Enterprise\n"
                + "Hamilton;Margaret;margaret@example.org;Gold\n");
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/contacts"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/contacts"));
            browser.click("contacts-import");
            browser.upload("import-upload", file);
            browser.until(Duration.ofSeconds(20), d -> browser.text("#import-summary").contains("3 rows, 4 columns"));
            assertTrue(browser.gridCells("import-preview").contains("donald(at)example.org"));

            browser.click("import-check");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#import-summary").startsWith("Check:"));
            assertEquals("Check: 1 to create, 0 to update, 0 to skip, 2 with problems.", browser.text("#import-summary"));
            List<String> report = browser.gridCells("import-problems");
            assertTrue(report.contains("3") && report.contains("E-mail")
                    && report.contains("Enter an e-mail address like name@example.org."), report.toString());
            assertTrue(report.contains("4") && report.contains("Segment"), report.toString());
            assertTrue((Boolean) browser.script("return document.getElementById('import-rejected').getBoundingClientRect().top"
                    + " >= document.getElementById('import-summary').getBoundingClientRect().bottom;"),
                    "the download link starts a line of its own");
            browser.screenshot("import-report");
            browser.click("import-rejected");
            String rejected = Files.readString(browser.download(".csv"));
            assertTrue(rejected.startsWith("\ufeffLast name,First name,E-mail,Segment,Problems\r\n"), rejected);
            assertTrue(rejected.contains("Knuth,Donald,donald(at)example.org,Enterprise,"
                    + "E-mail: Enter an e-mail address like name@example.org."), rejected);
            assertTrue(rejected.contains("Hamilton,Margaret,margaret@example.org,Gold,"), rejected);
            assertFalse(rejected.contains("Liskov"), rejected);

            browser.click("import-run");
            browser.until(Duration.ofSeconds(20), d -> browser.text("#import-summary").startsWith("Nothing was imported"));
            browser.click("import-valid-only");
            browser.click("import-run");
            browser.until(Duration.ofSeconds(20), d -> browser.text("#import-summary").startsWith("Imported:"));
            assertEquals("Imported: 1 created, 0 updated, 0 skipped, 2 not imported.", browser.text("#import-summary"));
            browser.click("import-close");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains("Liskov"));
            assertFalse(browser.gridCells("contacts-grid").contains("Knuth"));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    @Order(10)
    void adminEditsACellInTheListThenUpdatesAssignsAndDeletesSelectedRows() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/contacts"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/contacts"));
            browser.type("contacts-filter", "Liskov");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#contacts-count").equals("1 matching")
                    && browser.gridCells("contacts-grid").contains("barbara@example.org"));
            // At 1,366 px beside the menu the default columns fit, and the pencil column's header sits on its cells.
            assertTrue(browser.fitsWithoutScrolling("contacts-grid"), "the contacts list scrolls sideways");
            assertTrue(browser.frozenEndHeaderAligned("contacts-grid"), "the edit column's header is shifted");

            // Inline edit: a bad value is refused on the cell; clearing the e-mail flags the row.
            browser.clickFirst(".contacts-row-edit");
            browser.type("contacts-edit-email", "barbara(at)example.org");
            browser.click("contacts-edit-save");
            // The invalid mark and its message reach the browser in the same round trip but may render apart.
            browser.until(Duration.ofSeconds(10), d -> browser.attribute("contacts-edit-email", "invalid") != null
                    && "Enter an e-mail address like name@example.org".equals(
                            browser.attribute("contacts-edit-email", "errorMessage")));
            browser.screenshot("inline-edit-error");
            browser.type("contacts-edit-email", "");
            browser.click("contacts-edit-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains("Unreachable"));
            assertFalse(browser.gridCells("contacts-grid").contains("barbara@example.org"));

            // Bulk update of a custom pick-list on the ticked row.
            browser.clickFirst("#contacts-grid vaadin-checkbox[aria-label='Select Row']");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#contacts-selected").equals("1 selected"));
            browser.click("contacts-bulk-update");
            browser.choose("bulk-field", "Segment");
            browser.pick("bulk-value", "Enterprise");
            browser.click("bulk-confirm");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains("Enterprise"));
            assertFalse(browser.shown("contacts-bulk"), "the selection is cleared after the action");

            // "Select all matching" takes every record the search finds, not only the ticked ones.
            browser.type("contacts-filter", "");
            browser.until(Duration.ofSeconds(10), d -> !browser.text("#contacts-count").equals("1 matching"));
            browser.clickFirst("#contacts-grid vaadin-checkbox[aria-label='Select Row']");
            browser.click("contacts-select-all");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#contacts-selected").matches(
                    "All [0-9]+ matching contacts selected"));
            browser.screenshot("bulk-all-matching");
            browser.click("contacts-bulk-clear");

            // Bulk delete asks first.
            browser.type("contacts-filter", "Liskov");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#contacts-count").equals("1 matching"));
            browser.clickFirst("#contacts-grid vaadin-checkbox[aria-label='Select Row']");
            browser.click("contacts-bulk-delete");
            browser.until(Duration.ofSeconds(10), d -> browser.text("vaadin-dialog-overlay").contains("Delete selected contacts (1)?"));
            browser.click("bulk-confirm");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#contacts-count").equals("0 matching"));

            // Clone: a new contact's form with the original's values, except the e-mail.
            browser.type("contacts-filter", "Hopper-King");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#contacts-count").equals("1 matching"));
            browser.clickCell("contacts-grid", "Hopper-King");
            browser.click("contact-clone");
            browser.until(Duration.ofSeconds(10), d -> browser.text("vaadin-dialog-overlay")
                    .contains("New contact (copy of Grace Hopper-King)"));
            assertEquals("", browser.attribute("contact-email", "value"));
            assertEquals("Hopper-King", browser.attribute("contact-lastName", "value"));
            browser.type("contact-firstName", "Gracie");
            browser.click("contact-save");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#contacts-count").equals("2 matching"));
            assertTrue(browser.gridCells("contacts-grid").containsAll(List.of("Grace", "Gracie")));
        }
    }

    @Test
    @Order(11)
    void adminCreatesACompanyLinksAContactToItAndSeesItAmongTheCompanysContacts() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/companies"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/companies"));
            // The kit's form checks like every other path: a company needs a name.
            browser.click("companies-new");
            browser.type("company-city", "Austin");
            browser.click("company-save");
            browser.until(Duration.ofSeconds(10), d -> browser.attribute("company-name", "invalid") != null);
            browser.type("company-name", "Initech");
            browser.type("company-website", "https://initech.example");
            browser.click("company-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("companies-grid").contains("Initech"));
            assertTrue(browser.fitsWithoutScrolling("companies-grid"), "the companies list scrolls sideways");

            // The contact's company is a lookup with type-ahead; the list shows the company's name.
            browser.open(crm.url("/contacts"));
            browser.clickCell("contacts-grid", LAST_NAME);
            browser.pick("contact-company", "Initech");
            browser.click("contact-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains("Initech"));

            // The company's form lists its contacts, without either module naming the other.
            browser.open(crm.url("/companies"));
            browser.clickCell("companies-grid", "Initech");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#company-related-contact-company").contains(LAST_NAME));
            assertTrue(browser.text("#company-related-contact-company").contains("Contacts (1)"),
                    browser.text("#company-related-contact-company"));

            // Notes are plain text, never HTML; a file is typed by its content and comes back byte for byte.
            browser.toggle("company-notes");
            browser.typeArea("company-note-text", "Met their CFO <b>today</b>");
            browser.click("company-note-add");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#company-notes").contains("Met their CFO <b>today</b>"));
            browser.script("const t = document.querySelector('#company-note-text textarea'); t.value = 'x'.repeat(10000);"
                    + "t.dispatchEvent(new Event('input', {bubbles: true})); t.dispatchEvent(new Event('change', {bubbles: true}));");
            browser.clickFirst("#company-note-add"); // scrolled into view: the form below the first note is long
            browser.until(Duration.ofSeconds(10), d -> browser.text("#company-notes").contains("xxxxxxxxxxxxxxxxxxxx"));
            assertTrue(browser.dialogFitsWithoutScrolling(), "a long word in a note widens the form");
            byte[] proposal = "%PDF-1.4\n% proposal for Initech\n".getBytes(StandardCharsets.US_ASCII);
            Path pdf = Files.createTempFile("proposal", ".pdf");
            Files.write(pdf, proposal);
            try {
                browser.toggle("company-attachments");
                browser.upload("company-upload", pdf);
                browser.until(Duration.ofSeconds(20), d -> browser.gridCells("company-files")
                        .contains(pdf.getFileName().toString()));
                browser.screenshot("company-notes-and-files");
                browser.clickFirst(".company-file");
                assertArrayEquals(proposal, Files.readAllBytes(browser.download(".pdf")));
            } finally {
                Files.delete(pdf);
            }

            // The same company entered again is flagged; saved anyway, it is then merged into the first.
            browser.open(crm.url("/companies"));
            browser.click("companies-new");
            browser.type("company-name", "INITECH");
            browser.type("company-city", "Dallas");
            browser.click("company-save");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#company-duplicates").contains("may already exist"));
            browser.screenshot("company-possible-duplicate");
            browser.click("company-save-anyway");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("companies-grid").contains("INITECH"));
            browser.clickCell("companies-grid", "Initech");
            browser.click("company-merge");
            browser.pickStarting("merge-other", "initech", "INITECH");
            browser.until(Duration.ofSeconds(10), d -> browser.shown("merge-city"));
            browser.screenshot("company-merge");
            browser.click("merge-confirm");
            browser.until(Duration.ofSeconds(10), d -> !browser.gridCells("companies-grid").contains("INITECH"));
            assertTrue(browser.gridCells("companies-grid").containsAll(List.of("Initech", "Austin")));

            // Typification: the admin sets the outcome options; a user records one on the company's form.
            browser.open(crm.url("/admin/fields"));
            browser.choose("fields-type", "Companies");
            // The page shows the companies' fields once the server has the choice; only then are the options theirs.
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("fields-grid").contains("Website"));
            browser.click("fields-outcomes");
            browser.click("picklist-add");
            browser.typeInto(".picklist-value input", "Interested");
            browser.click("picklist-save");
            // The dialog closes once the server saved the options; leaving the page earlier could cancel that request.
            browser.until(Duration.ofSeconds(10), d -> !browser.shown("picklist-save"));
            browser.open(crm.url("/companies"));
            browser.clickCell("companies-grid", "Initech");
            browser.type("company-outcome-remark", "after the demo");
            browser.pick("company-outcome", "Interested");
            browser.clickFirst("#company-classify");
            try {
                browser.until(Duration.ofSeconds(10), d -> browser.text("#company-outcomes").contains("Outcome: Interested (1)")
                        && browser.gridCells("company-outcome-history").contains("after the demo"));
            } finally {
                browser.screenshot("company-outcome");
            }
        }
    }

    /**
     * The activities module adds its panel to the companies' form and its due flag to their list; a video
     * check-in joined from the panel is recorded as a check-in; a reminder set for the coming minute pops
     * up in the open page at its time, pushed by the server.
     */
    @Test
    @Order(12)
    void userSchedulesAndJoinsAVideoCheckInAndSeesAReminderPopUpAtItsTime() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/companies"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/companies"));
            browser.clickCell("companies-grid", "Initech");
            browser.toggle("activities-panel");

            // A task due at the first whole minute at least 35 s away (35-95 s: the form takes minutes only, and
            // the steps below, up to the companies list opened again, must come before the pop-up), reminding at
            // its due time. The date is typed too: from 23:45 the form's default (the next quarter hour) is
            // tomorrow, which once made the task a day late in CI.
            java.time.LocalDateTime due = java.time.LocalDateTime.now().plusSeconds(35)
                    .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            browser.clickFirst("#activities-add-task");
            browser.type("activity-subject", "Call back about the offer");
            browser.typeInto("#activity-due vaadin-date-picker input", due.format(DateTimeFormatter.ofPattern("M/d/yyyy")) + "\n");
            browser.typeInto("#activity-due vaadin-time-picker input", due.format(DateTimeFormatter.ofPattern("HH:mm")) + "\n");
            browser.choose("activity-remind", "At the due time");
            browser.click("activity-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("activities-grid").contains("Call back about the offer"));

            // A video check-in needs a Teams or Zoom link; joining it records a visit.
            browser.clickFirst("#activities-add-video-checkin");
            browser.type("activity-subject", "Product demo");
            browser.type("activity-link", "https://example.com/meeting");
            browser.click("activity-save");
            browser.until(Duration.ofSeconds(10), d -> browser.attribute("activity-link", "invalid") != null);
            browser.type("activity-link", "https://zoom.us/j/85512345678");
            browser.click("activity-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("activities-grid").contains("Product demo"));
            browser.clickFirst(".activity-row-join");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#activities-checkins").startsWith("Check-ins: 1 (last: video"));
            browser.screenshot("activities-panel");

            // The companies' list shows the due flag of Initech's next activity.
            browser.open(crm.url("/companies"));
            browser.until(Duration.ofSeconds(10), d -> browser.text("#companies-grid .row-mark").equals("Due soon"));

            // At its time the reminder pops up in the open page, and the bell counts it.
            browser.until(Duration.ofSeconds(200), d -> browser.text("vaadin-notification-card .reminder")
                    .contains("Call back about the offer"));
            browser.screenshot("reminder-popup");
            assertEquals("1", browser.text("#reminders-count"));
            browser.clickFirst("vaadin-notification-card .reminder-dismiss");
            browser.until(Duration.ofSeconds(10), d -> !browser.shown("reminders-count"));

            // A follow-up due this morning is overdue at once: the company's status turns red and the
            // unattended follow-ups report lists it.
            browser.open(crm.url("/companies"));
            browser.clickCell("companies-grid", "Initech");
            browser.toggle("followups-panel");
            browser.typeArea("followup-action", "Call to ask about the quote");
            browser.typeInto("#followup-due vaadin-date-picker input",
                    java.time.LocalDate.now().format(DateTimeFormatter.ofPattern("M/d/yyyy")) + "\n");
            browser.typeInto("#followup-due vaadin-time-picker input", "00:00\n");
            browser.click("followup-plan");
            browser.until(Duration.ofSeconds(10), d -> browser.text("#followups-status").startsWith("Overdue"));
            browser.screenshot("followups-panel");
            browser.open(crm.url("/reports/unattended-follow-ups"));
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("unattended-grid").contains("Call to ask about the quote"));
            assertTrue(browser.gridCells("unattended-grid").contains("Initech"));
            browser.screenshot("unattended-follow-ups");

            // My activities: the open task is there; the joined check-in is done.
            browser.open(crm.url("/activities"));
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("my-activities-grid").contains("Call back about the offer"));
            assertFalse(browser.gridCells("my-activities-grid").contains("Product demo"));
            browser.screenshot("my-activities");
        }
    }

    @Test
    @Order(13)
    void adminChoosesATimeZoneAndTheListAndTheAuditTrailShowTimesInItInOneFormat() throws Exception {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+5:30: no minute of it reads like UTC or server time
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/contacts"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/contacts"));
            browser.click("tessera-profile");
            browser.pickStarting("profile-zone", "Asia/Kolkata", "Asia/Kolkata");
            browser.click("profile-save");
            browser.until(Duration.ofSeconds(10), d -> browser.text("vaadin-notification-card")
                    .contains("Your time zone and language were saved."));

            Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            browser.open(crm.url("/contacts"));
            browser.await(By.id("contacts-grid"));
            createContact(browser, "Tess", "Zonewalker", "tess@example.org");
            Set<String> expected = new HashSet<>();
            DateTimeFormatter shown = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(Locale.US).withZone(kolkata);
            for (Instant t = before; !t.isAfter(Instant.now()); t = t.plus(1, ChronoUnit.MINUTES)) {
                expected.add(shown.format(t));
            }
            browser.click("contacts-columns"); // the change time is a column choice away
            browser.clickMenuItem("Updated");
            browser.type("contacts-filter", "Zonewalker");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").stream().anyMatch(expected::contains));
            browser.screenshot("contacts-in-kolkata-time");
            List<String> isoLooking = browser.gridCells("contacts-grid").stream()
                    .filter(c -> c.matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*")).toList();
            assertTrue(isoLooking.isEmpty(), "no time left in the old format: " + isoLooking);

            browser.open(crm.url("/admin/audit"));
            browser.type("audit-type", "contact");
            browser.click("audit-filter");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("audit-grid").stream().anyMatch(expected::contains));
            browser.screenshot("audit-in-kolkata-time");
            // the changes too: the new contact's creation time is in the same zone and form
            assertTrue(browser.gridCells("audit-grid").stream().anyMatch(c -> expected.stream().anyMatch(c::contains)
                    && c.contains("createdAt")), browser.gridCells("audit-grid").toString());
            isoLooking = browser.gridCells("audit-grid").stream()
                    .filter(c -> c.matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*")).toList();
            assertTrue(isoLooking.isEmpty(), "no time left in the old format: " + isoLooking);
        }
    }

    @Test
    @Order(14)
    void everyResponseCarriesTheSecurityHeadersReadOverARealSocket() throws Exception {
        for (String path : List.of("/login", "/health", "/no-such-page", "/VAADIN/build/nothing.js")) {
            String head = crm.rawHead(path, "text/html,*/*");
            assertTrue(head.contains("\r\nContent-Security-Policy: default-src 'self'; "), path + ":\n" + head);
            assertTrue(head.contains("frame-ancestors 'self'"), path + ":\n" + head);
            assertTrue(head.contains("\r\nX-Frame-Options: SAMEORIGIN\r\n"), path + ":\n" + head);
            assertTrue(head.contains("\r\nX-Content-Type-Options: nosniff\r\n"), path + ":\n" + head);
            assertTrue(head.contains("\r\nReferrer-Policy: strict-origin-when-cross-origin\r\n"), path + ":\n" + head);
            assertFalse(head.contains("Strict-Transport-Security"), "no HSTS over plain HTTP: " + head);
        }
        String login = crm.rawHead("/login", "text/html");
        String cookie = login.lines().filter(l -> l.startsWith("Set-Cookie: JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertFalse(cookie.contains("; Secure"), "plain HTTP: no Secure flag, or the browser would drop it: " + cookie);
    }

    @Test
    @Order(15)
    void unknownAndUninstalledRoutesShowANotFoundPageInsideTheShell() throws Exception {
        for (String path : List.of("/no-such-page", "/admin", "/contacts/1")) {
            assertTrue(crm.rawHead(path, "text/html").startsWith("HTTP/1.1 404 "), path);
        }
        assertTrue(crm.rawHead("/contacts", "text/html").startsWith("HTTP/1.1 200 "));
        try (Browser browser = new Browser()) {
            // Signed out, the page still asks for the sign-in first.
            browser.open(crm.url("/no-such-page"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/contacts/1"));
            browser.await(By.id("tessera-not-found"));
            assertTrue(browser.text("#tessera-not-found").contains("There is no page at /contacts/1."),
                    browser.text("#tessera-not-found"));
            assertTrue(browser.menu().contains("Contacts"), "the menu stays: " + browser.menu());
            browser.await(By.id("tessera-user"));
            browser.screenshot("not-found-in-shell");
        }
    }

    /**
     * The top bar's search, on a page of another module: three letters offer the matching records grouped
     * under their types' labels; the arrow keys move to one, Enter opens its form; Escape closes the list.
     */
    @Test
    @Order(16)
    void theTopBarSearchFindsRecordsOfEveryTypeGroupedAndOpensTheChosenOneFromTheKeyboard() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/companies"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/companies"));
            browser.click("companies-new");
            browser.type("company-name", "Lovelace Labs");
            browser.click("company-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("companies-grid").contains("Lovelace Labs"));

            browser.type("tessera-search", "lov");
            List<String> offered = browser.until(Duration.ofSeconds(10), d -> {
                List<String> items = browser.comboItems();
                return items.size() >= 2 ? items : null;
            });
            // Companies come before contacts (label order), each group headed by its type's label.
            assertTrue(offered.get(0).toUpperCase(Locale.ROOT).startsWith("COMPANIES")
                    && offered.get(0).endsWith("Lovelace Labs"), offered.toString());
            assertTrue(offered.stream().anyMatch(item -> item.toUpperCase(Locale.ROOT).startsWith("CONTACTS")
                    && item.endsWith("Ada " + LAST_NAME)), offered.toString());
            browser.screenshot("global-search");
            for (int i = 0; i < 5 && !browser.focusedComboItem().endsWith("Ada " + LAST_NAME); i++) {
                browser.keys("tessera-search", Keys.ARROW_DOWN);
            }
            browser.keys("tessera-search", Keys.ENTER);
            browser.await(By.id("contact-lastName"));
            assertEquals(LAST_NAME, browser.attribute("contact-lastName", "value"));

            browser.open(crm.url("/companies"));
            browser.type("tessera-search", "lov");
            browser.until(Duration.ofSeconds(10), d -> browser.comboItems().size() >= 2);
            browser.keys("tessera-search", Keys.ESCAPE);
            browser.until(Duration.ofSeconds(10), d -> browser.comboItems().isEmpty());
        }
    }

    /**
     * Issue 18.4: a read-only API token created in My profile shows its secret once, works at once over HTTP as its
     * user, and revoking it on the same page makes the next call 401.
     */
    @Test
    @Order(17)
    void aReadOnlyTokenCreatedInMyProfileCallsTheApiUntilItIsRevokedThere() throws Exception {
        // crm-rest is a boot feature; /health may be UP before the API's servlet is registered
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        int ping = 0;
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); ping != 200 && System.nanoTime() < end;
                Thread.sleep(250)) {
            try {
                ping = crm.get("/api/v1/ping").statusCode();
            } catch (java.io.IOException notYet) {
                ping = 0;
            }
        }
        assertEquals(200, ping, "crm-rest answers; log:\n" + crm.logTail());
        String secret;
        long id;
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/profile"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/profile"));
            browser.click("api-token-new");
            browser.type("api-token-name", "Browser test");
            // read only is the default, the safer start: nothing to choose
            assertTrue(browser.text("#api-token-scope").contains("Read only"), browser.text("#api-token-scope"));
            browser.choose("api-token-expiry", "In 30 days");
            browser.click("api-token-create");
            secret = browser.until(Duration.ofSeconds(10), d -> {
                String value = browser.shown("api-token-secret") ? browser.attribute("api-token-secret", "value") : "";
                return value == null || value.isEmpty() ? null : value;
            });
            assertTrue(secret.matches("tsk_[A-Za-z0-9_-]{43}"), secret);
            assertTrue(browser.text("#api-token-warning").contains("It will not be shown again"),
                    browser.text("#api-token-warning"));
            browser.screenshot("api-token-shown-once");
            browser.click("api-token-done");
            browser.until(Duration.ofSeconds(10), d -> !browser.shown("api-token-secret")
                    && browser.gridCells("api-tokens-grid").containsAll(List.of("Browser test", "Read only", "All", "Active")));

            java.net.http.HttpResponse<String> me = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(crm.url("/api/v1/me"))).header("Authorization", "Bearer " + secret)
                    .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains("\"username\":\"admin\"") && me.body().contains("\"name\":\"Browser test\"")
                    && me.body().contains("\"scope\":\"READ\"") && me.body().contains("\"expiresAt\":\""), me.body());
            java.util.regex.Matcher tokenId = java.util.regex.Pattern.compile("\"token\":\\{\"id\":(\\d+)").matcher(me.body());
            assertTrue(tokenId.find(), me.body());
            id = Long.parseLong(tokenId.group(1));

            // the page again: nothing shows the secret any more; the use is listed; Revoke asks first
            browser.open(crm.url("/profile"));
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("api-tokens-grid").contains("Browser test"));
            assertFalse(browser.gridCells("api-tokens-grid").contains(secret));
            assertFalse(((String) browser.script("return document.body.innerHTML")).contains(secret), "secret shown again");
            browser.clickFirst("#api-token-revoke-" + id); // scrolled to: the admin has more tokens by now
            browser.click("api-token-revoke-confirm");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("api-tokens-grid").contains("Revoked")
                    && !browser.shown("api-token-revoke-" + id));
            browser.screenshot("api-token-revoked");

            // an administrator sees the same list of the user on the Users page
            browser.open(crm.url("/admin/users"));
            browser.clickFirst("#users-tokens-admin"); // the last of each row's buttons: scrolled to first
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("api-tokens-grid")
                    .containsAll(List.of("Browser test", "Read only", "Revoked")));
            assertTrue(browser.shown("api-token-new"));
            browser.screenshot("api-tokens-of-a-user");
        }
        java.net.http.HttpResponse<String> revoked = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(crm.url("/api/v1/me"))).header("Authorization", "Bearer " + secret)
                .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, revoked.statusCode(), revoked.body());
        assertEquals("application/problem+json", revoked.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        String listed = crm.client("admin", PASSWORD, "crm:token-list admin");
        assertTrue(listed.contains("Browser test") && listed.contains("revoked") && !listed.contains(secret), listed);
    }

    @Test
    @Order(98) // before the lockout; the reader of order 7 has no shell permission
    void theShellSaysWhyASignInWasRefusedPrintsReturnValuesAndNeverCutsOutputSilently() throws Exception {
        String refusal = "Sign-in refused: the profile of user 'reader' does not grant 'use the Karaf shell' "
                + "(administration.shell).";
        // A change of the shell's configuration makes Karaf start a second SSH server and keep the stopped
        // one registered; the refusal must be explained on the running one (CI once bound only the old).
        int before = sshServers();
        crm.client("admin", PASSWORD, "config:property-set -p org.apache.karaf.shell sshIdleTimeout 1800001");
        int after = before;
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); after <= before && System.nanoTime() < end;
                Thread.sleep(500)) {
            after = sshServers();
        }
        assertEquals(before + 1, after, "Karaf's ssh bundle registered another SSH server");
        String noShell = crm.client("reader", "Porto-Own-2026x", "bundle:list");
        assertTrue(noShell.contains(refusal), noShell + "\nlog:\n" + crm.logTail());
        String wrongPassword = crm.client("reader", "not-her-password", "bundle:list");
        assertTrue(wrongPassword.contains("Sign-in refused: wrong user name or password"), wrongPassword);
        assertEquals(wrongPassword, crm.client("nobody-here", "not-a-password", "bundle:list"),
                "an unknown user must look like a wrong password");

        String components = crm.client("admin", PASSWORD, "scr:list");
        assertTrue(components.contains("org.tesseracrm.kernel.persistence.internal.SchemaExtender"), components);
        String info = crm.client("admin", PASSWORD, "scr:info org.tesseracrm.kernel.persistence.internal.SchemaExtender");
        assertTrue(info.contains("State:        ACTIVE"), info);
        String bundles = crm.client("admin", PASSWORD, "bundle:list | grep -i tessera");
        assertTrue(bundles.contains("kernel persistence") && !bundles.contains("Apache Karaf"), bundles);

        String first = crm.client("admin", PASSWORD, "service:list");
        for (int run = 0; run < 5; run++) {
            String again = crm.client("admin", PASSWORD, "service:list");
            assertFalse(again.contains("the connection ended"), "cut off in run " + run);
            assertEquals(first.substring(first.length() - 200), again.substring(again.length() - 200), "run " + run);
        }
    }

    /** @return how many SSH servers are registered (0 while the shell does not answer) */
    private static int sshServers() throws IOException, InterruptedException {
        String listed = crm.client("admin", PASSWORD, "service:list org.apache.sshd.server.SshServer");
        return listed.split("service\\.id", -1).length - 1;
    }

    @Test
    @Order(99) // last: it locks the admin account
    void fiveWrongPasswordsLockTheAccount() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/login"));
            for (int attempt = 1; attempt <= 5; attempt++) {
                browser.submitLogin("admin", "wrong-" + attempt);
                browser.until(Duration.ofSeconds(10), d -> browser.loginError().contains("Incorrect user name or password"));
                browser.open(crm.url("/login"));
            }
            browser.submitLogin("admin", PASSWORD);
            browser.until(Duration.ofSeconds(10), d -> browser.loginError().contains("Too many wrong passwords"));
            assertTrue(browser.loginError().contains("Try again in 1 minute."), browser.loginError());
            browser.screenshot("login-locked");
        }
    }

    @Test
    @Order(100) // after the browser tests: the cookie is Secure from here on
    void servesOverTlsWithAKeystoreMadeByKeytoolAndMarksTheSessionCookieSecure() throws Exception {
        int tlsPort = PaxExamSupport.freePort();
        crm.exec(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "tessera", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30", "-dname", "CN=localhost",
                // Jetty answers 400 to a Host the certificate does not name (SNI host check)
                "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", "etc/tessera.p12", "-storepass", "change-me", "-keypass", "change-me"));
        // The settings of docs/admin-guide.md, "Serving over HTTPS"; Pax Web applies them while running.
        Files.writeString(crm.home().resolve("etc/org.ops4j.pax.web.cfg"), String.join("\n", "",
                "org.osgi.service.http.secure.enabled = true",
                "org.osgi.service.http.port.secure = " + tlsPort,
                "org.ops4j.pax.web.ssl.keystore = ${karaf.etc}/tessera.p12",
                "org.ops4j.pax.web.ssl.keystore.type = PKCS12",
                "org.ops4j.pax.web.ssl.keystore.password = change-me",
                "org.ops4j.pax.web.ssl.key.password = change-me",
                "org.ops4j.pax.web.ssl.key.alias = tessera",
                "org.ops4j.pax.web.session.cookie.secure = true", ""), java.nio.file.StandardOpenOption.APPEND);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String head = "(no answer)";
        while (System.nanoTime() < deadline && !head.startsWith("HTTP/1.1 200 ")) {
            try {
                head = crm.rawHeadOverTls(tlsPort, "/login");
            } catch (java.io.IOException notYetListening) {
                head = notYetListening.toString();
                Thread.sleep(250);
            }
        }
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        assertTrue(head.contains("\r\nStrict-Transport-Security: max-age=31536000"), head);
        assertTrue(head.contains("\r\nContent-Security-Policy: default-src 'self'; "), head);
        String cookie = head.lines().filter(l -> l.startsWith("Set-Cookie: JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("; Secure") && cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Lax"),
                cookie);
    }

    /**
     * Asks {@code /health} every 200 ms for up to 90 s while the distribution starts.
     *
     * @return the last answer as "status body" (or why there was none), once it passes or time is up
     */
    private String healthUntil(java.util.function.Predicate<String> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "(no answer)";
        while (System.nanoTime() < deadline && !done.test(last)) {
            try {
                var health = crm.get("/health");
                last = health.statusCode() + " " + health.body();
            } catch (java.io.IOException notYetListening) {
                last = notYetListening.toString();
            }
            Thread.sleep(200);
        }
        return last;
    }

    @Test
    @Order(101) // after the others: it breaks the database configuration
    void aBrokenDataSourceGivesDownHealthNamingTheDatabaseAndAMaintenancePage() throws Exception {
        crm.close();
        crm.setProperty("etc/org.ops4j.datasource-crm.cfg", "osgi.jdbc.driver.name", "derbyy");
        crm.launch();
        String last = healthUntil(answer -> answer.startsWith("503 {\"status\":\"DOWN\""));
        assertTrue(last.startsWith("503 {\"status\":\"DOWN\""), last);
        assertTrue(last.contains("{\"name\":\"database\",\"status\":\"DOWN\""), last);
        for (String path : List.of("/", "/login", "/contacts")) {
            var page = crm.get(path);
            assertEquals(503, page.statusCode(), path);
            assertTrue(page.body().contains("Tessera is unavailable: database"), path + ": " + page.body());
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
    }

    @Test
    @Order(102) // after the broken driver: a misspelt placeholder once started an empty CRM with admin/admin
    void aMisspeltPlaceholderInTheDatabaseUrlStartsNothingAndCreatesNoAdmin() throws Exception {
        crm.close();
        crm.setProperty("etc/org.ops4j.datasource-crm.cfg", "osgi.jdbc.driver.name", "derby");
        Path config = crm.home().resolve("etc/org.ops4j.datasource-crm.cfg");
        Files.writeString(config, Files.readString(config).replace("${karaf.data}", "${karaf.dta}"));
        boolean databaseAtRootBefore = Files.exists(Path.of("/derby/crm"));
        crm.launch();
        String last = healthUntil(answer -> answer.contains("${karaf.dta}"));
        assertTrue(last.startsWith("503 {\"status\":\"DOWN\""), last);
        assertTrue(last.contains("{\"name\":\"database\",\"status\":\"DOWN\",\"detail\":\"Tessera refuses to use the "
                + "configured database: "), last);
        assertTrue(last.contains("etc/org.ops4j.datasource-crm.cfg: property url uses ${karaf.dta}, which is not defined"), last);
        assertFalse(last.contains("\"name\":\"accounts\""), "the sign-in service must not start: " + last);
        assertEquals(databaseAtRootBefore, Files.exists(Path.of("/derby/crm")), "nothing may create /derby/crm");
        assertTrue(Files.readString(crm.home().resolve("data/log/karaf.log"))
                .contains("Tessera refuses to use the configured database, so no module starts: "));
        assertTrue(Files.exists(crm.home().resolve("etc/tessera.installed")), "written at the first start");
    }

    @Test
    @Order(103) // last: a new, empty database, set up without a browser as docs/admin-guide.md shows
    void aFirstStartWithTheAdminPasswordInTheEnvironmentGivesAnAdminWhoUsesTheShellAndTheWebAtOnce() throws Exception {
        crm.close();
        crm.setProperty("etc/org.ops4j.datasource-crm.cfg", "url", "jdbc:derby:${karaf.data}/derby/crm-bootstrap;create=true");
        Files.delete(crm.home().resolve("etc/tessera.installed")); // starting over, as the admin guide says
        crm.setProperty("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.session.cookie.secure", false); // plain HTTP below
        String password = "Bootstrap-2026-secret";

        System.out.printf("first start with TESSERA_ADMIN_PASSWORD to UP: %d ms%n",
                crm.start(Map.of("TESSERA_ADMIN_PASSWORD", password)));

        String modules = crm.client("admin", password, "crm:module-list");
        assertFalse(modules.contains("Sign-in refused"), modules + "\nlog:\n" + crm.logTail());
        assertTrue(modules.contains("crm-contacts"), modules);
        assertTrue(Files.exists(crm.home().resolve("etc/tessera.installed")), "written at this first start");
        assertFalse(Files.readString(crm.home().resolve("data/log/karaf.log")).contains(password), "never logged");
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/login"));
            browser.logIn("admin", password);
            assertFalse(browser.currentUrl().contains("change-password"), browser.currentUrl());
            assertFalse(browser.shown("new-password"));
        }
    }

    private static void assertContactListedAfterLogin(String screenshot) throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/contacts"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/contacts"));
            browser.type("contacts-filter", LAST_NAME);
            browser.until(Duration.ofSeconds(15), d -> browser.gridCells("contacts-grid")
                    .containsAll(List.of(LAST_NAME, "Ada", "ada@example.org")));
            browser.screenshot(screenshot);
        }
    }

    @Test
    @Order(8)
    void adminAddsACustomFieldThenFiltersOnItChoosesColumnsAndExportsTheFilteredList() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/admin/fields"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/admin/fields"));
            browser.choose("fields-type", "Contacts");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("fields-grid").contains("Last name"));
            browser.click("fields-add");
            browser.type("field-label", "Segment");
            browser.choose("field-type", "Pick-list");
            browser.typeArea("field-values", "Enterprise\nSMB");
            browser.click("field-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("fields-grid").contains("cf_segment"));

            // The new field is on the form at once: Ada becomes Enterprise.
            browser.open(crm.url("/contacts"));
            browser.clickCell("contacts-grid", LAST_NAME);
            browser.pick("contact-cf_segment", "Enterprise");
            browser.click("contact-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains("Enterprise"));

            // ...in the filters: only Ada is left, Grace Hopper has no segment.
            browser.click("contacts-add-filter");
            browser.choose("filter-field", "Segment");
            browser.pickMulti("filter-choices", "Enterprise");
            browser.click("filter-apply");
            browser.until(Duration.ofSeconds(10), d -> !browser.gridCells("contacts-grid").contains("Hopper")
                    && browser.gridCells("contacts-grid").contains(LAST_NAME));
            assertEquals("1 matching", browser.text("#contacts-count"));

            // ...and in the column chooser: hiding E-mail removes it from the grid and from the export.
            browser.click("contacts-columns");
            browser.clickMenuItem("E-mail");
            browser.until(Duration.ofSeconds(10), d -> !browser.gridCells("contacts-grid").contains("ada@example.org"));
            browser.screenshot("contacts-custom-filter");

            browser.click("contacts-export-csv");
            Path csv = browser.download(".csv");
            String exported = Files.readString(csv);
            assertTrue(exported.startsWith("\ufeffFirst name,Last name,Phone,Company,Owner,Segment\r\n"), exported);
            assertTrue(exported.contains("Ada," + LAST_NAME + ","), exported);
            assertTrue(exported.contains(",Enterprise"), exported);
            assertFalse(exported.contains("Hopper") || exported.contains("ada@example.org"), exported);

            // The list as it is (filter, columns) saved as a view comes back after a reload.
            browser.click("contacts-save-view");
            browser.type("view-name", "Enterprise, no e-mail");
            browser.click("view-save");
            // The dialog closes once the server saved the view; leaving the page earlier could cancel that request.
            browser.until(Duration.ofSeconds(10), d -> !browser.shown("view-save"));
            browser.open(crm.url("/contacts"));
            browser.until(Duration.ofSeconds(30), d -> browser.gridCells("contacts-grid").contains("ada@example.org")
                    && browser.gridCells("contacts-grid").contains("Hopper-King"));
            browser.choose("contacts-views", "Enterprise, no e-mail");
            browser.until(Duration.ofSeconds(10), d -> !browser.gridCells("contacts-grid").contains("Hopper-King")
                    && !browser.gridCells("contacts-grid").contains("ada@example.org")
                    && browser.gridCells("contacts-grid").contains(LAST_NAME));
            assertEquals("1 matching", browser.text("#contacts-count"));
        }
    }

    @Test
    @Order(30)
    void aContactsBoardBySegmentMovesACardByMenuAndByDragAndASecondSessionSeesEachMoveWithoutReloading()
            throws Exception {
        try (Browser browser = new Browser(); Browser other = new Browser()) {
            browser.open(crm.url("/contacts"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/contacts"));
            createContact(browser, "Kanban", "Boardmover", "kanban@example.org");
            long opened = System.nanoTime();
            openBoard(browser, false);
            System.out.printf("contacts board by segment shown: %d ms%n", (System.nanoTime() - opened) / 1_000_000);
            openBoard(other, true);

            // Columns in the pick-list's order, then "(none)" for the new contact without a segment.
            assertEquals(List.of("board-column-enterprise", "board-column-smb", "board-column-none"),
                    browser.script("return [...document.querySelectorAll('#board .board-column')].map(c => c.id)"));
            String id = browser.until(Duration.ofSeconds(20), d -> (String) browser.script("const card = [...document"
                    + ".querySelectorAll('#board-cards-none .board-card')].find(c => c.textContent.includes('Kanban Boardmover'));"
                    + " return card ? card.id : null;"));
            String card = id.substring("board-card-".length());
            browser.screenshot("board-contacts-by-segment");

            // "Move to…": a menu the keyboard reaches too.
            browser.click("board-move-" + card);
            browser.clickMenuItem("Enterprise");
            for (Browser session : List.of(browser, other)) {
                session.until(Duration.ofSeconds(20), d -> "1".equals(session.text("#board-count-enterprise"))
                        && "0".equals(session.text("#board-count-smb")) && !session.shown("board-column-none")
                        && session.shown("board-card-" + card));
            }

            // Drag and drop, HTML5 events dispatched from JavaScript as Selenium cannot drive them.
            browser.drag("board-card-" + card, "board-column-smb");
            for (Browser session : List.of(browser, other)) {
                session.until(Duration.ofSeconds(20), d -> "0".equals(session.text("#board-count-enterprise"))
                        && "1".equals(session.text("#board-count-smb"))
                        && session.shown("board-cards-smb") && (Boolean) session.script(
                                "return !!document.querySelector('#board-cards-smb #board-card-' + arguments[0])", card));
            }
            other.screenshot("board-contacts-pushed-move");

            // The list again, with the contact's new segment.
            browser.click("contacts-board-toggle");
            browser.type("contacts-filter", "Boardmover");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains("SMB"));
        }
    }

    /**
     * Issue 19, the sales journey as a rep and their manager meet it: the admin sets up a manager and a rep below
     * them; the manager has a deal of their own; the rep converts a lead into a company, a contact and a deal (the
     * lead's note goes to the contact); the deal starts on the opportunities board in the first phase, is dragged to
     * the next one, moved with "Move to…", its expected amount following each phase's probability, and moved to the
     * lost phase, which asks for the lost reason in a dialog; the form shows the phase history, and the lead stays
     * read-only with links to what it became. The manager's board, open in a second browser, sees each move pushed
     * without reloading, and the rep's card; the rep never sees the manager's.
     */
    @Test
    @Order(31)
    void aRepConvertsALeadAndMovesTheDealAcrossTheBoardUntilLostWhileTheManagersBoardFollowsEachMove() throws Exception {
        long begin = System.nanoTime();
        try (Browser admin = new Browser()) {
            admin.open(crm.url("/admin/roles"));
            admin.logIn("admin", PASSWORD);
            admin.open(crm.url("/admin/roles"));
            admin.type("role-name", "Sales manager");
            admin.click("role-save");
            admin.until(Duration.ofSeconds(10), d -> admin.gridCells("roles-tree").contains("Sales manager"));
            admin.type("role-name", "Sales rep");
            admin.pick("role-parent", "Sales manager");
            admin.click("role-save");
            admin.until(Duration.ofSeconds(10), d -> admin.gridCells("roles-tree").contains("Sales rep"));

            admin.open(crm.url("/admin/profiles"));
            admin.click("profiles-new");
            admin.type("profile-name", "Sellers");
            for (String permission : SELLER_PERMISSIONS) {
                admin.scrollTo("perm-" + permission);
                admin.clickFirst("[id='perm-" + permission + "']");
            }
            admin.clickFirst("#profile-save"); // scrolled into view: below the matrix of every module
            admin.until(Duration.ofSeconds(10), d -> admin.gridCells("profiles-grid").contains("Sellers"));

            admin.open(crm.url("/admin/users"));
            for (List<String> user : List.of(List.of("mona", "Mona Manager", "Sales manager"),
                    List.of("remy", "Remy Rep", "Sales rep"))) {
                admin.click("users-new");
                admin.type("user-username", user.get(0));
                admin.type("user-fullname", user.get(1));
                admin.pick("user-role", user.get(2));
                admin.pick("user-profile", "Sellers");
                admin.type("user-password", "Pipeline-Start-2026");
                admin.click("user-save");
                admin.until(Duration.ofSeconds(10), d -> admin.gridCells("users-grid").contains(user.get(1)));
            }
        }
        long setUp = System.nanoTime();

        try (Browser manager = new Browser(); Browser rep = new Browser()) {
            firstSignIn(manager, "mona");
            createOpportunity(manager, "Kiosk upgrade for the manager", "500");
            firstSignIn(rep, "remy");
            String deal = "Kiosk rollout";
            convertLead(rep, deal);
            long journey = System.nanoTime();

            // The rep's board: their deal in the first phase at 10 %; the manager's deal is not theirs to see.
            openPipeline(rep);
            String id = cardIn(rep, "prospecting", deal);
            awaitCard(rep, "prospecting", id, "100.00");
            assertEquals("1", rep.text("#board-count-prospecting"));
            assertFalse(rep.text("#board").contains("for the manager"), rep.text("#board"));
            // The manager's board, in a second browser: both deals.
            openPipeline(manager);
            assertEquals(id, cardIn(manager, "prospecting", deal));
            cardIn(manager, "prospecting", "Kiosk upgrade for the manager");
            assertEquals("2", manager.text("#board-count-prospecting"));
            rep.screenshot("pipeline-rep-board");

            // Dragged to Qualification (20 %), then moved to Proposal (60 %) with its menu; the manager sees both.
            rep.drag("board-card-" + id, "board-column-qualification");
            for (Browser session : List.of(rep, manager)) {
                awaitCard(session, "qualification", id, "200.00");
            }
            assertEquals("1", manager.text("#board-count-prospecting"));
            rep.click("board-move-" + id);
            rep.clickMenuItem("Proposal");
            for (Browser session : List.of(rep, manager)) {
                awaitCard(session, "proposal", id, "600.00");
                assertEquals("Expected amount: 600.00", session.text("#board-sum-proposal-expectedAmount"));
            }
            manager.screenshot("pipeline-manager-sees-the-move");

            // Lost: the board asks for the reason before it moves the card.
            rep.click("board-move-" + id);
            rep.clickMenuItem("Closed lost");
            rep.await(By.id("board-missing-lostReason"));
            assertTrue(rep.text("vaadin-dialog-overlay").contains("Moving \"" + deal + "\" needs:"),
                    rep.text("vaadin-dialog-overlay"));
            assertTrue((Boolean) rep.script("return !document.querySelector('#board-cards-closed-lost #board-card-'"
                    + " + arguments[0])", id), "nothing moves before the reason is given");
            rep.screenshot("pipeline-lost-reason");
            rep.type("board-missing-lostReason", "Went with a competitor");
            rep.click("board-missing-save");
            for (Browser session : List.of(rep, manager)) {
                awaitCard(session, "closed-lost", id, "0.00");
            }
            assertFalse(rep.text("#board").contains("for the manager"), rep.text("#board"));

            // The phase history on the deal's form: where it was, who moved it.
            rep.clickFirst("#board-cards-closed-lost #board-open-" + id);
            rep.await(By.id("opportunity-phase-history-grid"));
            rep.script("document.getElementById('opportunity-phase-history').scrollIntoView()");
            // Row by row: phase, from, entered, by, time in phase (read as text: cells out of view have no visible text).
            String history = rep.until(Duration.ofSeconds(10), d -> {
                String cells = (String) rep.script("return [...document.querySelectorAll('#opportunity-phase-history-grid"
                        + " vaadin-grid-cell-content')].map(c => c.textContent.trim()).join('|')");
                return cells.contains("Closed lost|Proposal|") ? cells : null;
            });
            for (String move : List.of("Prospecting|(created)|", "Qualification|Prospecting|", "Proposal|Qualification|",
                    "Closed lost|Proposal|")) {
                assertTrue(history.matches("(?s).*\\Q" + move + "\\E[^|]+\\|remy\\|.*"), move + " in " + history);
            }
            assertEquals("Went with a competitor", rep.attribute("opportunity-lostReason", "value"));
            rep.screenshot("pipeline-phase-history");

            // The lead it came from stays, read-only, with links to what it became.
            rep.open(crm.url("/leads"));
            rep.clickCell("leads-grid", "Quist");
            rep.until(Duration.ofSeconds(10), d -> deal.equals(rep.text("#lead-converted-opportunity")));
            String banner = rep.text("#lead-converted-banner").replaceAll("\\s+", " ");
            assertTrue(banner.matches("Converted on .+ into Kiosk Works · Nora Quist · " + deal), banner);
            assertFalse(rep.shown("lead-convert") || rep.shown("lead-save"), "a converted lead is read-only");
            // Its clone is a new lead: the status the conversion set is not copied, the rest is.
            rep.clickFirst("#lead-clone");
            rep.until(Duration.ofSeconds(10), d -> rep.text("vaadin-dialog-overlay").contains("New lead (copy of Nora Quist)"));
            // (the converted lead's form leaves the page as the clone's opens: read the one form left)
            String clone = rep.until(Duration.ofSeconds(10), d -> (String) rep.script("const names = document"
                    + ".querySelectorAll('#lead-lastName input'), statuses = document.querySelectorAll('#lead-status input');"
                    + " return names.length === 1 && statuses.length === 1 ? names[0].value + '|' + statuses[0].value : null"));
            assertEquals("Quist|New", clone);
            System.out.printf("sales journey: set-up by the admin %d ms, sign-ins, the manager's deal and the lead's "
                    + "conversion %d ms, board moves, phase history and the converted lead %d ms%n",
                    (setUp - begin) / 1_000_000, (journey - setUp) / 1_000_000, (System.nanoTime() - journey) / 1_000_000);
        }
    }

    @Test
    @Order(32)
    void aQuoteOfThreeProductsTotalsAsWorkedOutByHandAndItsPdfSaysTheSame() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/products"));
            browser.logIn("admin", PASSWORD);
            // name, code, unit price, tax %, cost type
            List<List<String>> products = List.of(List.of("Kiosk terminal", "KT-1", "1200", "21", "One time"),
                    List.of("Support plan", "SP-1", "39.90", "21", "Monthly"),
                    List.of("Installation – Zoë's team", "IN-1", "150", "10", "One time"));
            for (List<String> product : products) {
                browser.open(crm.url("/products"));
                browser.click("products-new");
                browser.type("product-name", product.get(0));
                browser.type("product-code", product.get(1));
                browser.type("product-unitPrice", product.get(2));
                browser.type("product-taxRate", product.get(3));
                browser.pick("product-costType", product.get(4));
                browser.click("product-save");
                browser.until(Duration.ofSeconds(10), d -> browser.gridCells("products-grid").contains(product.get(1)));
            }

            browser.open(crm.url("/quotes"));
            browser.click("quotes-new");
            browser.type("quote-subject", "Kiosks for Ñandú Logística");
            browser.click("quote-save");
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("quotes-grid").contains("Kiosks for Ñandú Logística"));
            browser.clickCell("quotes-grid", "Kiosks for Ñandú Logística");
            browser.await(By.id("lines-add"));
            String number = browser.attribute("quote-number", "value");
            assertTrue(number.matches("Q-\\d{4}-\\d{5}"), number);
            // Three lines: products picked, quantities typed, the installation's discount edited.
            int[] quantities = {3, 12, 2};
            for (int i = 0; i < products.size(); i++) {
                browser.clickFirst("#lines-add");
                String label = products.get(i).get(0) + " (" + products.get(i).get(1) + ")";
                browser.pickNth("#lines-grid vaadin-combo-box.line-product", i, products.get(i).get(0), label);
                int line = i;
                browser.until(Duration.ofSeconds(10), d -> !browser.nthValue("#lines-grid .line-price", line).isEmpty());
                browser.typeIntoNth("#lines-grid .line-quantity", i, String.valueOf(quantities[i]));
            }
            browser.typeIntoNth("#lines-grid .line-discount", 2, "10");
            // Worked out by hand, half up per line: 3 x 1200 = 3600.00 + 21 % 756.00 = 4356.00; 12 x 39.90 = 478.80
            // + 21 % 100.548 -> 100.55 = 579.35 monthly; 2 x 150 = 300.00 - 10 % 30.00 = 270.00 + 10 % 27.00 = 297.00.
            // Overall 4356.00 + 579.35 + 297.00 = 5232.35.
            try {
                browser.until(Duration.ofSeconds(10), d -> browser.text("#lines-total").equals("Total 5232.35 EUR"));
            } finally {
                browser.screenshot("quote-lines");
            }
            browser.clickFirst("#quote-lines-save");
            // The form opens again with the totals the quote keeps for lists: subtotal, discount, tax, total.
            browser.until(Duration.ofSeconds(10), d -> "5232.35".equals(browser.attribute("quote-total", "value")
                    .replace(",", "")));
            assertEquals(List.of("4378.80", "30.00", "883.55"), List.of("quote-subtotal", "quote-discount", "quote-tax")
                    .stream().map(id -> browser.attribute(id, "value").replace(",", "")).toList());

            browser.clickFirst("#quote-pdf");
            Path pdf = browser.download(".pdf");
            assertTrue(pdf.getFileName().toString().startsWith(number), pdf.getFileName().toString());
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
                for (String expected : List.of(number, "Kiosks for Ñandú Logística", "Installation – Zoë's team",
                        "4,356.00", "579.35", "297.00", "5,232.35")) {
                    assertTrue(text.contains(expected), expected + " in the PDF: " + text);
                }
            }
        }
    }

    /**
     * Issue 21, the service desk's journey: the admin enables the knowledge base (crm-faq, available but not booted)
     * from the shell and publishes a FAQ over the API; an agent opens a complaint, creating its contact inline with
     * New… on the contact lookup (a wrong e-mail is refused in that dialog first); the case gets its QUE- number, the
     * FAQ is suggested by the case's text and attached from the form, a solved status without a solution is refused
     * at the solution field, and with one the case is solved. The API then shows what the journey left: the new
     * contact linked to the case, the case solved (solved time set), the FAQ linked and counting one case solved.
     */
    @Test
    @Order(33)
    void anAgentOpensAComplaintWithANewContactInlineAttachesTheSuggestedFaqAndSolvesItOnlyWithASolution()
            throws Exception {
        long begin = System.nanoTime();
        assertTrue(crm.client("admin", PASSWORD, "crm:module-enable faq").contains("Module faq enabled"));
        crm.awaitHealth(body -> body.contains("\"routes\":[\"faqs\"]"), Duration.ofSeconds(60));
        String[] created = crm.client("admin", PASSWORD, "crm:token-create admin case-journey").trim().split("\\R");
        String token = created[created.length - 1].trim();
        assertTrue(token.startsWith("tsk_"), String.join("\n", created));
        long faq = id(until201("/api/v1/records/faq", token, "{\"question\":\"Why was my invoice charged twice?\","
                + "\"answer\":\"<p>A duplicate charge is refunded within five days.</p>\",\"category\":\"Billing\"}"));
        HttpResponse<String> published = api("POST", "/api/v1/faqs/" + faq + "/publish", token, "");
        assertEquals(200, published.statusCode(), published.body());
        long setUp = System.nanoTime();

        String subject = "Invoice charged twice in November";
        String number;
        try (Browser agent = new Browser()) {
            agent.open(crm.url("/cases"));
            agent.logIn("admin", PASSWORD);
            agent.open(crm.url("/cases"));
            agent.click("cases-new");
            agent.pick("case-caseType", "Complaint");
            agent.type("case-subject", subject);
            agent.typeArea("case-description", "The customer's invoice was charged twice by the card gateway.");

            // The contact does not exist yet: New… opens the contacts' own form over the case's.
            agent.click("case-contact-new");
            agent.type("case-contact-new-firstName", "Olga");
            agent.type("case-contact-new-lastName", "Inlinova");
            agent.type("case-contact-new-email", "olga-at-example");
            agent.click("case-contact-new-save");
            agent.until(Duration.ofSeconds(10), d -> "Enter an e-mail address like name@example.org"
                    .equals(agent.text("#case-contact-new-email [slot='error-message']")));
            agent.type("case-contact-new-email", "olga@inlinova.example");
            agent.click("case-contact-new-save");
            agent.until(Duration.ofSeconds(10), d -> "Olga Inlinova".equals(agent.script(
                    "return document.querySelector('#case-contact input').value")) && !agent.shown("case-contact-new-save"));
            assertEquals(subject, agent.attribute("case-subject", "value"), "the case's form kept what was typed");
            agent.screenshot("case-contact-created-inline");
            agent.click("case-save");
            agent.type("cases-filter", "charged twice");
            agent.until(Duration.ofSeconds(10), d -> agent.gridCells("cases-grid").contains(subject));

            agent.clickCell("cases-grid", subject);
            number = agent.until(Duration.ofSeconds(10), d -> {
                String value = agent.shown("case-number") ? agent.attribute("case-number", "value") : "";
                return value == null || value.isEmpty() ? null : value;
            });
            assertTrue(number.matches("QUE-\\d{6}"), number);

            // The FAQ is suggested by the case's words; attached, it counts the case.
            agent.scrollTo("case-faq-attach-" + faq);
            agent.click("case-faq-attach-" + faq);
            agent.until(Duration.ofSeconds(10), d -> agent.text("#case-faqs").contains("solved 1 cases")
                    && !agent.shown("case-faq-attach-" + faq));

            // A solved status needs a solution: refused at the field, nothing saved.
            agent.scrollTo("case-status");
            agent.pick("case-status", "Solved");
            agent.click("case-save");
            agent.until(Duration.ofSeconds(10), d -> agent.attribute("case-solution", "invalid") != null
                    && "Give the solution: a case moves to a solved status only with one"
                            .equals(agent.text("#case-solution [slot='error-message']")));
            agent.screenshot("case-solution-required");
            agent.typeArea("case-solution", "Refunded the second charge; the gateway fixed its retry.");
            agent.click("case-save");
            agent.until(Duration.ofSeconds(10), d -> !agent.shown("case-save")
                    && agent.gridCells("cases-grid").contains("Solved"));
        }
        long journey = System.nanoTime();

        String found = api("GET", "/api/v1/records/case?number%5Beq%5D=" + number, token, "").body();
        long caseId = id(found);
        String solved = api("GET", "/api/v1/records/case/" + caseId, token, "").body();
        assertTrue(solved.contains("\"caseType\":\"Complaint\"") && solved.contains("\"status\":\"Solved\"")
                && solved.matches("(?s).*\"solvedAt\":\"[^\"]+\".*"), solved);
        String statuses = api("GET", "/api/v1/cases/statuses", token, "").body();
        assertTrue(statuses.contains("{\"status\":\"Solved\",\"kind\":\"solved\"}")
                || statuses.contains("{\"kind\":\"solved\",\"status\":\"Solved\"}"), statuses);
        java.util.regex.Matcher contact = java.util.regex.Pattern.compile("\"contact\":(\\d+)").matcher(solved);
        assertTrue(contact.find(), "the new contact is linked: " + solved);
        String olga = api("GET", "/api/v1/records/contact/" + contact.group(1), token, "").body();
        assertTrue(olga.contains("\"lastName\":\"Inlinova\"") && olga.contains("\"email\":\"olga@inlinova.example\""), olga);
        String attached = api("GET", "/api/v1/faqs/cases/" + caseId, token, "").body();
        assertTrue(attached.contains("\"id\":" + faq + ","), attached);
        String counted = api("GET", "/api/v1/records/faq/" + faq, token, "").body();
        assertTrue(counted.matches("(?s).*\"timesUsed\":1(\\.0+)?[,}].*"), counted);
        System.out.printf("case journey: FAQ module enabled and a FAQ published %d ms, the agent's case with an inline "
                + "contact, FAQ and solution %d ms, checks over the API %d ms%n", (setUp - begin) / 1_000_000,
                (journey - setUp) / 1_000_000, (System.nanoTime() - journey) / 1_000_000);
    }

    @Test
    @Order(34)
    void anAdminBuildsAWorkflowRuleInTheScreenAndSeesItUpdateANewContactAndLogTheRun() throws Exception {
        long begin = System.nanoTime();
        crm.awaitHealth(body -> body.contains("admin/automation"), Duration.ofSeconds(120));
        String[] created = crm.client("admin", PASSWORD, "crm:token-create admin automation-journey").trim().split("\\R");
        String token = created[created.length - 1].trim();
        assertTrue(token.startsWith("tsk_"), String.join("\n", created));
        String rule = "Tag automata contacts";
        try (Browser admin = new Browser()) {
            admin.open(crm.url("/admin/automation"));
            admin.logIn("admin", PASSWORD);
            admin.open(crm.url("/admin/automation"));
            admin.click("automation-rule-new");
            admin.type("automation-rule-name", rule);
            admin.choose("automation-rule-type", "Contact");
            admin.choose("automation-rule-trigger", "Record created");
            admin.click("automation-condition-add");
            admin.choose("automation-condition-0-field", "Last name");
            admin.type("automation-condition-0-value", "Automaton");
            admin.scrollTo("automation-action-0");
            admin.choose("automation-action-0", "Update a field");
            // a required setting left blank is refused at its input before anything is saved
            admin.click("automation-rule-save");
            admin.until(Duration.ofSeconds(10), d -> admin.attribute("automation-action-0-field", "invalid") != null);
            admin.scrollTo("automation-action-0-field");
            admin.pickStarting("automation-action-0-field", "Company name", "Company name");
            admin.type("automation-action-0-value", "Set by <b>a rule</b>");
            admin.screenshot("automation-rule-editor");
            admin.click("automation-rule-save");
            admin.until(Duration.ofSeconds(10), d -> !admin.shown("automation-rule-save")
                    && admin.gridCells("automation-rules-grid").contains(rule)
                    && admin.gridCells("automation-rules-grid").contains("Active"));
        }
        long built = System.nanoTime();

        String rules = api("GET", "/api/v1/automation/rules", token, "").body();
        assertTrue(rules.contains("\"name\":\"" + rule + "\"") && rules.contains("\"trigger\":\"record.created\""),
                rules);
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("\"id\":(\\d+),\"version\":1,\"name\":\""
                + rule + "\"").matcher(rules);
        assertTrue(found.find(), rules);
        long ruleId = Long.parseLong(found.group(1));
        long contact = id(until201("/api/v1/records/contact", token, "{\"firstName\":\"Ada\","
                + "\"lastName\":\"Automaton\"}"));
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); !api("GET", "/api/v1/records/contact/"
                + contact, token, "").body().contains("\"companyName\":\"Set by <b>a rule</b>\"")
                && System.nanoTime() < end; Thread.sleep(250)) {
            // the rule runs after the contact's commit
        }
        String updated = api("GET", "/api/v1/records/contact/" + contact, token, "").body();
        assertTrue(updated.contains("\"companyName\":\"Set by <b>a rule</b>\""), updated);

        long run = runId(token, ruleId);
        try (Browser admin = new Browser()) {
            admin.open(crm.url("/admin/automation"));
            admin.logIn("admin", PASSWORD);
            admin.open(crm.url("/admin/automation"));
            admin.click("automation-rule-runs-" + ruleId);
            admin.until(Duration.ofSeconds(20), d -> admin.gridCells("automation-runs-grid").contains("DONE")
                    && admin.shown("automation-run-record-" + run));
            assertEquals("Contact #" + contact, admin.text("#automation-run-record-" + run).trim());
            admin.screenshot("automation-run-log");
            admin.clickCell("automation-runs-grid", "record.created");
            admin.until(Duration.ofSeconds(10), d -> admin.gridCells("automation-runs-grid").stream()
                    .anyMatch(cell -> cell.contains("1. record.updateField")));
        }
        System.out.printf("automation journey: rule built in the screen %d ms, its run checked over the API and in the "
                + "run log %d ms%n", (built - begin) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
    }

    /** @return the id of the newest run of the rule (its record link's id suffix) */
    private static long runId(String token, long ruleId) throws Exception {
        return id(api("GET", "/api/v1/automation/rules/" + ruleId + "/runs?limit=1", token, "").body());
    }

    /**
     * What the sales journey's profile grants: leads to convert, opportunities, companies and contacts (edit too: a
     * conversion moves the lead's notes onto the new contact).
     */
    private static final List<String> SELLER_PERMISSIONS = List.of("leads.view", "leads.create", "leads.edit",
            "leads.convert", "opportunities.view", "opportunities.create", "opportunities.edit", "companies.view",
            "companies.create", "companies.edit", "contacts.view", "contacts.create", "contacts.edit");

    /**
     * The start of the rep's deal (issue 19.1): a lead with a note, converted in one dialog into a company, a contact
     * and the opportunity; the note moves to the contact, whose form opens.
     */
    private static void convertLead(Browser rep, String deal) throws IOException {
        rep.open(crm.url("/leads"));
        rep.click("leads-new");
        rep.type("lead-firstName", "Nora");
        rep.type("lead-lastName", "Quist");
        rep.type("lead-companyName", "Kiosk Works");
        rep.type("lead-email", "nora@kiosk-works.example");
        rep.click("lead-save");
        rep.until(Duration.ofSeconds(10), d -> rep.gridCells("leads-grid").contains("Quist"));
        rep.clickCell("leads-grid", "Quist");
        rep.toggle("lead-notes");
        rep.typeArea("lead-note-text", "Wants 40 kiosks before the summer");
        rep.click("lead-note-add");
        rep.until(Duration.ofSeconds(10), d -> rep.text("#lead-notes").contains("Wants 40 kiosks before the summer"));

        rep.click("lead-convert");
        rep.await(By.id("lead-convert-submit"));
        assertEquals("Kiosk Works", rep.attribute("lead-convert-opportunity-name", "value"), "proposed from the company");
        rep.type("lead-convert-opportunity-name", deal);
        rep.type("lead-convert-opportunity-amount", "1000");
        rep.screenshot("pipeline-lead-convert");
        rep.click("lead-convert-submit");
        // the outcome: the notification naming what the lead became (each name a link), or the error shown instead
        String outcome = rep.until(Duration.ofSeconds(10), d -> (String) rep.script("return [...document"
                + ".querySelectorAll('vaadin-notification-card')].map(e => e.innerText.replace(/\\s+/g, ' ').trim())"
                + ".filter(t => !t.startsWith('Saved') && !t.startsWith('Note')).join(' // ') || null"));
        assertTrue(outcome.startsWith("Converted into Kiosk Works · Nora Quist · " + deal + "."), outcome);
        rep.until(Duration.ofSeconds(10), d -> "Quist".equals(rep.attribute("contact-lastName", "value")));
        rep.toggle("contact-notes");
        rep.until(Duration.ofSeconds(10), d -> rep.text("#contact-notes").contains("Wants 40 kiosks before the summer"));
    }

    /** Signs a user the admin just created in with the initial password and replaces it, as the first sign-in asks. */
    private static void firstSignIn(Browser browser, String user) {
        browser.open(crm.url("/login"));
        browser.submitLogin(user, "Pipeline-Start-2026");
        browser.await(By.id("new-password"));
        browser.type("current-password", "Pipeline-Start-2026");
        browser.type("new-password", "Own-Pipeline-2026");
        browser.type("repeat-password", "Own-Pipeline-2026");
        browser.click("change-password-save");
        browser.await(By.id("tessera-menu"));
    }

    private static void createOpportunity(Browser browser, String name, String amount) {
        browser.open(crm.url("/opportunities"));
        browser.click("opportunities-new");
        browser.type("opportunity-name", name);
        browser.type("opportunity-amount", amount);
        browser.click("opportunity-save");
        browser.until(Duration.ofSeconds(10), d -> browser.gridCells("opportunities-grid").contains(name));
    }

    /** Opens the opportunities board (grouped by phase, in the admin's order) narrowed to the journey's deals. */
    private static void openPipeline(Browser browser) {
        browser.open(crm.url("/opportunities"));
        browser.click("opportunities-board-toggle");
        browser.type("board-search", "Kiosk");
        browser.until(Duration.ofSeconds(20), d -> browser.shown("board-column-closed-lost"));
        assertEquals(List.of("board-column-prospecting", "board-column-qualification", "board-column-needs-analysis",
                "board-column-proposal", "board-column-negotiation", "board-column-closed-won", "board-column-closed-lost"),
                browser.script("return [...document.querySelectorAll('#board .board-column')].map(c => c.id)"));
    }

    /** Waits until the column shows a card with this text; returns the card's record id. */
    private static String cardIn(Browser browser, String column, String text) {
        String id = browser.until(Duration.ofSeconds(20), d -> (String) browser.script("const card = [...document"
                + ".querySelectorAll('#board-cards-' + arguments[0] + ' .board-card')].find(c => c.textContent"
                + ".includes(arguments[1])); return card ? card.id : null;", column, text));
        return id.substring("board-card-".length());
    }

    /**
     * Waits until the card of this record id is in the column and shows this expected amount. Looked for inside the
     * column: a virtual list may keep a card it no longer shows, hidden, under the same id.
     */
    private static void awaitCard(Browser browser, String column, String id, String expectedAmount) {
        String card = "#board-cards-" + column + " #board-card-" + id;
        try {
            browser.until(Duration.ofSeconds(20), d -> ("Expected amount: " + expectedAmount)
                    .equals(browser.text(card + " [data-field='expectedAmount']")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("card " + id + " in " + column + " with expected amount " + expectedAmount
                    + "; the board shows: " + browser.text("#board"), e);
        }
    }

    /** Opens the contacts board, grouped by Segment (signed in first if asked), and narrows it to the test's contact. */
    private static void openBoard(Browser browser, boolean signIn) {
        browser.open(crm.url("/contacts"));
        if (signIn) {
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/contacts"));
        }
        browser.click("contacts-board-toggle");
        // the first pick-list is the default grouping field: Segment, the contacts' only one (its columns are awaited)
        browser.type("board-search", "Boardmover");
        browser.until(Duration.ofSeconds(20), d -> "1".equals(browser.text("#board-count-none"))
                && browser.shown("board-column-enterprise"));
    }

    /**
     * Issue 23 end to end against the real postfix and dovecot of {@code .ci/mail} ({@link LocalMailboxes}): the quote
     * of order 32 goes to the customer with a template and its PDF, the customer's reply comes back onto the quote's
     * mail through IMAP capture, and a mail to an address that does not exist comes back as postfix's report and
     * suppresses the address.
     */
    @Test
    @Order(40)
    void aQuoteSentWithATemplateReachesTheCustomerThroughPostfixAndTheReplyAndABounceComeBackOverImap() throws Exception {
        assertTrue(LocalMailboxes.running(), "postfix and dovecot on 127.0.0.1 (sudo bash .ci/mail)");
        LocalMailboxes.empty("crm"); // what earlier runs left would be captured first
        LocalMailboxes.empty("customer");
        long begin = System.nanoTime();
        // the capture reads the mailbox every 10 s (the least) instead of every minute
        Files.writeString(crm.home().resolve("etc/org.tesseracrm.email.capture.cfg"), "pollSeconds = 10\n");
        String installed = crm.client("admin", PASSWORD, "feature:install crm-email"); // kept when installed at boot
        String[] created = crm.client("admin", PASSWORD, "crm:token-create admin email-journey").trim().split("\\R");
        String token = created[created.length - 1].trim();
        assertTrue(token.startsWith("tsk_"), installed + String.join("\n", created));

        long account = id(until201("/api/v1/email/accounts", token, "{\"name\":\"Sales desk\",\"shared\":true,"
                + "\"fromAddress\":\"" + LocalMailboxes.address("crm") + "\",\"fromName\":\"Tessera Sales\","
                + "\"smtpHost\":\"127.0.0.1\",\"smtpPort\":25,\"smtpSecurity\":\"NONE\",\"smtpUser\":\"\","
                + "\"imapHost\":\"127.0.0.1\",\"imapPort\":143,\"imapSecurity\":\"NONE\",\"imapUser\":\"crm\","
                + "\"imapPassword\":\"crm\",\"imapFolder\":\"INBOX\",\"sendPerMinute\":60,\"enabled\":true}"));
        String check = api("POST", "/api/v1/email/accounts/" + account + "/test", token, "").body();
        assertTrue(check.contains("\"ok\":true"), check);

        // the quote of order 32, sent: its PDF is kept on it
        String quotes = api("GET", "/api/v1/records/quote?q=Kiosks", token, "").body();
        long quote = id(quotes);
        HttpResponse<String> sent = api("POST", "/api/v1/quotes/" + quote + "/send", token, "");
        assertEquals(200, sent.statusCode(), sent.body());
        String files = api("GET", "/api/v1/records/quote/" + quote + "/attachments", token, "").body();
        java.util.regex.Matcher pdf = java.util.regex.Pattern.compile("\"id\":(\\d+)[^}]*\"fileName\":\"([^\"]+\\.pdf)\"")
                .matcher(files);
        assertTrue(pdf.find(), files);
        String pdfName = pdf.group(2);

        long template = id(until201("/api/v1/email/templates", token, "{\"name\":\"Quote to the customer\","
                + "\"recordType\":\"quote\",\"subject\":\"Your quote: $[Quotes.Subject]\",\"html\":\"<p>Hello,</p>"
                + "<p>please find the quote $[Quotes.Subject] attached.</p>\",\"shared\":true}"));
        String customer = LocalMailboxes.address("customer");
        HttpResponse<String> queued = api("POST", "/api/v1/email/messages", token, "{\"account\":" + account
                + ",\"to\":[\"" + customer + "\"],\"templateId\":" + template + ",\"record\":{\"type\":\"quote\","
                + "\"id\":" + quote + "},\"attachments\":[" + pdf.group(1) + "]}");
        assertEquals(202, queued.statusCode(), queued.body());
        java.util.regex.Matcher messageId = java.util.regex.Pattern.compile("\"messageId\":\"([^\"]+)\"")
                .matcher(queued.body());
        assertTrue(messageId.find(), queued.body());
        String subject = "Your quote: Kiosks for Ñandú Logística";
        LocalMailboxes.Received received = LocalMailboxes.await("customer",
                m -> m.messageId().equals(messageId.group(1)), Duration.ofSeconds(60));
        assertEquals(subject, received.subject());
        assertEquals(List.of(pdfName), received.fileNames(), received.toString());
        assertEquals("%PDF", new String(received.files().get(0), 0, 4, StandardCharsets.US_ASCII));
        assertTrue(received.text().contains("Kiosks for Ñandú Logística"), received.text());
        long sentAt = System.nanoTime();

        // the customer answers; the capture logs the reply on the quote by its In-Reply-To
        String reply = "Re: " + subject;
        LocalMailboxes.send("customer", LocalMailboxes.address("crm"), reply, "Thanks, we accept.",
                received.messageId());
        String log = "";
        for (long end = System.nanoTime() + Duration.ofSeconds(90).toNanos(); !log.contains("\"subject\":\"" + reply)
                && System.nanoTime() < end; Thread.sleep(1000)) {
            log = api("GET", "/api/v1/email/messages?recordType=quote&recordId=" + quote, token, "").body();
        }
        assertTrue(log.contains("\"subject\":\"" + reply + "\""), log);
        assertTrue(log.contains("\"state\":\"RECEIVED\"") && log.contains("\"state\":\"SENT\""), log);
        long repliedAt = System.nanoTime();

        // a mail to a mailbox that does not exist: postfix's report comes back to crm and the address is suppressed
        String nobody = "bounce-me@" + LocalMailboxes.DOMAIN;
        HttpResponse<String> bouncing = api("POST", "/api/v1/email/messages", token, "{\"account\":" + account
                + ",\"to\":[\"" + nobody + "\"],\"subject\":\"Are you there?\",\"text\":\"Hello\","
                + "\"record\":{\"type\":\"quote\",\"id\":" + quote + "}}");
        assertEquals(202, bouncing.statusCode(), bouncing.body());
        String suppressed = "";
        for (long end = System.nanoTime() + Duration.ofSeconds(90).toNanos(); !suppressed.contains(nobody)
                && System.nanoTime() < end; Thread.sleep(1000)) {
            suppressed = api("GET", "/api/v1/email/suppressions", token, "").body();
        }
        assertTrue(suppressed.contains(nobody) && suppressed.contains("BOUNCED"), suppressed);
        System.out.printf("e-mail journey: set-up, send and delivery %d ms, reply on the quote %d ms, bounce suppressed"
                + " %d ms%n", (sentAt - begin) / 1_000_000, (repliedAt - sentAt) / 1_000_000,
                (System.nanoTime() - repliedAt) / 1_000_000);
    }

    /**
     * Issue 23: a user writes from a contact with a template and sees the mail in the contact's E-mail panel as Sent;
     * GreenMail (SMTP, in this JVM) receives it with the merged subject.
     */
    @Test
    @Order(35)
    void aUserSendsAnEmailFromAContactWithATemplateAndSeesItSentOnTheContact() throws Exception {
        long begin = System.nanoTime();
        String installed = crm.client("admin", PASSWORD, "feature:install crm-email"); // kept when installed at boot
        crm.awaitHealth(body -> body.contains("admin/email-templates"), Duration.ofSeconds(120));
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                com.icegreen.greenmail.util.ServerSetup.dynamicPort(new com.icegreen.greenmail.util.ServerSetup[] {
                        com.icegreen.greenmail.util.ServerSetupTest.SMTP}));
        smtp.setUser("sales@tessera.example", "sales", "Sales-Mail-2026");
        smtp.start();
        try {
            String[] created = crm.client("admin", PASSWORD, "crm:token-create admin email-compose-journey").trim().split("\\R");
            String token = created[created.length - 1].trim();
            assertTrue(token.startsWith("tsk_"), installed + String.join("\n", created));
            until201("/api/v1/email/accounts", token, "{\"name\":\"Compose desk\",\"shared\":true,"
                    + "\"fromAddress\":\"sales@tessera.example\",\"fromName\":\"Tessera Sales\",\"smtpHost\":\"127.0.0.1\","
                    + "\"smtpPort\":" + smtp.getSmtp().getPort() + ",\"smtpSecurity\":\"NONE\",\"smtpUser\":\"sales\","
                    + "\"smtpPassword\":\"Sales-Mail-2026\",\"imapHost\":\"\",\"imapPort\":0,\"imapSecurity\":\"NONE\","
                    + "\"sendPerMinute\":60,\"enabled\":true}");
            until201("/api/v1/email/templates", token, "{\"name\":\"Welcome aboard\",\"recordType\":\"contact\","
                    + "\"subject\":\"Welcome, $[Contacts.First Name]\",\"html\":\"<p>Dear $[Contacts.First Name|friend],"
                    + "</p><p>glad to have you.</p>\",\"shared\":true}");
            long contact = id(until201("/api/v1/records/contact", token, "{\"firstName\":\"Grace\","
                    + "\"lastName\":\"Mailwright\",\"email\":\"grace@customer.example\"}"));
            try (Browser browser = new Browser()) {
                browser.open(crm.url("/contacts"));
                browser.logIn("admin", PASSWORD);
                browser.open(crm.url("/contacts"));
                browser.type("contacts-filter", "Mailwright");
                browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains("Mailwright")
                        && !browser.gridCells("contacts-grid").contains("Hopper"));
                browser.clickCell("contacts-grid", "Mailwright");
                browser.scrollTo("email-panel");
                browser.toggle("email-panel");
                browser.click("email-new");
                browser.until(Duration.ofSeconds(10), d -> "grace@customer.example".equals(
                        browser.script("const f = document.getElementById('email-to'); return f ? f.value : null")));
                browser.choose("email-template", "Welcome aboard");
                browser.until(Duration.ofSeconds(10), d -> "Welcome, Grace".equals(
                        browser.script("const f = document.getElementById('email-subject'); return f ? f.value : null")));
                browser.screenshot("email-compose");
                browser.click("email-send");
                browser.until(Duration.ofSeconds(10), d -> !browser.shown("email-compose")
                        && browser.gridCells("email-grid").contains("Welcome, Grace"));
                assertTrue(smtp.waitForIncomingEmail(30_000, 1), "GreenMail received the mail");
                jakarta.mail.internet.MimeMessage received = smtp.getReceivedMessages()[0];
                assertEquals("Welcome, Grace", received.getSubject());
                assertEquals("grace@customer.example", received.getAllRecipients()[0].toString());
                // the outbox marks it sent after the SMTP server took it: the panel shows it when the form opens again
                for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); !api("GET",
                        "/api/v1/email/messages?recordType=contact&recordId=" + contact, token, "").body()
                        .contains("\"state\":\"SENT\"") && System.nanoTime() < end; Thread.sleep(250)) {
                    // the send timer's commit follows the SMTP answer
                }
                String logged = api("GET", "/api/v1/email/messages?recordType=contact&recordId=" + contact, token, "")
                        .body();
                assertTrue(logged.contains("\"state\":\"SENT\"") && logged.contains("\"source\":\"record\""), logged);
                browser.open(crm.url("/contacts"));
                browser.type("contacts-filter", "Mailwright");
                browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains("Mailwright")
                        && !browser.gridCells("contacts-grid").contains("Hopper"));
                browser.clickCell("contacts-grid", "Mailwright");
                browser.scrollTo("email-grid"); // the panel opens by itself now that it holds mail
                browser.until(Duration.ofSeconds(10), d -> browser.gridCells("email-grid").contains("Sent"));
                browser.clickCell("email-grid", "Welcome, Grace");
                browser.until(Duration.ofSeconds(10), d -> browser.text("#email-message-state").startsWith("Sent"));
                browser.screenshot("email-sent-on-contact");
            }
        } finally {
            smtp.stop();
        }
        System.out.printf("e-mail journey: account, template, compose and send from a contact, seen sent: %d ms%n",
                (System.nanoTime() - begin) / 1_000_000);
    }

    /**
     * Issue 24, the user's day and dashboards in the browser: the Home page lists an activity due today; a manager's
     * "Opportunities by phase and month" report (a stacked bar) goes on a new dashboard (New dashboard, Add widget),
     * its widget loads on its own, and a click on one bar lists exactly the opportunities of that phase and month,
     * as many as the API's run of the report counts for that row.
     */
    @Test
    @Order(36)
    void theHomePageShowsTheDayAndADashboardBarListsExactlyItsOpportunities() throws Exception {
        long begin = System.nanoTime();
        String token = adminToken("dashboard-journey");
        // due in a moment: today in any time zone the admin chose, unless the journey runs across their midnight
        until201("/api/v1/records/activity", token, "{\"kind\":\"task\",\"subject\":\"Call Dashwood about the renewal\","
                + "\"dueAt\":\"" + Instant.now().plusSeconds(90).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}");
        int year = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
        String[][] deals = {{"Dashwood Alpha", "Qualification", year + "-01-15"},
            {"Dashwood Beta", "Qualification", year + "-01-20"}, {"Dashwood Gamma", "Proposal", year + "-01-25"},
            {"Dashwood Delta", "Qualification", year + "-02-10"}};
        createOpportunities(token, deals);
        String report = until201("/api/v1/reports", token, "{\"name\":\"Opportunities by phase and month\","
                + "\"description\":\"\",\"spec\":{\"recordType\":\"opportunity\",\"text\":\"\",\"filters\":[{\"field\":"
                + "\"name\",\"op\":\"CONTAINS\",\"values\":[\"Dashwood\"]}],\"groups\":[{\"field\":\"phase\"},"
                + "{\"field\":\"closeDate\",\"bucket\":\"MONTH\"}],\"measures\":[{\"aggregate\":\"COUNT\"}],"
                + "\"periodField\":\"closeDate\",\"chart\":\"STACKED_BAR\",\"sort\":\"GROUPS\",\"limit\":0},"
                + "\"sharing\":{\"everyone\":false,\"roles\":[],\"groups\":[]}}");
        long reportId = id(report);
        // the row Qualification × January as the API runs it for this year, and where the chart draws it
        HttpResponse<String> run = api("GET", "/api/v1/reports/" + reportId + "/run?from=" + year + "-01-01&to=" + year
                + "-12-31", token, "");
        assertEquals(200, run.statusCode(), run.body());
        List<String> phases = new java.util.ArrayList<>();
        List<String> months = new java.util.ArrayList<>();
        String januaryQualified = null;
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                "\"labels\":\\[\"([^\"]*)\",\"([^\"]*)\"\\],\"values\":\\[([0-9.]+)\\]").matcher(run.body());
        while (row.find()) {
            if (!phases.contains(row.group(1))) {
                phases.add(row.group(1));
            }
            if (!months.contains(row.group(2))) {
                months.add(row.group(2));
            }
            if (row.group(1).equals("Qualification") && months.indexOf(row.group(2)) == 0) {
                januaryQualified = row.group(3);
            }
        }
        assertEquals("2", januaryQualified, run.body());
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/"));
            browser.logIn("admin", PASSWORD);
            browser.open(crm.url("/"));
            browser.until(Duration.ofSeconds(15), d -> browser.text("#home-activities")
                    .contains("Call Dashwood about the renewal"));
            browser.screenshot("home-day");
            browser.open(crm.url("/reports/dashboards"));
            browser.click("dashboard-new");
            browser.type("dashboard-name", "Sales overview");
            browser.click("dashboard-create");
            browser.until(Duration.ofSeconds(10), d -> browser.shown("dashboard-add"));
            browser.click("dashboard-add");
            browser.pick("dashboard-add-report", "Opportunities by phase and month");
            browser.click("dashboard-add-confirm");
            browser.until(Duration.ofSeconds(15), d -> Boolean.TRUE.equals(browser.script("const p = document"
                    + ".querySelector('#dashboard-grid .tessera-async[data-state=loaded]'); return p != null")));
            Object firstWidgetMs = browser.script("return document.querySelector('#dashboard-grid .tessera-async')"
                    + ".getAttribute('data-load-ms')");
            assertEquals(Boolean.TRUE, browser.script("const c = document.querySelector('#dashboard-grid tessera-chart');"
                    + " return c != null && JSON.stringify(c.option).includes('\"stack\"')"), "a stacked bar");
            browser.screenshot("dashboard-widget");
            browser.script("document.querySelector('#dashboard-grid tessera-chart').clickPoint(arguments[0], arguments[1])",
                    months.indexOf(months.get(0)), phases.indexOf("Qualification"));
            browser.until(Duration.ofSeconds(10), d -> browser.gridCells("records-dialog-grid").contains("Dashwood Alpha"));
            List<String> listed = browser.gridCells("records-dialog-grid");
            assertTrue(listed.contains("Dashwood Beta"), listed.toString());
            assertFalse(listed.contains("Dashwood Gamma") || listed.contains("Dashwood Delta"), listed.toString());
            browser.screenshot("dashboard-click-through");
            // item 8: a dashboard of 6 widgets (the same report five more times, over the API), opened afresh
            HttpResponse<String> listed6 = api("GET", "/api/v1/dashboards", token, "");
            java.util.regex.Matcher dash = java.util.regex.Pattern.compile("\\{\"id\":(\\d+),\"version\":(\\d+),"
                    + "\"name\":\"Sales overview\"").matcher(listed6.body());
            assertTrue(dash.find(), listed6.body());
            String widget = "{\"reportKey\":\"report:" + reportId + "\",\"width\":2}";
            HttpResponse<String> six = api("PUT", "/api/v1/dashboards/" + dash.group(1), token, "{\"version\":"
                    + dash.group(2) + ",\"name\":\"Sales overview\",\"period\":\"THIS_YEAR\",\"widgets\":["
                    + String.join(",", java.util.Collections.nCopies(6, widget)) + "]}");
            assertEquals(200, six.statusCode(), six.body());
            long opened = System.nanoTime();
            browser.open(crm.url("/reports/dashboards"));
            browser.until(Duration.ofSeconds(15), d -> Boolean.TRUE.equals(browser.script("return document"
                    + ".querySelector('#dashboard-grid .tessera-async[data-state=loaded]') != null")));
            long firstShown = (System.nanoTime() - opened) / 1_000_000;
            browser.until(Duration.ofSeconds(15), d -> Long.valueOf(6).equals(browser.script("return document"
                    + ".querySelectorAll('#dashboard-grid .tessera-async[data-state=loaded]').length")));
            long allShown = (System.nanoTime() - opened) / 1_000_000;
            Object loads = browser.script("return Array.from(document.querySelectorAll('#dashboard-grid .tessera-async'))"
                    + ".map(p => p.getAttribute('data-load-ms')).join(',')");
            System.out.printf("dashboard journey: one widget loaded %s ms after it asked; 6 widgets: first shown %d ms "
                    + "after the page was asked for (page load included), all 6 %d ms, each load (ms) %s%n",
                    firstWidgetMs, firstShown, allShown, loads);
        }
        System.out.printf("home page and dashboard journey: %d ms%n", (System.nanoTime() - begin) / 1_000_000);
    }

    /**
     * Issue 24, the report builder in the browser: a manager builds "opportunities by phase and month" (Opportunities,
     * grouped by phase, then by close date by month, a count) as a stacked bar, previews it (the phases on the axis, a
     * series per month, a table row per phase and month), sees it as a funnel, saves it as a stacked bar, and a click on
     * one bar lists exactly the opportunities of that phase and month the report's search text finds, as many as the
     * API's run of the saved report counts for that row.
     */
    @Test
    @Order(37)
    void theReportBuilderMakesAFunnelAndAStackedBarWhoseBarListsExactlyItsOpportunities() throws Exception {
        long begin = System.nanoTime();
        String token = adminToken("builder-journey");
        int year = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
        String[][] deals = {{"Brightwater Alpha", "Qualification", year + "-01-15"},
            {"Brightwater Beta", "Qualification", year + "-01-20"}, {"Brightwater Gamma", "Proposal", year + "-01-25"},
            {"Brightwater Delta", "Qualification", year + "-02-10"},
            {"Moorland Epsilon", "Qualification", year + "-01-18"}};
        createOpportunities(token, deals);
        String name = "Builder: opportunities by phase and month";
        long journey;
        try (Browser browser = new Browser()) {
            browser.open(crm.url("/"));
            browser.logIn("admin", PASSWORD);
            long started = System.nanoTime();
            browser.open(crm.url("/reports"));
            browser.click("reports-new");
            browser.choose("report-type", "Opportunities");
            browser.type("report-text", "Brightwater");
            browser.choose("report-group-1", "Phase");
            browser.until(Duration.ofSeconds(10), d -> Boolean.FALSE.equals(browser.script(
                    "return document.getElementById('report-group-2').disabled")));
            browser.choose("report-group-2", "Close date");
            browser.until(Duration.ofSeconds(10), d -> browser.shown("report-bucket-2")); // Month, the default
            browser.choose("report-chart-kind", "Stacked bar");
            press(browser, "report-preview");
            browser.until(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(browser.script("const c = document"
                    + ".querySelector('#report-chart'); return c != null && JSON.stringify(c.option).includes('\"stack\"')")));
            browser.until(Duration.ofSeconds(10), d -> browser.text("#report-rows").startsWith("3 rows"));
            Object axis = browser.script("return document.querySelector('#report-chart').option.xAxis.data");
            Object series = browser.script("return document.querySelector('#report-chart').option.series.map(s => s.name)");
            List<String> table = browser.gridCells("report-table");
            browser.screenshot("report-builder-stacked");
            browser.choose("report-chart-kind", "Funnel");
            press(browser, "report-preview");
            browser.until(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(browser.script("const c = document"
                    + ".querySelector('#report-chart'); return c != null && JSON.stringify(c.option).includes('\"funnel\"')")));
            browser.screenshot("report-builder-funnel");
            browser.choose("report-chart-kind", "Stacked bar");
            press(browser, "report-preview");
            browser.until(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(browser.script("const c = document"
                    + ".querySelector('#report-chart'); return c != null && JSON.stringify(c.option).includes('\"stack\"')")));
            press(browser, "report-save");
            browser.type("report-name", name);
            browser.click("report-save-confirm");
            browser.until(Duration.ofSeconds(10), d -> !browser.shown("report-save-dialog"));
            HttpResponse<String> reports = api("GET", "/api/v1/reports", token, "");
            java.util.regex.Matcher saved = java.util.regex.Pattern.compile("\"key\":\"report:(\\d+)\",\"name\":\""
                    + java.util.regex.Pattern.quote(name) + "\"").matcher(reports.body());
            assertTrue(saved.find(), reports.body());
            // the saved report as the API runs it: a row per phase and month, in the order the chart draws them
            HttpResponse<String> run = api("GET", "/api/v1/reports/" + saved.group(1) + "/run", token, "");
            assertEquals(200, run.statusCode(), run.body());
            List<String> phases = new java.util.ArrayList<>();
            List<String> months = new java.util.ArrayList<>();
            String january = null;
            int rows = 0;
            java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                    "\"labels\":\\[\"([^\"]*)\",\"([^\"]*)\"\\],\"values\":\\[([0-9.]+)\\]").matcher(run.body());
            while (row.find()) {
                rows++;
                if (!phases.contains(row.group(1))) {
                    phases.add(row.group(1));
                }
                if (!months.contains(row.group(2))) {
                    months.add(row.group(2));
                }
                if (row.group(1).equals("Qualification") && row.group(3).equals("2")) {
                    january = row.group(2);
                }
            }
            assertEquals(3, rows, run.body());
            assertTrue(january != null && phases.containsAll(List.of("Qualification", "Proposal")), run.body());
            assertEquals(phases, axis, "the phases on the axis");
            assertEquals(months, series, "a series per month");
            assertTrue(table.containsAll(List.of("Qualification", "Proposal", january)), table.toString());
            browser.script("document.querySelector('#report-chart').clickPoint(arguments[0], arguments[1])",
                    months.indexOf(january), phases.indexOf("Qualification"));
            browser.until(Duration.ofSeconds(10), d -> browser.text("#records-dialog-count").equals("2 matching")
                    && browser.gridCells("records-dialog-grid").contains("Brightwater Alpha"));
            Object dialogTitle = browser.script("return document.querySelector('#records-dialog').headerTitle");
            assertTrue(String.valueOf(dialogTitle).startsWith(name + ": Qualification"),
                    "the saved report's result, not the preview's: " + dialogTitle);
            List<String> listed = browser.gridCells("records-dialog-grid");
            assertTrue(listed.contains("Brightwater Beta"), listed.toString());
            // not Moorland Epsilon: same phase and month, but the report's search text leaves it out
            assertFalse(listed.contains("Brightwater Gamma") || listed.contains("Brightwater Delta")
                    || listed.contains("Moorland Epsilon"), listed.toString());
            browser.screenshot("report-builder-click-through");
            journey = (System.nanoTime() - started) / 1_000_000;
        }
        System.out.printf("report builder journey: %d ms in the browser, %d ms in all%n", journey,
                (System.nanoTime() - begin) / 1_000_000);
    }

    /** @return a new API token of the admin's, created in the shell */
    private static String adminToken(String name) throws Exception {
        String[] created = crm.client("admin", PASSWORD, "crm:token-create admin " + name).trim().split("\\R");
        String token = created[created.length - 1].trim();
        assertTrue(token.startsWith("tsk_"), String.join("\n", created));
        return token;
    }

    /** Creates opportunities over the API, each given as name, phase and close date. */
    private static void createOpportunities(String token, String[][] deals) throws Exception {
        for (String[] deal : deals) {
            until201("/api/v1/records/opportunity", token, "{\"name\":\"" + deal[0] + "\",\"phase\":\"" + deal[1]
                    + "\",\"closeDate\":\"" + deal[2] + "\"}");
        }
    }

    /** Clicks a button of a long form once the select just chosen has closed, scrolled to the middle of the page. */
    private static void press(Browser browser, String id) {
        browser.until(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(browser.script(
                "return document.querySelector('vaadin-select-overlay[opened]') == null")));
        browser.clickFirst("#" + id);
    }

    private static void createContact(Browser browser, String first, String last, String email) {
        browser.click("contacts-new");
        browser.type("contact-firstName", first);
        browser.type("contact-lastName", last);
        browser.type("contact-email", email);
        browser.click("contact-save");
        browser.until(Duration.ofSeconds(10), d -> browser.gridCells("contacts-grid").contains(last));
    }

    /** Calls the REST API with a token; a body makes it JSON. */
    private static HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(crm.url(path)))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
        if (body.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts until the record is created: a module enabled a moment ago may register its record type after /health. */
    private static String until201(String path, String token, String body) throws Exception {
        HttpResponse<String> response = api("POST", path, token, body);
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); response.statusCode() != 201
                && System.nanoTime() < end; Thread.sleep(250)) {
            response = api("POST", path, token, body);
        }
        assertEquals(201, response.statusCode(), response.body());
        return response.body();
    }

    /** @return the first record id in an API answer */
    private static long id(String json) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertTrue(id.find(), json);
        return Long.parseLong(id.group(1));
    }
}
