package org.tesseracrm.cases.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * What the Cases module adds to the record platform's cases: moving a case to a solved or closed status, its
 * dependencies, and the admin's settings (case types with their number prefixes, the kind of each status). Every
 * method checks the caller's permissions (and the cases' visibility where it names one); plain field edits go through
 * {@link org.tesseracrm.kernel.api.record.Records} with record type {@link CaseFields#RECORD_TYPE}, where the
 * module's rules hold as well (number given at creation, solution required for a solved status, no solving or
 * closing while the case depended on is open, no dependency cycles).
 */
@ProviderType
public interface Cases {
    /**
     * Solves a case: its status becomes the first active status of kind {@link StatusKind#SOLVED} and its solution the
     * text given.
     *
     * @param caseId a case the caller may edit
     * @param solution the solution; required
     * @return the case after the change
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code cases.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the case
     * @throws org.tesseracrm.kernel.api.ValidationException on field {@code solution} without a solution, on
     *     field {@code status} while the case it depends on is not solved or closed
     */
    RecordRow solve(long caseId, String solution);

    /**
     * Closes a case: its status becomes the first active status of kind {@link StatusKind#CLOSED}.
     *
     * @param caseId a case the caller may edit
     * @return the case after the change
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code cases.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the case
     * @throws org.tesseracrm.kernel.api.ValidationException on field {@code status} while the case it depends on is
     *     not solved or closed
     */
    RecordRow close(long caseId);

    /**
     * @param caseId a case the caller sees
     * @return the cases that depend on it (that cannot be solved or closed before it), those the caller sees
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code cases.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the case
     */
    List<RecordRow> dependents(long caseId);

    /**
     * @param caseId a case the caller sees
     * @return the case it depends on, if that one is not solved or closed yet (what keeps this one open)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code cases.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the case
     */
    Optional<String> openDependency(long caseId);

    /**
     * @param status a status value
     * @return its kind; {@link StatusKind#OPEN} for a status the admin gave none
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code cases.view}
     */
    StatusKind kindOf(String status);

    /**
     * @return every value of the status pick-list, in its order (inactive ones included), with its kind
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code cases.view}
     */
    Map<String, StatusKind> statusKinds();

    /**
     * Sets the kind of a status value (one of the status pick-list's).
     *
     * @param status a value of the status pick-list
     * @param kind its kind
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code cases.configure}
     * @throws org.tesseracrm.kernel.api.ValidationException on field {@code status} if the pick-list has no such
     *     value, or if it would leave no active status of kind solved or closed
     */
    void setStatusKind(String status, StatusKind kind);

    /**
     * @return every case type (the pick-list's values in order, inactive ones included) with its number prefix
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code cases.view}
     */
    List<CaseType> types();

    /**
     * Adds a case type (a new active value at the end of the pick-list) or changes a type's prefix. Numbers already
     * given keep their prefix; new cases of the type take the new one, continuing that prefix's sequence.
     *
     * @param name the type, e.g. {@code Warranty}
     * @param prefix its prefix, 1 to 10 capital letters or digits, e.g. {@code WAR}; no other type's
     * @return the type as saved
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code cases.configure}
     * @throws org.tesseracrm.kernel.api.ValidationException on field {@code name} or {@code prefix}
     */
    CaseType saveType(String name, String prefix);
}
