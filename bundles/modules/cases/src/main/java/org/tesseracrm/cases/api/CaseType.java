package org.tesseracrm.cases.api;

/**
 * A case type (a value of the {@link CaseFields#CASE_TYPE} pick-list) with the prefix its cases' numbers take.
 *
 * @param name the type, e.g. {@code Complaint}
 * @param prefix the number prefix, e.g. {@code QUE}: 1 to 10 capital letters or digits
 * @param active whether new cases may take the type (an inactive type stays on its old cases)
 */
public record CaseType(String name, String prefix, boolean active) {
}
