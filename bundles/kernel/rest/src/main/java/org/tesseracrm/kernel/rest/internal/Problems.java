package org.tesseracrm.kernel.rest.internal;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** Problem documents written straight to a servlet response, for answers given before Jakarta REST is reached. */
final class Problems {
    private static final ObjectMapper JSON = JsonProvider.mapper();

    private Problems() {
    }

    /**
     * @param response where to write
     * @param status the HTTP status
     * @param detail what went wrong, for the user
     * @param challenge the {@code WWW-Authenticate} header's value, or null for none
     */
    static void write(HttpServletResponse response, int status, String detail, String challenge) throws IOException {
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setContentType(ProblemMapper.PROBLEM_JSON);
        response.setHeader("Cache-Control", "no-store");
        byte[] body = JSON.writeValueAsBytes(Problem.of(status, ProblemMapper.title(status), detail));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
