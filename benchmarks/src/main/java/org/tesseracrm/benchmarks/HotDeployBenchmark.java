package org.tesseracrm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17's runtime figures, on the built distribution run as a real process:
 * <ul>
 * <li><b>hotdeploy</b>: a signed-in headless Chromium keeps a page of the shell open while the module
 * is uninstalled and installed again through {@code bin/client} N times; after each install the browser
 * opens the module's page and goes back to contacts, so the new revision's classes are used. Live bundle
 * class loaders and live heap after a full GC ({@code jcmd GC.class_histogram}) before and after, and
 * every tenth cycle.</li>
 * <li><b>startup</b>: a fresh distribution from start to /health UP and to every module ready, then
 * restarts of the same installation (bin/stop, bin/karaf server), medians of several.</li>
 * </ul>
 * Run: {@code mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=org.tesseracrm.benchmarks.HotDeployBenchmark}
 * with {@code -Dtessera.bench.only=hotdeploy|startup} (both by default), {@code -Dtessera.bench.cycles=100},
 * {@code -Dtessera.bench.module=activities}, {@code -Dtessera.bench.starts=5}, and
 * {@code -Dtessera.bench.heapDump=/tmp/after.hprof} to keep a heap dump of the end state (for a leak's paths).
 * Needs the built tar.gz,
 * /usr/bin/chromium and /usr/bin/chromedriver.
 */
public final class HotDeployBenchmark {
    private static final String PASSWORD = "Bench-2026-secret";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private HotDeployBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("tessera.bench.dir", "target"));
        Path tar = Path.of(System.getProperty("tessera.bench.distribution",
                "karaf-assembly/target/tessera-crm-0.2.0-SNAPSHOT.tar.gz"));
        String only = System.getProperty("tessera.bench.only", "startup,hotdeploy");
        StringBuilder report = new StringBuilder(Machine.describe()).append(" Distribution: ").append(tar.getFileName())
                .append(".\n\n");
        if (only.contains("startup")) {
            report.append(startup(tar, dir.resolve("bench-startup"), Integer.getInteger("tessera.bench.starts", 5)));
        }
        if (only.contains("hotdeploy")) {
            report.append(hotDeploy(tar, dir.resolve("bench-hotdeploy"), Integer.getInteger("tessera.bench.cycles", 100),
                    System.getProperty("tessera.bench.module", "activities")));
        }
        Path out = dir.resolve("hotdeploy-results.md");
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("Written to " + out);
    }

    /** Fresh starts (each in a newly unpacked copy) and restarts of the last one; medians. */
    static String startup(Path tar, Path dir, int starts) throws Exception {
        List<Long> firstUp = new ArrayList<>();
        List<Long> firstReady = new ArrayList<>();
        List<Long> restartUp = new ArrayList<>();
        List<Long> restartReady = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            try (Karaf karaf = Karaf.unpack(tar, dir)) {
                long[] fresh = timedStart(karaf);
                firstUp.add(fresh[0]);
                firstReady.add(fresh[1]);
                karaf.stop();
                long[] again = timedStart(karaf);
                restartUp.add(again[0]);
                restartReady.add(again[1]);
                System.out.printf("start %d: fresh UP %d ms, every module %d ms; restart UP %d ms, every module %d ms%n",
                        i + 1, fresh[0], fresh[1], again[0], again[1]);
            }
        }
        return String.format("""
                ### Start-up, %d runs (medians, ms; min-max)

                | | /health UP | every module ready |
                |---|---:|---:|
                | fresh distribution | %s | %s |
                | restart | %s | %s |

                """, starts, median(firstUp), median(firstReady), median(restartUp), median(restartReady));
    }

    /** @return ms from bin/karaf server to /health UP, and to every module ready with its view */
    private static long[] timedStart(Karaf karaf) throws Exception {
        long begin = System.nanoTime();
        karaf.launch();
        karaf.awaitHealth(body -> body.startsWith("{\"status\":\"UP\""), Duration.ofSeconds(180));
        long up = (System.nanoTime() - begin) / 1_000_000;
        karaf.awaitHealth(Karaf::everyModuleReady, Duration.ofSeconds(180));
        return new long[] {up, (System.nanoTime() - begin) / 1_000_000};
    }

    static String hotDeploy(Path tar, Path dir, int cycles, String module) throws Exception {
        String feature = "crm-" + module;
        String route = module.equals("followups") ? "reports/unattended-follow-ups" : module;
        StringBuilder table = new StringBuilder("| cycles | live bundle class loaders | live heap MB |\n|---:|---:|---:|\n");
        List<Long> cycleMs = new ArrayList<>();
        try (Karaf karaf = Karaf.unpack(tar, dir); Chromium browser = new Chromium()) {
            karaf.launch();
            karaf.awaitHealth(Karaf::everyModuleReady, Duration.ofSeconds(180));
            browser.firstSignIn(karaf);
            // Two cycles first, so what the shell loads once (kit classes, Vaadin's caches for the
            // kernel's own components) is in the baseline.
            for (int i = 0; i < 2; i++) {
                cycle(karaf, browser, feature, route);
            }
            Karaf.Heap before = karaf.heap(dir.resolve("histogram-0.txt"));
            table.append(row(0, before));
            Karaf.Heap after = before;
            for (int i = 1; i <= cycles; i++) {
                long begin = System.nanoTime();
                cycle(karaf, browser, feature, route);
                cycleMs.add((System.nanoTime() - begin) / 1_000_000);
                if (i % 10 == 0 || i == cycles) {
                    after = karaf.heap(dir.resolve("histogram-" + i + ".txt"));
                    table.append(row(i, after));
                    System.out.printf("%d cycles: %d loaders, %.1f MB%n", i, after.bundleLoaders(), after.liveMb());
                }
            }
            String dump = System.getProperty("tessera.bench.heapDump", "");
            if (!dump.isBlank()) {
                karaf.heapDump(Path.of(dump));
            }
            return String.format("""
                    ### Hot deploy: %d uninstall/install cycles of %s under a signed-in session

                    One cycle (uninstall, gone from /health, install, back in /health, its page and the contacts page
                    opened in the browser): median %s ms.
                    Live bundle class loaders %d -> %d (%+d), live heap after a full GC %.1f -> %.1f MB (%+.1f %%).

                    %s
                    """, cycles, feature, median(cycleMs), before.bundleLoaders(), after.bundleLoaders(),
                    after.bundleLoaders() - before.bundleLoaders(), before.liveMb(), after.liveMb(),
                    100.0 * (after.liveBytes() - before.liveBytes()) / before.liveBytes(), table);
        }
    }

    private static String row(int cycles, Karaf.Heap heap) {
        return String.format("| %d | %d | %.1f |%n", cycles, heap.bundleLoaders(), heap.liveMb());
    }

    /** Uninstalls the module's feature, waits until it is gone, installs it, waits for it, uses its page. */
    private static void cycle(Karaf karaf, Chromium browser, String feature, String route) throws Exception {
        String listed = "\"routes\":[\"" + route + "\"]";
        String out = karaf.client("admin", PASSWORD, "feature:uninstall " + feature);
        if (out.contains("Error")) {
            throw new IllegalStateException(out);
        }
        karaf.awaitHealth(body -> !body.contains(listed), WAIT);
        out = karaf.client("admin", PASSWORD, "feature:install " + feature);
        if (out.contains("Error")) {
            throw new IllegalStateException(out);
        }
        karaf.awaitHealth(body -> body.contains(listed) && Karaf.everyModuleReady(body), WAIT);
        browser.open(karaf.url("/" + route));
        browser.await(By.id("tessera-menu"));
        browser.open(karaf.url("/contacts"));
        browser.await(By.id("contacts-grid"));
    }

    private static String median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? "-" : String.format("%d (%d-%d)", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    /** Debian's headless Chromium through Debian's chromedriver, as the distribution tests use it. */
    static final class Chromium implements AutoCloseable {
        private final ChromeDriver driver;
        private final Path profile;

        Chromium() throws IOException {
            profile = Files.createTempDirectory("tessera-bench-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1366,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
        }

        /** Signs in as the first admin, replaces the initial password, and ends on the contacts page. */
        void firstSignIn(Karaf karaf) {
            open(karaf.url("/login"));
            type("vaadinLoginUsername", "admin");
            type("vaadinLoginPassword", "admin");
            await(By.cssSelector("#vaadinLoginPassword input")).sendKeys(Keys.ENTER);
            await(By.id("new-password"));
            type("current-password", "admin");
            type("new-password", PASSWORD);
            type("repeat-password", PASSWORD);
            await(By.id("change-password-save")).click();
            await(By.id("tessera-menu"));
            open(karaf.url("/contacts"));
            await(By.id("contacts-grid"));
        }

        void open(String url) {
            driver.get(url);
        }

        WebElement await(By by) {
            return new WebDriverWait(driver, WAIT).until((WebDriver d) -> d.findElements(by).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
        }

        private void type(String fieldId, String text) {
            WebElement input = await(By.cssSelector("#" + fieldId + " input"));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(text);
        }

        @Override
        public void close() throws IOException {
            driver.quit();
            try (var paths = Files.walk(profile)) {
                paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
