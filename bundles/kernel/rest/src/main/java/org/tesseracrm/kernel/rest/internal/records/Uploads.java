package org.tesseracrm.kernel.rest.internal.records;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.rest.internal.Problem.FieldProblem;
import org.tesseracrm.kernel.rest.internal.ProblemException;

/**
 * An upload through the API, stored by the {@link Attachments} service with the UI's limits (the kinds of file an
 * admin allows, recognised by content, and the size limit), whose refusals the API answers with the status that
 * says why: 415 for a kind of file that is not allowed, 413 for a file over the limit, 422 for the others (empty,
 * content that is not what the name says).
 */
final class Uploads {
    private Uploads() {
    }

    /**
     * @param attachments the service
     * @param recordType the record type id
     * @param recordId the record's id
     * @param fileName the part's file name
     * @param content the part's content
     * @return the stored file
     * @throws ProblemException 415 or 413
     */
    static Attachment store(Attachments attachments, String recordType, long recordId, String fileName,
            InputStream content) {
        if (content == null || fileName == null || fileName.isBlank()) {
            throw new ProblemException(400, "Send the file as the part \"file\" of a multipart/form-data body, with "
                    + "its file name.", List.of(new FieldProblem("file", "Missing.")));
        }
        String extension = extension(fileName);
        if (!attachments.allowedExtensions().contains(extension)) {
            throw new ProblemException(415, "\"" + fileName + "\" cannot be attached: only "
                    + String.join(", ", new TreeSet<>(attachments.allowedExtensions())) + " files are allowed.",
                    List.of(new FieldProblem("file", "This kind of file is not allowed.")));
        }
        Counting counted = new Counting(content);
        try {
            return attachments.add(recordType, recordId, fileName, counted);
        } catch (ValidationException e) {
            if (counted.count > attachments.maxBytes()) {
                throw new ProblemException(413, "\"" + fileName + "\" is larger than the " + (attachments.maxBytes() >> 20)
                        + " MB an attachment may have.", List.of(new FieldProblem("file", "Too large.")));
            }
            throw e;
        }
    }

    /** @return the file name's extension, lower case, as the service reads it; empty for none */
    static String extension(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Counts what the service read, so that a refusal for size can be told from the others. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
