package org.tesseracrm.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Issue 18's REST API under concurrency: the built distribution (karaf-assembly's tar.gz) run as a real
 * process on Derby or PostgreSQL with a million contacts, driven over loopback by Debian's {@code wrk}.
 * For each database: a fresh unpack, the first start with {@code TESSERA_ADMIN_PASSWORD} (the admin and the
 * schema are created), a stop, the load with JDBC while Karaf is stopped (the three custom fields of the list
 * benchmark added through the record platform's own {@code CustomFields}, then {@link DataGenerator}'s
 * contacts and companies, all owned by the admin), a start, a token from {@code crm:token-create}, and then
 * for each endpoint and number of connections a warm-up and a timed {@code wrk --latency} run. The API's rate
 * limit is turned off for the run ({@code rate.requestsPerSecond = 0} in
 * {@code etc/org.tesseracrm.kernel.rest.cfg}). Prints a Markdown table per database and writes it to
 * {@code target/api-benchmark-results.md}; wrk's own output goes to {@code target/bench-api-<db>/wrk.log}.
 *
 * <p>Run (from the repository root, the distribution built):
 * {@code flock /tmp/mvn.lock mvn -B -o -q -pl benchmarks compile exec:java -Dexec.mainClass=org.tesseracrm.benchmarks.ApiBenchmark}
 * with {@code -Dtessera.bench.db=derby,postgresql}, {@code -Dtessera.bench.rows=1000000},
 * {@code -Dtessera.bench.apiRuns=3} (timed runs per point; the table gives their medians),
 * {@code -Dtessera.bench.seconds=15}, {@code -Dtessera.bench.warmup=5}, {@code -Dtessera.bench.connections=1,16,64},
 * {@code -Dtessera.bench.endpoints=ping,me,openapi,first,filtered,deep,single} (a subset to run),
 * {@code -Dtessera.bench.deepPages=1000} (pages of 50 walked through the cursor for the deep page),
 * {@code -Dtessera.bench.pool.idle=16} (adds {@code jdbc.pool.maxIdle} and {@code minIdle} to the datasource),
 * {@code -Dtessera.bench.profile=first@16} (thread dumps during that point's first timed run, {@link Profile}),
 * {@code -Dtessera.bench.pg.url/.user/.password} (default the test database of {@code .ci/postgres}, which
 * the benchmark empties). Needs /usr/bin/wrk.
 */
public final class ApiBenchmark {
    private static final String PASSWORD = "Bench-Api-2026-secret";
    private static final String CONTACTS = "/api/v1/records/contact";
    private static final Duration START = Duration.ofSeconds(300);
    /** The point whose first timed run is profiled ({@link Profile}), as endpoint@connections; none by default. */
    private static final String PROFILE = System.getProperty("tessera.bench.profile", "");
    /** Held so the level set on it is not lost when java.util.logging drops unreferenced loggers. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RESULT = Pattern.compile("BENCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) "
            + "p95_us=(\\d+) p99_us=(\\d+) errors=(\\d+) non2xx=(\\d+)");

    /** Prints one line wrk's caller parses: the whole run's counts and latency percentiles (µs). */
    private static final String DONE_LUA = """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d errors=%d non2xx=%d\\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
                latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
            end
            """;
    /** Reads contacts of random ids between the two script arguments, each wrk thread with its own seed. */
    private static final String RANDOM_IDS_LUA = """
            local threads = 0
            setup = function(thread)
              threads = threads + 1
              thread:set("seed", threads)
            end
            local first, last = 1, 1
            init = function(args)
              first, last = tonumber(args[1]), tonumber(args[2])
              math.randomseed(os.time() * 31 + seed)
            end
            request = function()
              return wrk.format(nil, "%s/" .. math.random(first, last))
            end
            """.formatted(CONTACTS) + DONE_LUA;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dir;
    private final int rows;
    private final int runs;
    private final int seconds;
    private final int warmup;
    private final List<Integer> connections;
    private final Set<String> endpoints;

    private ApiBenchmark(Path dir) {
        this.dir = dir;
        rows = Integer.getInteger("tessera.bench.rows", 1_000_000);
        runs = Integer.getInteger("tessera.bench.apiRuns", 3);
        seconds = Integer.getInteger("tessera.bench.seconds", 15);
        warmup = Integer.getInteger("tessera.bench.warmup", 5);
        connections = Arrays.stream(System.getProperty("tessera.bench.connections", "1,16,64").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        endpoints = Set.of(System.getProperty("tessera.bench.endpoints", "ping,me,openapi,first,filtered,deep,single")
                .split(","));
    }

    /**
     * @param args unused; see the class comment for the system properties
     * @throws Exception if the distribution does not start, a database is unreachable or wrk fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("tessera.bench.dir", "target"));
        Path built = Path.of(System.getProperty("tessera.bench.distribution",
                "karaf-assembly/target/tessera-crm-0.2.0-SNAPSHOT.tar.gz"));
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("liquibase.showSummaryOutput", "log");
        Files.createDirectories(dir);
        // A copy: another build may write the tar.gz again while this runs.
        Path tar = dir.resolve("bench-api-distribution.tar.gz");
        Files.copy(built, tar, StandardCopyOption.REPLACE_EXISTING);
        ApiBenchmark benchmark = new ApiBenchmark(dir);
        StringBuilder report = new StringBuilder(machine()).append('\n');
        for (String db : System.getProperty("tessera.bench.db", "derby,postgresql").split(",")) {
            report.append(benchmark.run(db.strip(), tar)).append('\n');
            Files.writeString(dir.resolve("api-benchmark-results.md"), report);
        }
        System.out.println(report);
        System.out.println("Written to " + dir.resolve("api-benchmark-results.md"));
    }

    private String run(String db, Path tar) throws Exception {
        Path home = dir.resolve("bench-api-" + db);
        try (Karaf karaf = Karaf.unpack(tar, home)) {
            configure(karaf.home(), db);
            if (db.equals("postgresql")) {
                try (Connection emptied = ListBenchmark.Databases.fresh(db, dir)) {
                    emptied.commit();
                }
            }
            Map<String, String> env = Map.of("TESSERA_ADMIN_PASSWORD", PASSWORD);
            long begin = System.nanoTime();
            karaf.launch(env);
            awaitContacts(karaf);
            System.out.printf("%s: first start %.1f s%n", db, (System.nanoTime() - begin) / 1e9);
            karaf.stop();
            begin = System.nanoTime();
            load(db, karaf.home());
            double loadSeconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("%s: %,d contacts loaded in %.1f s%n", db, rows, loadSeconds);
            karaf.launch(env);
            awaitContacts(karaf);
            String[] created = karaf.client("admin", PASSWORD, "crm:token-create admin bench").strip().split("\\R");
            String token = created[created.length - 1].strip();
            awaitApi(karaf, token);

            Map<String, Endpoint> points = new LinkedHashMap<>();
            points.put("ping", new Endpoint("`GET /api/v1/ping` (no database)", "/api/v1/ping", false));
            points.put("me", new Endpoint("`GET /api/v1/me` (token check only)", "/api/v1/me", false));
            points.put("openapi", new Endpoint("the OpenAPI document, `GET /api/v1/openapi.json`", "/api/v1/openapi.json",
                    false));
            points.put("first", new Endpoint("first list page, `?limit=50`", CONTACTS + "?limit=50", false));
            points.put("filtered", new Endpoint("filtered and sorted page, `?lastName[contains]=son&sort=lastName&limit=50`",
                    CONTACTS + "?lastName%5Bcontains%5D=son&sort=lastName&limit=50", false));
            int deepPages = Integer.getInteger("tessera.bench.deepPages", 1000);
            points.put("deep", new Endpoint("page " + (deepPages + 1) + " through the cursor, `?limit=50&cursor=...`",
                    null, false));
            points.put("single", new Endpoint("one contact of a random id, `/api/v1/records/contact/{id}`",
                    CONTACTS + "/1", true));
            points.keySet().retainAll(endpoints);

            Path doneLua = karaf.home().resolve("done.lua");
            Files.writeString(doneLua, DONE_LUA);
            Path idsLua = karaf.home().resolve("random-ids.lua");
            Files.writeString(idsLua, RANDOM_IDS_LUA);
            Path log = karaf.home().resolve("wrk.log");

            Map<String, String> pending = new LinkedHashMap<>();
            for (Map.Entry<String, Endpoint> point : points.entrySet()) {
                Endpoint endpoint = point.getValue();
                if (point.getKey().equals("deep")) {
                    String deep = deepPage(karaf, token, deepPages);
                    endpoint = deep == null ? endpoint : new Endpoint(endpoint.label(), deep, false);
                    point.setValue(endpoint);
                }
                int status = endpoint.path() == null ? 404 : get(karaf, token, endpoint.path()).statusCode();
                if (status != 200) {
                    pending.put(point.getKey(), "HTTP " + status);
                }
            }

            Map<String, List<Wrk>> results = new LinkedHashMap<>();
            StringBuilder profiles = new StringBuilder();
            for (int run = 1; run <= runs; run++) {
                for (Map.Entry<String, Endpoint> point : points.entrySet()) {
                    if (pending.containsKey(point.getKey())) {
                        continue;
                    }
                    Endpoint endpoint = point.getValue();
                    for (int c : connections) {
                        List<String> scriptArgs = endpoint.randomIds() ? List.of("1", String.valueOf(rows)) : List.of();
                        Path script = endpoint.randomIds() ? idsLua : doneLua;
                        String url = karaf.url(endpoint.path());
                        wrk(url, token, c, warmup, script, scriptArgs, log, "warm-up " + point.getKey() + " c=" + c);
                        boolean profiled = run == 1 && (point.getKey() + "@" + c).equals(PROFILE);
                        Profile profile = profiled ? Profile.start(karaf.pid(), seconds) : null;
                        long cpuBefore = cpuMillis(karaf.pid());
                        Wrk result = wrk(url, token, c, seconds, script, scriptArgs, log,
                                "run " + run + " " + point.getKey() + " c=" + c);
                        result = result.measured((cpuMillis(karaf.pid()) - cpuBefore) / (double) result.requests(),
                                loadAverage());
                        if (profile != null) {
                            profiles.append(profile.report(db + ", " + point.getValue().label() + ", " + c
                                    + " connections"));
                        }
                        results.computeIfAbsent(point.getKey() + "@" + c, k -> new ArrayList<>()).add(result);
                        System.out.printf("%s run %d %s c=%d: %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                                + "Karaf CPU %.2f ms/request%s%n", db, run, point.getKey(), c, result.rps(), result.p50(),
                                result.p95(), result.p99(), result.karafCpuMs(),
                                result.failed() > 0 ? ", " + result.failed() + " failed" : "");
                    }
                }
            }
            return table(db, loadSeconds, points, pending, results) + profiles;
        }
    }

    /**
     * The database block of the admin guide (with {@code tessera.bench.pool.idle}: the pool's maxIdle and minIdle
     * too), and the rate limit off.
     */
    static void configure(Path home, String db) throws IOException {
        if (db.equals("postgresql")) {
            String url = System.getProperty("tessera.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/tessera_it");
            Files.writeString(home.resolve("etc/org.ops4j.datasource-crm.cfg"), String.join("\n",
                    "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                    "url = " + url + "?reWriteBatchedInserts=true&prepareThreshold=0",
                    "user = " + System.getProperty("tessera.bench.pg.user", "tessera"),
                    "password = " + System.getProperty("tessera.bench.pg.password", "tessera"),
                    "dataSourceName = crm-pool",
                    "pool = dbcp2",
                    "xa = false",
                    "jdbc.pool.maxTotal = 16", ""));
        } else if (!db.equals("derby")) {
            throw new IllegalArgumentException("Unknown database '" + db + "': use derby or postgresql");
        }
        Integer idle = Integer.getInteger("tessera.bench.pool.idle");
        if (idle != null) { // DBCP keeps maxIdle 8 by default: connections beyond it are closed when given back
            Files.writeString(home.resolve("etc/org.ops4j.datasource-crm.cfg"), "\njdbc.pool.maxIdle = " + idle
                    + "\njdbc.pool.minIdle = " + idle + "\n", StandardOpenOption.APPEND);
        }
        Files.writeString(home.resolve("etc/org.tesseracrm.kernel.rest.cfg"), "rate.requestsPerSecond = 0\n");
    }

    /**
     * With Karaf stopped (embedded Derby is locked by the running server; PostgreSQL the same for symmetry): the
     * list benchmark's three custom fields, added as an admin adds them, then the contacts and companies, owned by
     * the admin, and fresh optimiser statistics.
     */
    private void load(String db, Path home) throws Exception {
        try (Connection connection = connect(db, home)) {
            connection.setAutoCommit(false);
            Platform admin = Platform.over(connection, new Visibility(true, Set.of()));
            admin.customFields().add("contact", CustomFieldInput.pickList("Segment", false,
                    List.of("Enterprise", "Mid-market", "SMB")));
            admin.customFields().add("contact", CustomFieldInput.of("Score", FieldType.NUMBER));
            admin.customFields().add("contact", CustomFieldInput.of("Renewal", FieldType.DATE));
            DataGenerator.fill(connection, rows);
            // DataGenerator spreads the rows over 50 owners for the visibility benchmarks; here the token's
            // user owns them, as records of a one-user installation.
            ListBenchmark.execute(connection, "UPDATE CRM_CONTACT SET OWNER = 'admin'",
                    "UPDATE CRM_COMPANY SET OWNER = 'admin'");
            connection.commit();
            if (db.equals("postgresql")) {
                connection.setAutoCommit(true);
                ListBenchmark.execute(connection, "VACUUM ANALYZE"); // the update left a dead copy of every row
            } else {
                // Derby's "contains" reads the values lists of CRM_SEARCH_TERM, which the platform fills once per
                // field (the '' row marks a list complete) and then keeps up on its own writes only: without the
                // markers, the next start lists the values of the rows loaded here.
                ListBenchmark.execute(connection, "DELETE FROM CRM_SEARCH_TERM WHERE TERM = ''");
                Schema.analyze(connection, db);
                connection.commit();
            }
        }
        if (db.equals("derby")) {
            try {
                DriverManager.getConnection("jdbc:derby:" + derbyPath(home) + ";shutdown=true").close();
            } catch (SQLException shutDown) {
                if (!"08006".equals(shutDown.getSQLState())) { // 08006: the database was shut down, as asked
                    throw shutDown;
                }
            }
        }
    }

    private static Connection connect(String db, Path home) throws SQLException {
        if (db.equals("derby")) {
            return DriverManager.getConnection("jdbc:derby:" + derbyPath(home));
        }
        return DriverManager.getConnection(
                System.getProperty("tessera.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/tessera_it")
                        + "?reWriteBatchedInserts=true&prepareThreshold=0",
                System.getProperty("tessera.bench.pg.user", "tessera"),
                System.getProperty("tessera.bench.pg.password", "tessera"));
    }

    private static String derbyPath(Path home) {
        return home.resolve("data/derby/crm").toAbsolutePath().toString();
    }

    /**
     * Waits until {@code /health} lists the contacts and companies modules with their routes (their schema is then
     * migrated), whatever it says of other modules: one module that fails elsewhere must not stop this benchmark.
     */
    private void awaitContacts(Karaf karaf) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        String last = "(no answer)";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create(karaf.url("/health"))).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                if (last.contains("\"routes\":[\"contacts\"]") && last.contains("\"routes\":[\"companies\"]")) {
                    if (!last.startsWith("{\"status\":\"UP\"")) {
                        System.out.println("/health is not UP (the benchmark goes on with contacts and companies): " + last);
                    }
                    return;
                }
            } catch (IOException notYetListening) {
                last = notYetListening.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("contacts and companies were not ready within " + START + "; /health: " + last);
    }

    /** Waits until the token is accepted (the REST runtime may come up after /health lists the modules). */
    private void awaitApi(Karaf karaf, String token) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> me = get(karaf, token, "/api/v1/me");
                if (me.statusCode() == 200) {
                    return;
                }
                last = me.statusCode() + " " + me.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("GET /api/v1/me never answered 200 with token '" + token + "': " + last);
    }

    /** @return the path of the page after {@code pages} pages of 50, walked through the cursor; null if no list */
    private String deepPage(Karaf karaf, String token, int pages) throws Exception {
        String path = CONTACTS + "?limit=50";
        long begin = System.nanoTime();
        for (int i = 0; i < pages; i++) {
            HttpResponse<String> page = get(karaf, token, path);
            if (page.statusCode() != 200) {
                System.out.printf("deep page: page %d answered %d %s%n", i + 1, page.statusCode(),
                        page.body().substring(0, Math.min(200, page.body().length())));
                return null;
            }
            Matcher next = NEXT.matcher(page.body());
            if (!next.find()) {
                throw new IllegalStateException("page " + (i + 1) + " has no next cursor");
            }
            path = CONTACTS + "?limit=50&cursor=" + URLEncoder.encode(next.group(1), StandardCharsets.UTF_8);
        }
        System.out.printf("deep page: walked %d pages in %.1f s%n", pages, (System.nanoTime() - begin) / 1e9);
        return path;
    }

    private HttpResponse<String> get(Karaf karaf, String token, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(karaf.url(path))).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs wrk once (threads = min(connections, 2): wrk and the server share the machine) and parses its line. */
    private static Wrk wrk(String url, String token, int connections, int seconds, Path script, List<String> scriptArgs,
            Path log, String title) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + Math.min(connections, 2), "-c" + connections,
                "-d" + seconds + "s", "--latency", "--timeout", "10s", "-H", "Authorization: Bearer " + token,
                "-s", script.toString(), url));
        command.addAll(scriptArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Files.writeString(log, "### " + title + "\n" + output + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no BENCH line in wrk's output: " + output);
        }
        long requests = Long.parseLong(m.group(1));
        return new Wrk(requests * 1e6 / Long.parseLong(m.group(2)), Long.parseLong(m.group(3)) / 1000.0,
                Long.parseLong(m.group(4)) / 1000.0, Long.parseLong(m.group(5)) / 1000.0, requests,
                Long.parseLong(m.group(6)) + Long.parseLong(m.group(7)), 0, 0);
    }

    private String table(String db, double loadSeconds, Map<String, Endpoint> points, Map<String, String> pending,
            Map<String, List<Wrk>> results) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
                ### %s, %,d contacts

                Loaded in %.1f s with Karaf stopped. Each point: %d s of wrk after a %d s warm-up, %s.

                | endpoint | connections | requests/s | p50 ms | p95 ms | p99 ms | Karaf CPU ms/request | load | failed |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|
                """, db, rows, loadSeconds, seconds, warmup,
                runs == 1 ? "one run" : "medians of " + runs + " runs"));
        for (Map.Entry<String, Endpoint> point : points.entrySet()) {
            if (pending.containsKey(point.getKey())) {
                table.append(String.format("| %s | - | pending (%s) | | | | | | |%n", point.getValue().label(),
                        pending.get(point.getKey())));
                continue;
            }
            for (int c : connections) {
                List<Wrk> runs = results.get(point.getKey() + "@" + c);
                table.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %.2f | %.1f | %d |%n",
                        point.getValue().label(), c, median(runs, Wrk::rps), median(runs, Wrk::p50),
                        median(runs, Wrk::p95), median(runs, Wrk::p99), median(runs, Wrk::karafCpuMs),
                        median(runs, Wrk::load),
                        runs.stream().mapToLong(Wrk::failed).sum()));
            }
        }
        return table.toString();
    }

    private static double median(List<Wrk> runs, java.util.function.ToDoubleFunction<Wrk> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** Where the figures were measured: wrk and Karaf share the machine's cores. */
    private static String machine() throws IOException, InterruptedException {
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().orElse("MemTotal: unknown");
        Process wrk = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
        String version;
        try (InputStream in = wrk.getInputStream()) {
            version = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("wrk");
        }
        wrk.waitFor();
        return Machine.describe() + " " + memory.replaceAll("\\s+", " ") + ". " + version.strip()
                + ", loopback, on the same cores as Karaf (default heap of the distribution, -Xmx1g, G1).\n";
    }

    /** One endpoint: what the table calls it, its path and query, and whether a script picks random ids. */
    private record Endpoint(String label, String path, boolean randomIds) {
    }

    /**
     * One wrk run: requests/s, latency percentiles in ms, requests, failed ones (socket errors and non-2xx), and
     * the CPU time the Karaf process used per request meanwhile, and the load average at the end.
     */
    private record Wrk(double rps, double p50, double p95, double p99, long requests, long failed, double karafCpuMs,
            double load) {
        Wrk measured(double cpuMs, double loadAverage) {
            return new Wrk(rps, p50, p95, p99, requests, failed, cpuMs, loadAverage);
        }
    }

    /** @return the machine's load average over the last minute: wrk and Karaf make about 2-3 of it */
    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** @return the CPU time (user and system, all threads) the process has used so far, in ms */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // utime, stime in ticks of 10 ms
    }

    /**
     * Thread dumps of Karaf ({@code jcmd Thread.print}) every 0.2 s after the last one while one point runs, reduced to where
     * the threads serving requests are: the topmost frame of the product, its database driver, JPA, Jersey or
     * Jetty, or waiting for a pooled connection; and the GC time meanwhile.
     */
    private static final class Profile {
        private static final List<String> PACKAGES = List.of("org.tesseracrm.", "org.postgresql.", "org.apache.derby.",
                "org.eclipse.persistence.", "org.apache.commons.dbcp2.", "org.apache.commons.pool2.",
                "org.glassfish.jersey.", "com.fasterxml.jackson.", "org.eclipse.jetty.");
        private final Map<String, Integer> frames = new LinkedHashMap<>();
        private final Thread sampler;
        private final long pid;
        private final double gcBefore;
        private int samples;

        private Profile(long pid, int seconds) throws IOException, InterruptedException {
            this.pid = pid;
            gcBefore = gcSeconds(pid);
            sampler = new Thread(() -> {
                long end = System.nanoTime() + (seconds - 1) * 1_000_000_000L;
                try {
                    Thread.sleep(500);
                    while (System.nanoTime() < end) {
                        sample(jcmd(pid, "Thread.print"));
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "profile");
            sampler.start();
        }

        static Profile start(long pid, int seconds) throws IOException, InterruptedException {
            return new Profile(pid, seconds);
        }

        private synchronized void sample(String dump) {
            samples++;
            for (String block : dump.split("\\n\\s*\\n")) {
                if (!block.startsWith("\"qtp") || !block.contains("org.eclipse.jetty.server.internal.HttpChannel")) {
                    continue; // not a thread of the web server's pool serving a request
                }
                String where = block.lines().map(String::strip).filter(l -> l.startsWith("at "))
                        .map(l -> l.substring(3)).filter(l -> PACKAGES.stream().anyMatch(l::startsWith)).findFirst()
                        .orElse("(JDK only)");
                String state = block.contains("java.lang.Thread.State: RUNNABLE") ? "running" : "waiting";
                frames.merge(state + " " + where.replaceAll("\\(.*", ""), 1, Integer::sum);
            }
        }

        String report(String title) throws IOException, InterruptedException {
            sampler.join();
            return summary(title);
        }

        private synchronized String summary(String title) throws IOException, InterruptedException {
            double gc = gcSeconds(pid) - gcBefore;
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nWhere the request threads were (%s): "
                    + "%d thread dumps; GC time meanwhile %.2f s.%n%n| threads seen | state, topmost frame "
                    + "of the product, driver, JPA, pool, Jersey or Jetty |%n|---:|---|%n", title, samples, gc));
            frames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                    .forEach(e -> out.append(String.format("| %d | `%s` |%n", e.getValue(), e.getKey())));
            return out.toString();
        }

        private static double gcSeconds(long pid) throws IOException, InterruptedException {
            double seconds = 0;
            for (String line : jcmd(pid, "PerfCounter.print").split("\\R")) {
                if (line.matches("sun\\.gc\\.collector\\.\\d+\\.time=\\d+")) {
                    seconds += Long.parseLong(line.substring(line.indexOf('=') + 1));
                }
            }
            return seconds / 1e9; // ticks of the high-resolution counter: nanoseconds on Linux
        }

        private static String jcmd(long pid, String command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), command).redirectErrorStream(true).start();
            try (InputStream in = process.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor();
                return out;
            }
        }
    }
}
