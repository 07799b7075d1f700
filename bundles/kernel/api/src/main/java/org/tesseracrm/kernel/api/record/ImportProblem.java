package org.tesseracrm.kernel.api.record;

/**
 * Why one row of an import file was not (or would not be) imported.
 *
 * @param line the row's line in the file as a spreadsheet shows it (the header is line 1)
 * @param column the file column at fault, or empty when the whole row is
 * @param message what is wrong and how to fix it
 */
public record ImportProblem(int line, String column, String message) {
}
