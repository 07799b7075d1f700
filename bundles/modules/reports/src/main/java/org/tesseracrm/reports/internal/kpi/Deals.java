package org.tesseracrm.reports.internal.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;

/** The opportunities the outcome KPIs read: won or lost, closed in a period. */
final class Deals {
    static final String TYPE = "opportunity";
    static final String CLOSE_DATE = "closeDate";
    /** A custom pick-list of opportunities an administrator may add (label "Type"). */
    static final String DEAL_TYPE = "cf_type";
    static final String NEW_BUSINESS = "New business";
    static final String UPSELL = "Upsell";
    static final String CROSS_SELL = "Cross-sell";
    static final String RENEWAL = "Renewal";
    static final String ADD_TYPE = "add a pick-list field \"Type\" with the values New business, Upsell, Cross-sell "
            + "and Renewal to Opportunities (Administration > Fields and pick-lists) and fill it on every deal";

    private Deals() {
    }

    /**
     * @param source the report
     * @return the opportunities' fields
     */
    static Map<String, FieldDefinition> require(KpiSource source) {
        return source.require(TYPE, "Opportunities", "crm-opportunities");
    }

    /**
     * @param fields the opportunities' fields
     * @return whether the deal type pick-list is there
     */
    static boolean typed(Map<String, FieldDefinition> fields) {
        return KpiSource.has(fields, DEAL_TYPE, FieldType.PICKLIST);
    }

    /**
     * @param phases phase names
     * @param what "won" or "lost", for the notice
     * @return the filter keeping opportunities in those phases
     * @throws KpiSource.MissingData if there is none
     */
    static Filter inPhases(java.util.Set<String> phases, String what) {
        if (phases.isEmpty()) {
            throw new KpiSource.MissingData("No opportunity phase is of kind " + what + ": set the kind of the phases "
                    + "that close a deal (Administration > Opportunity phases).");
        }
        return new Filter("phase", FilterOp.IN, List.copyOf(phases));
    }

    /**
     * @param fields the opportunities' fields
     * @param period the period
     * @param context the run
     * @param phase the phase filter
     * @return opportunities in those phases whose close date falls in the period
     */
    static List<Filter> closed(Map<String, FieldDefinition> fields, Period period, ReportContext context, Filter phase) {
        List<Filter> filters = new ArrayList<>();
        filters.add(phase);
        filters.add(KpiSource.in(fields.get(CLOSE_DATE), period, context));
        return filters;
    }
}
