package org.tesseracrm.pdf.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.pdf.api.PdfRenderer;
import org.tesseracrm.pdf.api.PdfRequest;
import org.tesseracrm.pdf.api.PdfTemplates;
import org.tesseracrm.pdf.api.StoredTemplate;

/** The templates and letterhead texts in {@code CRM_PDF_TEMPLATE}, one row per name. */
@Component(service = PdfTemplates.class)
public class PdfTemplatesImpl implements PdfTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(PdfTemplatesImpl.class);

    private final AccessControl access;
    private final TransactionScope scope;
    private final PdfRenderer renderer;

    /**
     * @param access the caller's permissions
     * @param scope the transactions
     * @param renderer checks a template before it is saved
     * @param schema this bundle's table
     */
    @Activate
    public PdfTemplatesImpl(@Reference AccessControl access, @Reference TransactionScope scope,
            @Reference PdfRenderer renderer,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.pdf)") MigratedSchema schema) {
        this.access = access;
        this.scope = scope;
        this.renderer = renderer;
    }

    @Override
    public Optional<StoredTemplate> find(String name, String permission) {
        access.require(permission);
        return scope.required(c -> read(c, name));
    }

    @Override
    public StoredTemplate save(PdfRequest sample, String permission) {
        Caller caller = access.require(permission);
        checkName(sample.name());
        renderer.check(sample);
        StoredTemplate saved = write(sample.name(), sample.template(), caller.username());
        LOG.info("PDF template {} saved by {}", sample.name(), caller.username());
        return saved;
    }

    @Override
    public StoredTemplate saveText(String name, String text, String permission) {
        Caller caller = access.require(permission);
        checkName(name);
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new ValidationException(List.of(new FieldError(name, "Too long: at most " + MAX_TEXT_LENGTH
                    + " characters (for a logo, use a smaller image)")));
        }
        return write(name, text, caller.username());
    }

    @Override
    public void reset(String name, String permission) {
        Caller caller = access.require(permission);
        int deleted = scope.required(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM CRM_PDF_TEMPLATE WHERE NAME = ?")) {
                s.setString(1, name);
                return s.executeUpdate();
            }
        });
        if (deleted > 0) {
            LOG.info("PDF template {} reset to its default by {}", name, caller.username());
        }
    }

    private StoredTemplate write(String name, String text, String user) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return scope.required(c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE CRM_PDF_TEMPLATE SET BODY = ?, UPDATED_BY = ?, UPDATED_AT = ? WHERE NAME = ?")) {
                s.setString(1, text);
                s.setString(2, user);
                s.setTimestamp(3, Timestamp.from(now));
                s.setString(4, name);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO CRM_PDF_TEMPLATE (NAME, BODY, UPDATED_BY, UPDATED_AT) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, name);
                    s.setString(2, text);
                    s.setString(3, user);
                    s.setTimestamp(4, Timestamp.from(now));
                    s.executeUpdate();
                }
            }
            return new StoredTemplate(name, text, user, now);
        });
    }

    private static Optional<StoredTemplate> read(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT BODY, UPDATED_BY, UPDATED_AT FROM CRM_PDF_TEMPLATE WHERE NAME = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new StoredTemplate(name, rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())) : Optional.empty();
            }
        }
    }

    private static void checkName(String name) {
        if (name.isBlank() || name.length() > 100) {
            throw new ValidationException(List.of(new FieldError("name", "Give the template a name of 1 to 100 characters")));
        }
    }
}
