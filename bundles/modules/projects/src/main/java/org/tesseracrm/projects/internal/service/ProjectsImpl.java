package org.tesseracrm.projects.internal.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.projects.api.ProjectFields;
import org.tesseracrm.projects.api.ProjectLink;
import org.tesseracrm.projects.api.ProjectMember;
import org.tesseracrm.projects.api.ProjectProgress;
import org.tesseracrm.projects.api.Projects;
import org.tesseracrm.projects.internal.ProjectsModule;

/**
 * The projects service (see {@link Projects}). The project is read through {@link Records} as the caller first, so
 * the platform's visibility (owners, and members through {@link ProjectRecordType#sharedRows}) decides whether the
 * caller sees it; a linked record's title comes from {@link Records#titles}, which gives none without the record
 * type's view permission or the record in the caller's visibility. Members and links are the module's tables.
 */
@Component(service = Projects.class)
public class ProjectsImpl implements Projects {
    private final Records records;
    private final RecordTypes types;
    private final AccessControl access;
    private final CallerContext callers;
    private final SecurityAdmin security;
    private final TransactionScope scope;
    private final Clock clock;

    /**
     * @param records the projects and the linked records, read as the caller
     * @param types the linked records' types
     * @param access the caller's permissions
     * @param callers looks the users up as the system (whether a member to add is an active user)
     * @param security the users
     * @param scope the transactions
     * @param type the project record type, registered once the module's tables exist
     */
    @Activate
    public ProjectsImpl(@Reference Records records, @Reference RecordTypes types, @Reference AccessControl access,
            @Reference CallerContext callers, @Reference SecurityAdmin security, @Reference TransactionScope scope,
            @Reference(target = "(" + RecordType.ID + "=" + ProjectFields.RECORD_TYPE + ")") RecordType type) {
        this.records = records;
        this.types = types;
        this.access = access;
        this.callers = callers;
        this.security = security;
        this.scope = scope;
        this.clock = Clock.systemUTC();
    }

    @Override
    public List<ProjectMember> members(long projectId) {
        access.require(ProjectsModule.VIEW);
        project(projectId);
        return scope.required(c -> ProjectStore.members(c, projectId));
    }

    @Override
    public boolean addMember(long projectId, String username, String role) {
        String actor = access.require(ProjectsModule.EDIT).username();
        project(projectId);
        String user = username == null ? "" : username.strip();
        String roleText = role == null ? "" : role.strip();
        boolean known = !user.isEmpty() && activeUsers().contains(user);
        return scope.required(c -> {
            int others = ProjectStore.members(c, projectId).stream().anyMatch(m -> m.username().equals(user))
                    ? 0 : ProjectStore.memberCount(c, projectId);
            refuse(ProjectRules.memberErrors(user, roleText, known, others));
            return ProjectStore.putMember(c, projectId, user, roleText, actor, clock.instant());
        });
    }

    @Override
    public boolean removeMember(long projectId, String username) {
        access.require(ProjectsModule.EDIT);
        project(projectId);
        return username != null && scope.required(c -> ProjectStore.removeMember(c, projectId, username.strip()));
    }

    @Override
    public List<String> memberCandidates() {
        access.require(ProjectsModule.EDIT);
        access.requireRecordType(ProjectFields.RECORD_TYPE);
        return activeUsers().stream().sorted().toList();
    }

    /** @return the active users' names, looked up as the system: any editor may add any colleague */
    private Set<String> activeUsers() {
        return Set.copyOf(callers.callAs(Caller.SYSTEM, () -> security.users().stream().filter(UserInfo::active)
                .map(UserInfo::username).toList()));
    }

