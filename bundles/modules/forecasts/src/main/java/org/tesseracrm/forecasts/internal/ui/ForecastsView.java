package org.tesseracrm.forecasts.internal.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

import org.tesseracrm.forecasts.api.Figure;
import org.tesseracrm.forecasts.api.Forecast;
import org.tesseracrm.forecasts.api.ForecastOpportunity;
import org.tesseracrm.forecasts.api.ForecastPeriod;
import org.tesseracrm.forecasts.api.ForecastRow;
import org.tesseracrm.forecasts.api.Forecasts;
import org.tesseracrm.forecasts.api.PeriodType;
import org.tesseracrm.forecasts.api.SubjectKind;
import org.tesseracrm.kernel.api.CrmException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The forecast of the signed-in user for a period: their role (its whole subtree), themselves, the other members of
 * their role and the roles below, with target (editable where the service allows it), achieved, pipeline, weighted
 * and % of target. Clicking achieved or pipeline lists exactly the opportunities counted. Element ids:
 * {@code forecasts-view}, {@code forecast-period-type}, {@code forecast-year}, {@code forecast-period},
 * {@code forecast-recalculate}, {@code forecasts-grid}, {@code forecast-missing-rates}, {@code forecast-opportunities}
 * (the drill-down's grid); in the rows the classes {@code forecast-target} (a target field), {@code forecast-achieved}
 * and {@code forecast-pipeline} (the drill-down buttons).
 */
public class ForecastsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient Forecasts forecasts;
    private final Select<PeriodType> type = new Select<>();
    private final IntegerField year = new IntegerField("Year");
    private final Select<Integer> number = new Select<>();
    private final Paragraph heading = new Paragraph();
    private final Paragraph missing = new Paragraph();
    private final Grid<ForecastRow> grid = new Grid<>();
    private transient Forecast shown;

    /** @param forecasts the forecasts service, which checks the permissions and the role scope */
    public ForecastsView(Forecasts forecasts) {
        this.forecasts = forecasts;
        setId("forecasts-view");
        ForecastPeriod current = ForecastPeriod.containing(PeriodType.QUARTER, LocalDate.now());
        type.setLabel("Period");
        type.setId("forecast-period-type");
        type.setItems(PeriodType.values());
        type.setItemLabelGenerator(t -> switch (t) {
            case MONTH -> "Month";
            case QUARTER -> "Quarter";
            case HALF_YEAR -> "Half-year";
        });
        type.setValue(PeriodType.QUARTER);
        year.setId("forecast-year");
        year.setMin(1900);
        year.setMax(9999);
        year.setStepButtonsVisible(true);
        year.setValue(current.year());
        number.setLabel("Which");
        number.setId("forecast-period");
        fillNumbers(current.number());
        type.addValueChangeListener(e -> {
            fillNumbers(1);
            refresh();
        });
        year.addValueChangeListener(e -> refresh());
        number.addValueChangeListener(e -> refresh());
        Button recalculate = new Button("Recalculate", e -> refresh());
        recalculate.setId("forecast-recalculate");
        HorizontalLayout picker = new HorizontalLayout(type, year, number, recalculate);
        picker.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("forecasts-grid");
        grid.addComponentColumn(this::label).setHeader("Role / member").setFlexGrow(2);
        grid.addComponentColumn(this::target).setHeader("Target").setAutoWidth(true);
        grid.addComponentColumn(r -> drill(r, Figure.ACHIEVED)).setHeader("Achieved").setAutoWidth(true);
        grid.addComponentColumn(r -> drill(r, Figure.PIPELINE)).setHeader("Pipeline").setAutoWidth(true);
        grid.addColumn(r -> money(r.weighted())).setHeader("Weighted").setAutoWidth(true);
        grid.addColumn(r -> r.percentOfTarget().map(p -> p.toPlainString() + " %").orElse("–"))
                .setHeader("% of target").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        missing.setId("forecast-missing-rates");
        missing.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new H2("Forecasts"), heading, picker, missing, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Forecasts";
    }

    private void fillNumbers(int selected) {
        PeriodType t = type.getValue() == null ? PeriodType.QUARTER : type.getValue();
        number.setItems(IntStream.rangeClosed(1, t.perYear()).boxed().toList());
        number.setItemLabelGenerator(n -> t == PeriodType.MONTH
                ? java.time.Month.of(n).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                : t.letter() + n);
        number.setValue(Math.min(selected, t.perYear()));
    }

    private Optional<ForecastPeriod> period() {
        if (type.getValue() == null || year.getValue() == null || number.getValue() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ForecastPeriod(type.getValue(), year.getValue(), number.getValue()));
        } catch (IllegalArgumentException e) {
            year.setInvalid(true);
            year.setErrorMessage(e.getMessage());
            return Optional.empty();
        }
    }

    private void refresh() {
        Optional<ForecastPeriod> period = period();
        if (period.isEmpty()) {
            return;
        }
        year.setInvalid(false);
        try {
            shown = forecasts.forecast(period.get());
        } catch (CrmException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        heading.setText(shown.roleName().map(r -> "Your role: " + r + ". ").orElse("You have no role: the forecast "
                + "shows your own figures. ") + period.get().label() + " (" + period.get().start() + " to "
                + period.get().end() + "), amounts in " + shown.reportingCurrency() + ".");
        missing.setText(shown.missingRates().isEmpty() ? "" : "No exchange rate for " + String.join(", ",
                shown.missingRates()) + ": opportunities in " + (shown.missingRates().size() == 1 ? "that currency are"
                        : "those currencies are") + " left out of the figures. An administrator sets the rates under "
                        + "Administration > Exchange rates.");
        missing.setVisible(!shown.missingRates().isEmpty());
        grid.setItems(shown.rows());
    }

    private Component label(ForecastRow row) {
        Span span = new Span(row.label() + (row.subject().kind() == SubjectKind.ROLE ? " (role)" : "")
                + (row.unconverted().isEmpty() ? "" : " *"));
        span.getStyle().set("padding-left", (row.depth() * 1.5) + "em");
        if (row.subject().kind() == SubjectKind.ROLE) {
            span.getStyle().set("font-weight", "600");
        }
        if (!row.unconverted().isEmpty()) {
            span.setTitle("Not converted (no exchange rate): " + row.unconverted());
        }
        return span;
    }

    private Component target(ForecastRow row) {
        if (!row.targetEditable()) {
            return new Span(row.target().map(this::money).orElse("–"));
        }
        BigDecimalField field = new BigDecimalField();
        field.addClassName("forecast-target");
        field.setPlaceholder("Set a target");
        field.setValue(row.target().orElse(null));
        field.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                forecasts.setTarget(shown.period(), row.subject(), Optional.ofNullable(e.getValue()));
                refresh();
            } catch (CrmException ex) {
                field.setInvalid(true);
                field.setErrorMessage(ex.getMessage());
            }
        });
        return field;
    }

    private Component drill(ForecastRow row, Figure figure) {
        BigDecimal amount = figure == Figure.ACHIEVED ? row.achieved() : row.pipeline();
        long count = figure == Figure.ACHIEVED ? row.achievedCount() : row.pipelineCount();
        Button button = new Button(money(amount) + " (" + count + ")", e -> openDrillDown(row, figure));
        button.addClassName(figure == Figure.ACHIEVED ? "forecast-achieved" : "forecast-pipeline");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return button;
    }

    private void openDrillDown(ForecastRow row, Figure figure) {
        List<ForecastOpportunity> found;
        try {
            found = forecasts.opportunities(shown.period(), row.subject(), figure);
        } catch (CrmException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle((figure == Figure.ACHIEVED ? "Won" : "Open") + " opportunities of " + row.label() + ", "
                + shown.period().label() + " (" + found.size() + ")");
        Grid<ForecastOpportunity> list = new Grid<>();
        list.setId("forecast-opportunities");
        list.addColumn(ForecastOpportunity::name).setHeader("Opportunity").setFlexGrow(2);
        list.addColumn(ForecastOpportunity::owner).setHeader("Owner").setAutoWidth(true);
        list.addColumn(ForecastOpportunity::phase).setHeader("Phase").setAutoWidth(true);
        list.addColumn(ForecastOpportunity::closeDate).setHeader("Close date").setAutoWidth(true);
        list.addColumn(o -> o.amount().map(a -> a.toPlainString() + " " + o.currency()).orElse("–"))
                .setHeader("Amount").setAutoWidth(true);
        if (figure == Figure.PIPELINE) {
            list.addColumn(o -> o.expectedAmount().map(a -> a.toPlainString() + " " + o.currency()).orElse("–"))
                    .setHeader("Weighted").setAutoWidth(true);
        }
        list.addColumn(o -> o.converted().map(this::money).orElse(o.amount().isPresent() ? "no rate" : "–"))
                .setHeader("In " + shown.reportingCurrency()).setAutoWidth(true);
        list.setItems(found);
        list.setWidth("min(90vw, 1000px)");
        dialog.add(list);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(amount.scale());
        format.setMaximumFractionDigits(amount.scale());
        return format.format(amount);
    }
}
