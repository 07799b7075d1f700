package org.tesseracrm.kernel.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServletAdapterTest {

    @Test
    void anApplicationIsServedUnderItsBase() {
        assertEquals("/*", ServletAdapter.pattern("/"));
        assertEquals("/*", ServletAdapter.pattern(""));
        assertEquals("/v2/*", ServletAdapter.pattern("/v2"));
        assertEquals("/v2/*", ServletAdapter.pattern("v2/"));
    }
}
