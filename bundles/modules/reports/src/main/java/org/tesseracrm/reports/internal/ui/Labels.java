package org.tesseracrm.reports.internal.ui;

import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.ReportSort;

/** What the builder's and the e-mail schedule's selects show for the report API's choices. */
final class Labels {
    private Labels() {
    }

    /** @return how a chart kind is named, e.g. "Stacked bar" */
    static String chart(ChartKind kind) {
        return switch (kind) {
            case TABLE -> "Table only";
            case BAR -> "Bar";
            case STACKED_BAR -> "Stacked bar";
            case LINE -> "Line";
            case PIE -> "Pie";
            case DONUT -> "Donut";
            case FUNNEL -> "Funnel";
            case KPI -> "KPI tile";
        };
    }

    /** @return how a date bucket is named, e.g. "Quarter" */
    static String bucket(DateBucket bucket) {
        return switch (bucket) {
            case DAY -> "Day";
            case WEEK -> "Week";
            case MONTH -> "Month";
            case QUARTER -> "Quarter";
            case YEAR -> "Year";
        };
    }

    /** @return how an aggregate is named, e.g. "Average" */
    static String aggregate(Aggregate aggregate) {
        return switch (aggregate) {
            case COUNT -> "Count";
            case SUM -> "Sum";
            case AVG -> "Average";
            case MIN -> "Minimum";
            case MAX -> "Maximum";
        };
    }

    /** @return how an e-mail schedule's frequency is named, e.g. "Every Monday" */
    static String frequency(Frequency frequency) {
        return switch (frequency) {
            case NONE -> "Never";
            case DAILY -> "Every day";
            case WEEKLY -> "Every Monday";
            case MONTHLY -> "On the 1st of every month";
        };
    }

    /** @return how a row order is named */
    static String sort(ReportSort sort) {
        return switch (sort) {
            case GROUPS -> "In the groupings' order";
            case VALUE_DESC -> "First measure, largest first";
            case VALUE_ASC -> "First measure, smallest first";
        };
    }
}
