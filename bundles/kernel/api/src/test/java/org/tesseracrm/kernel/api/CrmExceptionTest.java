package org.tesseracrm.kernel.api;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class CrmExceptionTest {

    @Test
    void surfacesTheWrappedCrmExceptionOrLeavesOthersAlone() {
        NotFoundException notFound = new NotFoundException("Contact", 7);
        RuntimeException wrapped = new RuntimeException("tx failed", new IllegalStateException(notFound));
        assertSame(notFound, CrmException.surface(wrapped));
        IllegalStateException plain = new IllegalStateException("bug");
        assertSame(plain, CrmException.surface(plain));
    }
}
