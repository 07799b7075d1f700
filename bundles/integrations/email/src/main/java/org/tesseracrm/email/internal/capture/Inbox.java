package org.tesseracrm.email.internal.capture;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;

/**
 * The e-mail inbox: captured mail that matched no record, for users to file on a record or to make a lead of. A user
 * with {@link MailAccounts#SEND} sees the unmatched mail of their own mailbox, and with {@link MailAccounts#MANAGE}
 * also that of the shared mailboxes. Filing goes through {@link MailLog#file}, which checks that the caller may edit
 * the record; a lead is created through {@link Records#create} as the caller (so with {@code leads.create}).
 */
@Component(service = Inbox.class)
public class Inbox {
    /** The record type a sender becomes. */
    public static final String LEAD = "lead";
    /** The most messages listed. */
    public static final int MAX_LIST = 500;
    private static final int PREVIEW = 300;

    private final DataSource dataSource;
    private final TransactionScope scope;
    private final AccessControl access;
    private final MailLog log;
    private final Records records;
    private final RecordTypes types;

    /**
     * One unmatched message, as the inbox lists it.
     *
     * @param id the message in the log
     * @param accountId the account it came into
     * @param account the account's name
     * @param shared whether the account is shared
     * @param from the sender, e.g. {@code Alice Example <alice@example.com>}
     * @param to the recipients
     * @param subject the subject
     * @param receivedAt its date
     * @param preview the start of its text
     */
    public record Item(long id, long accountId, String account, boolean shared, String from, List<String> to,
            String subject, Instant receivedAt, String preview) {
    }

    /**
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param access the caller's permissions
     * @param log the message log (files messages on records)
     * @param records the record platform (creates leads)
     * @param types the installed record types
     * @param schema present once the module's tables exist
     */
    @Activate
    public Inbox(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionScope scope, @Reference AccessControl access, @Reference MailLog log,
            @Reference Records records, @Reference RecordTypes types,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.email)") MigratedSchema schema) {
        this.dataSource = dataSource;
        this.scope = scope;
        this.access = access;
        this.log = log;
        this.records = records;
        this.types = types;
    }

    /**
     * @param limit at most this many, newest first (1 to {@value #MAX_LIST})
     * @return the unmatched mail of the caller's mailbox, and of the shared ones with {@link MailAccounts#MANAGE}
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link MailAccounts#SEND}
     */
    public List<Item> list(int limit) {
        access.require(MailAccounts.SEND);
        if (limit < 1 || limit > MAX_LIST) {
            throw new ValidationException(List.of(new FieldError("limit", "Give a limit from 1 to " + MAX_LIST + ".")));
        }
        return query(Optional.empty(), limit);
    }

    private List<Item> query(Optional<Long> messageId, int limit) {
        Caller caller = access.require(MailAccounts.SEND);
        List<Object> params = new ArrayList<>(List.of(caller.username(), access.permitted(MailAccounts.MANAGE) ? 1 : 0));
        messageId.ifPresent(params::add);
        return ModuleSql.query(dataSource, "SELECT M.ID, M.ACCOUNT_ID, A.NAME, A.OWNER, M.FROM_ADDRESS, M.TO_ADDRESSES, "
                + "M.SUBJECT, M.SENT_AT, M.CREATED_AT, M.TEXT_BODY FROM CRM_EMAIL_MESSAGE M JOIN CRM_EMAIL_ACCOUNT A ON "
                + "A.ID = M.ACCOUNT_ID WHERE M.STATE = 'UNMATCHED' AND M.DIRECTION = 'IN' AND (A.OWNER = ? OR "
                + "(A.OWNER IS NULL AND 1 = ?))" + (messageId.isPresent() ? " AND M.ID = ?" : "") + " ORDER BY M.ID DESC", params, limit, rs -> {
                    Timestamp sent = rs.getTimestamp(8);
                    String text = rs.getString(10);
                    return new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4) == null,
                            rs.getString(5), lines(rs.getString(6)), rs.getString(7),
                            (sent == null ? rs.getTimestamp(9) : sent).toInstant(), preview(text));
                });
    }

    /**
     * @param messageId a message
     * @return it, if it is in the caller's inbox
     */
    public Optional<Item> find(long messageId) {
        return query(Optional.of(messageId), 1).stream().findFirst();
    }

    /**
     * Files a message of the caller's inbox on a record.
     *
     * @param messageId the message
     * @param recordType the record's type
     * @param recordId the record (the caller must be allowed to edit it)
     * @return the message, now logged on the record
     * @throws NotFoundException if the message is not in the caller's inbox
     */
    public MailMessage file(long messageId, String recordType, long recordId) {
        require(messageId);
        return log.file(messageId, recordType, recordId);
    }

    /**
     * Makes a lead of a message's sender (name and e-mail from its {@code From}) and files the message on it.
     *
     * @param messageId a message of the caller's inbox
     * @return the message, now logged on the new lead
     * @throws NotFoundException if the message is not in the caller's inbox
     * @throws ValidationException if the leads module is not installed
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code leads.create}
     */
    public MailMessage createLead(long messageId) {
        Item item = require(messageId);
        if (types.find(LEAD).isEmpty()) {
            throw new ValidationException(List.of(new FieldError("recordType",
                    "The Leads module is not installed: file the message on a record instead.")));
        }
        return scope.required(c -> {
            RecordRow lead = records.create(LEAD, RecordValues.ofText(leadValues(item.from())));
            return log.file(messageId, LEAD, lead.id());
        });
    }

    /**
     * @param from a sender as stored, e.g. {@code "Alice Example" <alice@example.com>}
     * @return a lead's first name, last name and e-mail from it (the address's local part as last name when the
     *     sender gave no name)
     */
    static java.util.Map<String, String> leadValues(String from) {
        String address = from == null ? "" : from.strip();
        String name = "";
        try {
            InternetAddress parsed = new InternetAddress(address, false);
            address = parsed.getAddress() == null ? "" : parsed.getAddress();
            name = parsed.getPersonal() == null ? "" : parsed.getPersonal().strip();
        } catch (AddressException e) {
            // keep the text as it is
        }
        address = address.toLowerCase(Locale.ROOT);
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        if (name.isEmpty() || name.equalsIgnoreCase(address)) {
            int at = address.indexOf('@');
            values.put("lastName", cut(at > 0 ? address.substring(0, at) : address, 100));
        } else {
            int space = name.lastIndexOf(' ');
            if (space > 0) {
                values.put("firstName", cut(name.substring(0, space).strip(), 100));
                values.put("lastName", cut(name.substring(space + 1).strip(), 100));
            } else {
                values.put("lastName", cut(name, 100));
            }
        }
        if (address.contains("@") && address.length() <= 254) {
            values.put("email", address);
        }
        return values;
    }

    private Item require(long messageId) {
        return find(messageId).orElseThrow(() -> new NotFoundException("No message " + messageId
                + " waits in your e-mail inbox."));
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String preview(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > PREVIEW ? oneLine.substring(0, PREVIEW) + "…" : oneLine;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
