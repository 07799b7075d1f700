package org.tesseracrm.campaigns.internal.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * The tracking endpoints' own servlet context at {@value #PATH}, apart from the web UI's context at {@code /} (no UI
 * session, no login) and the API's at {@code /api}.
 */
@Component(service = ServletContextHelper.class, property = {
        "osgi.http.whiteboard.context.name=" + TrackingContext.NAME,
        "osgi.http.whiteboard.context.path=" + TrackingContext.PATH })
public class TrackingContext extends ServletContextHelper {
    /** The context's name. */
    public static final String NAME = "tessera.campaigns.tracking";
    /** The context path. */
    public static final String PATH = "/t";
    /** Whiteboard filter that selects this context. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
}
