package org.tesseracrm.forecasts.internal.ui;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

import com.vaadin.flow.component.Component;

/** Contributes the forecasts at {@code /forecasts} with a menu entry under Sales, for {@code forecasts.view}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "forecasts", title = "Forecasts", icon = "vaadin:trending-up", group = "Sales", order = 50,
        permission = Forecasts.VIEW)
public class ForecastsViewContribution implements ViewContribution {
    private final Forecasts forecasts;

    /** @param forecasts the forecasts */
    @Activate
    public ForecastsViewContribution(@Reference Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ForecastsView.class;
    }

    @Override
    public Component createView() {
        return new ForecastsView(forecasts);
    }
}
