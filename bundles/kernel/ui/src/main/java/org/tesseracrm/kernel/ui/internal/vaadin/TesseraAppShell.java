package org.tesseracrm.kernel.ui.internal.vaadin;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;

/**
 * Application-wide page settings. Push uses long polling: Pax Web's Jetty WebSocket bundle for 11.1.0
 * is not on Maven Central, and WEBSOCKET_XHR does not fall back cleanly without it.
 */
@Theme("tessera")
@Push(value = PushMode.AUTOMATIC, transport = Transport.LONG_POLLING)
public class TesseraAppShell implements AppShellConfigurator {
    private static final long serialVersionUID = 1L;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Tessera CRM");
    }
}
