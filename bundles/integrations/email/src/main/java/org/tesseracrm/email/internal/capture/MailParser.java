package org.tesseracrm.email.internal.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import org.tesseracrm.email.api.MailAttachment;

/**
 * Turns a message read from a mailbox into a {@link CapturedMail}: its ids, addresses, bodies (HTML sanitised) and
 * attachments within the {@link CaptureLimits}. Multiparts are read from the part's data source, not through the
 * activation content handlers, so parsing needs nothing from the thread's class loader; on an IMAP message the parts
 * are fetched one by one, and an attachment over the bound is read no further than the bound.
 */
final class MailParser {
    private static final Pattern ANGLE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_THREAD_IDS = 20;
    private static final int MAX_ADDRESSES = 50;
    private static final int MAX_DEPTH = 10;
    private static final int MAX_PARTS = 100;

    private final CaptureLimits limits;

    /** @param limits the bounds of attachments and bodies */
    MailParser(CaptureLimits limits) {
        this.limits = limits;
    }

    /**
     * @param message a message as read from the mailbox
     * @param readAt when it was read, the date of a message without one
     * @return the message parsed and bounded
     * @throws MessagingException if the message cannot be read
     * @throws IOException if its content cannot be read
     */
    CapturedMail parse(MimeMessage message, Instant readAt) throws MessagingException, IOException {
        Bodies bodies = new Bodies();
        walk(message, bodies, 0);
        String html = bodies.html == null ? null : MailHtml.clean(bodies.html);
        String text = bodies.text != null ? bodies.text : html == null ? null : MailHtml.text(bodies.html);
        InternetAddress sender = first(message.getFrom());
        return new CapturedMail(messageKey(message), threadIds(message),
                sender == null ? "" : address(sender), sender == null || sender.getPersonal() == null ? ""
                        : sender.getPersonal().strip(),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                addresses(message.getRecipients(Message.RecipientType.CC)),
                message.getSubject() == null ? "" : message.getSubject().strip(),
                message.getSentDate() == null ? readAt : message.getSentDate().toInstant(), html, text,
                bodies.attachments, bodies.notes);
    }

    /**
     * @param message a message
     * @return its Message-ID, or for one without a stable hash of its headers
     * @throws MessagingException if the headers cannot be read
     */
    static String messageKey(MimeMessage message) throws MessagingException {
        Optional<String> id = normalisedId(message.getMessageID());
        if (id.isPresent()) {
            return id.get();
        }
        StringBuilder headers = new StringBuilder();
        for (String name : List.of("From", "To", "Cc", "Date", "Subject", "Received")) {
            String[] values = message.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    headers.append(name).append(':').append(value.strip()).append('\n');
                }
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(headers.toString().getBytes(StandardCharsets.UTF_8));
            return "<sha256-" + HexFormat.of().formatHex(digest, 0, 20) + "@capture.tessera>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /**
     * @param header a Message-ID header value, possibly without angle brackets
     * @return it as {@code <local@domain>}, empty if blank or too long
     */
    static Optional<String> normalisedId(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher m = ANGLE_ID.matcher(header);
        String id = m.find() ? m.group() : "<" + header.strip() + ">";
        return id.length() > 250 || id.contains(" ") ? Optional.empty() : Optional.of(id);
    }

    /**
     * @param message a message
     * @return the ids of In-Reply-To, then of References from the last (the parent) back, each once
     * @throws MessagingException if the headers cannot be read
     */
    static List<String> threadIds(MimeMessage message) throws MessagingException {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        ids.addAll(ids(message.getHeader("In-Reply-To", " ")));
        List<String> references = ids(message.getHeader("References", " "));
        Collections.reverse(references);
        ids.addAll(references);
        return ids.stream().limit(MAX_THREAD_IDS).toList();
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher m = ANGLE_ID.matcher(header);
            while (m.find() && ids.size() < 100) {
                if (m.group().length() <= 250) {
                    ids.add(m.group());
                }
            }
        }
        return ids;
    }

    private static InternetAddress first(Address[] addresses) {
        if (addresses != null) {
            for (Address a : addresses) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    return ia;
                }
            }
        }
        return null;
    }

    private static String address(InternetAddress address) {
        return address.getAddress().strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> out = new ArrayList<>();
        if (addresses != null) {
            for (Address a : addresses) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null && out.size() < MAX_ADDRESSES) {
                    out.add(address(ia));
                }
            }
        }
        return out;
    }

    /** The bodies and attachments found while walking a message. */
    private static final class Bodies {
        String text;
        String html;
        final List<MailAttachment> attachments = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        long stored;
        int parts;
    }

    private void walk(Part part, Bodies bodies, int depth) throws MessagingException, IOException {
        if (++bodies.parts > MAX_PARTS || depth > MAX_DEPTH) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = multipart(part);
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), bodies, depth + 1);
            }
            return;
        }
        String disposition = part.getDisposition();
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null;
        if (!attachment && part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = body(part, bodies, "text");
        } else if (!attachment && part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = body(part, bodies, "HTML");
        } else if (attachment || part.isMimeType("message/rfc822")) {
            attach(part, fileName == null ? "message.eml" : fileName, bodies);
        }
        // other inline parts (an inline image without a name, a calendar part) are not kept
    }

    /**
     * @param part a multipart part
     * @return its parts, read from its data source (lazily for an IMAP message)
     */
    static Multipart multipart(Part part) throws MessagingException {
        return new MimeMultipart(part.getDataHandler().getDataSource());
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            name = MimeUtility.decodeText(name);
        } catch (IOException e) {
            // keep the name as it came
        }
        name = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private String body(Part part, Bodies bodies, String what) throws MessagingException, IOException {
        long bound = limits.bodyChars() * 4L;
        byte[] bytes = read(part, bound);
        String body = new String(bytes, 0, (int) Math.min(bytes.length, bound), charset(part));
        if (bytes.length > bound || body.length() > limits.bodyChars()) {
            bodies.notes.add("The " + what + " body was cut at " + limits.bodyChars() + " characters.");
            body = body.substring(0, Math.min(body.length(), limits.bodyChars()));
        }
        return body;
    }

    private void attach(Part part, String name, Bodies bodies) throws MessagingException, IOException {
        long bound = Math.min(limits.attachmentBytes(), limits.messageBytes() - bodies.stored);
        int size = part.getSize();
        // the size an IMAP server gives is of the encoded part: base64 is 4/3 of the bytes
        byte[] bytes = size > 0 && size * 3L / 4 > bound + 4096 ? null : read(part, bound);
        if (bytes == null || bytes.length > bound) {
            bodies.notes.add(name + " was not stored: " + (limits.attachmentBytes() <= bound
                    ? "larger than " + kilobytes(limits.attachmentBytes())
                    : "the message's attachments would be over " + kilobytes(limits.messageBytes())) + ".");
            return;
        }
        bodies.stored += bytes.length;
        bodies.attachments.add(new MailAttachment(name, baseType(part), bytes));
    }

    private static String kilobytes(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (RuntimeException | MessagingException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * @param part a part
     * @param bound the most bytes wanted
     * @return its decoded bytes, at most bound + 1 of them (more than bound means it is larger)
     */
    static byte[] read(Part part, long bound) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long left = bound + 1;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                out.write(buffer, 0, n);
                left -= n;
            }
            return out.toByteArray();
        }
    }
}
