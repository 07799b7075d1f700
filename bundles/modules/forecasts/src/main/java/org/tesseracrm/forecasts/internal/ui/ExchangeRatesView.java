package org.tesseracrm.forecasts.internal.ui;

import java.util.Optional;

import org.tesseracrm.forecasts.api.ExchangeRate;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration of the forecasts' reporting currency and exchange rates. Element ids: {@code reporting-currency},
 * {@code reporting-currency-save}, {@code rate-currency}, {@code rate-value}, {@code rate-save}, {@code rates-grid};
 * the rows' remove buttons have the class {@code rate-remove}.
 */
public class ExchangeRatesView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient Forecasts forecasts;
    private final TextField reporting = new TextField("Reporting currency");
    private final Grid<ExchangeRate> grid = new Grid<>();

    /** @param forecasts the forecasts service, which checks {@code forecasts.configure} */
    public ExchangeRatesView(Forecasts forecasts) {
        this.forecasts = forecasts;
        setId("exchange-rates-view");
        reporting.setId("reporting-currency");
        reporting.setMaxLength(3);
        Button saveReporting = new Button("Save", e -> run(() -> forecasts.setReportingCurrency(reporting.getValue()),
                "The reporting currency is now " + reporting.getValue().strip().toUpperCase(java.util.Locale.ROOT)
                        + ". Review the rates: they were entered into the old one."));
        saveReporting.setId("reporting-currency-save");
        HorizontalLayout reportingRow = new HorizontalLayout(reporting, saveReporting);
        reportingRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        TextField currency = new TextField("Currency");
        currency.setId("rate-currency");
        currency.setMaxLength(3);
        currency.setPlaceholder("USD");
        BigDecimalField rate = new BigDecimalField("Rate");
        rate.setHelperText("Units of the reporting currency per unit");
        rate.setWidth("16em");
        rate.setId("rate-value");
        Button save = new Button("Set rate", e -> {
            try {
                forecasts.setRate(currency.getValue(), Optional.ofNullable(rate.getValue())
                        .or(() -> Optional.of(java.math.BigDecimal.ZERO)));
                currency.clear();
                rate.clear();
                currency.setInvalid(false);
                rate.setInvalid(false);
                refresh();
            } catch (ValidationException ex) {
                ex.errors().forEach(error -> {
                    if ("rate".equals(error.field())) {
                        rate.setInvalid(true);
                        rate.setErrorMessage(error.message());
                    } else {
                        currency.setInvalid(true);
                        currency.setErrorMessage(error.message());
                    }
                });
            } catch (CrmException ex) {
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("rate-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout rateRow = new HorizontalLayout(currency, rate, save);
        rateRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("rates-grid");
        grid.addColumn(ExchangeRate::currency).setHeader("Currency").setAutoWidth(true);
        grid.addColumn(r -> r.rate().toPlainString()).setHeader("1 unit is worth").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button remove = new Button("Remove", e -> run(() -> forecasts.setRate(r.currency(), Optional.empty()),
                    "Removed the rate of " + r.currency() + "."));
            remove.addClassName("rate-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        });
        grid.setAllRowsVisible(true);
        add(new H2("Exchange rates"), new Paragraph("Forecasts show every amount in the reporting currency. An "
                + "opportunity in another currency is converted at its rate here (units of the reporting currency per "
                + "unit); opportunities in a currency without a rate are left out of the figures and named on the "
                + "forecast."), reportingRow, rateRow, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Exchange rates";
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done);
            refresh();
        } catch (CrmException ex) {
            Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        reporting.setValue(forecasts.reportingCurrency());
        grid.setItems(forecasts.rates());
    }
}
