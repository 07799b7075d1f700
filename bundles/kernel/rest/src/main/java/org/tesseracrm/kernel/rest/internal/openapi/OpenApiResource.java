package org.tesseracrm.kernel.rest.internal.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.rest.internal.JsonProvider;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 document of the API as installed now, computed on each request
 * from {@link RecordTypes}, {@link CustomFields} and the resource services on the whiteboard, so that a module or a
 * custom field that comes or goes is in the next answer (nothing to invalidate; the fields and pick-lists come from
 * the record platform's memory). Like every call but the ping it needs a token: the document names the installed
 * types and their custom fields, which is the business of the CRM's users; it shows the types the token's user may
 * view and the token may touch. The inputs are gathered on each request (from memory, cheap); the document built from
 * them is kept, serialised, for the next request with equal inputs ({@link DocumentMemo}), since building and writing
 * it is what costs.
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JakartarsName("tessera.openapi")
@JakartarsExtensionSelect(JsonProvider.SELECT)
@Path("v1/openapi.json")
public class OpenApiResource {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);
    private static final String RESOURCES = "(" + JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE + "=true)";

    private final BundleContext context;
    private final RecordTypes types;
    private final CustomFields fields;
    private final AccessControl access;
    private final CallerContext callers;
    /** Resource classes by service id, so that a resource's service is looked at once. */
    private final Map<Long, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
    /** The documents last served, by what they were built from. */
    private final DocumentMemo documents = new DocumentMemo(8);

    /**
     * @param context finds the resource services
     * @param types the installed record types
     * @param fields their fields, custom ones included
     * @param access what the caller may view
     * @param callers the call's token
     */
    @Activate
    public OpenApiResource(BundleContext context, @Reference RecordTypes types, @Reference CustomFields fields,
            @Reference AccessControl access, @Reference CallerContext callers) {
        this.context = context;
        this.types = types;
        this.fields = fields;
        this.access = access;
        this.callers = callers;
    }

    /** @return the document; never cached by the client, since it changes with the installation and the caller */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        byte[] document = documents.get(context.getBundle().getVersion().toString(), installedTypes(), resources(),
                (version, types, resources) -> OpenApiDocument.build(version, types, resources, Set.of("/v1/ping")));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.ok(document).cacheControl(noStore).build();
    }

    /** @return the types the caller may view and the token may touch, with their fields and active pick-list values */
    List<InstalledType> installedTypes() {
        Optional<ApiToken> token = callers.token();
        List<InstalledType> installed = new ArrayList<>();
        for (RecordType type : types.all()) {
            if (token.isPresent() && !token.get().recordTypes().isEmpty() && !token.get().recordTypes().contains(type.id())
                    || !access.permitted(type.moduleId() + ".view")) {
                continue;
            }
            try {
                List<FieldDefinition> typeFields = fields.fields(type.id());
                Map<String, List<String>> pickLists = new LinkedHashMap<>();
                for (FieldDefinition field : typeFields) {
                    if (field.type() == FieldType.PICKLIST || field.type() == FieldType.MULTI_PICKLIST) {
                        pickLists.put(field.name(), fields.pickList(type.id(), field.name()).stream()
                                .filter(PickListValue::active).map(PickListValue::value).toList());
                    }
                }
                installed.add(new InstalledType(type.id(), type.label(), type.pluralLabel(), typeFields, pickLists,
                        typeFields.stream().map(FieldDefinition::name).filter(type::setByModule)
                                .collect(java.util.stream.Collectors.toUnmodifiableSet())));
            } catch (CrmException goneOrRefused) {
                LOG.debug("Record type {} left out of the OpenAPI document: {}", type.id(), goneOrRefused.getMessage());
            }
        }
        return installed;
    }

    /** @return the classes of the resources on the whiteboard (the default application's), by service id */
    private List<Class<?>> resources() {
        ServiceReference<?>[] refs;
        try {
            refs = context.getServiceReferences((String) null, RESOURCES);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) {
            return List.of();
        }
        Arrays.sort(refs, Comparator.comparing(ref -> (Long) ref.getProperty(Constants.SERVICE_ID)));
        Set<Long> live = new java.util.HashSet<>();
        List<Class<?>> found = new ArrayList<>();
        for (ServiceReference<?> ref : refs) {
            Object select = ref.getProperty(JakartarsWhiteboardConstants.JAKARTA_RS_APPLICATION_SELECT);
            if (select != null && !String.valueOf(select).contains(JakartarsWhiteboardConstants.JAKARTA_RS_DEFAULT_APPLICATION)) {
                continue; // another application's: not at /api/<path>
            }
            Long id = (Long) ref.getProperty(Constants.SERVICE_ID);
            live.add(id);
            classes.computeIfAbsent(id, key -> classOf(ref)).ifPresent(found::add);
        }
        classes.keySet().retainAll(live);
        return found;
    }

    /** @return the class with {@code @Path} a resource service is: one of its service names, or else its object's */
    private Optional<Class<?>> classOf(ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return Optional.empty();
        }
        for (String name : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
            try {
                Class<?> named = bundle.loadClass(name);
                if (named.isAnnotationPresent(Path.class)) {
                    return Optional.of(named);
                }
            } catch (ClassNotFoundException | RuntimeException e) {
                // not visible from its bundle: look at the object
            }
        }
        ServiceObjects<?> objects = context.getServiceObjects(ref);
        Object service = objects == null ? null : objects.getService();
        if (service == null) {
            return Optional.empty();
        }
        try {
            Class<?> cls = service.getClass();
            return cls.isAnnotationPresent(Path.class) ? Optional.of(cls) : Optional.empty();
        } finally {
            ungetQuietly(objects, service);
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static void ungetQuietly(ServiceObjects objects, Object service) {
        try {
            objects.ungetService(service);
        } catch (IllegalStateException | IllegalArgumentException gone) {
            // unregistered meanwhile
        }
    }
}
