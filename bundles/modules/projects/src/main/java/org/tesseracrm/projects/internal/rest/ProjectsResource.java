package org.tesseracrm.projects.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.projects.api.ProjectLink;
import org.tesseracrm.projects.api.ProjectMember;
import org.tesseracrm.projects.api.ProjectProgress;
import org.tesseracrm.projects.api.Projects;
import org.tesseracrm.projects.internal.ProjectsModule;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/projects/{id}/...}: a project's members, its related records and its progress, through
 * {@link Projects}, which checks the permissions and the project's visibility for the token's user (and the linked
 * records' for their titles). The projects' fields are read and written through {@code /api/v1/records/project}.
 * Errors are problem+json by the REST runtime's mapper; the permission is checked before a body is read. Its
 * whiteboard properties are written out, so the module installs without crm-rest.
 */
@Component(service = ProjectsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.projects", "osgi.jakartars.extension.select=" + ProjectsResource.JSON})
@Path("v1/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final Projects projects;
    private final AccessControl access;

    /**
     * @param projects does the work and checks the permissions
     * @param access checks the permission before a body is looked at
     */
    @Activate
    public ProjectsResource(@Reference Projects projects, @Reference AccessControl access) {
        this.projects = projects;
        this.access = access;
    }

    /**
     * @param id a project
     * @return {@code {"data": [{"username", "role", "addedBy", "addedAt"}]}}
     */
    @GET
    @Path("{id}/members")
    public Map<String, Object> members(@PathParam("id") long id) {
        return Map.of("data", projects.members(id).stream().map(ProjectsResource::member).toList());
    }

    /**
     * Adds a member, or changes a member's role.
     *
     * @param id a project the caller may edit
     * @param body {@code {"username": "ana", "role": "Consultant"}}, the role optional
     * @return {@code {"added": true}} if added now, false if the role of a member was changed
     */
    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> addMember(@PathParam("id") long id, MemberRequest body) {
        access.require(ProjectsModule.EDIT);
        MemberRequest member = body == null ? new MemberRequest(null, null) : body;
        return Map.of("added", projects.addMember(id, member.username(), member.role()));
    }

    /**
     * @param id a project the caller may edit
     * @param username a member
     * @return {@code {"removed": true}} if they were a member
     */
    @DELETE
    @Path("{id}/members/{username}")
    public Map<String, Object> removeMember(@PathParam("id") long id, @PathParam("username") String username) {
        return Map.of("removed", projects.removeMember(id, username));
    }

    /**
     * @param id a project
     * @return {@code {"data": [{"recordType", "recordId", "typeLabel", "state", "title"}]}}: {@code state} is
     *     {@code SHOWN} (with the title), {@code HIDDEN} (the caller may not see the record), {@code REMOVED}
     *     (deleted) or {@code UNAVAILABLE} (its module is not installed)
     */
    @GET
    @Path("{id}/links")
    public Map<String, Object> links(@PathParam("id") long id) {
        return Map.of("data", projects.links(id).stream().map(ProjectsResource::link).toList());
    }

    /**
     * @param id a project the caller may edit
     * @param type the record's type id, e.g. {@code case}
     * @param recordId a record of that type the caller sees
     * @return {@code {"linked": true}} if linked now, false if it already was
     */
    @POST
    @Path("{id}/links/{type}/{recordId}")
    public Map<String, Object> link(@PathParam("id") long id, @PathParam("type") String type,
            @PathParam("recordId") long recordId) {
        return Map.of("linked", projects.link(id, type, recordId));
    }

    /**
     * @param id a project the caller may edit
     * @param type the record's type id
     * @param recordId the record's id
     * @return {@code {"unlinked": true}} if it was linked
     */
    @DELETE
    @Path("{id}/links/{type}/{recordId}")
    public Map<String, Object> unlink(@PathParam("id") long id, @PathParam("type") String type,
            @PathParam("recordId") long recordId) {
        return Map.of("unlinked", projects.unlink(id, type, recordId));
    }

    /**
     * @param id a project
     * @return {@code {"tasks": 4, "done": 1, "percent": 25}}; {@code {"tasks": 0, "done": 0, "percent": null}} for
     *     a project without tasks
     */
    @GET
    @Path("{id}/progress")
    public Map<String, Object> progress(@PathParam("id") long id) {
        Map<String, Object> out = new LinkedHashMap<>();
        ProjectProgress progress = projects.progress(id).orElse(null);
        out.put("tasks", progress == null ? 0 : progress.tasks());
        out.put("done", progress == null ? 0 : progress.done());
        out.put("percent", progress == null ? null : progress.percent());
        return out;
    }

    private static Map<String, Object> member(ProjectMember member) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", member.username());
        out.put("role", member.role());
        out.put("addedBy", member.addedBy());
        out.put("addedAt", member.addedAt().toString());
        return out;
    }

    private static Map<String, Object> link(ProjectLink link) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recordType", link.recordType());
        out.put("recordId", link.recordId());
        out.put("typeLabel", link.typeLabel());
        out.put("state", link.state().name());
        link.title().ifPresent(title -> out.put("title", title));
        return out;
    }

    /**
     * A member to add, as a POST takes it.
     *
     * @param username the user's name
     * @param role what they do on the project; null or empty for none
     */
    public record MemberRequest(String username, String role) {
    }
}
