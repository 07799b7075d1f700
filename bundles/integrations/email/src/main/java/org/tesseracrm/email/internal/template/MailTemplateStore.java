package org.tesseracrm.email.internal.template;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.TemplateAttachment;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The templates' two tables (changelog {@code email-templates.yaml}), in plain JDBC on the CRM DataSource so every
 * write joins the caller's transaction scope. No permission checks here: {@link MailTemplatesImpl} checks them.
 */
@Component(service = MailTemplateStore.class)
public class MailTemplateStore {
    private static final IdGenerator TEMPLATE_IDS = new IdGenerator("CRM_EMAIL_TEMPLATE_ID_GEN", "GEN_NAME", "GEN_VALUE",
            "TEMPLATE");
    private static final IdGenerator FILE_IDS = new IdGenerator("CRM_EMAIL_TEMPLATE_ID_GEN", "GEN_NAME", "GEN_VALUE", "FILE");
    private static final String COLUMNS = "ID, NAME, RECORD_TYPE, SUBJECT, HTML, TEXT_BODY, OWNER, VERSION";
    private static final String FILE_COLUMNS = "ID, TEMPLATE_ID, NAME, CONTENT_TYPE, BYTE_SIZE";

    private final DataSource dataSource;
    private final TransactionScope scope;

    /**
     * @param dataSource the CRM database
     * @param scope the one transaction scope
     * @param schema present once the e-mail tables exist
     */
    @Activate
    public MailTemplateStore(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference TransactionScope scope,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.email)") MigratedSchema schema) {
        this.dataSource = dataSource;
        this.scope = scope;
    }

    /**
     * @param recordType a record type, or null for every type
     * @param user the templates this user keeps come with the shared ones
     * @return the templates of that type and of none, by name (without their files)
     */
    List<MailTemplate> usable(String recordType, String user) {
        List<Object> params = new ArrayList<>(List.of(user));
        String sql = "SELECT " + COLUMNS + " FROM CRM_EMAIL_TEMPLATE WHERE (OWNER IS NULL OR OWNER = ?)";
        if (recordType != null) {
            sql += " AND (RECORD_TYPE = ? OR RECORD_TYPE = '')";
            params.add(recordType);
        }
        return ModuleSql.query(dataSource, sql + " ORDER BY NAME_KEY", params, 10_000, MailTemplateStore::template);
    }

    /** @return the template (without its files), whoever keeps it */
    Optional<MailTemplate> find(long id) {
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_EMAIL_TEMPLATE WHERE ID = ?", List.of(id), 1,
                MailTemplateStore::template).stream().findFirst();
    }

    /** @return whether another template than {@code except} has this name (case aside) */
    boolean nameTaken(String name, long except) {
        return !ModuleSql.query(dataSource, "SELECT ID FROM CRM_EMAIL_TEMPLATE WHERE NAME_KEY = ? AND ID <> ?",
                List.of(key(name), except), 1, rs -> rs.getLong(1)).isEmpty();
    }

    /** @return the new template's id */
    long insert(MailTemplate t, String createdBy, Instant now) {
        return scope.required(c -> {
            long id = ModuleSql.reserveIds(c, TEMPLATE_IDS, 1);
            update(c, "INSERT INTO CRM_EMAIL_TEMPLATE (ID, VERSION, NAME, NAME_KEY, RECORD_TYPE, SUBJECT, HTML, TEXT_BODY, "
                    + "OWNER, CREATED_BY, CREATED_AT, UPDATED_AT) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    t.name(), key(t.name()), t.recordType(), t.subject(), t.html(), t.text(), t.owner(), createdBy,
                    ts(now), ts(now));
            return id;
        });
    }

    /** @return whether the template was at that version (and is now changed) */
    boolean update(MailTemplate t, Instant now) {
        return scope.required(c -> update(c, "UPDATE CRM_EMAIL_TEMPLATE SET VERSION = VERSION + 1, NAME = ?, NAME_KEY = ?, "
                + "RECORD_TYPE = ?, SUBJECT = ?, HTML = ?, TEXT_BODY = ?, OWNER = ?, UPDATED_AT = ? WHERE ID = ? AND VERSION = ?",
                t.name(), key(t.name()), t.recordType(), t.subject(), t.html(), t.text(), t.owner(), ts(now), t.id(),
                t.version())) == 1;
    }

    /** Deletes a template and its files. */
    void delete(long id) {
        scope.required(c -> {
            update(c, "DELETE FROM CRM_EMAIL_TEMPLATE_FILE WHERE TEMPLATE_ID = ?", id);
            return update(c, "DELETE FROM CRM_EMAIL_TEMPLATE WHERE ID = ?", id);
        });
    }

    /** @return a template's files, in the order they were added */
    List<TemplateAttachment> files(long templateId) {
        return ModuleSql.query(dataSource, "SELECT " + FILE_COLUMNS + " FROM CRM_EMAIL_TEMPLATE_FILE WHERE TEMPLATE_ID = ? "
                + "ORDER BY ID", List.of(templateId), 1_000, rs -> new TemplateAttachment(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5)));
    }

    /** @return a template's files with their bytes, to attach to a mail */
    List<MailAttachment> contents(long templateId) {
        return ModuleSql.query(dataSource, "SELECT NAME, CONTENT_TYPE, CONTENT FROM CRM_EMAIL_TEMPLATE_FILE "
                + "WHERE TEMPLATE_ID = ? ORDER BY ID", List.of(templateId), 1_000,
                rs -> new MailAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)));
    }

    /** @return the stored file */
    TemplateAttachment insertFile(long templateId, String name, String contentType, byte[] content) {
        long id = scope.required(c -> {
            long fileId = ModuleSql.reserveIds(c, FILE_IDS, 1);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_EMAIL_TEMPLATE_FILE (ID, TEMPLATE_ID, NAME, "
                    + "CONTENT_TYPE, BYTE_SIZE, CONTENT) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, fileId);
                insert.setLong(2, templateId);
                insert.setString(3, name);
                insert.setString(4, contentType);
                insert.setLong(5, content.length);
                insert.setBytes(6, content);
                insert.executeUpdate();
            }
            return fileId;
        });
        return new TemplateAttachment(id, templateId, name, contentType, content.length);
    }

    /** @return whether the template had that file */
    boolean deleteFile(long templateId, long fileId) {
        return scope.required(c -> update(c, "DELETE FROM CRM_EMAIL_TEMPLATE_FILE WHERE TEMPLATE_ID = ? AND ID = ?",
                templateId, fileId)) == 1;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            ModuleSql.bind(statement, Arrays.asList(params));
            return statement.executeUpdate();
        }
    }

    private static MailTemplate template(ResultSet rs) throws SQLException {
        return new MailTemplate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), nonNull(rs.getString(5)),
                nonNull(rs.getString(6)), rs.getString(7), rs.getLong(8));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
