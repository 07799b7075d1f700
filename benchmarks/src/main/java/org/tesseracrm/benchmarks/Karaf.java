package org.tesseracrm.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built distribution (karaf-assembly's tar.gz) unpacked and run as its own process with
 * {@code bin/karaf server} on free ports, administered with {@code bin/client}, and looked into with the
 * JDK's {@code jcmd}: what the hot-deploy and start-up benchmarks drive.
 */
final class Karaf implements AutoCloseable {
    /** The route of each module of the Sales profile, as /health lists it once the module is up. */
    static final List<String> MODULE_ROUTES = List.of("activities", "companies", "contacts",
            "reports/unattended-follow-ups");
    /** Felix's bundle class loader: one per resolved bundle revision. */
    static final String BUNDLE_LOADER = "org.apache.felix.framework.BundleWiringImpl$BundleClassLoader";

    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process launcher;

    private Karaf(Path home, int httpPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    /** Unpacks a fresh copy of the tar.gz into {@code dir} (emptied first) and sets free ports. */
    static Karaf unpack(Path tar, Path dir) throws IOException, InterruptedException {
        delete(dir);
        Files.createDirectories(dir);
        run(dir, List.of("tar", "xzf", tar.toAbsolutePath().toString()));
        Path home;
        try (Stream<Path> children = Files.list(dir)) {
            home = children.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("unpacking " + tar + " failed"));
        }
        Karaf karaf = new Karaf(home, freePort(), freePort());
        karaf.setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", karaf.httpPort);
        karaf.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", karaf.sshPort);
        return karaf;
    }

    /** Starts {@code bin/karaf server}; returns at once. */
    void launch() throws IOException {
        launch(java.util.Map.of());
    }

    /** Starts {@code bin/karaf server} with these variables added to its environment; returns at once. */
    void launch(java.util.Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bin/karaf", "server").directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        launcher = builder.start();
    }

    /** @return whether /health says UP and lists every module of the profile with its route */
    static boolean everyModuleReady(String health) {
        return MODULE_ROUTES.stream().allMatch(route -> health.contains("\"routes\":[\"" + route + "\"]"));
    }

    /** Waits until /health answers 200 with a body that matches; returns the ms it took. */
    long awaitHealth(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        String last = "(no answer)";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/health")))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && condition.test(response.body())) {
                    return (System.nanoTime() - begin) / 1_000_000;
                }
            } catch (IOException notYetListening) {
                last = notYetListening.toString();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("/health did not reach the expected state within " + timeout + "; last: " + last);
    }

    /** Runs a Karaf shell command through bin/client as a CRM user with shell access; returns its output. */
    String client(String user, String password, String command) throws IOException, InterruptedException {
        return run(home, List.of("bin/client", "-a", String.valueOf(sshPort), "-u", user, "-p", password, command));
    }

    /** @return the Karaf JVM's process id */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(home.resolve("karaf.pid")).trim());
    }

    /**
     * Runs a full GC (the class histogram of live objects forces one, and unloads classes of unreachable
     * class loaders), then reads the live heap and the live bundle class loaders; keeps the histogram in a file.
     */
    Heap heap(Path histogramFile) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String histogram = run(home, List.of(jcmd, String.valueOf(pid()), "GC.class_histogram"));
        Files.writeString(histogramFile, histogram); // to compare what grew between two points
        long loaders = 0;
        long bytes = -1;
        for (String line : histogram.split("\n")) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 4 && cells[3].equals(BUNDLE_LOADER)) {
                loaders = Long.parseLong(cells[1]);
            } else if (cells.length >= 3 && cells[0].equals("Total")) {
                bytes = Long.parseLong(cells[2]);
            }
        }
        if (bytes < 0) {
            throw new IllegalStateException("no class histogram: " + histogram);
        }
        return new Heap(loaders, bytes);
    }

    /** Writes a heap dump of the live objects, e.g. to find what keeps an old bundle class loader. */
    void heapDump(Path file) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(home, List.of(jcmd, String.valueOf(pid()), "GC.heap_dump", file.toAbsolutePath().toString()));
    }

    /** Live bundle class loaders and live heap after a full GC. */
    record Heap(long bundleLoaders, long liveBytes) {
        double liveMb() {
            return liveBytes / (1024.0 * 1024.0);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    Path home() {
        return home;
    }

    /** Stops Karaf cleanly (bin/stop) and waits for its JVM to end; kills it after a minute. */
    void stop() throws IOException, InterruptedException {
        if (launcher == null || !launcher.isAlive()) {
            return;
        }
        long pid = pid();
        run(home, List.of("bin/stop"));
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            launcher.waitFor(30, TimeUnit.SECONDS);
        }
        ProcessHandle.of(pid).ifPresent(karaf -> karaf.onExit().join());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private void setProperty(String file, String key, Object value) throws IOException {
        Path path = home.resolve(file);
        Matcher matcher = Pattern.compile("(?m)^(\\s*" + Pattern.quote(key) + "\\s*=).*$").matcher(Files.readString(path));
        if (!matcher.find()) {
            throw new IllegalStateException(key + " not found in " + file);
        }
        Files.writeString(path, matcher.replaceFirst("$1 " + value));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish");
        }
        return output;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
