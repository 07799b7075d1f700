package org.tesseracrm.email.internal.outbox;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.internal.account.MailSessions;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Sends one stored message over SMTP with Jakarta Mail (Angus Mail): a multipart/alternative of the HTML and text
 * bodies, the attachments, the Message-ID Tessera made when it queued the message, and the extra headers. Tells a
 * permanent refusal (a 5xx reply, an address the server refuses for good) from a failure worth retrying.
 */
public final class SmtpSender {
    private final int connectTimeoutSeconds;
    private final int readTimeoutSeconds;

    /**
     * What an attempt gave.
     *
     * @param sent whether the server accepted the message
     * @param permanent whether retrying cannot help (5xx)
     * @param error what failed, blank when sent
     */
    public record Outcome(boolean sent, boolean permanent, String error) {
        static Outcome ok() {
            return new Outcome(true, false, "");
        }
    }

    /**
     * @param connectTimeoutSeconds connect timeout
     * @param readTimeoutSeconds read and write timeout
     */
    public SmtpSender(int connectTimeoutSeconds, int readTimeoutSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    /**
     * @param account the account to send through
     * @param password its SMTP password, opened
     * @param message the message
     * @param attachments its files
     * @param now the sending time (the Date header)
     * @return what happened; never throws for a mail failure
     */
    public Outcome send(MailAccount account, Optional<String> password, StoredMessage message, List<MailAttachment> attachments,
            Instant now) {
        String server = account.smtpHost() + ":" + account.smtpPort();
        boolean auth = !account.smtpUser().isBlank();
        Session session = MailSessions.session(MailSessions.properties(account.smtpHost(), account.smtpPort(), account.smtpSecurity(),
                false, auth, connectTimeoutSeconds * 1000, readTimeoutSeconds * 1000));
        MimeMessage mime;
        try {
            mime = MailSessions.withMailLoader(() -> build(session, account, message, attachments, now));
        } catch (MessagingException | RuntimeException e) {
            return new Outcome(false, true, "The message cannot be written: " + e.getMessage());
        }
        try {
            MailSessions.withMailLoader(() -> {
                try (Transport transport = session.getTransport(MailSessions.protocol(account.smtpSecurity(), false))) {
                    transport.connect(account.smtpHost(), account.smtpPort(), auth ? account.smtpUser() : null,
                            auth ? password.orElse("") : null);
                    transport.sendMessage(mime, mime.getAllRecipients());
                }
                return null;
            });
            return Outcome.ok();
        } catch (MessagingException | RuntimeException e) {
            return failure(server, e);
        }
    }

    private Outcome failure(String server, Exception e) {
        Optional<Integer> code = replyCode(e);
        if (code.isPresent()) {
            String reply = e.getMessage() == null ? "" : e.getMessage().strip();
            for (Exception next = e; next instanceof MessagingException m && m.getNextException() != null; next = m.getNextException()) {
                if (next.getMessage() != null && !next.getMessage().isBlank()) {
                    reply = next.getMessage().strip();
                }
            }
            return new Outcome(false, code.get() >= 500, server + " refused the message (" + code.get() + "): " + reply);
        }
        return new Outcome(false, false, MailSessions.explain(server, e, connectTimeoutSeconds));
    }

    /** @return the SMTP reply code of a refusal, from the exception or one it chains */
    static Optional<Integer> replyCode(Exception e) {
        Integer worst = null;
        Exception next = e;
        for (int depth = 0; next != null && depth < 20; depth++) {
            Integer code = null;
            if (next instanceof SMTPSendFailedException failed) {
                code = failed.getReturnCode();
            } else if (next instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
            }
            if (code != null && code > 0 && (worst == null || code > worst)) {
                worst = code;
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return Optional.ofNullable(worst);
    }

    /**
     * @return the MIME message for a stored message, with its stored Message-ID
     * @throws MessagingException for an address or header Jakarta Mail refuses
     */
    static MimeMessage build(Session session, MailAccount account, StoredMessage message, List<MailAttachment> attachments,
            Instant now) throws MessagingException {
        MimeMessage mime = new IdentifiedMessage(session, message.messageId());
        InternetAddress from = new InternetAddress(account.fromAddress(), true);
        if (!account.fromName().isBlank()) {
            try {
                from.setPersonal(account.fromName(), "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new MessagingException("UTF-8 is not supported", e);
            }
        }
        mime.setFrom(from);
        mime.setRecipients(Message.RecipientType.TO, addresses(message.to()));
        mime.setRecipients(Message.RecipientType.CC, addresses(message.cc()));
        mime.setRecipients(Message.RecipientType.BCC, addresses(message.bcc()));
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(Date.from(now));
        if (!message.inReplyTo().isBlank()) {
            mime.setHeader("In-Reply-To", message.inReplyTo());
        }
        if (!message.references().isBlank()) {
            mime.setHeader("References", message.references());
        }
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        MimeMultipart body = body(message.html(), message.text());
        if (attachments.isEmpty()) {
            mime.setContent(body);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart bodies = new MimeBodyPart();
            bodies.setContent(body);
            mixed.addBodyPart(bodies);
            for (MailAttachment file : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
                part.setFileName(file.name());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    private static MimeMultipart body(String html, String text) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        String plain = text != null ? text : HtmlText.of(html);
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(plain, "UTF-8");
        alternative.addBodyPart(textPart);
        if (html != null && !html.isBlank()) {
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            alternative.addBodyPart(htmlPart);
        }
        return alternative;
    }

    private static InternetAddress[] addresses(List<String> list) throws MessagingException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InternetAddress(list.get(i), true);
        }
        return out;
    }

    /** A message that keeps the Message-ID Tessera stored instead of making a new one when saved. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
