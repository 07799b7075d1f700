package org.tesseracrm.kernel.api.module;

/**
 * A module or profile as Karaf's feature service knows it, installed or not.
 *
 * @param id module or profile id, e.g. {@code contacts} or {@code sales}
 * @param feature the Karaf feature name, e.g. {@code crm-contacts}
 * @param version the feature version
 * @param description the feature description
 * @param installed whether the feature is installed now
 */
public record FeatureInfo(String id, String feature, String version, String description, boolean installed) {
}
