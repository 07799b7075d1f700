package org.tesseracrm.kernel.records.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;

/** Files attached to records of any type, in {@code CRM_ATTACHMENT}, bounded, typed and checksummed. */
@Component(service = Attachments.class, configurationPid = AttachmentsImpl.PID)
@Designate(ocd = AttachmentsImpl.Config.class)
public class AttachmentsImpl implements Attachments {
    /** The configuration PID. */
    public static final String PID = "org.tesseracrm.records.attachments";
    private static final long HARD_LIMIT = 100L << 20;
    /** The columns an {@link Attachment} is read from, in the order {@link #attachment} reads them. */
    private static final String COLUMNS = "ID, FILE_NAME, MEDIA_TYPE, SIZE_BYTES, SHA256, UPLOADED_BY, UPLOADED_AT";

    /** What files records take. */
    @ObjectClassDefinition(name = "Tessera attachments", description = "Which files users may attach to records.")
    public @interface Config {
        /** @return the largest file, in MB */
        @AttributeDefinition(name = "Largest file (MB)", description = "At most 100.", min = "1", max = "100")
        int maxSizeMb() default 10;

        /** @return allowed extensions */
        @AttributeDefinition(name = "Allowed file types", description = "File name extensions, without the dot; only "
                + "pdf, png, jpg, jpeg, gif, txt, csv, docx, xlsx, pptx, odt and ods can be recognised and allowed.")
        String[] allowedTypes() default {"pdf", "png", "jpg", "jpeg", "gif", "txt", "csv", "docx", "xlsx", "pptx",
            "odt", "ods"};
    }

    private final RecordTypeRegistry types;
    private final FieldCatalog catalog;
    private final AccessControl access;
    private final AuditTrail audit;
    private volatile long maxBytes;
    private volatile Set<String> allowed;

    /**
     * @param types installed record types
     * @param catalog field definitions and the database
     * @param access the caller's permissions and visibility
     * @param audit where attached and deleted files are recorded, on their record
     * @param config size limit and allowed types
     */
    @Activate
    public AttachmentsImpl(@Reference RecordTypeRegistry types, @Reference FieldCatalog catalog,
            @Reference AccessControl access, @Reference AuditTrail audit, Config config) {
        this.types = types;
        this.catalog = catalog;
        this.access = access;
        this.audit = audit;
        configure(config);
    }

