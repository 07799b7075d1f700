package org.tesseracrm.kernel.ui.internal.vaadin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class PageRequestsTest {

    private static HttpServletRequest request(String method, String path, String query, String accept) {
        return (HttpServletRequest) Proxy.newProxyInstance(PageRequestsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> path;
                    case "getQueryString" -> query;
                    case "getHeader" -> "Accept".equals(args[0]) ? accept : null;
                    default -> null;
                });
    }

    @Test
    void aBrowserOpeningAnAddressIsAPageLoad() {
        HttpServletRequest request = request("GET", "/contacts/1", null, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertTrue(PageRequests.isPageLoad(request));
        assertEquals("contacts/1", PageRequests.route(request));
        assertEquals("", PageRequests.route(request("GET", null, null, "text/html")));
    }

    @Test
    void vaadinsOwnRequestsAndResourcesAreNot() {
        assertFalse(PageRequests.isPageLoad(request("POST", "/", "v-r=uidl&v-uiId=0", "text/html")));
        assertFalse(PageRequests.isPageLoad(request("GET", "/", "v-r=push&v-uiId=0", "text/html")));
        assertFalse(PageRequests.isPageLoad(request("GET", "/VAADIN/build/index.js", null, "text/html")));
        assertFalse(PageRequests.isPageLoad(request("GET", "/favicon.ico", null, "image/avif,image/webp,*/*")));
        assertFalse(PageRequests.isPageLoad(request("GET", "/contacts", null, null)));
    }
}
