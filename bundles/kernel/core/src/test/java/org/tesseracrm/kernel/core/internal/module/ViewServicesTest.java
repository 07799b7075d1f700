package org.tesseracrm.kernel.core.internal.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ui.ViewContribution;

class ViewServicesTest {

    @Test
    void tracksViewsByTheUiContractsObjectClassAndRouteProperty() {
        assertEquals(ViewContribution.class.getName(), ViewServices.OBJECT_CLASS);
        assertEquals(ViewContribution.ROUTE, ViewServices.ROUTE);
    }
}
