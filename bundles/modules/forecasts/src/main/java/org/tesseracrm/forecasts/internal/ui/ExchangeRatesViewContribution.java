package org.tesseracrm.forecasts.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

import com.vaadin.flow.component.Component;

/** Contributes the exchange rates' admin page at {@code /admin/exchange-rates}, for {@code forecasts.configure}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/exchange-rates", title = "Exchange rates", icon = "vaadin:exchange", group = "Administration",
        order = 65, permission = Forecasts.CONFIGURE)
public class ExchangeRatesViewContribution implements ViewContribution {
    private final Forecasts forecasts;

    /** @param forecasts the forecasts, which keep the rates */
    @Activate
    public ExchangeRatesViewContribution(@Reference Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ExchangeRatesView.class;
    }

    @Override
    public Component createView() {
        return new ExchangeRatesView(forecasts);
    }
}
