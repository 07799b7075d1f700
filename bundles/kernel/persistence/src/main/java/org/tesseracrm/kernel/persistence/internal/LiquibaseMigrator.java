package org.tesseracrm.kernel.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Applies one Liquibase changelog to the CRM database. Stateless; safe to call on every start. */
final class LiquibaseMigrator {

    private final DataSource dataSource;

    LiquibaseMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies the changesets of {@code changelog} that the database has not seen yet.
     *
     * @param changelog resource path of the changelog, unique across bundles
     * @param resources the class loader that sees the changelog (the owning bundle's)
     */
    @SuppressWarnings("deprecation") // Liquibase#update is the API that works without the command framework's service lookups
    // One migration at a time: bundles start on several threads (the features installer, a KAR in
    // deploy/, the shell), and two Liquibase runs at once in one JVM each waited five minutes for the
    // other's change log lock, then both failed (seen when CompatibilityIT installed a bundle during boot).
    synchronized void migrate(String changelog, ClassLoader resources) throws Exception {
        // Offline product: Liquibase must never phone home.
        Map<String, Object> scope = Map.of("liquibase.analytics.enabled", Boolean.FALSE);
        try (Connection connection = dataSource.getConnection()) {
            String schema = currentSchema(connection);
            Scope.child(scope, () -> {
                Database db = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                // Explicit default schema: without it Liquibase may miss its own changelog table on restart.
                if (schema != null) {
                    db.setDefaultSchemaName(schema);
                    db.setLiquibaseSchemaName(schema);
                }
                if (db instanceof DerbyDatabase derby) {
                    // Closing Liquibase would otherwise shut down the whole embedded Derby engine.
                    derby.setShutdownEmbeddedDerby(false);
                }
                // Liquibase is not closed: the pooled connection is closed by the try block.
                new Liquibase(changelog, new ClassLoaderResourceAccessor(resources), db)
                        .update(new Contexts(), new LabelExpression());
            });
            // Liquibase turns auto-commit off and may leave its last read open; end it before the
            // connection goes back to the pool.
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        return schema == null ? null : schema.trim();
    }
}
