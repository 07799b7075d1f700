package org.tesseracrm.kernel.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.CreatedApiToken;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The guard's answers: 401 without a usable token, 429 over the rate, 403 for a read-only token's writes. */
class ApiGuardTest {
    private static final String GOOD = "tsk_good";
    private static final String READER = "tsk_reader";
    private static final long JSON_BYTES = 1000;
    private static final long UPLOAD_BYTES = 5000;
    private static final ApiToken WRITER_TOKEN = token(1, "sally", ApiTokenScope.READ_WRITE);
    private static final ApiToken READER_TOKEN = token(2, "rita", ApiTokenScope.READ);

    private final AtomicReference<ApiToken> boundToken = new AtomicReference<>();
    private final AtomicReference<Caller> boundCaller = new AtomicReference<>();

    @Test
    void withoutATokenTheAnswerIs401WithABearerChallenge() throws Exception {
        Answer answer = call(guard(20, 100), "GET", "/api/v1/me", null);
        assertEquals(401, answer.status);
        assertEquals("Bearer realm=\"tessera\"", answer.headers.get("WWW-Authenticate"));
        assertEquals(ProblemMapper.PROBLEM_JSON, answer.contentType);
        assertTrue(answer.body.startsWith("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401"), answer.body);
        assertFalse(answer.served);
        assertEquals(401, call(guard(20, 100), "GET", "/api/v1/me", "Basic YWRtaW46YWRtaW4=").status, "not a bearer token");
        assertEquals(401, call(guard(20, 100), "GET", "/api/v1/me", "Bearer ").status);
    }

    @Test
    void anUnknownRevokedOrExpiredTokenIs401InvalidToken() throws Exception {
        Answer answer = call(guard(20, 100), "GET", "/api/v1/me", "Bearer tsk_revoked");
        assertEquals(401, answer.status);
        assertEquals("Bearer realm=\"tessera\", error=\"invalid_token\"", answer.headers.get("WWW-Authenticate"));
        assertFalse(answer.served);
        assertFalse(answer.body.contains("tsk_revoked"), "the secret is not echoed");
    }

    @Test
    void aGoodTokenRunsTheCallAsItsUserWithTheTokenBound() throws Exception {
        Answer answer = call(guard(20, 100), "POST", "/api/v1/me", "bearer " + GOOD);
        assertTrue(answer.served);
        assertEquals(new Caller("sally"), boundCaller.get());
        assertEquals(WRITER_TOKEN, boundToken.get());
        assertEquals(200, answer.status);
    }

    @Test
    void theTokenBucketAnswers429WithRetryAfter() throws Exception {
        ApiGuard guard = guard(1, 2);
        assertTrue(call(guard, "GET", "/api/v1/me", "Bearer " + GOOD).served);
        assertTrue(call(guard, "GET", "/api/v1/me", "Bearer " + GOOD).served);
        Answer limited = call(guard, "GET", "/api/v1/me", "Bearer " + GOOD);
        assertEquals(429, limited.status);
        assertEquals("1", limited.headers.get("Retry-After"));
        assertEquals(ProblemMapper.PROBLEM_JSON, limited.contentType);
        assertFalse(limited.served);
        assertTrue(call(guard, "GET", "/api/v1/me", "Bearer " + READER).served, "another token has its own bucket");
    }

