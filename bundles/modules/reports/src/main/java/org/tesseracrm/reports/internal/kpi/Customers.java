package org.tesseracrm.reports.internal.kpi;

import java.util.Map;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;

/**
 * Who is a customer, and since and until when: the companies' custom date fields "Customer since" and "Customer lost
 * on", which an administrator adds (Administration > Fields and pick-lists > Companies) since the Companies module has
 * no such fields of its own. Churn, CLV and referenceable customers read them.
 */
final class Customers {
    /** The company record type. */
    static final String TYPE = "company";
    /** The custom date field of a company's first day as a customer (label "Customer since"). */
    static final String SINCE = "cf_customer_since";
    /** The custom date field of the day a customer was lost (label "Customer lost on"). */
    static final String LOST_ON = "cf_customer_lost_on";
    /** What to add when they are missing. */
    static final String ADD_DATES = "add the Date fields \"Customer since\" and \"Customer lost on\" to Companies "
            + "(Administration > Fields and pick-lists) and fill them: the day a company became a customer and the "
            + "day it cancelled or did not renew";

    private Customers() {
    }

    /**
     * @param source the report
     * @return the companies' fields by name
     * @throws KpiSource.MissingData without the Companies module or the two date fields
     */
    static Map<String, FieldDefinition> require(KpiSource source, String kpi) {
        Map<String, FieldDefinition> fields = source.require(TYPE, "Companies", "crm-companies");
        if (!KpiSource.has(fields, SINCE, FieldType.DATE) || !KpiSource.has(fields, LOST_ON, FieldType.DATE)) {
            throw new KpiSource.MissingData(kpi + " needs to know who is a customer: " + ADD_DATES + ".");
        }
        return fields;
    }
}
