package org.tesseracrm.automation.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;

import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.timer.DueTimer;

/**
 * What the module's other components ask of the {@link Engine}: an internal service interface (not API, and no
 * user-facing service: the callers check permissions, the engine's own work runs as the system).
 */
public interface RuleEngine {
    /** @return the company time zone dates, offsets and calendar units count in */
    ZoneId zone();

    /** Forgets the rules in memory: a rule was saved, switched or deleted (called in and after its transaction). */
    void rulesChanged();

    /**
     * @param recordType a record type id
     * @return its fields, predefined and custom
     * @throws org.tesseracrm.kernel.api.NotFoundException if no such type is installed
     */
    List<FieldDefinition> fields(String recordType);

    /**
     * A "date reached" timer came due.
     *
     * @param timer the timer
     * @param records the record platform, acting as the system
     */
    void dateReached(DueTimer timer, Records records);

    /**
     * @param event a contributed trigger's event
     * @return whether an active rule may listen to it (from memory)
     */
    boolean listens(TriggerEvent event);

    /**
     * A contributed trigger happened: queue the runs of the rules it starts.
     *
     * @param event the event
     * @param records the record platform, acting as the system
     */
    void triggered(TriggerEvent event, Records records);

    /**
     * A run's timer came due: do its actions.
     *
     * @param timer the run's timer
     */
    void run(DueTimer timer);

    /**
     * @param c the transaction's connection
     * @param ruleId a rule about to be deleted: its queued runs' timers are cancelled
     * @throws SQLException if the database fails
     */
    void cancelRuns(Connection c, long ruleId) throws SQLException;
}
