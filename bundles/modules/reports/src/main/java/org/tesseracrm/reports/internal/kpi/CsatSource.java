package org.tesseracrm.reports.internal.kpi;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.CsatFigures;

/** Customer satisfaction of the CSAT survey responses answered in the period (seed 001, R-ANA-3). */
@Component(service = ReportSource.class)
public class CsatSource extends KpiSource {
    /** The survey kind read. */
    static final String KIND = "CSAT";

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public CsatSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "kpi.csat";
    }

    @Override
    public String title() {
        return "Customer satisfaction (CSAT)";
    }

    @Override
    public String description() {
        return "Survey responses of kind CSAT answered in the period (\"how satisfied are you with us?\", 0 to 10). "
                + "CSAT = answers scoring 8 to 10 / all answers x 100, one decimal; the average score beside it. "
                + "No answers: no figure.";
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        CsatFigures csat = KpiFormulas.csat(SurveyScores.counts(this, context, period, KIND));
        return figures(title, List.of("Satisfied % (8-10)", "Average score", "Satisfied", "Answers"),
                numbers(csat.percentSatisfied(), csat.average(), csat.satisfied(), csat.answers()),
                csat.answers() == 0 ? Optional.of("No satisfaction answers in this period: record survey responses of "
                        + "kind CSAT (Survey responses, New).") : Optional.empty(), Optional.of(SurveyScores.TYPE));
    }

    @Override
    public Optional<Drill> drill(ReportContext context, List<Optional<String>> rowKeys) {
        return SurveyScores.drill(this, context, KIND);
    }
}
