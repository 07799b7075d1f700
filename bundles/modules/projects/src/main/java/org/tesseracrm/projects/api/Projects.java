package org.tesseracrm.projects.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A project's members, its related records of any type and its progress. Every method checks the caller's
 * permissions and that the caller sees the project (its owner's visibility, or being a member): reading needs
 * {@code projects.view}, changing {@code projects.edit}.
 */
@ProviderType
public interface Projects {
    /**
     * @param projectId a project the caller sees
     * @return its members, by user name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code projects.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the project
     */
    List<ProjectMember> members(long projectId);

    /**
     * Adds an active user to a project, or changes the role of a member: members see the project.
     *
     * @param projectId a project the caller sees
     * @param username an active user
     * @param role what the member does, up to 100 characters; empty for none
     * @return true if the user was added now, false if they were a member already (the role is changed)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code projects.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the project
     * @throws org.tesseracrm.kernel.api.ValidationException for an unknown or inactive user, or a role too long
     */
    boolean addMember(long projectId, String username, String role);

    /**
     * @param projectId a project the caller sees
     * @param username a member
     * @return true if they were a member
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code projects.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the project
     */
    boolean removeMember(long projectId, String username);

    /**
     * @return the user names of the active users, sorted: who may be made a member
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code projects.edit}
     */
    List<String> memberCandidates();

    /**
     * @param projectId a project the caller sees
     * @return its related records, by type and id, each with its title only if the caller may see that record
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code projects.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the project
     */
    List<ProjectLink> links(long projectId);

    /**
     * Relates a record of any type to a project.
     *
     * @param projectId a project the caller sees
     * @param recordType the record's type id, e.g. {@code case}
     * @param recordId a record of that type the caller sees
     * @return true if linked now, false if it already was
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code projects.edit} or the record type's
     *     view permission
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the project or the record
     * @throws org.tesseracrm.kernel.api.ValidationException for an unknown type, the project itself, or too many
     *     links
     */
    boolean link(long projectId, String recordType, long recordId);

    /**
     * @param projectId a project the caller sees
     * @param recordType the record's type id
     * @param recordId the record's id (it may be deleted, or hidden from the caller)
     * @return true if it was linked
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code projects.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the project
     */
    boolean unlink(long projectId, String recordType, long recordId);

    /**
     * @param projectId a project the caller sees
     * @return done tasks of all its tasks, whoever owns them; empty if it has no tasks (or activities are not
     *     installed)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code projects.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the project
     */
    Optional<ProjectProgress> progress(long projectId);
}
