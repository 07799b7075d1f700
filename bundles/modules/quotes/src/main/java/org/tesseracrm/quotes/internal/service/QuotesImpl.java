package org.tesseracrm.quotes.internal.service;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.opportunities.api.OpportunityContact;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.QuoteFile;
import org.tesseracrm.quotes.api.Quotes;
import org.tesseracrm.quotes.internal.QuotesModule;

/**
 * The quotes service (see {@link Quotes}). Every record it reads or writes goes through {@link Records} as the
 * caller, so the platform checks visibility and permissions on each type (an accepted quote's opportunity needs the
 * caller's {@code opportunities.edit}) and runs every lifecycle participant; each operation is one
 * {@link TransactionScope#required} scope. Its own writes of the quote (number, links, totals, status Sent) carry the
 * added permission {@link QuoteLifecycle#SERVICE_WRITE}, which tells {@link QuoteLifecycle} they come from here.
 */
@Component(service = Quotes.class)
public class QuotesImpl implements Quotes {
    private static final Logger LOG = LoggerFactory.getLogger(QuotesImpl.class);
    static final String OPPORTUNITY = "opportunity";
    static final String CONTACT = "contact";
    private static final int MAX_REVISIONS = 1000;

    private final Records records;
    private final LineItems lines;
    private final Attachments attachments;
    private final AccessControl access;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final QuoteTotals totals;
    /** The opportunity's contacts; the Opportunities module may be stopped. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OpportunityPhases phases;
    /** Makes the PDF (the module's pdf package, on crm-pdf); without it Send keeps no PDF. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile QuoteRenderer renderer;

    /**
     * @param records the quotes, opportunities and contacts
     * @param lines the quotes' and opportunities' lines
     * @param attachments where a sent quote's PDF is kept
     * @param access the caller's permissions
     * @param callers marks the service's own writes
     * @param scope the transactions
     * @param type the quote record type, registered once the module's tables exist
     */
    @Activate
    public QuotesImpl(@Reference Records records, @Reference LineItems lines, @Reference Attachments attachments,
            @Reference AccessControl access, @Reference CallerContext callers, @Reference TransactionScope scope,
            @Reference(target = "(" + RecordType.ID + "=" + QuoteFields.RECORD_TYPE + ")") RecordType type) {
        this.records = records;
        this.lines = lines;
        this.attachments = attachments;
        this.access = access;
        this.callers = callers;
        this.scope = scope;
        this.totals = new QuoteTotals(records, lines, callers, scope);
    }

    @Override
    public RecordRow fromOpportunity(long opportunityId) {
        access.require(QuotesModule.CREATE);
        RecordRow opportunity = records.get(OPPORTUNITY, opportunityId)
                .orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
        return scope.required(c -> {
            RecordValues.Builder values = RecordValues.builder()
                    .set(QuoteFields.SUBJECT, opportunity.text("name"))
                    .set(QuoteFields.OPPORTUNITY, opportunityId);
            opportunity.lookup("company").ifPresent(id -> values.set(QuoteFields.COMPANY, id));
            primaryContact(opportunityId).ifPresent(contact -> {
                values.set(QuoteFields.CONTACT, contact.id());
                values.set(QuoteFields.EMAIL, contact.text("email"));
            });
            Optional<String> currency = lines.currency(OPPORTUNITY, opportunityId)
                    .or(() -> Optional.of(opportunity.text("currency")).filter(s -> !s.isEmpty()));
            currency.ifPresent(cur -> values.set(QuoteFields.CURRENCY, cur));
            RecordRow quote = records.create(QuoteFields.RECORD_TYPE, values.build());
            if (!lines.lines(OPPORTUNITY, opportunityId).isEmpty()) {
                // the caller's own new draft: copying its lines needs no more than making it did
                asService(() -> lines.copy(OPPORTUNITY, opportunityId, QuoteFields.RECORD_TYPE, quote.id()));
            }
            return keepTotals(quote.id());
        });
    }

    /**
     * The opportunity's primary contact: the first whose role says "primary", else the first, whom the caller sees.
     */
    private Optional<RecordRow> primaryContact(long opportunityId) {
        OpportunityPhases service = phases;
        if (service == null) {
            return Optional.empty();
        }
        List<OpportunityContact> contacts = service.contacts(opportunityId).stream()
                .sorted(Comparator.comparing((OpportunityContact c) -> !c.role().toLowerCase(Locale.ROOT)
                        .contains("primary"))).toList();
        for (OpportunityContact contact : contacts) {
            try {
                Optional<RecordRow> row = records.get(CONTACT, contact.contactId());
                if (row.isPresent()) {
                    return row;
                }
            } catch (PermissionDeniedException e) {
                return Optional.empty(); // the caller may not see contacts: the quote gets none
            }
        }
        return Optional.empty();
    }

