package org.tesseracrm.automation.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Schedules (issue 22 item 7): actions run at a time over the records of a shared saved list view, on the kernel's
 * durable timers. Every method needs {@link Automation#CONFIGURE}.
 */
@ProviderType
public interface Schedules {
    /**
     * @return every schedule, by name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    List<Schedule> schedules();

    /**
     * @param id a schedule's id
     * @return the schedule
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such schedule
     */
    Schedule schedule(long id);

    /**
     * Saves a new schedule ({@code id == 0}) or changes one, and sets its timer to the next run.
     *
     * @param schedule the schedule as edited
     * @return the schedule as saved, with its next run
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the schedule to change does not exist
     * @throws org.tesseracrm.kernel.api.ValidationException naming the part that is wrong: name, a view that does
     *     not exist or is not shared, conditions, a day, an action not installed, a one-time run in the past
     */
    Schedule save(Schedule schedule);

    /**
     * @param id a schedule's id
     * @return whether there was such a schedule (its timer and runs go with it)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    boolean delete(long id);

    /**
     * Runs a schedule now, whatever its next run (which stays as it is).
     *
     * @param id a schedule's id
     * @return the run
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such schedule
     */
    ScheduleRun runNow(long id);

    /**
     * @param id a schedule's id
     * @param limit the most returned, 1 to 1000
     * @return its runs, newest first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    List<ScheduleRun> runs(long id, int limit);
}
