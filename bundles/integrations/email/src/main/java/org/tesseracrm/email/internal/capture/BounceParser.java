package org.tesseracrm.email.internal.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Recognises delivery status notifications (RFC 3464: {@code multipart/report; report-type=delivery-status} with a
 * {@code message/delivery-status} part and the returned message or its headers) and reads, with Jakarta Mail's
 * {@link InternetHeaders}, each failed or delayed recipient with its status code and diagnostic, and the returned
 * message's Message-ID. Also recognised, being common: a {@code multipart/report} without its report type but with a
 * delivery-status part, and Exim's plain bounces naming the recipients in {@code X-Failed-Recipients} (status 5.0.0).
 * Successful delivery reports (action delivered, relayed, expanded) are reports too, with no recipient.
 */
final class BounceParser {
    private static final Pattern STATUS = Pattern.compile("([245])\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^Message-ID:\\s*(<[^<>\\s]+>)");
    private static final int MAX_RECIPIENTS = 100;
    private static final long MAX_REPORT_BYTES = 256 * 1024;

    private BounceParser() {
    }

    /**
     * @param message a message read from a mailbox
     * @return the bounce it reports, or empty if it is not a delivery report
     * @throws MessagingException if the message cannot be read
     * @throws IOException if its content cannot be read
     */
    static Optional<Bounce> parse(MimeMessage message) throws MessagingException, IOException {
        if (message.isMimeType("multipart/report")) {
            Optional<Bounce> report = report(message);
            if (report.isPresent()) {
                return report;
            }
        }
        String failed = message.getHeader("X-Failed-Recipients", ",");
        if (failed != null && !failed.isBlank()) {
            return Optional.of(exim(message, failed));
        }
        return Optional.empty();
    }

    private static Optional<Bounce> report(MimeMessage message) throws MessagingException, IOException {
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        if (reportType != null && !"delivery-status".equalsIgnoreCase(reportType.strip())) {
            return Optional.empty(); // a read receipt (disposition-notification) or another report
        }
        Multipart parts = MailParser.multipart(message);
        Part status = null;
        Optional<String> original = Optional.empty();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                status = part;
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("message/global") || part.isMimeType("message/global-headers")) {
                original = returnedMessageId(part);
            }
        }
        if (status == null) {
            return Optional.empty();
        }
        List<Bounce.Recipient> recipients = new ArrayList<>();
        List<String> blocks = blocks(new String(MailParser.read(status, MAX_REPORT_BYTES), StandardCharsets.UTF_8));
        for (int i = 0; i < blocks.size() && recipients.size() < MAX_RECIPIENTS; i++) { // the per-message block has no recipient
            InternetHeaders fields = new InternetHeaders(
                    new ByteArrayInputStream(blocks.get(i).getBytes(StandardCharsets.UTF_8)));
            recipient(fields).ifPresent(recipients::add);
        }
        return Optional.of(new Bounce(MailParser.messageKey(message), original, recipients));
    }

    private static Optional<Bounce.Recipient> recipient(InternetHeaders fields) {
        String action = value(fields, "Action").toLowerCase(Locale.ROOT);
        Matcher status = STATUS.matcher(value(fields, "Status"));
        String address = typed(value(fields, "Final-Recipient"));
        if (address.isEmpty()) {
            address = typed(value(fields, "Original-Recipient"));
        }
        if (address.isEmpty() || !address.contains("@")) {
            return Optional.empty();
        }
        boolean failed = action.startsWith("failed");
        boolean delayed = action.startsWith("delayed");
        if (!failed && !delayed) {
            return Optional.empty(); // delivered, relayed, expanded
        }
        String code = status.find() ? status.group() : failed ? "5.0.0" : "4.0.0";
        if (delayed && code.startsWith("5")) {
            code = "4" + code.substring(1); // a delay is never permanent
        }
        String diagnostic = typed(value(fields, "Diagnostic-Code"));
        return Optional.of(new Bounce.Recipient(address.toLowerCase(Locale.ROOT), code,
                diagnostic.length() > 1000 ? diagnostic.substring(0, 1000) : diagnostic));
    }

    private static Bounce exim(MimeMessage message, String failed) throws MessagingException, IOException {
        List<Bounce.Recipient> recipients = new ArrayList<>();
        for (String address : failed.split(",")) {
            String a = address.strip().toLowerCase(Locale.ROOT);
            if (a.contains("@") && recipients.size() < MAX_RECIPIENTS) {
                recipients.add(new Bounce.Recipient(a, "5.0.0", ""));
            }
        }
        Optional<String> original = Optional.empty();
        if (message.isMimeType("multipart/*")) {
            Multipart parts = MailParser.multipart(message);
            for (int i = 0; i < parts.getCount() && original.isEmpty(); i++) {
                Part part = parts.getBodyPart(i);
                if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                    original = returnedMessageId(part);
                }
            }
        } else if (message.isMimeType("text/plain")) {
            Matcher m = MESSAGE_ID_LINE.matcher(new String(MailParser.read(message, MAX_REPORT_BYTES), StandardCharsets.UTF_8));
            if (m.find()) {
                original = Optional.of(m.group(1));
            }
        }
        return new Bounce(MailParser.messageKey(message), original, recipients);
    }

    private static Optional<String> returnedMessageId(Part part) throws MessagingException, IOException {
        byte[] bytes = MailParser.read(part, MAX_REPORT_BYTES);
        InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(bytes));
        return MailParser.normalisedId(headers.getHeader("Message-ID", ","));
    }

    /** @return the header's value, "" if absent */
    private static String value(InternetHeaders fields, String name) {
        String v = fields.getHeader(name, " ");
        return v == null ? "" : v.replaceAll("\\s+", " ").strip();
    }

    /** @return {@code rfc822; a@b} without its type */
    private static String typed(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon >= 0 ? value.substring(semicolon + 1) : value).strip();
    }

    /** @return the report's blocks of fields, split at blank lines */
    static List<String> blocks(String report) {
        List<String> blocks = new ArrayList<>();
        for (String block : report.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (!block.isBlank()) {
                blocks.add(block.strip() + "\r\n\r\n");
            }
        }
        return blocks;
    }
}