    @Override
    public RecordRow saveLines(long quoteId, List<LineInput> input) {
        access.require(QuotesModule.EDIT);
        RecordRow quote = open(quoteId);
        return scope.required(c -> {
            lines.replace(QuoteFields.RECORD_TYPE, quoteId, currencyOf(quote), input);
            return keepTotals(quoteId);
        });
    }

    private String currencyOf(RecordRow quote) {
        String currency = quote.text(QuoteFields.CURRENCY);
        return currency.isEmpty() ? lines.defaultCurrency() : currency;
    }

    private RecordRow keepTotals(long quoteId) {
        return totals.keep(quoteId);
    }

    @Override
    public RecordRow send(long quoteId) {
        access.require(QuotesModule.EDIT);
        RecordRow quote = open(quoteId);
        String status = QuoteRules.status(quote);
        if (!QuoteFields.DRAFT.equals(status)) {
            throw new ConflictException("Only a draft quote is sent; this one is " + status.toLowerCase(Locale.ROOT)
                    + " (make a revision to send a changed quote)");
        }
        return scope.required(c -> {
            List<LineItem> items = lines.lines(QuoteFields.RECORD_TYPE, quoteId);
            if (items.isEmpty()) {
                throw new ConflictException("Add at least one line before sending the quote");
            }
            RecordRow withTotals = keepTotals(quoteId);
            RecordRow sent = write(withTotals, RecordValues.builder().set(QuoteFields.STATUS, QuoteFields.SENT).build());
            QuoteRenderer pdf = renderer;
            if (pdf == null) {
                LOG.warn("Quote {} sent without a PDF: no quote renderer (feature crm-pdf) is installed",
                        sent.text(QuoteFields.NUMBER));
            } else {
                QuoteFile file = pdf.render(sent, items, lines.totals(QuoteFields.RECORD_TYPE, quoteId));
                attachments.add(QuoteFields.RECORD_TYPE, quoteId, file.fileName(),
                        new ByteArrayInputStream(file.content()));
            }
            return open(quoteId);
        });
    }

    @Override
    public RecordRow revise(long quoteId) {
        access.require(QuotesModule.CREATE);
        RecordRow quote = open(quoteId);
        if (!QuoteRules.frozen(quote)) {
            throw new ConflictException("This quote is still a draft: change it directly (a revision is made of a "
                    + "quote that was sent)");
        }
        OptionalLong next = quote.lookup(QuoteFields.NEXT_REVISION);
        if (next.isPresent()) {
            throw new ConflictException("This quote already has a later revision (" + titleOf(next.getAsLong())
                    + "): revise that one");
        }
        return scope.required(c -> {
            RecordValues.Builder values = RecordValues.builder();
            QuoteRules.revisionValues(quote).forEach(values::setValue);
            int revision = quote.decimal(QuoteFields.REVISION).map(BigDecimal::intValue).orElse(1) + 1;
            values.set(QuoteFields.NUMBER, quote.text(QuoteFields.NUMBER))
                    .set(QuoteFields.REVISION, revision)
                    .set(QuoteFields.PREVIOUS_REVISION, quoteId)
                    .set(QuoteFields.STATUS, QuoteFields.DRAFT);
            RecordRow created = asService(() -> records.create(QuoteFields.RECORD_TYPE, values.build()));
            asService(() -> lines.copy(QuoteFields.RECORD_TYPE, quoteId, QuoteFields.RECORD_TYPE, created.id()));
            write(open(quoteId), RecordValues.builder().set(QuoteFields.NEXT_REVISION, created.id()).build());
            return keepTotals(created.id());
        });
    }

    private String titleOf(long quoteId) {
        return records.shownTitles(QuoteFields.RECORD_TYPE, List.of(quoteId)).getOrDefault(quoteId, "#" + quoteId);
    }

