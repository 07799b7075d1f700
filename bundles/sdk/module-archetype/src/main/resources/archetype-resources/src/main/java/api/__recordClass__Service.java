package ${package}.api;

import java.math.BigDecimal;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * ${recordClass}s for other bundles and the module's own screens. Every method checks the signed-in user's
 * permissions; the list and form of the record platform read and write ${recordType}s too.
 */
@ProviderType
public interface ${recordClass}Service {
    /** The record type id. */
    String RECORD_TYPE = "${recordType}";

    /**
     * @param name required, at most 200 characters
     * @param amount at most 15 digits before the point and 4 after; null for none
     * @param description free text, at most 1,000 characters
     * @return the ${recordType}, owned by the caller
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code ${moduleId}.create}
     * @throws org.tesseracrm.kernel.api.ValidationException naming the fields to correct
     */
    ${recordClass} create(String name, BigDecimal amount, String description);

    /**
     * @param limit at most this many, 1 to 100
     * @return the ${recordType}s the caller sees, largest amount first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code ${moduleId}.view}
     */
    List<${recordClass}> largest(int limit);
}
