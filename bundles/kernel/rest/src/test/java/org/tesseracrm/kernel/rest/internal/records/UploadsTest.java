package org.tesseracrm.kernel.rest.internal.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.rest.internal.ProblemException;

class UploadsTest {
    /** Allows txt files of up to 10 bytes, reading at most one byte past the limit, as the real service does. */
    private final Attachments service = new Attachments() {
        @Override
        public Set<String> allowedExtensions() {
            return Set.of("txt", "pdf");
        }

        @Override
        public long maxBytes() {
            return 10;
        }

        @Override
        public List<Attachment> list(String recordType, long recordId) {
            return List.of();
        }

        @Override
        public Attachment add(String recordType, long recordId, String fileName, InputStream content) {
            try {
                byte[] bytes = content.readNBytes(11);
                if (bytes.length == 0 || bytes.length > 10) {
                    throw new ValidationException(List.of(new FieldError("file", "refused")));
                }
                return new Attachment(1, recordType, recordId, fileName, "text/plain", bytes.length, "00", "ada", Instant.EPOCH);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Attachment get(String recordType, long attachmentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] content(String recordType, long attachmentId) {
            return new byte[0];
        }

        @Override
        public void delete(String recordType, long attachmentId) {
        }
    };

    @Test
    void storesAnAllowedFileThroughTheService() {
        assertEquals(5, Uploads.store(service, "contact", 1, "notes.TXT", bytes(5)).size());
    }

    @Test
    void aKindOfFileTheAdminDoesNotAllowIs415() {
        ProblemException refused = assertThrows(ProblemException.class, () -> Uploads.store(service, "contact", 1, "run.exe", bytes(5)));
        assertEquals(415, refused.problem().status());
        assertEquals("file", refused.problem().errors().get(0).field());
        assertEquals(415, assertThrows(ProblemException.class,
                () -> Uploads.store(service, "contact", 1, "no-extension", bytes(5))).problem().status());
    }

    @Test
    void aFileOverTheLimitIs413() {
        assertEquals(413, assertThrows(ProblemException.class, () -> Uploads.store(service, "contact", 1, "big.txt", bytes(50)))
                .problem().status());
    }

    @Test
    void otherRefusalsStayTheServicesOwn() {
        ValidationException thrown = assertThrows(ValidationException.class,
                () -> Uploads.store(service, "contact", 1, "empty.txt", bytes(0)));
        assertEquals("file", thrown.errors().get(0).field());
    }

    @Test
    void aBodyWithoutTheFilePartIs400() {
        assertEquals(400, assertThrows(ProblemException.class, () -> Uploads.store(service, "contact", 1, null, null))
                .problem().status());
    }

    @Test
    void theExtensionIsTheLastOneOfTheNameWithoutFolders() {
        assertEquals("pdf", Uploads.extension("C:\\docs\\a.b.PDF"));
        assertEquals("", Uploads.extension("folder.d/README"));
    }

    private static InputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }
}
