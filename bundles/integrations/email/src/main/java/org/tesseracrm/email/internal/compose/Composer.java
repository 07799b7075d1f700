package org.tesseracrm.email.internal.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * Turns what a user wrote from a record into a message in the outbox: checks the recipients (field errors on
 * {@code to}, {@code cc}, {@code bcc}, {@code subject}, {@code attachments}), attaches the chosen files of the record
 * (read through the kernel's {@link Attachments}, so only files of a record the caller sees) and the uploads within
 * {@link Mailer#MAX_ATTACHMENTS_BYTES}, and logs the message on the record and on every record whose e-mail field
 * holds one of the recipients (the contact written to). Used by the composer and by the REST resource.
 */
public final class Composer {
    private final AccessControl access;
    private final Mailer mailer;
    private final Suppressions suppressions;
    private final Attachments attachments;
    private final RecordDirectory directory;

    Composer(AccessControl access, Mailer mailer, Suppressions suppressions, Attachments attachments,
            RecordDirectory directory) {
        this.access = access;
        this.mailer = mailer;
        this.suppressions = suppressions;
        this.attachments = attachments;
        this.directory = directory;
    }

    /**
     * @param access checks {@code email.send}
     * @param mailer the outbox
     * @param suppressions for the composer's warning
     * @param attachments the record's files
     * @param records the records written from
     * @param fields their e-mail fields
     * @param types their titles
     * @return a composer acting for the caller of each call
     */
    public static Composer of(AccessControl access, Mailer mailer, Suppressions suppressions, Attachments attachments,
            org.tesseracrm.kernel.api.record.Records records, org.tesseracrm.kernel.api.record.CustomFields fields,
            org.tesseracrm.kernel.api.record.RecordTypes types) {
        return new Composer(access, mailer, suppressions, attachments, new PlatformDirectory(records, fields, types));
    }

    /** @return the finder of a record's recipients, as the caller */
    RecipientFinder finder() {
        return new RecipientFinder(directory);
    }

    /**
     * @param request the message
     * @return it, queued (or skipped when every recipient unsubscribed)
     * @throws ValidationException naming each bad input
     * @throws NotFoundException for a record or file the caller does not see
     */
    public MailMessage send(ComposeRequest request) {
        access.require(MailAccounts.SEND);
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<String>> recipients = Map.of();
        try {
            recipients = Addresses.recipients(request.to(), request.cc(), request.bcc(), Mailer.MAX_RECIPIENTS);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        String subject = request.subject() == null ? "" : request.subject().strip().replaceAll("[\\r\\n]+", " ");
        if (subject.isEmpty()) {
            errors.add(new FieldError("subject", "Enter a subject."));
        } else if (subject.length() > 998) {
            errors.add(new FieldError("subject", "The subject is too long (at most 998 characters)."));
        }
        RecordRef record = request.record() == null ? null : titled(request.record());
        List<MailAttachment> files = new ArrayList<>(request.uploads());
        if (!request.fileIds().isEmpty()) {
            if (record == null) {
                errors.add(new FieldError("attachments", "Files of a record are sent from that record."));
            } else {
                files.addAll(0, recordFiles(record, request.fileIds()));
            }
        }
        long total = files.stream().mapToLong(f -> f.content().length).sum();
        if (total > Mailer.MAX_ATTACHMENTS_BYTES) {
            errors.add(new FieldError("attachments", String.format("The attachments come to %.1f MB; at most %d MB "
                    + "go with one message.", total / 1048576.0, Mailer.MAX_ATTACHMENTS_BYTES >> 20)));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<RecordRef> records = loggedOn(record, request.otherRecords(), recipients);
        OutgoingMail mail = OutgoingMail.to(recipients.get("to"), subject)
                .withCopies(recipients.get("cc"), recipients.get("bcc"))
                .withBody(request.html(), request.text()).withAccount(request.accountId()).withAttachments(files)
                .withRecords(records).withHeaders(Map.of(), request.source());
        return mailer.queue(mail);
    }

    /**
     * @param addresses the recipients typed
     * @return those that bulk mail and campaigns skip (unsubscribed, bounced): the composer warns, one-to-one mail
     *     still goes
     */
    List<String> suppressed(List<String> addresses) {
        return addresses.stream().filter(suppressions::suppressed).toList();
    }

    private RecordRef titled(RecordRef ref) {
        return directory.get(ref.recordType(), ref.id()).map(row -> new RecordRef(ref.recordType(), ref.id(),
                directory.title(ref.recordType(), row))).orElseThrow(() -> new NotFoundException(
                        "No " + ref.recordType() + " #" + ref.id() + " that you may see."));
    }

    private List<MailAttachment> recordFiles(RecordRef record, List<Long> ids) {
        List<MailAttachment> files = new ArrayList<>();
        for (long id : ids.stream().distinct().toList()) {
            Attachment file = attachments.get(record.recordType(), id);
            if (file.recordId() != record.id()) {
                throw new NotFoundException("No file #" + id + " on " + record.title() + ".");
            }
            files.add(new MailAttachment(file.fileName(), file.mediaType(),
                    attachments.content(record.recordType(), id)));
        }
        return files;
    }

    /** The record written from, the others named, and each record whose e-mail field holds a recipient. */
    private List<RecordRef> loggedOn(RecordRef record, List<RecordRef> others, Map<String, List<String>> recipients) {
        Map<String, RecordRef> refs = new LinkedHashMap<>();
        if (record != null) {
            refs.put(record.recordType() + ":" + record.id(), record);
            Set<String> written = recipients.values().stream().flatMap(List::stream).map(Addresses::key)
                    .collect(Collectors.toSet());
            for (RecipientCandidate candidate : finder().candidates(record.recordType(), record.id())) {
                if (written.contains(Addresses.key(candidate.address()))) {
                    refs.putIfAbsent(candidate.record().recordType() + ":" + candidate.record().id(),
                            candidate.record());
                }
            }
        }
        for (RecordRef other : others) {
            RecordRef titled = titled(other);
            refs.putIfAbsent(titled.recordType() + ":" + titled.id(), titled);
        }
        return List.copyOf(refs.values());
    }
}
