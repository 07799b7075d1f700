package org.tesseracrm.vaadin.internal;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;

/**
 * Tells the production frontend build (vaadin-maven-plugin, in this module) what to compile into the
 * bundle besides Vaadin's components: the theme {@code src/main/frontend/themes/tessera} and Tessera's own
 * web components ({@code src/main/frontend}), with the npm packages they need. It is never used at runtime;
 * the shell's own app shell ({@code TesseraAppShell}) names the same theme, and the kit's Java components
 * name only their tags (module bundles cannot add npm code: the frontend is built once, here).
 *
 * <ul>
 * <li>{@code <tessera-chart>} (the kit's {@code Chart}): Apache ECharts (Apache-2.0), pinned.</li>
 * </ul>
 */
@Theme("tessera")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./tessera-chart.ts")
public class FrontendBuild implements AppShellConfigurator {
    private static final long serialVersionUID = 1L;
}
