package org.tesseracrm.reports.internal.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;

/** Referenceable customers: the share of current customers who agreed to recommend us (seed 001, R-ANA-3). */
@Component(service = ReportSource.class)
public class ReferenceableSource extends KpiSource {
    /** The custom Yes/No field of companies (label "Referenceable"). */
    static final String REFERENCEABLE = "cf_referenceable";

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public ReferenceableSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "kpi.referenceable";
    }

    @Override
    public String title() {
        return "Referenceable customers";
    }

    @Override
    public String description() {
        return "Referenceable customers = customers with \"Referenceable\" ticked / customers x 100, one decimal, on the "
                + "period's last day: a customer is a company with \"Customer since\" on or before that day and no "
                + "\"Customer lost on\" on or before it. The NPS promoters (9-10) of the period are the first to ask.";
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        Map<String, FieldDefinition> fields = Customers.require(this, "Referenceable customers");
        if (!has(fields, REFERENCEABLE, FieldType.BOOLEAN)) {
            throw new MissingData("Add the Yes/No field \"Referenceable\" to Companies (Administration > Fields and "
                    + "pick-lists) and tick it for the customers who agreed to be a reference.");
        }
        Records records = context.records();
        LocalDate last = period.to();
        Filter customer = upTo(Customers.SINCE, last);
        // lost on or before the last day: not a customer any more
        long lost = count(records, Customers.TYPE, customer, upTo(Customers.LOST_ON, last));
        long customers = count(records, Customers.TYPE, customer) - lost;
        Filter ticked = Filter.of(REFERENCEABLE, FilterOp.EQUALS, "true");
        long referenceable = count(records, Customers.TYPE, customer, ticked)
                - count(records, Customers.TYPE, customer, ticked, upTo(Customers.LOST_ON, last));
        return figures(title, List.of("Referenceable %", "Referenceable customers", "Customers"),
                numbers(KpiFormulas.percent(referenceable, customers), referenceable, customers),
                customers == 0 ? Optional.of("No customer on the period's last day: fill \"Customer since\" on the "
                        + "companies that are customers.") : Optional.empty(), Optional.empty());
    }
}
