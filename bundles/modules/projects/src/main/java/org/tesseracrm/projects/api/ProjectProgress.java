package org.tesseracrm.projects.api;

/**
 * How far a project is, from its tasks (activities of kind {@code task} that belong to the project).
 *
 * @param tasks how many tasks the project has, at least 1
 * @param done how many of them are done, 0 to {@code tasks}
 */
public record ProjectProgress(long tasks, long done) {
    /** Checks the counts. */
    public ProjectProgress {
        if (tasks < 1 || done < 0 || done > tasks) {
            throw new IllegalArgumentException("A progress needs 1 or more tasks and 0 to that many done, not "
                    + done + " of " + tasks);
        }
    }

    /**
     * @return done tasks in percent of all tasks, rounded down: 100 only once every task is done (1 of 3 is 33)
     */
    public int percent() {
        return (int) (done * 100 / tasks);
    }
}
