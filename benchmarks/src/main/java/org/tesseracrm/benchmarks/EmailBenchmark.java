package org.tesseracrm.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailSecurity;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.internal.outbox.SmtpSender;
import org.tesseracrm.email.internal.outbox.StoredMessage;

/**
 * Issue 23's send rate through a real local postfix ({@code .ci/mail}): {@code tessera.bench.messages} campaign-sized
 * messages (HTML with a tracking pixel, three rewritten links and an unsubscribe link, and its text part; about 4 KB)
 * to {@code bench-N@discard.test}, which postfix takes and throws away. Each message goes through the outbox's own
 * {@link SmtpSender} as the send timer calls it: a new SMTP connection per message (Angus Mail under its class loader),
 * first one at a time as the kernel's timer thread sends, then from {@code tessera.bench.threads} threads at once (what
 * postfix would take from several nodes). Then waits until postfix's queue is empty ({@code postqueue -p}), so the
 * figure is what the server took and passed on, not only what the client wrote.
 *
 * <p>Run (from the repository root, {@code .ci/mail} started):
 * {@code flock /tmp/mvn.lock mvn -B -o -q -pl benchmarks compile exec:java -Dexec.mainClass=org.tesseracrm.benchmarks.EmailBenchmark}
 * with {@code -Dtessera.bench.messages=10000}, {@code -Dtessera.bench.threads=4}, {@code -Dtessera.bench.smtp=127.0.0.1:25}.
 * Prints a Markdown table and writes it to {@code target/email-benchmark-results.md}.
 */
public final class EmailBenchmark {
    private static final String DOMAIN = "discard.test";

    final int messages = Integer.getInteger("tessera.bench.messages", 10_000);
    private final int threads = Integer.getInteger("tessera.bench.threads", 4);
    private final String host;
    private final int port;
    private final SmtpSender sender = new SmtpSender(10, 30);
    private final AtomicInteger ids = new AtomicInteger();

    private EmailBenchmark() {
        String[] smtp = System.getProperty("tessera.bench.smtp", "127.0.0.1:25").split(":");
        host = smtp[0];
        port = Integer.parseInt(smtp[1]);
    }

