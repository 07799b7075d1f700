package org.tesseracrm.distribution;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real distribution, unpacked from the build's tar.gz and run as its own process with
 * {@code bin/karaf server}, on free ports: the way a user runs it.
 */
final class Distribution implements AutoCloseable {
    private static final Pattern PROPERTY_LINE = Pattern.compile("(?m)^(\\s*%s\\s*=).*$");

    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process launcher;

    private Distribution(Path home, int httpPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    /** Unpacks a fresh copy into {@code dir} (emptied first) and sets free ports. */
    static Distribution unpack(Path target) throws IOException, InterruptedException {
        Path dir = target.toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        String tar = Path.of(System.getProperty("tessera.distribution")).toAbsolutePath().toString();
        String output = run(dir, List.of("tar", "xzf", tar));
        Path home;
        try (Stream<Path> children = Files.list(dir)) {
            home = children.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("unpacking " + tar + " failed: " + output));
        }
        Distribution distribution = new Distribution(home, PaxExamSupport.freePort(), PaxExamSupport.freePort());
        distribution.setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", distribution.httpPort);
        distribution.setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", distribution.sshPort);
        return distribution;
    }

    /** The route of each module the distribution boots with, as /health lists them once the module is up. */
    private static final List<String> MODULE_ROUTES = List.of("activities", "companies", "contacts",
            "reports/unattended-follow-ups");

    /** Starts {@code bin/karaf server} and waits until /health lists the modules; returns the ms it took. */
    long start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** The same with these variables in the server's environment, e.g. {@code TESSERA_ADMIN_PASSWORD}. */
    long start(Map<String, String> environment) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        launch(environment);
        // Every module up with its view: a module's descriptor can come before its view contribution.
        awaitHealth(body -> MODULE_ROUTES.stream().allMatch(route -> body.contains("\"routes\":[\"" + route + "\"]")),
                Duration.ofSeconds(120));
        return (System.nanoTime() - begin) / 1_000_000;
    }

    /** Starts {@code bin/karaf server} without waiting for anything. */
    void launch() throws IOException {
        launch(Map.of());
    }

    /** The same with these variables in the server's environment. */
    void launch(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bin/karaf", "server").directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        launcher = builder.start();
    }

    /** Kills the Karaf JVM with SIGKILL: no shutdown hooks, no clean close of the database. */
    void kill9() throws Exception {
        long pid = Long.parseLong(Files.readString(home.resolve("karaf.pid")).trim());
        ProcessHandle karaf = ProcessHandle.of(pid).orElseThrow();
        karaf.destroyForcibly();
        karaf.onExit().get(60, TimeUnit.SECONDS);
        launcher.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops Karaf cleanly (bin/stop), or kills it if that does not work within a minute. */
    @Override
    public void close() throws Exception {
        if (launcher == null || !launcher.isAlive()) {
            return;
        }
        run(home, List.of("bin/stop"));
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    /**
     * Runs a Karaf shell command through bin/client, as an admin would, signed in as a CRM user with
     * shell access; returns its output.
     */
    String client(String user, String password, String command) throws IOException, InterruptedException {
        return run(home, List.of("bin/client", "-a", String.valueOf(sshPort), "-u", user, "-p", password, command));
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    String health() throws IOException, InterruptedException {
        return get("/health").body();
    }

    /**
     * Sends a GET over a plain socket, as curl would, and returns the response's status line and headers
     * exactly as the server wrote them (no client library in between that might add or fold any).
     */
    String rawHead(String path, String accept) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", httpPort)) {
            return rawHead(socket, path, accept);
        }
    }

    /** The same over TLS on the given port, trusting any certificate (the test's own, self-signed). */
    String rawHeadOverTls(int port, String path) throws IOException, java.security.GeneralSecurityException {
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth) {
                // not asked
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth) {
                // the test made the certificate
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        try (java.net.Socket socket = tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            return rawHead(socket, path, "text/html");
        }
    }

    private static String rawHead(java.net.Socket socket, String path, String accept) throws IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? response : response.substring(0, end);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until /health answers 200 with a body that matches; returns the ms it took. */
    long awaitHealth(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        String last = "(no answer)";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get("/health");
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && condition.test(response.body())) {
                    return (System.nanoTime() - begin) / 1_000_000;
                }
            } catch (IOException notYetListening) {
                last = notYetListening.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/health did not reach the expected state within " + timeout + "; last: " + last
                + "\nconsole: " + tail("console.log") + "\nlog: " + tail("data/log/karaf.log"));
    }

    /** @return the last 40 lines of the server's log, for an assertion's message */
    String logTail() {
        return tail("data/log/karaf.log");
    }

    private String tail(String file) {
        try {
            List<String> lines = Files.readAllLines(home.resolve(file));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ")";
        }
    }

    /** @return the installation's directory */
    Path home() {
        return home;
    }

    /** Runs a program in the installation's directory, e.g. the JDK's keytool; returns its output. */
    String exec(List<String> command) throws IOException, InterruptedException {
        return run(home, command);
    }

    /** Replaces the value of a property in a file under the installation, e.g. {@code etc/x.cfg}; ${...} stays as it is. */
    void setProperty(String file, String key, Object value) throws IOException {
        Path path = home.resolve(file);
        Matcher matcher = Pattern.compile(String.format(PROPERTY_LINE.pattern(), Pattern.quote(key)))
                .matcher(Files.readString(path));
        if (!matcher.find()) {
            throw new IllegalStateException(key + " not found in " + file);
        }
        Files.writeString(path, matcher.replaceFirst("$1 " + Matcher.quoteReplacement(String.valueOf(value))));
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
            throw new AssertionError(command + " did not finish");
        }
        return output;
    }

    private static void deleteRecursively(Path dir) throws IOException {
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
