package org.tesseracrm.kernel.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/ping}: the REST runtime is up. It says nothing about the kernel's health (that is
 * {@code /health}); a client or a load balancer uses it to see that the API answers.
 */
@Component(service = PingResource.class)
@JakartarsResource
@JakartarsName("tessera.ping")
@JakartarsExtensionSelect(JsonProvider.SELECT)
@Path("v1/ping")
public class PingResource {

    /** @return {@code {"status":"UP"}} */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Ping ping() {
        return new Ping("UP");
    }

    /** The answer of the ping. */
    public record Ping(String status) {
    }
}
