package org.tesseracrm.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.pdf.api.PdfRequest;
import org.tesseracrm.pdf.api.PdfTemplates;
import org.tesseracrm.pdf.api.StoredTemplate;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The bundle's changelog and the store's SQL on an in-memory Derby, with a caller who may configure and one who may not. */
class PdfTemplatesImplTest {
    private static final String CONFIGURE = "quotes.configure";
    private static final String GOOD = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>${quote.number}</p></body></html>";

    private Connection c;
    private String user = "admin";
    private PdfTemplates templates;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        System.setProperty("pdfbox.fontcache", Path.of("target", "pdfbox-fontcache").toAbsolutePath().toString());
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/pdf.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
        AccessControl access = (AccessControl) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccessControl.class}, (p, m, a) -> {
                    if (m.getName().equals("require")) {
                        if (user.equals("rep") && CONFIGURE.equals(a[0])) {
                            throw new PermissionDeniedException("You may not change the quote template");
                        }
                        return new Caller(user);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        TransactionScope scope = new TransactionScope() {
            @Override
            public <T> T required(ModuleSql.Work<T> work) {
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public <T> T requiresNew(ModuleSql.Work<T> work) {
                return required(work);
            }

            @Override
            public boolean active() {
                return false;
            }

            @Override
            public void afterCommit(Runnable task) {
                task.run();
            }
        };
        templates = new PdfTemplatesImpl(access, scope, new PdfRendererImpl(), null);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private static PdfRequest sample(String template) {
        return new PdfRequest("quote", template, Map.of("quote", Map.of("number", "Q-1")), Locale.US, "Sample");
    }

    @Test
    void aTemplateIsStoredReplacedAndReset() {
        assertEquals(Optional.empty(), templates.find("quote", "quotes.view"), "nothing saved: the default applies");
        StoredTemplate saved = templates.save(sample(GOOD), CONFIGURE);
        assertEquals("admin", saved.updatedBy());
        assertEquals(GOOD, templates.find("quote", "quotes.view").orElseThrow().text());
        String changed = GOOD.replace("<p>", "<p>Nº ");
        templates.save(sample(changed), CONFIGURE);
        assertEquals(changed, templates.find("quote", "quotes.view").orElseThrow().text(), "replaced, one row");
        templates.reset("quote", CONFIGURE);
        assertEquals(Optional.empty(), templates.find("quote", "quotes.view"));
        templates.reset("quote", CONFIGURE); // nothing to reset: no error
    }

    @Test
    void aTemplateThatDoesNotRenderIsNotStored() {
        templates.save(sample(GOOD), CONFIGURE);
        String broken = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<p>${quote.numbr}</p></body></html>";
        ValidationException e = assertThrows(ValidationException.class, () -> templates.save(sample(broken), CONFIGURE));
        assertTrue(e.errors().get(0).message().startsWith("Line 2, column "), e.getMessage());
        assertEquals(GOOD, templates.find("quote", "quotes.view").orElseThrow().text(), "the good one stays");
    }

    @Test
    void letterheadTextsAreStoredAsTheyAre() {
        String logo = "data:image/png;base64," + "A".repeat(100_000);
        templates.saveText("company.logo", logo, CONFIGURE);
        templates.saveText("company.details", "Calle Mayor 1\nMadrid", CONFIGURE);
        assertEquals(logo, templates.find("company.logo", "quotes.view").orElseThrow().text());
        assertEquals("Calle Mayor 1\nMadrid", templates.find("company.details", "quotes.view").orElseThrow().text());
        assertThrows(ValidationException.class,
                () -> templates.saveText("company.logo", "x".repeat(PdfTemplates.MAX_TEXT_LENGTH + 1), CONFIGURE));
    }

    @Test
    void onlyTheGivenPermissionMayChangeThem() {
        user = "rep";
        assertThrows(PermissionDeniedException.class, () -> templates.save(sample(GOOD), CONFIGURE));
        assertThrows(PermissionDeniedException.class, () -> templates.saveText("company.name", "X", CONFIGURE));
        assertThrows(PermissionDeniedException.class, () -> templates.reset("quote", CONFIGURE));
        assertEquals(Optional.empty(), templates.find("quote", "quotes.view"), "reading needs only quotes.view");
    }
}