    @Override
    public RecordRow accept(long quoteId, boolean updateOpportunityAmount) {
        access.require(QuotesModule.EDIT);
        RecordRow quote = open(quoteId);
        requireStatus(quote, QuoteFields.SENT, "accepted");
        return scope.required(c -> {
            RecordRow accepted = write(quote, RecordValues.builder()
                    .set(QuoteFields.STATUS, QuoteFields.ACCEPTED).build());
            if (updateOpportunityAmount) {
                long opportunityId = quote.lookup(QuoteFields.OPPORTUNITY).orElseThrow(() -> new ConflictException(
                        "This quote belongs to no opportunity, so there is no amount to update"));
                RecordRow opportunity = records.get(OPPORTUNITY, opportunityId)
                        .orElseThrow(() -> new NotFoundException("Opportunity", opportunityId));
                RecordValues.Builder values = RecordValues.builder()
                        .set("amount", quote.decimal(QuoteFields.TOTAL).orElse(BigDecimal.ZERO));
                if (!quote.text(QuoteFields.CURRENCY).equals(opportunity.text("currency"))) {
                    values.set("currency", quote.text(QuoteFields.CURRENCY));
                }
                records.update(OPPORTUNITY, opportunityId, opportunity.version(), values.build());
            }
            return accepted;
        });
    }

    @Override
    public RecordRow reject(long quoteId) {
        access.require(QuotesModule.EDIT);
        RecordRow quote = open(quoteId);
        requireStatus(quote, QuoteFields.SENT, "rejected");
        return scope.required(c -> write(quote, RecordValues.builder()
                .set(QuoteFields.STATUS, QuoteFields.REJECTED).build()));
    }

    private static void requireStatus(RecordRow quote, String wanted, String what) {
        String status = QuoteRules.status(quote);
        if (!wanted.equals(status) && !(QuoteFields.EXPIRED.equals(status) && QuoteFields.SENT.equals(wanted))) {
            throw new ConflictException("Only a sent quote is " + what + "; this one is "
                    + status.toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public QuoteFile pdf(long quoteId) {
        access.require(QuotesModule.VIEW);
        RecordRow quote = open(quoteId);
        QuoteRenderer pdf = renderer;
        if (pdf == null) {
            throw new CrmException("Quote PDFs are not available: the PDF renderer (feature crm-pdf) is not installed");
        }
        return pdf.render(quote, lines.lines(QuoteFields.RECORD_TYPE, quoteId),
                lines.totals(QuoteFields.RECORD_TYPE, quoteId));
    }

    @Override
    public List<RecordRow> revisions(long quoteId) {
        access.require(QuotesModule.VIEW);
        RecordRow quote = open(quoteId);
        return records.page(QuoteFields.RECORD_TYPE, RecordQuery.page(0, MAX_REVISIONS).withFilters(List.of(
                Filter.of(QuoteFields.NUMBER, FilterOp.EQUALS, quote.text(QuoteFields.NUMBER))))).stream()
                .sorted(Comparator.comparing((RecordRow r) -> r.decimal(QuoteFields.REVISION).orElse(BigDecimal.ZERO)))
                .toList();
    }

    @Override
    public int expire() {
        access.require(QuotesModule.EDIT);
        // every sent quote, not only those the caller sees: expiry is the same rule for all
        return callers.callAs(Caller.SYSTEM, () -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            RecordQuery sentAndOver = RecordQuery.page(0, RecordQuery.MAX_LIMIT).withFilters(List.of(
                    Filter.of(QuoteFields.STATUS, FilterOp.EQUALS, QuoteFields.SENT),
                    new Filter(QuoteFields.VALID_UNTIL, FilterOp.BETWEEN, List.of("", today.minusDays(1).toString()))));
            int marked = 0;
            List<RecordRow> due;
            do { // a marked quote leaves the filter, so the first page brings the next ones
                due = records.page(QuoteFields.RECORD_TYPE, sentAndOver).stream()
                        .filter(q -> QuoteRules.expired(q, today)).toList();
                for (RecordRow quote : due) {
                    scope.required(c -> write(quote, RecordValues.builder()
                            .set(QuoteFields.STATUS, QuoteFields.EXPIRED).build()));
                    marked++;
                }
            } while (due.size() == RecordQuery.MAX_LIMIT);
            return marked;
        });
    }

    private RecordRow open(long quoteId) {
        return totals.open(quoteId);
    }

    private RecordRow write(RecordRow quote, RecordValues values) {
        return totals.write(quote, values);
    }

    private <T> T asService(Supplier<T> work) {
        return totals.asService(work);
    }
}
