package org.tesseracrm.kernel.rest.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.CallerContext;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bearer authentication for every call of the API except {@value #PING}: {@code Authorization: Bearer <secret>} of a
 * personal API token ({@link ApiTokens#authenticate}). Without one, or with one that is unknown, revoked or expired,
 * or whose user is deactivated or locked out: 401 with {@code WWW-Authenticate: Bearer}. Then, per token, a rate limit
 * (429 with {@code Retry-After}), and a read-only token may not {@code POST}, {@code PUT}, {@code PATCH} or
 * {@code DELETE} (403), and a request body larger than the limits ({@link BodyLimit}) is refused (413). The call
 * then runs as the token's user with the token bound ({@link CallerContext#callWithToken}), so every service applies
 * that user's permissions and visibility, the audit trail marks the changes as made through the API, and resources
 * can check the token's record types.
 * <p>
 * {@link ServletAdapter} puts it in front of every application's servlet, so nothing in {@code /api} is served
 * without it (rather than a separate whiteboard filter, which a servlet could be served without for a moment).
 */
@Component(service = ApiGuard.class, configurationPid = ApiGuard.PID)
@Designate(ocd = ApiGuard.Config.class)
public class ApiGuard {
    /** The configuration PID of the API's rate limit. */
    public static final String PID = "org.tesseracrm.kernel.rest";
    /** The one address answered without a token: whether the API is up. */
    static final String PING = "/v1/ping";
    static final String CHALLENGE = "Bearer realm=\"tessera\"";
    private static final Logger LOG = LoggerFactory.getLogger(ApiGuard.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String BEARER = "bearer ";
    /** A bulk call of 1,000 records of ordinary size fits in 4 MiB. */
    static final long DEFAULT_BODY_BYTES = 4L * 1024 * 1024;

    /** The API's rate limit per token. */
    @ObjectClassDefinition(name = "Tessera REST API", description = "Rate limit of each API token (per node)")
    public @interface Config {
        /** @return the average calls a second each token may make; 0 turns the limit off */
        @AttributeDefinition(name = "Requests per second", description = "Average calls a second per API token; 0: no limit")
        double rate_requestsPerSecond() default 20;

        /** @return the calls a token may make at once before the average applies */
        @AttributeDefinition(name = "Burst", description = "Calls an API token may make at once", min = "1")
        int rate_burst() default 100;

        /** @return the most bytes of a JSON request body */
        @AttributeDefinition(name = "Largest JSON body", description = "Bytes of the largest JSON request body "
                + "(uploads are limited by the attachments' size)", min = "1024")
        long body_maxBytes() default DEFAULT_BODY_BYTES;
    }

    /** The rest of the request's handling. */
    @FunctionalInterface
    interface Chain {
        /**
         * Serves the request.
         *
         * @param request the request, or a copy of it whose body was read to check its size
         */
        void proceed(HttpServletRequest request) throws IOException, ServletException;
    }

    private final ApiTokens tokens;
    private final CallerContext callers;
    private final Attachments attachments;
    private volatile RateLimiter limiter;
    private volatile long bodyBytes;

    /**
     * @param tokens checks the secrets
     * @param callers binds the token's user to the call
     * @param attachments the size limit of uploads
     * @param config the rate limit and the body size limit
     */
    @Activate
    public ApiGuard(@Reference ApiTokens tokens, @Reference CallerContext callers, @Reference Attachments attachments,
            Config config) {
        this.tokens = tokens;
        this.callers = callers;
        this.attachments = attachments;
        modified(config);
    }

    /** A changed rate limit applies at once, with full buckets. */
    @Modified
    void modified(Config config) {
        limiter = new RateLimiter(config.rate_requestsPerSecond(), config.rate_burst());
        bodyBytes = config.body_maxBytes();
        LOG.debug("API rate limit per token: {}/s, burst {}", config.rate_requestsPerSecond(), config.rate_burst());
    }

    /**
     * Serves a request of the API if its token lets it, else answers the problem.
     *
     * @param request the request
     * @param response the response
     * @param chain what serves the request
     */
    void serve(HttpServletRequest request, HttpServletResponse response, Chain chain) throws IOException, ServletException {
        if (PING.equals(pathOf(request))) {
            chain.proceed(request);
            return;
        }
        Optional<String> secret = bearer(request.getHeader("Authorization"));
        if (secret.isEmpty()) {
            Problems.write(response, 401, "Send a personal API token: Authorization: Bearer <token>.", CHALLENGE);
            return;
        }
        Optional<ApiToken> token;
        try {
            token = tokens.authenticate(secret.get());
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Checking an API token failed (error id {})", errorId, e);
            Problems.write(response, 503, "The API cannot check tokens right now. If it persists, give your administrator"
                    + " error id " + errorId + ".", null);
            return;
        }
        if (token.isEmpty()) {
            Problems.write(response, 401, "This API token is unknown, revoked or expired, or its user cannot sign in.",
                    CHALLENGE + ", error=\"invalid_token\"");
            return;
        }
        long wait = limiter.acquire(token.get().id(), System.nanoTime());
        if (wait > 0) {
            long seconds = RateLimiter.retryAfterSeconds(wait);
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(response, 429, "Too many calls with this API token. Try again in " + seconds
                    + (seconds == 1 ? " second." : " seconds."), null);
            return;
        }
        if (token.get().scope() == ApiTokenScope.READ && WRITES.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            Problems.write(response, 403, "This API token is read-only: it may not " + request.getMethod() + ".",
                    CHALLENGE + ", error=\"insufficient_scope\"");
            return;
        }
        BodyLimit.Verdict body = BodyLimit.check(request, bodyBytes, attachments.maxBytes());
        if (body instanceof BodyLimit.Refuse refused) {
            Problems.write(response, refused.status(), refused.detail(), null);
            return;
        }
        run(token.get(), ((BodyLimit.Accept) body).request(), chain);
    }

    private void run(ApiToken token, HttpServletRequest request, Chain chain) throws IOException, ServletException {
        try {
            callers.callWithToken(token, () -> {
                try {
                    chain.proceed(request);
                    return null;
                } catch (IOException | ServletException e) {
                    throw new Escaped(e);
                }
            });
        } catch (Escaped e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
    }

    /** @return the secret of an {@code Authorization: Bearer} header (the scheme in any case), if it has one */
    static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String secret = authorization.substring(BEARER.length()).trim();
        return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    /** @return the address within the API, e.g. {@code /v1/ping}, undecoded */
    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** Carries a checked exception of the chain through {@link CallerContext#callWithToken}. */
    private static final class Escaped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Escaped(Exception cause) {
            super(cause);
        }
    }
}
