package org.tesseracrm.kernel.api.record;

import java.util.List;

/**
 * The outcome of checking or running an import.
 *
 * @param rows the data rows in the file, blank rows not counted
 * @param created records created (or, for a check, that would be)
 * @param updated records updated (or that would be)
 * @param skipped rows left out because they match an existing record (skip-duplicates mode)
 * @param problems the rows not imported and why, by line
 * @param written true if the import changed the database; false for a check, and for an all-or-nothing
 *     import that found problems
 */
public record ImportReport(int rows, int created, int updated, int skipped, List<ImportProblem> problems,
        boolean written) {
    /** Keeps an unmodifiable copy. */
    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** @return the number of rows with at least one problem */
    public long invalidRows() {
        return problems.stream().mapToInt(ImportProblem::line).distinct().count();
    }
}
