package org.tesseracrm.kernel.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;

/**
 * JSON for every resource of the API: Jackson's provider (it also reads and writes the {@code +json} types,
 * so {@code application/problem+json} too), as a whiteboard extension named {@value #NAME}. A body with a
 * field the target type does not have is refused rather than silently dropped.
 */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class })
@JakartarsExtension
@JakartarsName(JsonProvider.NAME)
@JakartarsMediaType({ MediaType.APPLICATION_JSON, ProblemMapper.PROBLEM_JSON })
public class JsonProvider extends JacksonJsonProvider {
    /** The extension's {@code osgi.jakartars.name}. */
    public static final String NAME = "tessera.json";
    /** The {@code osgi.jakartars.extension.select} filter of a resource or extension that needs JSON. */
    public static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";

    /** Jackson with the API's settings. */
    public JsonProvider() {
        super(mapper());
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // money and numbers of records keep every digit: 0.1 stays 0.1, 1E+3 is written 1000
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }
}
