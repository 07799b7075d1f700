package org.tesseracrm.cases.internal.service;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told when an administrator gives a status another kind, in the same transaction ({@link CasesImpl}): the SLA
 * package stops or starts the clocks of the cases in that status, as if they had just moved into it. One service,
 * the SLA package's.
 */
public interface StatusKindListener {
    /**
     * @param c the administrator's transaction, with the new kind written
     * @param status the status whose kind changed
     * @throws SQLException on a database failure, which rolls the change back
     */
    void statusKindChanged(Connection c, String status) throws SQLException;
}
