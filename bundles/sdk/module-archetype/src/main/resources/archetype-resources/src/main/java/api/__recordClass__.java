package ${package}.api;

import java.math.BigDecimal;

/**
 * A ${recordType}, as the module's service hands it out.
 *
 * @param id the record id
 * @param version the record version, for optimistic locking
 * @param name what the ${recordType} is called
 * @param amount its amount, or null if none was entered
 * @param description free text
 * @param owner the user who owns the record
 */
public record ${recordClass}(long id, long version, String name, BigDecimal amount, String description, String owner) {
}
