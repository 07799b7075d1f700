package org.tesseracrm.kernel.ui.internal.vaadin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.UIInternals;
import com.vaadin.flow.data.binder.BeanPropertySet;
import com.vaadin.flow.internal.ReflectionCache;

import org.junit.jupiter.api.Test;

class StaleClassesTest {
    /** Stands for a component class of a module revision that is gone. */
    static class GoneComponent extends Div {
        private static final long serialVersionUID = 1L;
    }

    /** Stands for a DOM event class of that module. */
    @DomEvent("gone")
    public static class GoneEvent extends ComponentEvent<GoneComponent> {
        private static final long serialVersionUID = 1L;

        public GoneEvent(GoneComponent source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** Stands for a bean the module bound with a Binder. */
    public static class GoneBean {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @Test
    void forgetsTheClassesOfAGoneRevisionInEveryCacheAndKeepsTheOthers() throws Exception {
        ComponentUtil.getSynchronizedProperties(GoneComponent.class);
        ComponentUtil.getSynchronizedProperties(Span.class);
        ComponentUtil.addListener(new GoneComponent(), GoneEvent.class, e -> { });
        BeanPropertySet.get(GoneBean.class);
        Set<Class<?>> warned = field(UIInternals.class, "warnedAboutDeps", null);
        warned.add(GoneComponent.class);
        warned.add(Span.class);

        assertTrue(cached(Class.forName("com.vaadin.flow.component.ComponentEventBusUtil"), "cache")
                .containsKey(GoneEvent.class));
        int dropped = StaleClasses.purge(type -> type == GoneComponent.class || type == GoneEvent.class
                || type == GoneBean.class);

        assertTrue(dropped >= 4, "dropped " + dropped);
        assertFalse(cached(ComponentUtil.class, "componentMetaDataCache").containsKey(GoneComponent.class));
        assertTrue(cached(ComponentUtil.class, "componentMetaDataCache").containsKey(Span.class));
        assertFalse(cached(Class.forName("com.vaadin.flow.component.ComponentEventBusUtil"), "cache")
                .containsKey(GoneEvent.class));
        assertFalse(warned.contains(GoneComponent.class));
        assertTrue(warned.contains(Span.class));
        Map<?, ?> beans = field(BeanPropertySet.class, "INSTANCES", null);
        assertTrue(beans.keySet().stream().noneMatch(key -> key.toString().contains("GoneBean")
                || GoneBean.class.equals(fieldOrNull(key))));
        assertEquals(0, StaleClasses.purge(type -> type == GoneComponent.class), "nothing left to drop");
    }

    @Test
    void aClassOutsideAnyBundleIsNeverStale() {
        assertFalse(StaleClasses.stale(String.class));
        assertFalse(StaleClasses.stale(GoneComponent.class));
    }

    private static Map<Class<?>, ?> cached(Class<?> owner, String name) throws Exception {
        ReflectionCache<?, ?> cache = field(owner, name, null);
        return field(ReflectionCache.class, "values", cache);
    }

    private static Object fieldOrNull(Object key) {
        try {
            return field(key.getClass(), "type", key);
        } catch (Exception e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Class<?> owner, String name, Object instance) throws Exception {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(instance);
    }
}
