package org.tesseracrm.email.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/email/outbox}: the caller's messages by state (everybody's with {@code email.accounts}) and putting a
 * failed one back in the outbox, through {@link MailLog} and {@link Mailer}, which check the permissions.
 */
@Component(service = OutboxResource.class, property = {"osgi.jakartars.resource=true", "osgi.jakartars.name=tessera.email.outbox",
        "osgi.jakartars.extension.select=" + AccountsResource.JSON})
@Path("v1/email/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {
    private final MailLog log;
    private final Mailer mailer;

    /**
     * @param log reads the messages
     * @param mailer retries them
     */
    @Activate
    public OutboxResource(@Reference MailLog log, @Reference Mailer mailer) {
        this.log = log;
        this.mailer = mailer;
    }

    /** @return the messages in a state (QUEUED by default), newest first */
    @GET
    public List<MessageView> list(@QueryParam("state") @DefaultValue("QUEUED") String state, @QueryParam("limit") @DefaultValue("50") int limit) {
        MailState wanted;
        try {
            wanted = MailState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            wanted = null; // the service names the states after checking the caller
        }
        if (wanted == null) {
            log.list(MailState.QUEUED, 1);
            throw new ValidationException(List.of(new FieldError("state", "Choose a state: QUEUED, SENT, FAILED, SKIPPED, RECEIVED "
                    + "or UNMATCHED.")));
        }
        return log.list(wanted, limit).stream().map(MessageView::of).toList();
    }

    /** @return one message */
    @GET
    @Path("{id}")
    public MessageView get(@PathParam("id") long id) {
        return MessageView.of(log.get(id));
    }

    /** @return 202 with the message, queued again with its attempts counted from zero */
    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") long id) {
        return Response.accepted(MessageView.of(mailer.retry(id))).build();
    }

    /**
     * A record a message is logged on.
     *
     * @param type its record type
     * @param id its id
     * @param title its title as the caller sees it
     */
    public record RecordView(String type, long id, String title) {
        static RecordView of(RecordRef ref) {
            return new RecordView(ref.recordType(), ref.id(), ref.title());
        }
    }

    /** A message as the API shows it (see {@link MailMessage}); times in ISO-8601 UTC. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageView(long id, Long accountId, String state, boolean inbound, String messageId, String from, List<String> to,
            List<String> cc, String subject, String html, String text, List<String> attachments, List<RecordView> records,
            String createdBy, String createdAt, String sentAt, int attempts, String error, String source) {
        static MessageView of(MailMessage m) {
            return new MessageView(m.id(), m.accountId(), m.state().name(), m.inbound(), m.messageId(), m.from(), m.to(), m.cc(),
                    m.subject(), m.html(), m.text(), m.attachments(), m.records().stream().map(RecordView::of).toList(), m.createdBy(),
                    text(m.createdAt()), text(m.sentAt()), m.attempts(), m.error().isBlank() ? null : m.error(), m.source());
        }

        private static String text(Instant at) {
            return at == null ? null : at.toString();
        }
    }
}
