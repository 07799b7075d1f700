package org.tesseracrm.kernel.ui.internal.web;

import java.net.URL;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.tesseracrm.kernel.ui.internal.vaadin.ShellClassLoader;

/**
 * The servlet context of the whole web UI, at {@code /}. Besides the bundle's own entries it serves
 * the {@code META-INF/resources} of the Vaadin bundle's jars, as a servlet container does for the
 * jars in {@code WEB-INF/lib}; the whiteboard's default context would not.
 */
@Component(service = ServletContextHelper.class, property = {
        "osgi.http.whiteboard.context.name=" + ShellContext.NAME,
        "osgi.http.whiteboard.context.path=/"})
public class ShellContext extends ServletContextHelper {
    /** Name other whiteboard services use to select this context. */
    public static final String NAME = "tessera";
    /** Whiteboard filter that selects this context. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    private final ClassLoader loader = ShellClassLoader.create(); // Vaadin's static resources, then ours
    private final org.osgi.framework.Bundle bundle;

    /** @param context this bundle's context */
    @Activate
    public ShellContext(BundleContext context) {
        super(context.getBundle());
        this.bundle = context.getBundle();
    }

    @Override
    public URL getResource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        if (path.isEmpty() || path.endsWith("/") || path.contains("..")) {
            return null; // no directory listings, no escaping the resource roots
        }
        URL url = loader.getResource("META-INF/resources/" + path);
        return url != null ? url : bundle.getEntry(path);
    }

    @Override
    public Set<String> getResourcePaths(String path) {
        return null;
    }
}