    @Test
    void aReadOnlyTokenMayReadButNotWrite() throws Exception {
        assertTrue(call(guard(20, 100), "GET", "/api/v1/me", "Bearer " + READER).served);
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Answer answer = call(guard(20, 100), method, "/api/v1/contacts", "Bearer " + READER);
            assertEquals(403, answer.status, method);
            assertFalse(answer.served, method);
            assertTrue(answer.body.contains("read-only"), answer.body);
        }
    }

    @Test
    void thePingNeedsNoToken() throws Exception {
        Answer answer = call(guard(20, 100), "GET", "/api/v1/ping", null);
        assertTrue(answer.served);
        assertNull(boundCaller.get(), "and runs as nobody");
        assertEquals(401, call(guard(20, 100), "GET", "/api/v1/ping/../me", null).status, "only the ping's exact address");
    }

    @Test
    void bodiesOverTheLimitAreRefusedBeforeTheyAreReadAndChunkedOnesAreReadOnlyUpToIt() throws Exception {
        ApiGuard guard = guard(20, 100);
        Answer tooLong = call(guard, "POST", "/api/v1/records/contact", "Bearer " + GOOD, "application/json",
                JSON_BYTES + 1, null);
        assertEquals(413, tooLong.status);
        assertFalse(tooLong.served);
        assertTrue(tooLong.body.contains("The request body is " + (JSON_BYTES + 1) + " bytes"), tooLong.body);

        Answer chunkedTooLong = call(guard, "POST", "/api/v1/records/contact", "Bearer " + GOOD, "application/json", -1,
                new byte[(int) JSON_BYTES + 1]);
        assertEquals(413, chunkedTooLong.status);
        Answer chunked = call(guard, "POST", "/api/v1/records/contact", "Bearer " + GOOD, "application/json", -1,
                new byte[(int) JSON_BYTES]);
        assertTrue(chunked.served);
        assertEquals(JSON_BYTES, chunked.read, "the resource reads the whole body the guard read");

        String form = "multipart/form-data; boundary=x";
        assertTrue(call(guard, "POST", "/api/v1/records/contact/1/attachments", "Bearer " + GOOD, form,
                UPLOAD_BYTES + BodyLimit.FORM_ROOM, null).served, "a file of the attachments' limit fits");
        Answer bigFile = call(guard, "POST", "/api/v1/records/contact/1/attachments", "Bearer " + GOOD, form,
                UPLOAD_BYTES + BodyLimit.FORM_ROOM + 1, null);
        assertEquals(413, bigFile.status);
        assertTrue(bigFile.body.contains("files may have at most " + UPLOAD_BYTES + " bytes"), bigFile.body);
        assertEquals(411, call(guard, "POST", "/api/v1/records/contact/1/attachments", "Bearer " + GOOD, form, -1,
                new byte[10]).status);
        assertEquals(401, call(guard, "POST", "/api/v1/records/contact", null, "application/json", JSON_BYTES + 1, null)
                .status, "no token: 401 before any size check");
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndNeedsASecret() {
        assertEquals(Optional.of("x"), ApiGuard.bearer("Bearer x"));
        assertEquals(Optional.of("x"), ApiGuard.bearer("BEARER x "));
        assertEquals(Optional.empty(), ApiGuard.bearer("Bearerx"));
        assertEquals(Optional.empty(), ApiGuard.bearer(null));
    }

    private ApiGuard guard(double perSecond, int burst) {
        Attachments attachments = (Attachments) Proxy.newProxyInstance(ApiGuardTest.class.getClassLoader(),
                new Class<?>[] {Attachments.class}, (proxy, m, args) -> {
                    if (m.getName().equals("maxBytes")) {
                        return UPLOAD_BYTES;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return new ApiGuard(tokens(), callers(), attachments, new ApiGuard.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ApiGuard.Config.class;
            }

            @Override
            public double rate_requestsPerSecond() {
                return perSecond;
            }

            @Override
            public int rate_burst() {
                return burst;
            }

            @Override
            public long body_maxBytes() {
                return JSON_BYTES;
            }
        });
    }

    private static ApiTokens tokens() {
        return new ApiTokens() {
            @Override
            public Optional<ApiToken> authenticate(String secret) {
                return GOOD.equals(secret) ? Optional.of(WRITER_TOKEN)
                        : READER.equals(secret) ? Optional.of(READER_TOKEN) : Optional.empty();
            }

            @Override
            public CreatedApiToken create(String username, ApiTokenRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ApiToken> list(String username) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ApiToken> listAll() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ApiToken revoke(long id) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private CallerContext callers() {
        return new CallerContext() {
            @Override
            public Optional<Caller> current() {
                return Optional.ofNullable(boundCaller.get());
            }

            @Override
            public <T> T callAs(Caller caller, Supplier<T> work) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> T callWithToken(ApiToken token, Supplier<T> work) {
                boundToken.set(token);
                boundCaller.set(new Caller(token.username()));
                return work.get();
            }
        };
    }

    private static ApiToken token(long id, String user, ApiTokenScope scope) {
        return new ApiToken(id, user, "test", scope, Set.of(), Instant.EPOCH, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** What the guard answered, and whether it let the request through. */
    private static final class Answer {
        int status = 200;
        String contentType;
        String body = "";
        boolean served;
        int read;
        final Map<String, String> headers = new HashMap<>();
    }

    private static Answer call(ApiGuard guard, String method, String uri, String authorization) throws Exception {
        return call(guard, method, uri, authorization, null, -1, null);
    }

    /**
     * @param contentType the body's type, or null
     * @param length its Content-Length, or -1
     * @param chunked a body sent without a length (Transfer-Encoding: chunked), or null
     */
    private static Answer call(ApiGuard guard, String method, String uri, String authorization, String contentType,
            long length, byte[] chunked) throws Exception {
        Answer answer = new Answer();
        InputStream in = new ByteArrayInputStream(chunked == null ? new byte[0] : chunked);
        ServletInputStream body = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(ApiGuardTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "/api";
                    case "getHeader" -> "Authorization".equals(args[0]) ? authorization
                            : "Transfer-Encoding".equals(args[0]) && chunked != null ? "chunked" : null;
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> length;
                    case "getInputStream" -> body;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(ApiGuardTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "setContentLength" -> { }
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
        guard.serve(request, response, served -> {
            answer.served = true;
            answer.read = served.getInputStream().readAllBytes().length;
        });
        answer.body = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        return answer;
    }
}
