package org.tesseracrm.reports.internal.kpi;

import java.util.List;
import java.util.Map;
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
import org.tesseracrm.reports.internal.kpi.KpiFormulas.NpsFigures;

/** Net Promoter Score of the NPS survey responses answered in the period (seed 001, R-ANA-3). */
@Component(service = ReportSource.class)
public class NpsSource extends KpiSource {
    /** The survey kind read. */
    static final String KIND = "NPS";

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public NpsSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "kpi.nps";
    }

    @Override
    public String title() {
        return "Net Promoter Score (NPS)";
    }

    @Override
    public String description() {
        return "Survey responses of kind NPS answered in the period (\"how likely are you to recommend us?\", 0 to 10): "
                + "promoters score 9-10, passives 7-8, detractors 0-6. NPS = % promoters - % detractors, from -100 to "
                + "100, rounded once to one decimal. No answers: no NPS (not 0).";
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        Map<Integer, Long> counts = SurveyScores.counts(this, context, period, KIND);
        NpsFigures nps = KpiFormulas.nps(counts);
        return figures(title, List.of("NPS", "Promoters (9-10)", "Passives (7-8)", "Detractors (0-6)", "Answers"),
                numbers(nps.score(), nps.promoters(), nps.passives(), nps.detractors(), nps.answers()),
                nps.answers() == 0 ? Optional.of("No NPS answers in this period: record survey responses of kind NPS "
                        + "(Survey responses, New).") : Optional.empty(), Optional.of(SurveyScores.TYPE));
    }

    @Override
    public Optional<Drill> drill(ReportContext context, List<Optional<String>> rowKeys) {
        return SurveyScores.drill(this, context, KIND);
    }
}
