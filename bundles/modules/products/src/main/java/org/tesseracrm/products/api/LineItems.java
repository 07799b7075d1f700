package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The product lines of any record (the shared line model of sales documents: an opportunity's products, a quote's
 * offer detail), stored by the Products module and computed with {@link Money}'s one rule ({@link LineAmounts}).
 *
 * <p><b>Permissions</b> follow the owning record, checked through the record platform on every call: reading needs
 * {@code <module>.view} of the record's type and the record visible to the caller, writing needs
 * {@code <module>.edit} and the record visible; a record the caller does not see is a
 * {@link org.tesseracrm.kernel.api.NotFoundException}, a missing permission a
 * {@link org.tesseracrm.kernel.api.PermissionDeniedException}. Proposing a line needs {@code products.view}.
 *
 * <p><b>Guards.</b> A module may refuse line changes of its records with a {@link LineGuard} service (a sent
 * quote is frozen); {@link #replace} and {@link #copy} ask it first.
 *
 * <p><b>Deleting</b> a record deletes its lines (in the delete's transaction).
 */
@ProviderType
public interface LineItems {
    /** The most lines one document holds. */
    int MAX_LINES = 1000;
    /** The longest line description, in characters. */
    int MAX_DESCRIPTION = 4000;

    /**
     * @param recordType the owning record's type, e.g. {@code opportunity}
     * @param recordId the owning record
     * @return its lines by position (empty when it has none)
     */
    List<LineItem> lines(String recordType, long recordId);

    /**
     * @param recordType the owning record's type
     * @param recordId the owning record
     * @return the currency its lines were saved in; empty when it has no lines
     */
    Optional<String> currency(String recordType, long recordId);

    /**
     * Replaces every line of a record, in one transaction: the one write, so adding, removing, changing and
     * reordering lines are one save (the list's order is the lines' order). Every line is checked and all problems
     * are reported at once in a {@link org.tesseracrm.kernel.api.ValidationException} with fields
     * {@code lines[i].product}, {@code lines[i].description}, {@code lines[i].unitPrice}, {@code lines[i].quantity},
     * {@code lines[i].discountPercent}, {@code lines[i].taxPercent} ({@code i} from 0), {@code lines} (too many) and
     * {@code currency}: quantity more than 0 with at most 4 decimals; price 0 or more with at most the currency's
     * decimals; discount and tax 0 to 100 with at most 4 decimals; the product exists and, for a new line (or a
     * kept line given another product), is active; an {@link LineInput#id id} must be one of this record's
     * lines. Nothing is written when anything is refused.
     *
     * @param recordType the owning record's type
     * @param recordId the owning record
     * @param currency the ISO 4217 code of the document's amounts
     * @param lines the new lines in order; empty removes every line
     * @return the stored lines by position
     * @throws org.tesseracrm.kernel.api.ConflictException (or ValidationException) from the type's
     *     {@link LineGuard}
     */
    List<LineItem> replace(String recordType, long recordId, String currency, List<LineInput> lines);

    /**
     * @param recordType the owning record's type
     * @param recordId the owning record
     * @return the totals of its lines per cost type and overall, in their currency (without lines: zero in the
     *     {@link #defaultCurrency})
     */
    DocumentTotals totals(String recordType, long recordId);

    /**
     * Copies one record's lines onto another, replacing the lines it had (a quote made from an opportunity, a
     * quote's new revision): same products, names and codes as saved, descriptions, prices, quantities, discounts,
     * taxes, order and currency; the products need not be active any more. Needs view of the source and edit of
     * the target; the target's {@link LineGuard} is asked.
     *
     * @param fromType the source record's type
     * @param fromId the source record
     * @param toType the target record's type
     * @param toId the target record
     * @return the target's lines by position
     */
    List<LineItem> copy(String fromType, long fromId, String toType, long toId);

    /**
     * Works out the values a new line starts with (see {@link LineProposal}).
     *
     * @param productId an active product
     * @param quantity the quantity, more than 0
     * @param priceListId the document's price list, in {@code currency}; empty for the product's own price
     * @param currency the document's currency
     * @param on the day whose price applies (the list must be valid on it)
     * @return the proposal
     * @throws org.tesseracrm.kernel.api.ValidationException for an inactive product ({@code product}), a quantity
     *     not above 0 ({@code quantity}), a list in another currency or not valid on the day ({@code priceList})
     * @throws org.tesseracrm.kernel.api.NotFoundException for an unknown product or list
     */
    LineProposal propose(long productId, BigDecimal quantity, Optional<Long> priceListId, String currency,
            LocalDate on);

    /**
     * @return the currency documents use when their record names none: the default of the product currency
     *     pick-list ({@code EUR} unless an admin changed it)
     */
    String defaultCurrency();
}
