package org.tesseracrm.kernel.ui.internal.vaadin;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

import com.vaadin.flow.server.VaadinServlet;

/**
 * The thread context class loader while Vaadin works, and where the web context finds static
 * resources: the Vaadin bundle ({@code org.tesseracrm.vaadin}) first, then this bundle. Vaadin lives in
 * its own bundle, with the production frontend ({@code META-INF/VAADIN/...}) and the components' static
 * resources ({@code META-INF/resources/...}); Vaadin loads classes (Atmosphere's, its own) and reads
 * the frontend through {@code VaadinService.getClassLoader()}, which is the context class loader at
 * initialisation. This bundle imports only the Vaadin packages its own classes use, so its class loader
 * alone would see neither.
 */
public final class ShellClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ClassLoader shell;

    private ShellClassLoader(ClassLoader vaadin, ClassLoader shell) {
        super("tessera-shell", vaadin);
        this.shell = shell;
    }

    /** @return Vaadin's class loader, then this bundle's */
    public static ClassLoader create() {
        return new ShellClassLoader(VaadinServlet.class.getClassLoader(), ShellClassLoader.class.getClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return shell.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
        return shell.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return shell.getResources(name);
    }
}
