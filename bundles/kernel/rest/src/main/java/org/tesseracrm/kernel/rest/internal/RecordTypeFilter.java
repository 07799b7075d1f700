package org.tesseracrm.kernel.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.tesseracrm.kernel.api.security.AccessControl;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * The API token's record types where a resource names a type in its address: every resource whose {@code @Path} has
 * the parameter {@value #TYPE_PARAMETER} (as {@code v1/records/{type}} will) is refused with 403 for a token limited to
 * other types ({@link AccessControl#requireRecordType}). A resource that touches a type its address does not name
 * calls {@code requireRecordType} itself.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("tessera.record-types")
@JakartarsExtensionSelect(JsonProvider.SELECT)
public class RecordTypeFilter implements ContainerRequestFilter {
    /** The path parameter that names a record type id. */
    public static final String TYPE_PARAMETER = "type";

    private final AccessControl access;

    /** @param access checks the call's token */
    @Activate
    public RecordTypeFilter(@Reference AccessControl access) {
        this.access = access;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> types = request.getUriInfo().getPathParameters().get(TYPE_PARAMETER);
        if (types != null) {
            types.forEach(access::requireRecordType);
        }
    }
}
