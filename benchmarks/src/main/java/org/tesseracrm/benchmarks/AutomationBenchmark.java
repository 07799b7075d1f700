package org.tesseracrm.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 22's engine overhead: what 50 active workflow rules add to a record update, and whether the engine keeps up
 * with a burst. The built distribution (karaf-assembly's tar.gz) runs as its own process on Derby or PostgreSQL and
 * is driven over loopback through the REST API, as an integration would drive it:
 * <ol>
 * <li>{@code tessera.bench.contacts} contacts are created;</li>
 * <li>{@code tessera.bench.updates} updates ({@code PATCH} of the last name with {@code If-Match}), one at a time,
 * without rules (after a warm-up of a tenth as many);</li>
 * <li>50 rules are saved through {@code /api/v1/automation/rules}: 20 on contacts (3 of which hold on each update
 * and queue an in-app notification to the owner; 17 whose trigger or criteria do not hold: another field changed,
 * conditions on the e-mail and the name that fail), 15 on leads and 15 on opportunities (never triggered by a
 * contact update, as in a real installation where most rules are about other types);</li>
 * <li>the same number of updates again: the difference of the medians is the overhead per write (target 5 ms);</li>
 * <li>a burst of {@code tessera.bench.burst} updates from {@code tessera.bench.threads} clients at once: its
 * throughput, and how long the engine's durable runs (kernel timers of handler {@code automation.run}, counted with
 * {@code crm:timers}) take to drain after the last write (target: no backlog).</li>
 * </ol>
 * Each update's time is measured by the client from request to answer (HTTP and JSON included, the same in both
 * runs). Prints a Markdown table per database and writes it to {@code target/automation-benchmark-results.md}.
 *
 * <p>Run (from the repository root, the distribution built):
 * {@code flock /tmp/mvn.lock mvn -B -o -q -pl benchmarks compile exec:java -Dexec.mainClass=org.tesseracrm.benchmarks.AutomationBenchmark}
 * with {@code -Dtessera.bench.db=derby,postgresql}, {@code -Dtessera.bench.contacts=500},
 * {@code -Dtessera.bench.updates=2000}, {@code -Dtessera.bench.burst=10000}, {@code -Dtessera.bench.threads=4},
 * {@code -Dtessera.bench.pg.url/.user/.password} (default the test database of {@code .ci/postgres}, which the
 * benchmark empties).
 */
