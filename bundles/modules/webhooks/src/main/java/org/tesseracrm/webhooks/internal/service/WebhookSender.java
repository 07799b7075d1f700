package org.tesseracrm.webhooks.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * POSTs a delivery: {@code java.net.http}, HTTP/1.1, connect and read timeouts from the configuration, redirects never
 * followed (a 3xx is a failure: a redirect could lead anywhere, past the address guard), the answer read up to 1 KB.
 * The host is resolved and checked by the {@link AddressGuard} right before each attempt. The client's own lookup
 * that follows normally hits the JVM's address cache (30 s by default), so it connects to the addresses just
 * checked; the client cannot be pinned to them (a fixed address would break the TLS host name check), so a
 * DNS server that answers differently within that instant is the residual DNS-rebinding risk.
 *
 * <p>The client's worker threads are this component's, named {@code tessera-webhooks-http-N}, and stop when it
 * deactivates; its selector thread ends once the client is unreferenced (Java 17 has no {@code HttpClient.close}).
 */
@Component(service = WebhookSender.class, configurationPid = WebhooksConfig.PID)
@Designate(ocd = WebhooksConfig.class)
public class WebhookSender {
    /** The most of the receiver's answer kept in the delivery log. */
    static final int KEPT_RESPONSE = 1024;
    /** The user agent. */
    static final String USER_AGENT = "Tessera-Webhooks/1";

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration readTimeout;
    private final AddressGuard guard;

    /** @param config the timeouts */
    @Activate
    public WebhookSender(WebhooksConfig config) {
        this(config, new AddressGuard(InetAddress::getAllByName));
    }

    WebhookSender(WebhooksConfig config, AddressGuard guard) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = work -> {
            Thread thread = new Thread(work, "tessera-webhooks-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(threads);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(Math.max(1, config.connectTimeoutSeconds()))).executor(executor).build();
        this.readTimeout = Duration.ofSeconds(Math.max(1, config.readTimeoutSeconds()));
        this.guard = guard;
    }

    /** Stops the client's threads. */
    @Deactivate
    public void stop() {
        executor.shutdownNow();
    }

    /** @return the guard, also used when a subscription is saved */
    AddressGuard guard() {
        return guard;
    }

    /**
     * @param webhook the subscription
     * @param secret its signing secret
     * @param uuid the delivery's id
     * @param body the exact body
     * @param now the attempt's time, signed with the body
     * @return what happened
     */
    Attempt send(Webhook webhook, String secret, String uuid, String body, Instant now) {
        AddressGuard.Result<URI> url = AddressGuard.parse(webhook.url());
        if (url.refusal().isPresent()) {
            return Attempt.failed(url.refusal().get());
        }
        AddressGuard.Result<List<InetAddress>> addresses = guard.check(url.value().get(), webhook.allowPrivate());
        if (addresses.refusal().isPresent()) {
            return Attempt.failed(addresses.refusal().get());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url.value().get()).timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Tessera-Webhook-Id", uuid)
                .header("Tessera-Webhook-Timestamp", Long.toString(timestamp))
                .header(Signature.HEADER, Signature.header(secret, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String start;
            try (InputStream in = response.body()) {
                start = new String(in.readNBytes(KEPT_RESPONSE), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            boolean delivered = status >= 200 && status < 300;
            return new Attempt(delivered, OptionalInt.of(status),
                    delivered ? Optional.empty() : Optional.of(status >= 300 && status < 400
                            ? "HTTP " + status + ": redirects are not followed" : "HTTP " + status),
                    start.isEmpty() ? Optional.empty() : Optional.of(start));
        } catch (HttpConnectTimeoutException e) {
            return Attempt.failed("No connection within " + client.connectTimeout().map(Duration::toSeconds).orElse(0L) + " s");
        } catch (HttpTimeoutException e) {
            return Attempt.failed("No answer within " + readTimeout.toSeconds() + " s");
        } catch (IOException e) {
            return Attempt.failed("The connection failed: " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("Interrupted");
        }
    }

    /**
     * An attempt's result.
     *
     * @param delivered whether the receiver answered 2xx
     * @param status its HTTP status, if it answered
     * @param error why it failed, if it did
     * @param response the start of the answer's body
     */
    record Attempt(boolean delivered, OptionalInt status, Optional<String> error, Optional<String> response) {
        static Attempt failed(String why) {
            return new Attempt(false, OptionalInt.empty(), Optional.of(why), Optional.empty());
        }
    }
}