    /**
     * @param args unused; see the class comment for the system properties
     * @throws Exception if postfix is not there or refuses a message
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("tessera.bench.dir", "target"));
        Files.createDirectories(dir);
        EmailBenchmark benchmark = new EmailBenchmark();
        StringBuilder report = new StringBuilder(Machine.describe()).append(
                " Client, Karaf and postfix share the cores, over loopback.\n\n");
        List<String> phases = List.of(System.getProperty("tessera.bench.phases", "smtp,campaign").split(","));
        if (phases.contains("smtp")) {
            report.append(benchmark.run()).append('\n');
        }
        if (phases.contains("campaign")) {
            Path built = Path.of(System.getProperty("tessera.bench.distribution",
                    "karaf-assembly/target/tessera-crm-0.2.0-SNAPSHOT.tar.gz"));
            Path tar = dir.resolve("bench-email-distribution.tar.gz"); // a copy: a build may write it again meanwhile
            Files.copy(built, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            for (String db : System.getProperty("tessera.bench.db", "derby").split(",")) {
                report.append(new CampaignRun(dir, db.strip(), tar, benchmark.messages).run()).append('\n');
                Files.writeString(dir.resolve("email-benchmark-results.md"), report);
            }
        }
        System.out.println(report);
        Files.writeString(dir.resolve("email-benchmark-results.md"), report);
        System.out.println("Written to " + dir.resolve("email-benchmark-results.md"));
    }

    private String run() throws Exception {
        MailAccount account = new MailAccount(1, "Benchmark", "admin", "crm@tessera.test", "Tessera benchmark", host, port,
                MailSecurity.NONE, "", false, "", 0, MailSecurity.NONE, "", false, "INBOX", 10_000, "", true, 1);
        send(account, Math.max(1, messages / 20)); // warm-up: the JIT and postfix's smtpd processes
        awaitEmptyQueue(Duration.ofMinutes(5));

        long begin = System.nanoTime();
        List<Double> serial = send(account, messages);
        double serialSeconds = (System.nanoTime() - begin) / 1e9;
        double serialDrained = awaitEmptyQueue(Duration.ofMinutes(30)) + serialSeconds;

        begin = System.nanoTime();
        List<Double> parallel = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Double>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = messages / threads + (t < messages % threads ? 1 : 0);
                parts.add(pool.submit(() -> send(account, share)));
            }
            for (Future<List<Double>> part : parts) {
                parallel.addAll(part.get());
            }
        } finally {
            pool.shutdown();
        }
        double parallelSeconds = (System.nanoTime() - begin) / 1e9;
        double parallelDrained = awaitEmptyQueue(Duration.ofMinutes(30)) + parallelSeconds;

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "#### SMTP through postfix: %,d messages of %,d bytes to @%s%n%n", messages,
                html(0).length() + text(0).length(), DOMAIN));
        table.append("| Sending | per message median ms | p95 ms | messages/s taken | until postfix's queue was empty |\n"
                + "|---|---:|---:|---:|---:|\n");
        table.append(row("one at a time (the outbox's timer thread)", serial, serialSeconds, serialDrained));
        table.append(row(threads + " threads at once", parallel, parallelSeconds, parallelDrained));
        System.out.print(table);
        return table.toString();
    }

    private String row(String what, List<Double> times, double seconds, double drained) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.0f | %.1f s (%.0f/s) |%n", what, percentile(times, 50),
                percentile(times, 95), times.size() / seconds, drained, times.size() / drained);
    }

    /** @return each message's time, ms; fails at the first message postfix refuses */
    private List<Double> send(MailAccount account, int count) {
        List<Double> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = ids.incrementAndGet();
            Instant now = Instant.now();
            StoredMessage message = new StoredMessage(n, account.id(), false, MailState.QUEUED,
                    "<bench-" + n + "." + System.nanoTime() + "@tessera.test>", "", "", account.fromAddress(),
                    List.of("bench-" + n + "@" + DOMAIN), List.of(), List.of(), "Our spring offer, Bench " + n, html(n),
                    text(n), Map.of("List-Unsubscribe", "<http://localhost:8181/t/u/" + token(n, 'u') + ">"), "admin", now,
                    Optional.empty(), 0, Optional.empty(), Optional.empty(), "", "campaign:1");
            long begin = System.nanoTime();
            SmtpSender.Outcome outcome = sender.send(account, Optional.empty(), message, List.of(), now);
            times.add((System.nanoTime() - begin) / 1e6);
            if (!outcome.sent()) {
                throw new IllegalStateException("message " + n + " not sent: " + outcome.error());
            }
        }
        return times;
    }

    /** @return seconds until {@code postqueue -p} says the queue is empty */
    private static double awaitEmptyQueue(Duration timeout) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        long end = begin + timeout.toNanos();
        while (System.nanoTime() < end) {
            Process p = new ProcessBuilder("postqueue", "-p").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            if (out.contains("Mail queue is empty")) {
                return (System.nanoTime() - begin) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("postfix's queue is not empty after " + timeout);
    }

    private static String token(int n, char kind) {
        return Integer.toHexString(n * 31 + kind) + "a8f3c2d1e0b9a7c6d5e4f3a2b1c0d9e8f7a6b5c4";
    }

    private static String html(int n) {
        StringBuilder html = new StringBuilder("<html><body><p>Dear Bench ").append(n).append(",</p>");
        for (int p = 0; p < 12; p++) {
            html.append("<p>Our spring offer brings you twenty per cent off every plan you renew before the end of "
                    + "the month, and a free onboarding session for your team.</p>");
        }
        for (String link : List.of("pricing", "plans", "contact")) {
            html.append("<p><a href=\"http://localhost:8181/t/c/").append(token(n, 'c')).append(link)
                    .append("\">See our ").append(link).append("</a></p>");
        }
        return html.append("<p><a href=\"http://localhost:8181/t/u/").append(token(n, 'u'))
                .append("\">Unsubscribe</a></p><img src=\"http://localhost:8181/t/o/").append(token(n, 'o'))
                .append("\" width=\"1\" height=\"1\" alt=\"\"></body></html>").toString();
    }

    private static String text(int n) {
        return "Dear Bench " + n + ",\n\n" + "Our spring offer brings you twenty per cent off every plan you renew "
                + "before the end of the month, and a free onboarding session for your team.\n".repeat(12)
                + "\nUnsubscribe: http://localhost:8181/t/u/" + token(n, 'u') + "\n";
    }

    /**
     * A campaign to {@code messages} contacts at {@code @discard.test} on the distribution (its own process, driven over
     * REST): the time until every member is queued in the outbox and until the outbox has handed every message to
     * postfix; then the tracking endpoints under 64 concurrent clients, with the tracking links of a campaign to 64
     * contacts at {@code customer+N@tessera.test} (postfix delivers them to the customer's mailbox, where they are
     * read over IMAP: the links are signed and cannot be made up).
     */
    static final class CampaignRun {
        private static final String PASSWORD = "Bench-Email-2026-secret";
        private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
        private static final Pattern TRACKING = Pattern.compile("(https?://[^\"\\s<>]+/t/(?:o|c)/[^\"\\s<>]+)");
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Path dir;
        private final String db;
        private final Path tar;
        private final int recipients;
        private final int clients = Integer.getInteger("tessera.bench.clients", 64);
        private final int requests = Integer.getInteger("tessera.bench.requests", 100);
        private Karaf karaf;
        private String token;

        CampaignRun(Path dir, String db, Path tar, int recipients) {
            this.dir = dir;
            this.db = db;
            this.tar = tar;
            this.recipients = recipients;
        }

        String run() throws Exception {
            try (Karaf k = Karaf.unpack(tar, dir.resolve("bench-email-" + db))) {
                karaf = k;
                ApiBenchmark.configure(karaf.home(), db);
                if (db.equals("postgresql")) {
                    try (java.sql.Connection emptied = ListBenchmark.Databases.fresh(db, dir)) {
                        emptied.commit();
                    }
                }
                // the 64 benchmark clients share one address: the tracking rate limit (60 at once, 20 a second per
                // address) would answer most of them 429, which is the limit working, not the endpoint's latency
                String base = karaf.url("");
                Files.writeString(karaf.home().resolve("etc/org.tesseracrm.campaigns.cfg"), String.join("\n",
                        "publicUrl = " + (base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
                        "burst = 1000000", "perSecond = 1000000", ""));
                karaf.launch(Map.of("TESSERA_ADMIN_PASSWORD", PASSWORD));
                karaf.awaitHealth(h -> h.contains("\"routes\":[\"contacts\"]"), Duration.ofSeconds(300));
                String installed = karaf.client("admin", PASSWORD, "feature:install crm-campaigns");
                String[] created = karaf.client("admin", PASSWORD, "crm:token-create admin bench").strip().split("\\R");
                token = created[created.length - 1].strip();
                if (!token.startsWith("tsk_")) {
                    throw new IllegalStateException(installed + String.join("\n", created));
                }
                long account = id(until(201, "POST", "/api/v1/email/accounts", "{\"name\":\"Benchmark\","
                        + "\"shared\":true,\"fromAddress\":\"crm@tessera.test\",\"fromName\":\"Tessera\","
                        + "\"smtpHost\":\"127.0.0.1\",\"smtpPort\":25,\"smtpSecurity\":\"NONE\",\"smtpUser\":\"\","
                        + "\"sendPerMinute\":10000,\"enabled\":true}"));
                long template = id(until(201, "POST", "/api/v1/email/templates", "{\"name\":\"Spring offer\","
                        + "\"recordType\":\"contact\",\"subject\":\"Our spring offer, $[Contacts.First Name]\","
                        + "\"html\":\"<p>Dear $[Contacts.First Name|customer],</p><p>" + "Twenty per cent off every plan "
                        + "you renew before the end of the month. ".repeat(10) + "</p><p><a href=\\\"https://example.com/"
                        + "pricing\\\">See our prices</a></p>\",\"shared\":true}"));

                // 64 tracked contacts first: their mail comes to the customer's mailbox with its signed links
                List<Long> tracked = contacts("Tracked", clients, i -> "customer+" + i + "@tessera.test");
                long small = campaign("Tracking", template, account, tracked);
                call(200, "POST", "/api/v1/campaigns/" + small + "/send", "");
                awaitResults(small, r -> r.sent() == clients, Duration.ofMinutes(5));
                List<String> links = trackingLinks(clients, Duration.ofMinutes(2));

                List<Long> ids = contacts("Bench", recipients, i -> "bench-" + i + "@discard.test");
                long big = campaign("Ten thousand", template, account, ids);
                long begin = System.nanoTime();
                call(200, "POST", "/api/v1/campaigns/" + big + "/send", "");
                double queued = awaitResults(big, r -> r.pending() == 0, Duration.ofMinutes(30)) - begin;
                double sent = awaitResults(big, r -> r.sent() + r.failed() + r.skipped() == recipients,
                        Duration.ofMinutes(60)) - begin;
                Results done = results(big);

                List<Double> latencies = track(links);
                long errors = latencies.stream().filter(t -> t < 0).count();
                List<Double> ok = latencies.stream().filter(t -> t >= 0).toList();
                StringBuilder table = new StringBuilder();
                table.append(String.format(Locale.ROOT, "#### Campaign on the distribution, %s: %,d recipients%n%n", db,
                        recipients));
                table.append("| Measure | Figure |\n|---|---:|\n");
                table.append(String.format(Locale.ROOT, "| time to queue every member (send pressed to none pending) | "
                        + "%.1f s (%.0f members/s) |%n", queued / 1e9, recipients / (queued / 1e9)));
                // the results count a member QUEUED or SENT as sent: postfix's log (discard lines) tells when the
                // outbox handed the last message over
                table.append(String.format(Locale.ROOT, "| time until the results count every member sent (queued "
                        + "or sent) | %.1f s (%.0f members/s) |%n", sent / 1e9, recipients / (sent / 1e9)));
                table.append(String.format(Locale.ROOT, "| sent / failed / skipped | %d / %d / %d |%n", done.sent(),
                        done.failed(), done.skipped()));
                table.append(String.format(Locale.ROOT, "| tracking, %d clients x %d requests (opens and clicks): "
                        + "median / p95 / p99 ms | %.2f / %.2f / %.2f |%n", clients, requests, percentile(ok, 50),
                        percentile(ok, 95), percentile(ok, 99)));
                table.append(String.format(Locale.ROOT, "| tracking requests not answered 200/302 | %d of %d |%n",
                        errors, latencies.size()));
                System.out.print(table);
                return table.toString();
            }
        }

        private interface Address {
            String of(int i);
        }

        /** @return the ids of new contacts, created 1,000 per bulk call */
        private List<Long> contacts(String first, int count, Address address) throws Exception {
            List<Long> ids = new ArrayList<>(count);
            for (int from = 0; from < count; from += 1000) {
                StringBuilder body = new StringBuilder("{\"mode\":\"atomic\",\"records\":[");
                for (int i = from; i < Math.min(count, from + 1000); i++) {
                    body.append(i == from ? "" : ",").append("{\"firstName\":\"").append(first).append(' ').append(i)
                            .append("\",\"lastName\":\"Recipient\",\"email\":\"").append(address.of(i)).append("\"}");
                }
                String answer = call(200, "POST", "/api/v1/records/contact/bulk", body.append("]}").toString());
                Matcher m = ID.matcher(answer);
                int before = ids.size();
                while (m.find()) {
                    ids.add(Long.parseLong(m.group(1)));
                }
                if (ids.size() - before != Math.min(count, from + 1000) - from) {
                    throw new IllegalStateException("bulk answer with " + (ids.size() - before) + " ids: "
                            + answer.substring(0, Math.min(500, answer.length())));
                }
            }
            return ids;
        }

        private long campaign(String name, long template, long account, List<Long> members) throws Exception {
            long id = id(call(201, "POST", "/api/v1/records/campaign", "{\"name\":\"" + name + "\",\"template\":"
                    + template + ",\"mailAccount\":" + account + "}"));
            for (int from = 0; from < members.size(); from += 1000) {
                List<Long> part = members.subList(from, Math.min(members.size(), from + 1000));
                call(200, "POST", "/api/v1/campaigns/" + id + "/members", "{\"recordType\":\"contact\",\"ids\":"
                        + part + "}");
            }
            return id;
        }

        record Results(int pending, int sent, int failed, int skipped) {
        }

        private Results results(long campaign) throws Exception {
            String body = call(200, "GET", "/api/v1/campaigns/" + campaign + "/results", "");
            return new Results(number(body, "pending"), number(body, "sent"), number(body, "failed"),
                    number(body, "skipped"));
        }

        /** @return System.nanoTime() when the campaign's results first held */
        private long awaitResults(long campaign, java.util.function.Predicate<Results> condition, Duration timeout)
                throws Exception {
            long end = System.nanoTime() + timeout.toNanos();
            Results last = null;
            while (System.nanoTime() < end) {
                last = results(campaign);
                if (condition.test(last)) {
                    return System.nanoTime();
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("campaign " + campaign + " stuck at " + last);
        }

        /** @return one open and one click link per tracked recipient, read from the customer's mailbox */
        private List<String> trackingLinks(int count, Duration timeout) throws Exception {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<String> links = new ArrayList<>();
                jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
                try (jakarta.mail.Store store = session.getStore("imap")) {
                    store.connect("127.0.0.1", 143, "customer", "customer");
                    jakarta.mail.Folder inbox = store.getFolder("INBOX");
                    inbox.open(jakarta.mail.Folder.READ_ONLY);
                    for (jakarta.mail.Message message : inbox.getMessages()) {
                        String to = String.valueOf(message.getHeader("To") == null ? "" : message.getHeader("To")[0]);
                        if (!to.contains("customer+") || !String.valueOf(message.getSubject()).startsWith("Our spring")) {
                            continue;
                        }
                        Matcher m = TRACKING.matcher(text(message));
                        java.util.Set<String> own = new java.util.LinkedHashSet<>();
                        while (m.find()) {
                            own.add(m.group(1).replace("&amp;", "&"));
                        }
                        own.stream().filter(l -> l.contains("/t/o/")).findFirst().ifPresent(links::add);
                        own.stream().filter(l -> l.contains("/t/c/")).findFirst().ifPresent(links::add);
                    }
                    inbox.close(false);
                }
                if (links.size() >= 2 * count || System.nanoTime() > end) {
                    if (links.isEmpty()) {
                        throw new IllegalStateException("no tracking links in the customer's mailbox");
                    }
                    return links;
                }
                Thread.sleep(1000);
            }
        }

        /** @return the text of a part and the parts inside it */
        private static String text(jakarta.mail.Part part) throws Exception {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(text(multipart.getBodyPart(i))).append('\n');
                }
                return all.toString();
            }
            return content instanceof String text ? text : "";
        }

        /** @return each request's time in ms, negative for an answer other than 200 or 302 */
        private List<Double> track(List<String> links) throws Exception {
            ExecutorService io = Executors.newFixedThreadPool(clients);
            HttpClient tracker = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).executor(io).build();
            List<Double> times = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < requests; i++) {
                            String link = links.get((client * 2 + i) % links.size());
                            long begin = System.nanoTime();
                            HttpResponse<Void> answer = tracker.send(HttpRequest.newBuilder(URI.create(link)).GET()
                                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                            double ms = (System.nanoTime() - begin) / 1e6;
                            times.add(answer.statusCode() == 200 || answer.statusCode() == 302 ? ms : -1);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
                io.shutdown();
            }
            return times;
        }

        private String until(int status, String method, String path, String body) throws Exception {
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            HttpResponse<String> answer = send(method, path, body);
            while (answer.statusCode() != status && System.nanoTime() < end) {
                Thread.sleep(500);
                answer = send(method, path, body);
            }
            if (answer.statusCode() != status) {
                throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }

        private String call(int status, String method, String path, String body) throws Exception {
            HttpResponse<String> answer = send(method, path, body);
            if (answer.statusCode() != status) {
                throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " "
                        + answer.body().substring(0, Math.min(1000, answer.body().length())));
            }
            return answer.body();
        }

        private HttpResponse<String> send(String method, String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(karaf.url(path)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120));
            if (body.isEmpty()) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(body));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static long id(String json) {
            Matcher m = ID.matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no id in " + json);
            }
            return Long.parseLong(m.group(1));
        }

        private static int number(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + json);
            }
            return Integer.parseInt(m.group(1));
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
