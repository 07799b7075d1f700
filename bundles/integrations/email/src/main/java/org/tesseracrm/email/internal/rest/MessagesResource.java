package org.tesseracrm.email.internal.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.email.internal.compose.Composer;
import org.tesseracrm.email.internal.compose.MessageRequests;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/email/messages}: send a message (from a record, with a template or free text, with the record's
 * files), a record's mail, and one message. The services check {@code email.send} and record visibility for the
 * token's user; each method also checks the permission first. A whiteboard resource with its properties written
 * out, as the webhooks module does, so the bundle installs without crm-rest.
 */
@Component(service = MessagesResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.email.messages", "osgi.jakartars.extension.select=" + MessagesResource.JSON})
@Path("v1/email/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
    /** The REST runtime's JSON provider. */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final AccessControl access;
    private final MailLog log;
    private final MessageRequests requests;

    /**
     * @param access checks {@code email.send}
     * @param log the records' mail
     * @param templates renders a template named in a request
     * @param mailer the outbox
     * @param suppressions (the composer's)
     * @param attachments the record's files
     * @param records the records
     * @param fields their fields
     * @param types their titles
     */
    @Activate
    public MessagesResource(@Reference AccessControl access, @Reference MailLog log,
            @Reference MailTemplates templates, @Reference Mailer mailer, @Reference Suppressions suppressions,
            @Reference Attachments attachments, @Reference Records records, @Reference CustomFields fields,
            @Reference RecordTypes types) {
        this.access = access;
        this.log = log;
        this.requests = new MessageRequests(templates,
                Composer.of(access, mailer, suppressions, attachments, records, fields, types));
    }

    /**
     * @param request the message
     * @return 202 with the message, queued (its state says SKIPPED when every recipient unsubscribed)
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(MessageRequest request) {
        access.require(MailAccounts.SEND);
        if (request == null) {
            throw new ValidationException(List.of(new FieldError("body", "Send the message as JSON.")));
        }
        RecordRef record = ref(request.record());
        List<RecordRef> others = request.records() == null ? List.of()
                : request.records().stream().map(MessagesResource::ref).filter(java.util.Objects::nonNull).toList();
        // a token limited to some record types touches only those
        if (record != null) {
            access.requireRecordType(record.recordType());
        }
        others.forEach(other -> access.requireRecordType(other.recordType()));
        MailMessage queued = requests.send(new MessageRequests.Input(request.account(), request.to(), request.cc(),
                request.bcc(), request.subject(), request.html(), request.text(), request.templateId(), record, others,
                request.attachments()));
        return Response.accepted(MessageView.of(queued)).location(URI.create("v1/email/messages/" + queued.id()))
                .build();
    }

    /**
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @return its mail, newest first
     */
    @GET
    public List<MessageView> forRecord(@QueryParam("recordType") String recordType,
            @QueryParam("recordId") Long recordId) {
        readable();
        if (recordType == null || recordType.isBlank() || recordId == null) {
            throw new ValidationException(List.of(new FieldError("recordType",
                    "Name the record: ?recordType=contact&recordId=12.")));
        }
        access.requireRecordType(recordType);
        return log.forRecord(recordType, recordId).stream().map(MessageView::of).toList();
    }

    /** @return one message logged on a record the caller sees, or queued by the caller */
    @GET
    @Path("{id}")
    public MessageView get(@PathParam("id") long id) {
        readable();
        return MessageView.of(log.get(id));
    }

    private void readable() {
        if (!access.permitted(MailAccounts.MANAGE)) {
            access.require(MailAccounts.SEND);
        }
    }

    private static RecordRef ref(RecordKey key) {
        if (key == null) {
            return null;
        }
        if (key.type() == null || key.type().isBlank() || key.id() == null) {
            throw new ValidationException(List.of(new FieldError("record", "A record is {\"type\": ..., \"id\": ...}.")));
        }
        return new RecordRef(key.type(), key.id(), "");
    }

    /**
     * A record named in a request.
     *
     * @param type its record type id
     * @param id its id
     */
    public record RecordKey(String type, Long id) {
    }

    /**
     * A message to send.
     *
     * @param account the account id; omitted for the caller's default
     * @param to recipients
     * @param cc copy recipients
     * @param bcc blind copy recipients
     * @param subject the subject; omitted with a template: the template's
     * @param html the HTML body; omitted with a template: the template's
     * @param text the plain-text body; omitted: derived from the HTML
     * @param templateId a template rendered for {@code record}
     * @param record the record written from
     * @param records further records to log the message on
     * @param attachments ids of files attached to {@code record}
     */
    public record MessageRequest(Long account, List<String> to, List<String> cc, List<String> bcc, String subject,
            String html, String text, Long templateId, RecordKey record, List<RecordKey> records,
            List<Long> attachments) {
    }

    /**
     * A record a message is logged on.
     *
     * @param type its record type id
     * @param id its id
     * @param title its title as the caller sees it
     */
    public record RecordView(String type, long id, String title) {
    }

    /**
     * A message as the API shows it.
     *
     * @param id its id
     * @param account the account it went through or came from
     * @param state QUEUED, SENT, FAILED, SKIPPED, RECEIVED or UNMATCHED
     * @param inbound whether it was captured
     * @param messageId its Message-ID header
     * @param from the sender
     * @param to recipients
     * @param cc copy recipients
     * @param subject the subject
     * @param html the HTML body
     * @param text the plain-text body
     * @param attachments the attached files' names
     * @param records the records it is logged on
     * @param createdBy who queued it
     * @param createdAt when it was queued or captured
     * @param sentAt when it was sent or received
     * @param attempts sending attempts
     * @param error the last error
     * @param source what queued it: record, api, bulk, automation, campaign:&lt;id&gt;
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageView(long id, Long account, String state, boolean inbound, String messageId, String from,
            List<String> to, List<String> cc, String subject, String html, String text, List<String> attachments,
            List<RecordView> records, String createdBy, String createdAt, String sentAt, int attempts, String error,
            String source) {
        static MessageView of(MailMessage m) {
            return new MessageView(m.id(), m.accountId(), m.state().name(), m.inbound(), m.messageId(), m.from(),
                    m.to(), m.cc(), m.subject(), m.html(), m.text(), m.attachments(),
                    m.records().stream().map(r -> new RecordView(r.recordType(), r.id(), r.title())).toList(),
                    m.createdBy(), text(m.createdAt()), text(m.sentAt()), m.attempts(),
                    m.error() == null || m.error().isBlank() ? null : m.error(), m.source());
        }

        private static String text(Instant at) {
            return at == null ? null : at.toString();
        }
    }
}
