package org.tesseracrm.automation.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Approval processes and the records submitted to them. Managing processes needs {@link Automation#CONFIGURE}
 * (reading them {@link Automation#VIEW}); a record's requests need the view permission of the record type's module
 * and the record's visibility; submitting also needs the module's edit permission; approving and rejecting need the
 * caller to be one of the current step's approvers. Outcomes go to the record's history.
 */
@ProviderType
public interface Approvals {
    /** Longest comment kept with a submit or a decision. */
    int MAX_COMMENT = 1000;

    /**
     * @return every process, by name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#VIEW}
     */
    List<ApprovalProcess> processes();

    /**
     * @param id a process id
     * @return the process
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#VIEW}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such process
     */
    ApprovalProcess process(long id);

    /**
     * Saves a new process ({@code id == 0}) or changes one (the version the caller read). Requests already
     * submitted keep the steps they were submitted with.
     *
     * @param process the process as edited
     * @return the process as saved
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException naming the part that is wrong (blank or taken name,
     *     unknown record type, criteria that do not fit the type, no steps or more than 10, an unknown or inactive
     *     approver, a gate field that is not a pick-list of the type)
     * @throws org.tesseracrm.kernel.api.ConflictException if someone saved it since
     */
    ApprovalProcess saveProcess(ApprovalProcess process);

    /**
     * Deletes a process and its requests (a pending request no longer locks its record).
     *
     * @param id a process id
     * @return whether there was such a process
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    boolean deleteProcess(long id);

    /**
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @return the active process the record must go through now (the first by name whose criteria it meets), if any
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the module's view permission
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     */
    Optional<ApprovalProcess> processFor(String recordType, long recordId);

    /**
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @return the record's requests, newest first (the first is pending while the record is locked)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the module's view permission
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     */
    List<ApprovalRequest> requests(String recordType, long recordId);

    /**
     * Submits a record for approval to the active process whose criteria it meets; it is locked until decided, and
     * the first step's approvers are notified with a link to it.
     *
     * @param recordType a record type id
     * @param recordId a record the caller sees and may edit
     * @param comment a comment for the approvers, "" for none
     * @return the pending request
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the module's edit permission
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     * @throws org.tesseracrm.kernel.api.ValidationException if it is already pending, meets no active process's
     *     criteria, or its first step has no approver
     */
    ApprovalRequest submit(String recordType, long recordId, String comment);

    /**
     * Approves the current step of the record's pending request: the next step's approvers are notified, or, at the
     * last step, the request is approved, the record unlocked and the submitter notified.
     *
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @param comment the approver's comment, "" for none
     * @return the request after the decision
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the module's view permission, or if the
     *     caller is not one of the current step's approvers
     * @throws org.tesseracrm.kernel.api.ValidationException if nothing is pending for the record
     */
    ApprovalRequest approve(String recordType, long recordId, String comment);

    /**
     * Rejects the record's pending request: it is unlocked and the submitter notified.
     *
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @param comment why, "" for none
     * @return the request, rejected
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException as {@link #approve}
     * @throws org.tesseracrm.kernel.api.ValidationException if nothing is pending for the record
     */
    ApprovalRequest reject(String recordType, long recordId, String comment);

    /**
     * @param recordType a record type id
     * @return the pending requests of that type the caller may decide now, oldest first (at most 500)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the module's view permission
     */
    List<ApprovalRequest> waiting(String recordType);
}
