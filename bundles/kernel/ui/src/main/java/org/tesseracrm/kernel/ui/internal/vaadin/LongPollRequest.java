package org.tesseracrm.kernel.ui.internal.vaadin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * A push (long-polling) request whose headers stay readable after Jetty has recycled it.
 *
 * <p>Atmosphere keeps the request of a suspended long poll in its resource after the poll has
 * completed. When the session ends (sign-out, expiry) while the browser still has the poll open, the
 * browser's closing message makes Atmosphere read that old request's headers and session again; Jetty
 * 12 has recycled it by then, and every call fails with a NullPointerException, logged as "Exception in
 * push connection" or "Failed to cancel resource". This wrapper answers the headers from a copy taken
 * when the request arrived, and a recycled request has no session.
 */
final class LongPollRequest extends HttpServletRequestWrapper {
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final String contentType;
    private final String characterEncoding;

    LongPollRequest(HttpServletRequest request) {
        super(request);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, List.copyOf(Collections.list(request.getHeaders(name))));
        }
        contentType = request.getContentType();
        characterEncoding = request.getCharacterEncoding();
    }

    /** @return whether the request is Vaadin's push channel ({@code v-r=push}) */
    static boolean isPush(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && query.contains("v-r=push");
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers.getOrDefault(name, List.of()));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(new ArrayList<>(headers.keySet()));
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding;
    }

    @Override
    public HttpSession getSession(boolean create) {
        try {
            return super.getSession(create);
        } catch (NullPointerException | IllegalStateException recycled) {
            return null; // Jetty recycled the request: its session has ended
        }
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }
}