    /** Takes a changed configuration at once. */
    @Modified
    void configure(Config config) {
        maxBytes = Math.min(HARD_LIMIT, Math.max(1, config.maxSizeMb()) * (1L << 20));
        allowed = Arrays.stream(config.allowedTypes()).map(t -> t.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .filter(FileTypes.known()::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public Set<String> allowedExtensions() {
        return Set.copyOf(allowed);
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public List<Attachment> list(String recordType, long recordId) {
        RecordType type = types.allowed(recordType, access, "view");
        Parents.visible(catalog, type, recordId, access.visibility());
        return catalog.jdbc().inTransaction(c -> {
            List<Attachment> files = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM CRM_ATTACHMENT WHERE RECORD_TYPE = ? AND RECORD_ID = ?"
                    + " ORDER BY UPLOADED_AT DESC, ID DESC")) {
                s.setString(1, recordType);
                s.setLong(2, recordId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        files.add(attachment(rs, recordType, recordId));
                    }
                }
            }
            return files;
        });
    }

    @Override
    public Attachment get(String recordType, long attachmentId) {
        RecordType type = types.allowed(recordType, access, "view");
        Parents.Hanging file = catalog.jdbc().inTransaction(c -> Parents.hanging(c, "CRM_ATTACHMENT", "UPLOADED_BY",
                "FILE_NAME", recordType, attachmentId, "Attachment"));
        Parents.visible(catalog, type, file.recordId(), access.visibility());
        return catalog.jdbc().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM CRM_ATTACHMENT WHERE ID = ?")) {
                s.setLong(1, attachmentId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return attachment(rs, recordType, file.recordId());
                }
            }
        });
    }

    /** @return the attachment of the current row of a query selecting {@link #COLUMNS} */
    private static Attachment attachment(ResultSet rs, String recordType, long recordId) throws SQLException {
        return new Attachment(rs.getLong(1), recordType, recordId, rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getString(5).strip(), rs.getString(6), Sql.instant(rs, 7));
    }

    @Override
    public Attachment add(String recordType, long recordId, String fileName, InputStream content) {
        RecordType type = types.require(recordType);
        String uploader = access.require(type.moduleId() + ".edit").username();
        RecordRow record = Parents.visible(catalog, type, recordId, access.visibility());
        String name = FileTypes.cleanName(fileName);
        String extension = FileTypes.extension(name);
        if (!allowed.contains(extension)) {
            throw refused("\"" + name + "\" cannot be attached: only " + String.join(", ", allowed) + " files are allowed.");
        }
        byte[] bytes = read(content);
        if (bytes.length == 0) {
            throw refused("\"" + name + "\" is empty.");
        }
        if (bytes.length > maxBytes) {
            throw refused("\"" + name + "\" is larger than " + (maxBytes >> 20) + " MB.");
        }
        FileTypes.Kind kind = FileTypes.of(extension).orElseThrow();
        if (!kind.content().test(bytes)) {
            throw refused("\"" + name + "\" is not a " + extension + " file, whatever its name says.");
        }
        String sha256 = sha256(bytes);
        LocalDateTime now = Sql.now();
        Sql insert = new Sql("INSERT INTO CRM_ATTACHMENT (RECORD_TYPE, RECORD_ID, FILE_NAME, MEDIA_TYPE, SIZE_BYTES, SHA256,"
                + " UPLOADED_BY, UPLOADED_AT, CONTENT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(recordType, recordId, name, kind.mediaType(), (long) bytes.length, sha256, uploader, now, bytes));
        long id = catalog.jdbc().inTransaction(insert::insert);
        audit.record(Parents.change(type, record, "attachment", "", name));
        return new Attachment(id, recordType, recordId, name, kind.mediaType(), bytes.length, sha256, uploader,
                now.toInstant(ZoneOffset.UTC));
    }

    @Override
    public byte[] content(String recordType, long attachmentId) {
        RecordType type = types.allowed(recordType, access, "view");
        Parents.Hanging file = catalog.jdbc().inTransaction(c -> Parents.hanging(c, "CRM_ATTACHMENT", "UPLOADED_BY",
                "FILE_NAME", recordType, attachmentId, "Attachment"));
        Parents.visible(catalog, type, file.recordId(), access.visibility());
        return catalog.jdbc().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT CONTENT, SHA256, FILE_NAME FROM CRM_ATTACHMENT WHERE ID = ?")) {
                s.setLong(1, attachmentId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    byte[] bytes = rs.getBytes(1);
                    if (!sha256(bytes).equals(rs.getString(2).strip())) {
                        throw new CrmException("The stored file \"" + rs.getString(3) + "\" is damaged: its content no "
                                + "longer matches its checksum. Restore it from a backup or attach it again.");
                    }
                    return bytes;
                }
            }
        });
    }

    @Override
    public void delete(String recordType, long attachmentId) {
        RecordType type = types.allowed(recordType, access, "view");
        Parents.Removed file = Parents.delete(catalog, access, type, "CRM_ATTACHMENT", "UPLOADED_BY", "FILE_NAME",
                attachmentId, "Attachment");
        audit.record(Parents.change(type, file.record(), "attachment", file.label(), ""));
    }

    /** Reads at most one byte past the limit, so an oversized upload is never held whole. */
    private byte[] read(InputStream content) {
        try {
            return content.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload broke off", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static ValidationException refused(String message) {
        return new ValidationException(List.of(new FieldError("file", message)));
    }
}
