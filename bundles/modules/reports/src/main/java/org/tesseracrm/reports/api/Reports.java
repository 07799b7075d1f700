package org.tesseracrm.reports.api;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.ExportFormat;

/**
 * Saved reports and the ready-made ones bundles contribute ({@link ReportSource}): listing, saving, sharing,
 * running, drilling into a row, exporting and e-mailing on a schedule. Every method checks the caller's
 * permissions; every report runs as the caller, so the record type's {@code <module>.view} permission and the
 * caller's record visibility apply to every figure: two users running the same report see their own numbers.
 *
 * <p>A saved report is visible to its owner, to the users its {@link Sharing} reaches and to admins
 * ({@link #ADMIN}); others get {@link org.tesseracrm.kernel.api.NotFoundException} as if it did not exist.
 */
@ProviderType
public interface Reports {
    /** Permission to list, run, drill into and export the reports one sees. */
    String VIEW = "reports.view";
    /** Permission to save (create and change one's own) reports. */
    String BUILD = "reports.build";
    /** Permission to share one's reports with everyone, roles or groups, and to schedule them by e-mail. */
    String SHARE = "reports.share";
    /** Permission to see, change and delete every saved report. */
    String ADMIN = "reports.admin";

    /**
     * @return the saved reports the caller sees and the contributed ones the caller may run, by name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     */
    List<ReportInfo> list();

    /**
     * @return the roles and groups a report can be shared with, by name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #SHARE}
     */
    List<ShareTarget> shareTargets();

    /**
     * @param id a saved report's id
     * @return the report
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is none or the caller does not see it
     */
    Report get(long id);

    /**
     * Creates ({@code id} 0) or changes a saved report. The spec is checked against its record type: the caller
     * needs its {@code <module>.view}, fields must exist and fit their use.
     *
     * @param input the report
     * @return the report as saved, with its new version
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #BUILD}; without {@link #SHARE}
     *     for a shared report; when changing someone else's report without {@link #ADMIN}
     * @throws org.tesseracrm.kernel.api.ValidationException with one error per bad field ({@code name},
     *     {@code spec.groups}, ...)
     * @throws org.tesseracrm.kernel.api.NotFoundException if a changed report does not exist or is not seen
     * @throws org.tesseracrm.kernel.api.ConflictException if it changed since the caller read it
     */
    Report save(ReportInput input);

    /**
     * Deletes a saved report and its schedule.
     *
     * @param id its id
     * @param version the version the caller read
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #BUILD}, or for someone else's
     *     report without {@link #ADMIN}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is none or the caller does not see it
     * @throws org.tesseracrm.kernel.api.ConflictException if it changed since the caller read it
     */
    void delete(long id, long version);

    /**
     * Runs a saved or contributed report as the caller.
     *
     * @param key {@code report:<id>} or {@code source:<id>}
     * @param period the period on the report's period field; empty for all time (a report without a period field
     *     ignores it)
     * @return the result
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}, without the record
     *     type's {@code <module>.view}, or without a contributed report's permission
     * @throws org.tesseracrm.kernel.api.NotFoundException for an unknown key or a report the caller does not see
     * @throws org.tesseracrm.kernel.api.ValidationException if the report no longer fits its record type (a field
     *     was deleted) or has too many rows
     */
    ReportResult run(String key, Optional<Period> period);

    /**
     * Runs a spec that is not saved (the builder's preview).
     *
     * @param spec what to compute
     * @param period as {@link #run}
     * @return the result, titled "Preview"
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW} or the record type's
     *     {@code <module>.view}
     * @throws org.tesseracrm.kernel.api.ValidationException for a spec that does not fit its record type
     */
    ReportResult preview(ReportSpec spec, Optional<Period> period);

    /**
     * The records behind one row of a report, for a click on a bar, slice or table row.
     *
     * @param key {@code report:<id>} or {@code source:<id>}
     * @param rowKeys the row's {@link org.tesseracrm.kernel.api.record.AggregateRow#keys}
     * @param period the period the report was run for
     * @return the record type and the filters that list exactly that row's records for the caller
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException as {@link #run}
     * @throws org.tesseracrm.kernel.api.NotFoundException as {@link #run}
     * @throws org.tesseracrm.kernel.api.ValidationException if the report has no click-through or the keys do not
     *     fit its groupings
     */
    Drill drill(String key, List<Optional<String>> rowKeys, Optional<Period> period);

    /**
     * Writes a report's result, run as the caller, to a file: one column per grouping and per measure, text cells
     * formula-safe (CSV cells starting with {@code = + - @}, a tab or a carriage return get a leading quote; xlsx
     * cells are typed: numbers stay numbers, text is never a formula).
     *
     * @param key {@code report:<id>} or {@code source:<id>}
     * @param format xlsx or csv
     * @param period as {@link #run}
     * @param out where the file goes; not closed
     * @return the number of rows written
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException as {@link #run}
     * @throws org.tesseracrm.kernel.api.NotFoundException as {@link #run}
     */
    int export(String key, ExportFormat format, Optional<Period> period, OutputStream out);

    /**
     * @param id a saved report's id
     * @return its e-mail schedule; {@link Frequency#NONE} when it has none
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is none or the caller does not see it
     */
    Schedule schedule(long id);

    /**
     * Sets or cancels a saved report's e-mail schedule (durable timer {@code reports.schedule}). Mail goes through
     * the e-mail module when it is installed; without it nothing is sent and the run is logged.
     *
     * @param id a saved report's id, the caller's own (or any, for an admin)
     * @param input frequency, format and recipients
     * @return the schedule as set
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #SHARE}, or for someone else's
     *     report without {@link #ADMIN}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is none or the caller does not see it
     * @throws org.tesseracrm.kernel.api.ValidationException for unknown recipients, recipients who may not see the
     *     report, or too many
     */
    Schedule schedule(long id, ScheduleInput input);
}
