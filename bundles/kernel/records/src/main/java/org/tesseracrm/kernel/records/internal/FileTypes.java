package org.tesseracrm.kernel.records.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The kinds of file Tessera can recognise by their content, so an attachment's name cannot pass off one
 * kind as another (an executable renamed {@code .pdf}, an HTML page renamed {@code .png}). Office
 * documents are recognised as zip containers, text as content without NUL bytes.
 */
final class FileTypes {
    /**
     * A kind of file.
     *
     * @param mediaType the media type it is served with
     * @param content whether a file's bytes are of this kind
     */
    record Kind(String mediaType, Predicate<byte[]> content) {
    }

    private static final Predicate<byte[]> ZIP = starts(new byte[] {'P', 'K', 3, 4});
    private static final Predicate<byte[]> TEXT = bytes -> {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    };
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("pdf", new Kind("application/pdf", starts("%PDF-".getBytes(StandardCharsets.US_ASCII)))),
            Map.entry("png", new Kind("image/png", starts(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))),
            Map.entry("jpg", new Kind("image/jpeg", starts(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))),
            Map.entry("jpeg", new Kind("image/jpeg", starts(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))),
            Map.entry("gif", new Kind("image/gif", starts("GIF8".getBytes(StandardCharsets.US_ASCII)))),
            Map.entry("txt", new Kind("text/plain", TEXT)),
            Map.entry("csv", new Kind("text/csv", TEXT)),
            Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP)),
            Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP)),
            Map.entry("pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP)),
            Map.entry("odt", new Kind("application/vnd.oasis.opendocument.text", ZIP)),
            Map.entry("ods", new Kind("application/vnd.oasis.opendocument.spreadsheet", ZIP)));

    private FileTypes() {
    }

    /** @return the extensions Tessera can recognise, the most an admin can allow */
    static java.util.Set<String> known() {
        return KINDS.keySet();
    }

    /** @return the lower-case extension of a file name, empty if it has none */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** @return the kind a file with this extension must be, if Tessera knows it */
    static Optional<Kind> of(String extension) {
        return Optional.ofNullable(KINDS.get(extension));
    }

    /**
     * @param uploaded a file name as a browser sent it
     * @return the name without folders (either slash), control characters or quotes, at most 200
     *     characters keeping the extension; "file" if nothing is left
     */
    static String cleanName(String uploaded) {
        String name = uploaded == null ? "" : uploaded;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > 200) {
            String ext = extension(name);
            name = name.substring(0, 199 - ext.length()) + "." + ext;
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "file" : name;
    }

    private static Predicate<byte[]> starts(byte[] magic) {
        return bytes -> bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