    @Override
    public List<ProjectLink> links(long projectId) {
        access.require(ProjectsModule.VIEW);
        project(projectId);
        List<ProjectStore.Link> stored = scope.required(c -> ProjectStore.links(c, projectId));
        Map<String, List<Long>> byType = new LinkedHashMap<>();
        stored.forEach(l -> byType.computeIfAbsent(l.recordType(), t -> new ArrayList<>()).add(l.recordId()));
        List<ProjectLink> links = new ArrayList<>();
        for (Map.Entry<String, List<Long>> entry : byType.entrySet()) {
            Optional<RecordType> type = types.find(entry.getKey());
            if (type.isEmpty()) {
                entry.getValue().forEach(id -> links.add(new ProjectLink(entry.getKey(), id, entry.getKey(),
                        Optional.empty(), ProjectLink.State.UNAVAILABLE)));
                continue;
            }
            // titles only of what the caller may see: none without the type's view permission or the record
            Map<Long, String> titles = records.titles(entry.getKey(), entry.getValue());
            Set<Long> existing = scope.required(c -> ProjectStore.existing(c, type.get().table(), entry.getValue()));
            for (long id : entry.getValue()) {
                links.add(LinkStates.link(type.get().id(), id, type.get().label(), titles.get(id),
                        existing.contains(id)));
            }
        }
        return links;
    }

    @Override
    public boolean link(long projectId, String recordType, long recordId) {
        String actor = access.require(ProjectsModule.EDIT).username();
        project(projectId);
        boolean known = recordType != null && types.find(recordType).isPresent();
        int count = scope.required(c -> ProjectStore.linkCount(c, projectId));
        refuse(ProjectRules.linkErrors(projectId, recordType, recordId, known, count));
        RecordType type = types.find(recordType).orElseThrow();
        access.requireRecordType(recordType);
        // the caller must see the record: the platform checks the type's view permission and the visibility
        records.get(recordType, recordId).orElseThrow(() -> new NotFoundException(type.label(), recordId));
        return scope.required(c -> ProjectStore.link(c, projectId, new ProjectStore.Link(recordType, recordId),
                actor, clock.instant()));
    }

    @Override
    public boolean unlink(long projectId, String recordType, long recordId) {
        access.require(ProjectsModule.EDIT);
        project(projectId);
        return recordType != null && scope.required(c -> ProjectStore.unlink(c, projectId,
                new ProjectStore.Link(recordType, recordId)));
    }

    @Override
    public Optional<ProjectProgress> progress(long projectId) {
        access.require(ProjectsModule.VIEW);
        project(projectId);
        return progress(types, scope, List.of(projectId)).getOrDefault(projectId, Optional.empty());
    }

    /**
     * The progress of projects the caller sees, for a list page: one query for all, counting every task of each
     * project whoever owns it (the activities' table, from the activity record type's definition).
     *
     * @param types finds the activity record type
     * @param scope the transactions
     * @param projectIds projects already read through the platform as the caller
     * @return the progress of each, empty for those without tasks and for all without the Activities module
     */
    static Map<Long, Optional<ProjectProgress>> progress(RecordTypes types, TransactionScope scope,
            List<Long> projectIds) {
        Optional<TaskColumns> columns = TaskColumns.of(types.find(TaskColumns.ACTIVITY));
        Map<Long, ProjectStore.Tasks> tasks = columns.isEmpty() || projectIds.isEmpty() ? Map.of()
                : scope.required(c -> ProjectStore.tasks(c, columns.get(), projectIds));
        Map<Long, Optional<ProjectProgress>> progress = new LinkedHashMap<>();
        for (long id : projectIds) {
            ProjectStore.Tasks counted = tasks.get(id);
            progress.put(id, counted == null ? Optional.empty() : ProjectRules.progress(counted.all(),
                    counted.done()));
        }
        return progress;
    }

    /** @return the project, if the caller sees it (and the call's API token covers projects) */
    private RecordRow project(long projectId) {
        access.requireRecordType(ProjectFields.RECORD_TYPE);
        return records.get(ProjectFields.RECORD_TYPE, projectId)
                .orElseThrow(() -> new NotFoundException("Project", projectId));
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
