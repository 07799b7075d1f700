package org.tesseracrm.kernel.core.internal.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class FeatureCapabilityTest {

    @Test
    void readsPlainQuotedAndTypedIds() {
        assertEquals(Optional.of("contacts"), FeatureCapability.id("org.tesseracrm.module;id=contacts", "org.tesseracrm.module"));
        assertEquals(Optional.of("sales"), FeatureCapability.id("org.tesseracrm.profile; id=\"sales\"", "org.tesseracrm.profile"));
        assertEquals(Optional.of("x"), FeatureCapability.id("org.tesseracrm.module;id:String=\"x\"", "org.tesseracrm.module"));
    }

    @Test
    void ignoresOtherNamespacesAndMissingIds() {
        assertEquals(Optional.empty(), FeatureCapability.id("osgi.service;objectClass=javax.sql.DataSource", "org.tesseracrm.module"));
        assertEquals(Optional.empty(), FeatureCapability.id("org.tesseracrm.profile;id=sales", "org.tesseracrm.module"));
        assertEquals(Optional.empty(), FeatureCapability.id("org.tesseracrm.module;name=contacts", "org.tesseracrm.module"));
        assertEquals(Optional.empty(), FeatureCapability.id("org.tesseracrm.module;id=", "org.tesseracrm.module"));
    }
}
