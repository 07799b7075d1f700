package org.tesseracrm.kernel.ui.internal.vaadin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class LongPollRequestTest {
    private final AtomicBoolean recycled = new AtomicBoolean();
    private final Map<String, String> headers = Map.of("X-Atmosphere-Transport", "long-polling",
            "Content-Type", "application/json; charset=UTF-8");

    /** Like Jetty 12's request: every call fails once it has been recycled. */
    private HttpServletRequest jettyRequest(String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    if (recycled.get()) {
                        throw new NullPointerException("getRequest() is null");
                    }
                    return switch (m.getName()) {
                        case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                        case "getHeaders" -> Collections.enumeration(List.of(headers.get((String) args[0])));
                        case "getContentType" -> "application/json; charset=UTF-8";
                        case "getCharacterEncoding" -> "UTF-8";
                        case "getQueryString" -> query;
                        default -> null;
                    };
                });
    }

    @Test
    void keepsAnsweringHeadersAfterJettyRecycledTheRequest() {
        LongPollRequest request = new LongPollRequest(jettyRequest("v-r=push&v-uiId=0"));
        recycled.set(true);
        assertEquals("long-polling", request.getHeader("x-atmosphere-transport"));
        assertEquals("application/json; charset=UTF-8", request.getContentType());
        assertEquals("UTF-8", request.getCharacterEncoding());
        assertNull(request.getHeader("X-Atmosphere-tracking-id"));
        assertEquals(2, Collections.list(request.getHeaderNames()).size());
        assertNull(request.getSession(false), "a recycled request has no session");
    }

    @Test
    void onlyPushRequestsAreWrapped() {
        assertTrue(LongPollRequest.isPush(jettyRequest("v-r=push&v-uiId=0&v-pushId=x")));
        assertFalse(LongPollRequest.isPush(jettyRequest("v-r=uidl&v-uiId=0")));
        assertFalse(LongPollRequest.isPush(jettyRequest(null)));
    }
}
