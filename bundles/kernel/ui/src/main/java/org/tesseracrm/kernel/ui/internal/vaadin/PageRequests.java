package org.tesseracrm.kernel.ui.internal.vaadin;

import jakarta.servlet.http.HttpServletRequest;

/** Tells a browser's page load (an address typed or followed) from Vaadin's own requests and resources. */
final class PageRequests {

    private PageRequests() {
    }

    /**
     * @param request an HTTP request to the web UI
     * @return whether it loads a page: a GET for HTML that is neither a Vaadin client request
     *     ({@code v-r=...}) nor for a static resource under {@code VAADIN/}
     */
    static boolean isPageLoad(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String accept = request.getHeader("Accept");
        String query = request.getQueryString();
        return accept != null && accept.contains("text/html") && (query == null || !query.contains("v-r="))
                && !route(request).startsWith("VAADIN/");
    }

    /** @return the request's path within the web UI without its leading slash, as Vaadin's routes are */
    static String route(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.isEmpty() ? "" : path.substring(1);
    }
}
