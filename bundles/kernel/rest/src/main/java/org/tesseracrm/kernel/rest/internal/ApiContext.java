package org.tesseracrm.kernel.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * The API's own servlet context at {@value #PATH}, apart from the Vaadin shell's context at {@code /}: no UI
 * session, no shell security headers; every application of the Jakarta REST whiteboard is served in it.
 */
@Component(service = ServletContextHelper.class, property = {
        "osgi.http.whiteboard.context.name=" + ApiContext.NAME,
        "osgi.http.whiteboard.context.path=" + ApiContext.PATH })
public class ApiContext extends ServletContextHelper {
    /** The context's name. */
    public static final String NAME = "tessera.api";
    /** The context path: the base of every address of the API. */
    public static final String PATH = "/api";
    /** Whiteboard filter that selects this context. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
}
