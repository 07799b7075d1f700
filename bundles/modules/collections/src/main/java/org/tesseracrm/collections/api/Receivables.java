package org.tesseracrm.collections.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * The Collections module's service: the obligations of collections and the aging of what is outstanding. Every
 * method checks the caller's permissions ({@code collections.view}, {@code collections.edit} to change) and the
 * collections' visibility (the record platform's: their owners), and an API token's record types.
 */
@ProviderType
public interface Receivables {
    /**
     * @param collectionId a collection the caller sees
     * @return its obligations by position
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see it
     */
    List<Obligation> obligations(long collectionId);

    /**
     * Replaces a collection's obligations with these, in one transaction, and keeps its totals (total amount,
     * outstanding, overdue, next due date).
     *
     * @param collectionId a collection the caller may edit
     * @param obligations every obligation it is to have, in order (those left out are removed)
     * @return the collection with its new totals
     * @throws org.tesseracrm.kernel.api.ValidationException with one error per wrong value, named
     *     {@code obligations[i].amount}, {@code obligations[i].dueDate}..., nothing saved
     */
    RecordRow saveObligations(long collectionId, List<ObligationInput> obligations);

    /**
     * The aging of the outstanding amounts (obligations not written off) of the collections the caller sees: the
     * database reads only those obligations, and the module puts them into buckets and rows.
     *
     * @param by the rows: per customer or per collector
     * @param asOf the day to count days past due to; empty for {@link #today()}
     * @return the rows and the totals per currency
     */
    AgingReport aging(AgingBy by, Optional<LocalDate> asOf);

    /**
     * The obligations counted in one cell of the {@link #aging}.
     *
     * @param by the aging's rows
     * @param key a row's {@link AgingRow#key()}
     * @param currency the row's currency
     * @param bucket the column; empty for the whole row
     * @param asOf the aging's day; empty for {@link #today()}
     * @return the obligations, most days past due first (at most 1,000)
     */
    List<AgedObligation> agedObligations(AgingBy by, String key, String currency, Optional<AgingBucket> bucket,
            Optional<LocalDate> asOf);

    /**
     * Brings the overdue amount and next due date of collections up to date once a due date has passed (they are
     * kept as of the UTC day): the module's hourly timer calls it.
     *
     * @return how many collections changed
     */
    int refreshDue();

    /** @return today in the caller's time zone: the aging's default day */
    LocalDate today();
}
