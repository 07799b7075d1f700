package org.tesseracrm.email.internal.rest;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.internal.capture.Inbox;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.security.AccessControl;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/email/inbox}: the captured mail that matched no record (the caller's mailbox, and the shared ones
 * with {@code email.accounts}), filed on a record or made a lead of, through {@link Inbox}, which checks
 * {@code email.send}, and the record services, which check the record's permissions and visibility. A whiteboard
 * resource with its properties written out, as the webhooks module does, so the bundle installs without crm-rest.
 */
@Component(service = InboxResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.email.inbox", "osgi.jakartars.extension.select=(osgi.jakartars.name=tessera.json)"})
@Path("v1/email/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    private final Inbox inbox;
    private final AccessControl access;

    /**
     * @param inbox the inbox
     * @param access checks record types against the caller's API token
     */
    @Activate
    public InboxResource(@Reference Inbox inbox, @Reference AccessControl access) {
        this.inbox = inbox;
        this.access = access;
    }

    /**
     * An inbox message.
     *
     * @param id the message
     * @param accountId its account
     * @param account the account's name
     * @param shared whether the account is shared
     * @param from the sender
     * @param to the recipients
     * @param subject the subject
     * @param receivedAt its date (ISO-8601)
     * @param preview the start of its text
     */
    public record ItemView(long id, long accountId, String account, boolean shared, String from, List<String> to,
            String subject, String receivedAt, String preview) {
        static ItemView of(Inbox.Item item) {
            return new ItemView(item.id(), item.accountId(), item.account(), item.shared(), item.from(), item.to(),
                    item.subject(), item.receivedAt().toString(), item.preview());
        }
    }

    /**
     * A message once filed.
     *
     * @param id the message
     * @param state its state, {@code RECEIVED}
     * @param records the records it is logged on
     */
    public record FiledView(long id, String state, List<RecordRef> records) {
        static FiledView of(MailMessage message) {
            return new FiledView(message.id(), message.state().name(), message.records());
        }
    }

    /**
     * Where to file a message.
     *
     * @param recordType the record's type
     * @param recordId the record
     */
    public record FileRequest(String recordType, Long recordId) {
    }

    /**
     * @param limit at most this many (1 to 500)
     * @return the caller's unmatched mail, newest first
     */
    @GET
    public List<ItemView> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        access.require(MailAccounts.SEND);
        return inbox.list(limit).stream().map(ItemView::of).toList();
    }

    /**
     * @param id a message of the caller's inbox
     * @param request the record to file it on
     * @return the message, logged on the record
     */
    @POST
    @Path("{id}/file")
    @Consumes(MediaType.APPLICATION_JSON)
    public FiledView file(@PathParam("id") long id, FileRequest request) {
        access.require(MailAccounts.SEND);
        if (request == null || request.recordType() == null || request.recordType().isBlank()
                || request.recordId() == null) {
            throw new ValidationException(List.of(new FieldError("recordType", "Name the record: recordType and recordId.")));
        }
        access.requireRecordType(request.recordType());
        return FiledView.of(inbox.file(id, request.recordType(), request.recordId()));
    }

    /**
     * @param id a message of the caller's inbox
     * @return the message, logged on the lead made of its sender
     */
    @POST
    @Path("{id}/lead")
    public FiledView lead(@PathParam("id") long id) {
        access.require(MailAccounts.SEND);
        access.requireRecordType(Inbox.LEAD);
        return FiledView.of(inbox.createLead(id));
    }
}