public final class AutomationBenchmark {
    private static final String PASSWORD = "Bench-Automation-2026-secret";
    private static final String CONTACTS = "/api/v1/records/contact";
    private static final Duration START = Duration.ofSeconds(300);
    private static final Pattern ID_VERSION = Pattern.compile("\\{\"id\":([0-9]+),\"version\":([0-9]+)");
    private static final Pattern VERSION = Pattern.compile("\"version\":([0-9]+)");
    private static final Pattern TIMERS = Pattern.compile("Pending (\\d+), running (\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dir;
    private final int contacts = Integer.getInteger("tessera.bench.contacts", 500);
    private final int updates = Integer.getInteger("tessera.bench.updates", 2000);
    private final int burst = Integer.getInteger("tessera.bench.burst", 10_000);
    private final int threads = Integer.getInteger("tessera.bench.threads", 4);
    private String token;
    private Karaf karaf;

    private AutomationBenchmark(Path dir) {
        this.dir = dir;
    }

    /**
     * @param args unused; see the class comment for the system properties
     * @throws Exception if the distribution does not start, a database is unreachable or a request fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("tessera.bench.dir", "target"));
        Path built = Path.of(System.getProperty("tessera.bench.distribution",
                "karaf-assembly/target/tessera-crm-0.2.0-SNAPSHOT.tar.gz"));
        Files.createDirectories(dir);
        Path tar = dir.resolve("bench-automation-distribution.tar.gz"); // a copy: a build may write it again meanwhile
        Files.copy(built, tar, StandardCopyOption.REPLACE_EXISTING);
        AutomationBenchmark benchmark = new AutomationBenchmark(dir);
        StringBuilder report = new StringBuilder(Machine.describe()).append(
                " Client and Karaf (default heap, -Xmx1g, G1) share the cores, over loopback.\n\n");
        for (String db : System.getProperty("tessera.bench.db", "derby,postgresql").split(",")) {
            report.append(benchmark.run(db.strip(), tar)).append('\n');
            Files.writeString(dir.resolve("automation-benchmark-results.md"), report);
        }
        System.out.println(report);
        System.out.println("Written to " + dir.resolve("automation-benchmark-results.md"));
    }

    private String run(String db, Path tar) throws Exception {
        try (Karaf karaf = Karaf.unpack(tar, dir.resolve("bench-automation-" + db))) {
            this.karaf = karaf;
            ApiBenchmark.configure(karaf.home(), db);
            if (db.equals("postgresql")) {
                try (Connection emptied = ListBenchmark.Databases.fresh(db, dir)) {
                    emptied.commit();
                }
            }
            karaf.launch(Map.of("TESSERA_ADMIN_PASSWORD", PASSWORD));
            karaf.awaitHealth(h -> h.contains("\"routes\":[\"contacts\"]") && h.contains("automation"), START);
            String[] created = karaf.client("admin", PASSWORD, "crm:token-create admin bench").strip().split("\\R");
            token = created[created.length - 1].strip();
            awaitApi();

            long[][] records = createContacts();
            updates(records, updates / 10); // warm-up
            List<Double> plain = updates(records, updates);
            createRules();
            updates(records, updates / 10);
            List<Double> ruled = updates(records, updates);

            long pendingBefore = timers(karaf);
            long begin = System.nanoTime();
            long failed = burst(records);
            double burstSeconds = (System.nanoTime() - begin) / 1e9;
            long afterBurst = timers(karaf);
            long drainBegin = System.nanoTime();
            long deadline = drainBegin + Duration.ofMinutes(30).toNanos();
            while (timers(karaf) > pendingBefore && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            double drainSeconds = (System.nanoTime() - drainBegin) / 1e9;
            double sinceFirstWrite = (System.nanoTime() - begin) / 1e9;
            long left = timers(karaf) - pendingBefore;

            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, "#### %s: %,d contacts, %,d updates per run%n%n", db, contacts,
                    updates));
            table.append("| Updates through `PATCH /api/v1/records/contact/{id}` | median ms | p95 ms |\n|---|---:|---:|\n");
            table.append(String.format(Locale.ROOT, "| no rules | %.2f | %.2f |%n", percentile(plain, 50),
                    percentile(plain, 95)));
            table.append(String.format(Locale.ROOT, "| 50 active rules (3 hold per update, each queues a notification) "
                    + "| %.2f | %.2f |%n", percentile(ruled, 50), percentile(ruled, 95)));
            table.append(String.format(Locale.ROOT, "| **added by the engine** | **%.2f** | **%.2f** |%n%n",
                    percentile(ruled, 50) - percentile(plain, 50), percentile(ruled, 95) - percentile(plain, 95)));
            table.append(String.format(Locale.ROOT, "Burst: %,d updates from %d clients in %.1f s (%.0f updates/s, %d "
                    + "failed); %,d runs pending right after it; the backlog drained %.1f s after the last write "
                    + "(%.1f s after the first), %d left.%n", burst, threads, burstSeconds, burst / burstSeconds,
                    failed, afterBurst - pendingBefore, drainSeconds, sinceFirstWrite, Math.max(0, left)));
            System.out.print(table);
            return table.toString();
        }
    }

    /** @return id and version of each new contact */
    private long[][] createContacts() throws Exception {
        long[][] records = new long[contacts][];
        for (int i = 0; i < contacts; i++) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(uri(CONTACTS))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Bench\",\"lastName\":\"Contact " + i
                            + "\",\"email\":\"bench" + i + "@example.org\"}")));
            Matcher m = ID_VERSION.matcher(created.body());
            if (created.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("creating a contact: " + created.statusCode() + " " + created.body());
            }
            records[i] = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
        }
        return records;
    }

    /** @return the time of each update, ms, made one at a time over the contacts in turn */
    private List<Double> updates(long[][] records, int count) throws Exception {
        List<Double> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            update(records[i % records.length], i);
            times.add((System.nanoTime() - begin) / 1e6);
        }
        return times;
    }

    /** @return how many of the burst's updates failed */
    private long burst(long[][] records) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        AtomicLong failed = new AtomicLong();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(clients.submit(() -> {
                    // each client its own contacts (those whose index is the thread's number modulo threads), so
                    // no update is refused as stale
                    List<long[]> own = new ArrayList<>();
                    for (int i = thread; i < records.length; i += threads) {
                        own.add(records[i]);
                    }
                    for (int i = 0; i < burst / threads; i++) {
                        try {
                            update(own.get(i % own.size()), i);
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        return failed.get();
    }

    private void update(long[] record, int n) throws IOException, InterruptedException {
        HttpResponse<String> changed = send(HttpRequest.newBuilder(uri(CONTACTS + "/" + record[0]))
                .header("Content-Type", "application/json").header("If-Match", "\"" + record[1] + "\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"lastName\":\"Bench " + n + "\"}")));
        Matcher m = VERSION.matcher(changed.body());
        if (changed.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("updating contact " + record[0] + ": " + changed.statusCode() + " "
                    + changed.body());
        }
        record[1] = Long.parseLong(m.group(1));
    }

    /** 20 rules on contacts (3 hold on each update), 15 on leads, 15 on opportunities. */
    private void createRules() throws Exception {
        List<String> rules = new ArrayList<>();
        String notify = "[{\"action\":\"notification.send\",\"config\":{\"to\":\"owner\",\"title\":\"Contact changed\"}}]";
        rules.add(rule("contact", "record.fieldChanged", "{\"field\":\"lastName\"}", "[]", notify));
        rules.add(rule("contact", "record.updated", "{}",
                "[{\"field\":\"firstName\",\"op\":\"EQUALS\",\"values\":[\"Bench\"]}]", notify));
        rules.add(rule("contact", "record.updated", "{}",
                "[{\"field\":\"email\",\"op\":\"CONTAINS\",\"values\":[\"example.org\"]}]", notify));
        for (int i = 0; i < 17; i++) {
            rules.add(switch (i % 3) {
                case 0 -> rule("contact", "record.fieldChanged", "{\"field\":\"email\"}", "[]", notify);
                case 1 -> rule("contact", "record.updated", "{}",
                        "[{\"field\":\"email\",\"op\":\"CONTAINS\",\"values\":[\"nowhere-" + i + "\"]}]", notify);
                default -> rule("contact", "record.updated", "{}",
                        "[{\"field\":\"lastName\",\"op\":\"EQUALS\",\"values\":[\"Nobody " + i + "\"]}]", notify);
            });
        }
        for (String type : List.of("lead", "opportunity")) {
            for (int i = 0; i < 15; i++) {
                rules.add(i % 2 == 0 ? rule(type, "record.created", "{}", "[]", notify)
                        : rule(type, "record.updated", "{}", "[]", notify));
            }
        }
        int n = 0;
        for (String body : rules) {
            HttpResponse<String> saved = send(HttpRequest.newBuilder(uri("/api/v1/automation/rules"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.replace("%N%", String.valueOf(++n)))));
            if (saved.statusCode() != 201) {
                throw new IllegalStateException("saving a rule: " + saved.statusCode() + " " + saved.body() + "\n" + body);
            }
        }
    }

    private static String rule(String type, String trigger, String triggerConfig, String conditions, String actions) {
        return "{\"name\":\"Bench rule %N%\",\"recordType\":\"" + type + "\",\"trigger\":\"" + trigger
                + "\",\"triggerConfig\":" + triggerConfig + ",\"criteria\":{\"match\":\"ALL\",\"conditions\":"
                + conditions + "},\"actions\":" + actions + ",\"repeat\":\"EVERY_TIME\"}";
    }

    /** @return pending and running kernel timers, as {@code crm:timers} counts them */
    private static long timers(Karaf karaf) throws IOException, InterruptedException {
        String out = karaf.client("admin", PASSWORD, "crm:timers");
        Matcher m = TIMERS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("crm:timers said: " + out);
        }
        return Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
    }

    private void awaitApi() throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> rules = send(HttpRequest.newBuilder(uri("/api/v1/automation/rules")).GET());
                if (rules.statusCode() == 200) {
                    return;
                }
                last = rules.statusCode() + " " + rules.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("GET /api/v1/automation/rules never answered 200: " + last);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(karaf.url(path));
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
