package org.tesseracrm.kernel.rest.internal;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** An application's Jersey servlet behind the {@link ApiGuard}: the servlet serves nothing the guard refuses. */
final class GuardedServlet implements Servlet {
    private final Servlet application;
    private final ApiGuard guard;

    GuardedServlet(Servlet application, ApiGuard guard) {
        this.application = application;
        this.guard = guard;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        application.init(config);
    }

    @Override
    public ServletConfig getServletConfig() {
        return application.getServletConfig();
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
            throw new ServletException("The API serves HTTP only");
        }
        guard.serve(http, httpResponse, served -> application.service(served, response));
    }

    @Override
    public String getServletInfo() {
        return application.getServletInfo();
    }

    @Override
    public void destroy() {
        application.destroy();
    }
}
