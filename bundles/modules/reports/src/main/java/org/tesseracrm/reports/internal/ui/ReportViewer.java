package org.tesseracrm.reports.internal.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.ReportResult;

/**
 * A report shown as it is, without the builder: the ready-made reports bundles contribute (with their definition),
 * and every report for users without {@code reports.build}. A period (from, to) and Run, the export links, the
 * chart and the table with click-through. Ids: {@code report-viewer}, {@code report-back}, {@code report-title},
 * {@code report-definition}, {@code report-period-from}, {@code report-period-to}, {@code report-run},
 * {@code report-export-xlsx}, {@code report-export-csv}, and the result's ({@link ResultPanel}).
 */
final class ReportViewer extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient ReportServices services;
    private final transient ReportInfo info;
    private final transient List<Figures.Kind> kinds;
    private final PeriodFields period = new PeriodFields("From", "To");
    private final ResultPanel result;

    /**
     * @param services the reports service
     * @param info the report
     * @param kinds what each measure's figures are, when known (a saved report); none: plain numbers
     * @param back shows the report list again
     */
    ReportViewer(ReportServices services, ReportInfo info, List<Figures.Kind> kinds, Runnable back) {
        this.services = services;
        this.info = info;
        this.kinds = kinds;
        this.result = new ResultPanel(services.kit());
        setId("report-viewer");
        setWidthFull();
        Button backButton = new Button("Reports", VaadinIcon.ARROW_LEFT.create(), e -> back.run());
        backButton.setId("report-back");
        backButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H2 title = new H2(info.name());
        title.setId("report-title");
        Paragraph definition = new Paragraph(info.description());
        definition.setId("report-definition");
        definition.getStyle().set("white-space", "pre-line").set("color", "var(--lumo-secondary-text-color)");
        definition.setVisible(!info.description().isBlank());
        Button run = new Button("Run", VaadinIcon.PLAY.create(), e -> run());
        run.setId("report-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(period.from, period.to, run);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        for (ExportFormat format : ExportFormat.values()) {
            bar.add(ExportLinks.link(services.reports(), info.key(), info.name(), format, period::quiet,
                    "report-export-" + format.extension(), false));
        }
        add(backButton, title, definition, bar, result);
        run();
    }

    /** Runs the report as the user for the period, and shows it. */
    private void run() {
        period.to.setInvalid(false);
        try {
            Optional<Period> when = period.period();
            ReportResult answer = services.reports().run(info.key(), when);
            ChartKind chart = info.chart();
            result.show(answer, chart, kinds, Optional.of(keys -> services.reports().drill(info.key(), keys, when)));
        } catch (ValidationException e) {
            result.clear();
            if (e.errors().get(0).field().equals("period")) {
                period.to.setErrorMessage(e.errors().get(0).message());
                period.to.setInvalid(true);
            } else {
                Toasts.error(e.errors().get(0).message());
            }
        } catch (CrmException e) {
            result.clear();
            Toasts.error(e.getMessage());
        }
    }
}
