package org.tesseracrm.email.internal.template;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.TemplateAttachment;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * What a template's file may be: one of {@link MailTemplates#ATTACHMENT_TYPES}, told by its name's extension and
 * checked against its first bytes (so a program renamed {@code .pdf} is refused), within the template's bounds.
 */
final class TemplateFiles {
    private static final Predicate<byte[]> ZIP = starts(new byte[] {'P', 'K', 3, 4});
    private static final Predicate<byte[]> TEXT = bytes -> {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    };
    private static final Predicate<byte[]> JPEG = starts(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** @param contentType the type a file of an extension is sent as @param content what its bytes must look like */
    private record Kind(String contentType, Predicate<byte[]> content) {
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("pdf", new Kind("application/pdf", starts("%PDF-".getBytes(StandardCharsets.US_ASCII)))),
            Map.entry("png", new Kind("image/png", starts(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))),
            Map.entry("jpg", new Kind("image/jpeg", JPEG)),
            Map.entry("jpeg", new Kind("image/jpeg", JPEG)),
            Map.entry("gif", new Kind("image/gif", starts("GIF8".getBytes(StandardCharsets.US_ASCII)))),
            Map.entry("txt", new Kind("text/plain", TEXT)),
            Map.entry("csv", new Kind("text/csv", TEXT)),
            Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP)),
            Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP)),
            Map.entry("pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP)),
            Map.entry("odt", new Kind("application/vnd.oasis.opendocument.text", ZIP)),
            Map.entry("ods", new Kind("application/vnd.oasis.opendocument.spreadsheet", ZIP)));

    private TemplateFiles() {
    }

    /**
     * @param file a file to add
     * @param existing the template's files so far
     * @return the file as stored: its name cleaned, its content type the one its extension stands for
     * @throws ValidationException for an empty file, another kind, content of another kind, or the template's bounds
     */
    static MailAttachment check(MailAttachment file, List<TemplateAttachment> existing) {
        String name = cleanName(file.name());
        String extension = extension(name);
        Optional<Kind> kind = Optional.ofNullable(KINDS.get(extension));
        if (kind.isEmpty() || !MailTemplates.ATTACHMENT_TYPES.contains(kind.get().contentType())) {
            throw refused("\"" + name + "\" cannot be attached to a template: allowed are PDF, PNG, JPEG, GIF, text, CSV and "
                    + "office documents (.docx, .xlsx, .pptx, .odt, .ods).");
        }
        if (file.content().length == 0) {
            throw refused("\"" + name + "\" is empty.");
        }
        if (!kind.get().content().test(file.content())) {
            throw refused("\"" + name + "\" is not a ." + extension + " file.");
        }
        if (existing.size() >= MailTemplates.MAX_ATTACHMENTS) {
            throw refused("A template keeps at most " + MailTemplates.MAX_ATTACHMENTS + " files.");
        }
        long total = existing.stream().mapToLong(TemplateAttachment::size).sum() + file.content().length;
        if (total > MailTemplates.MAX_ATTACHMENT_BYTES) {
            throw refused("A template's files may take " + MailTemplates.MAX_ATTACHMENT_BYTES / (1024 * 1024)
                    + " MB in all; with \"" + name + "\" they would take " + (total + 1023) / 1024 + " KB.");
        }
        return new MailAttachment(name, kind.get().contentType(), file.content());
    }

    /** @return the name without folders, control characters or quotes, at most 200 characters; "file" if none is left */
    static String cleanName(String uploaded) {
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"\\u2028\\u2029]", "").strip();
        if (name.length() > 200) {
            String extension = extension(name);
            name = name.substring(0, 199 - extension.length()) + "." + extension;
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "file" : name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static ValidationException refused(String message) {
        return new ValidationException(List.of(new FieldError("attachment", message)));
    }

    private static Predicate<byte[]> starts(byte[] prefix) {
        return bytes -> bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
