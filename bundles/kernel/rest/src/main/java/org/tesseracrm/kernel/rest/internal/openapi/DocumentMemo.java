package org.tesseracrm.kernel.rest.internal.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The last few OpenAPI documents served, written out, by the inputs they were built from. Equal inputs (the same
 * version, the same types with the same fields and pick-list values, the same resource classes) give the same
 * document, so a document is built once per installation state and caller view instead of once per request. Any
 * change to a type, a field, a pick-list or a resource makes the inputs differ; a bundle installed again brings new
 * classes, which are not equal to the old ones. The least recently served document goes once there are more than
 * {@code size}.
 */
final class DocumentMemo {
    private static final ObjectMapper WRITER = new ObjectMapper();

    /** What a document is built from. */
    private record Inputs(String version, List<InstalledType> types, List<Class<?>> resources) {
    }

    /** Builds a document from its inputs. */
    @FunctionalInterface
    interface Builder {
        /**
         * @param version the API's version
         * @param types the record types the caller may see
         * @param resources the contributed resource classes
         * @return the document
         */
        ObjectNode build(String version, List<InstalledType> types, List<Class<?>> resources);
    }

    private final int size;
    private final Map<Inputs, byte[]> documents;

    /** @param size how many documents to keep */
    DocumentMemo(int size) {
        this.size = size;
        this.documents = new LinkedHashMap<>(size * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Inputs, byte[]> eldest) {
                return size() > DocumentMemo.this.size;
            }
        };
    }

    /**
     * @param version the API's version
     * @param types the record types the caller may see, as of now
     * @param resources the contributed resource classes, as of now
     * @param builder builds the document when none was built from equal inputs
     * @return the document as UTF-8 JSON; callers must not change the array
     */
    byte[] get(String version, List<InstalledType> types, List<Class<?>> resources, Builder builder) {
        Inputs inputs = new Inputs(version, List.copyOf(types), List.copyOf(resources));
        synchronized (documents) {
            byte[] kept = documents.get(inputs);
            if (kept != null) {
                return kept;
            }
        }
        byte[] written;
        try {
            written = WRITER.writeValueAsBytes(builder.build(version, inputs.types(), inputs.resources()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The OpenAPI document could not be written", e);
        }
        synchronized (documents) {
            documents.put(inputs, written);
        }
        return written;
    }

    /** @return how many documents are kept */
    int kept() {
        synchronized (documents) {
            return documents.size();
        }
    }
}
