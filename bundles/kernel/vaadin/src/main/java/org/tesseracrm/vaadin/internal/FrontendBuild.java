package org.tesseracrm.vaadin.internal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;

/**
 * Tells the production frontend build (vaadin-maven-plugin, in this module) which theme to compile
 * into the bundle: {@code src/main/frontend/themes/tessera}. It is never used at runtime; the shell's
 * own app shell ({@code TesseraAppShell}) names the same theme.
 */
@Theme("tessera")
public class FrontendBuild implements AppShellConfigurator {
    private static final long serialVersionUID = 1L;
}
