package org.tesseracrm.kernel.rest.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.CallerInfo;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/me}: who the token's calls run as and what they may do, so that a client can check its token.
 */
@Component(service = MeResource.class)
@JakartarsResource
@JakartarsName("tessera.me")
@JakartarsExtensionSelect(JsonProvider.SELECT)
@Path("v1/me")
public class MeResource {
    private final AccessControl access;
    private final CallerContext callers;

    /**
     * @param access describes the caller
     * @param callers the call's token
     */
    @Activate
    public MeResource(@Reference AccessControl access, @Reference CallerContext callers) {
        this.access = access;
        this.callers = callers;
    }

    /** @return the caller's user name, full name and permissions, and the token's scope and record types */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        CallerInfo caller = access.me();
        return new Me(caller.username(), caller.fullName(), caller.fullAccess(), caller.permissions().stream().sorted().toList(),
                callers.token().map(TokenView::of).orElse(null));
    }

    /**
     * The answer.
     *
     * @param username the user the calls run as
     * @param fullName their name
     * @param fullAccess whether their profile grants everything
     * @param permissions the permission ids their profile grants, sorted (empty with full access)
     * @param token the token of the call
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(String username, String fullName, boolean fullAccess, List<String> permissions, TokenView token) {
    }

    /**
     * The token as the API shows it: never its secret.
     *
     * @param id the token id
     * @param name its name
     * @param scope {@code READ} or {@code READ_WRITE}
     * @param recordTypes the record types it may touch, sorted; empty: all
     * @param expiresAt when it expires (ISO-8601), absent if never
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenView(long id, String name, String scope, List<String> recordTypes, String expiresAt) {
        static TokenView of(ApiToken token) {
            Optional<String> expires = token.expiresAt().map(Object::toString);
            return new TokenView(token.id(), token.name(), token.scope().name(), token.recordTypes().stream().sorted().toList(),
                    expires.orElse(null));
        }
    }
}
