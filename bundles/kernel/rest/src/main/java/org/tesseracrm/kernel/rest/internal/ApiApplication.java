package org.tesseracrm.kernel.rest.internal;

import java.util.Map;
import java.util.Set;

import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ServerProperties;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.core.Application;

/**
 * The API's application: it takes the place of the whiteboard's implicit default application (same name,
 * {@code .default}, same base, higher ranking), so every resource a module registers without choosing an
 * application is in it, at {@code /api/<its @Path>}. Its properties are Jersey's settings for the whole API.
 */
@Component(service = Application.class)
@JakartarsApplicationBase("/")
@JakartarsName(JakartarsWhiteboardConstants.JAKARTA_RS_DEFAULT_APPLICATION)
public class ApiApplication extends Application {

    /**
     * @return Jersey's multipart support ({@code multipart/form-data} bodies, {@code @FormDataParam}), for every
     *     resource of the API: attachment uploads are its first user
     */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MultiPartFeature.class);
    }

    /** @return no WADL: the API will be described by OpenAPI, and WADL needs a JAXB implementation (warns on every reload) */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServerProperties.WADL_FEATURE_DISABLE, Boolean.TRUE);
    }
}
