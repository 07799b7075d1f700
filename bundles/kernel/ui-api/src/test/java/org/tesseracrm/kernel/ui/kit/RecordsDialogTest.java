package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.record.Notes;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.record.Typifications;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.ui.internal.contrib.BulkActionRegistry;
import org.tesseracrm.kernel.ui.internal.contrib.DecorationRegistry;
import org.tesseracrm.kernel.ui.internal.contrib.PanelRegistry;
import org.tesseracrm.kernel.ui.internal.contrib.RecordingGuard;

/** Click-through: the records dialog lists exactly the given filters, as chips the user can remove. */
class RecordsDialogTest {
    private static final List<FieldDefinition> FIELDS = List.of(field("name", FieldType.TEXT),
            field("phase", FieldType.PICKLIST), field("closeDate", FieldType.DATE));

    @Test
    void theDialogsListQueriesExactlyTheFiltersFromItsFirstCountAndShowsThemAsRemovableChips() throws Exception {
        List<RecordQuery> counted = new ArrayList<>();
        RecordKit kit = kit(counted);
        Filter won = new Filter("phase", FilterOp.IN, List.of("Won"));
        Filter march = new Filter("closeDate", FilterOp.BETWEEN, List.of("2026-03-01", "2026-03-31"));
        Filter hidden = Filter.of("region", FilterOp.EQUALS, "<b>North</b>");

        Dialog dialog = kit.recordsDialog("opportunity", "Won · March 2026", List.of(won, march, hidden));

        assertEquals("records-dialog", dialog.getId().orElseThrow());
        assertEquals("Won · March 2026", dialog.getHeaderTitle());
        RecordList list = assertInstanceOf(RecordList.class, dialog.getChildren().findFirst().orElseThrow());
        assertEquals(List.of(won, march, hidden), list.filters());
        assertEquals(1, counted.size(), "one count, already filtered: never the whole table first");
        assertEquals(List.of(won, march, hidden), counted.get(0).filters());
        List<Component> chips = chips(list);
        assertEquals(List.of("Phase is any of Won", "Close date 2026-03-01 – 2026-03-31", "region is <b>North</b>"),
                chips.stream().map(c -> ((Span) c.getChildren().findFirst().orElseThrow()).getText()).toList(),
                "described as the filter dialog does; a field the list does not have by its name, as text");

        ((Button) chips.get(0).getChildren().skip(1).findFirst().orElseThrow()).click();

        assertEquals(List.of(march, hidden), list.filters());
        assertEquals(List.of(march, hidden), counted.get(counted.size() - 1).filters(), "the chip's filter is gone");

        list.setFilters(List.of(won));
        assertEquals(List.of(won), counted.get(counted.size() - 1).filters(), "exactly the filters set");
        assertEquals(1, chips(list).size());
    }

    @Test
    void aSearchTextGoesIntoTheListsSearchBoxAndEveryQueryAfterIt() throws Exception {
        List<RecordQuery> counted = new ArrayList<>();
        RecordKit kit = kit(counted);
        Filter won = new Filter("phase", FilterOp.IN, List.of("Won"));

        Dialog dialog = kit.recordsDialog("opportunity", "Won", List.of(won), " Brightwater ");

        RecordList list = assertInstanceOf(RecordList.class, dialog.getChildren().findFirst().orElseThrow());
        RecordQuery last = counted.get(counted.size() - 1);
        assertEquals(java.util.Optional.of("Brightwater"), last.text(), "the report's search text, trimmed");
        assertEquals(List.of(won), last.filters(), "with the row's filters");
        list.setSearchText("");
        assertEquals(java.util.Optional.empty(), counted.get(counted.size() - 1).text(), "cleared");
        kit.recordsDialog("opportunity", "Won", List.of(won), "");
        assertEquals(java.util.Optional.empty(), counted.get(counted.size() - 1).text(), "blank: no search");
    }

    private static List<Component> chips(RecordList list) {
        List<Component> chips = new ArrayList<>();
        collect(list, chips);
        return chips;
    }

    private static void collect(Component component, List<Component> chips) {
        if (component.getElement().getClassList().contains("records-dialog-filter-chip")) {
            chips.add(component);
        }
        component.getChildren().forEach(child -> collect(child, chips));
    }

    /** A kit whose records count into the list given and whose user may only view. */
    private static RecordKit kit(List<RecordQuery> counted) throws Exception {
        Records records = stub(Records.class, Map.of("count", args -> {
            counted.add((RecordQuery) args[1]);
            return 0L;
        }, "page", args -> List.of()));
        CustomFields customFields = stub(CustomFields.class, Map.of("fields", args -> FIELDS));
        SavedViews views = stub(SavedViews.class, Map.of("list", args -> List.of()));
        AccessControl access = stub(AccessControl.class, Map.of("permitted", args -> args[0].equals("sales.view")));
        RecordType type = stub(RecordType.class, Map.of("id", args -> "opportunity", "moduleId", args -> "sales",
                "label", args -> "Opportunity", "pluralLabel", args -> "Opportunities", "fields", args -> FIELDS));
        RecordTypes types = stub(RecordTypes.class, Map.of("find",
                args -> "opportunity".equals(args[0]) ? Optional.of(type) : Optional.empty(), "all", args -> List.of(type)));
        RecordKit kit = new RecordKit(records, customFields, stub(Imports.class, Map.of()), views,
                stub(CallerContext.class, Map.of()), access, stub(AuditTrail.class, Map.of()), stub(Notes.class, Map.of()),
                stub(Attachments.class, Map.of()), stub(Typifications.class, Map.of()));
        RecordingGuard guard = new RecordingGuard();
        set(kit, "types", types);
        set(kit, "bulkActions", new BulkActionRegistry(guard));
        set(kit, "decorations", new DecorationRegistry(guard));
        set(kit, "panels", new PanelRegistry(guard));
        return kit;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    private static FieldDefinition field(String name, FieldType type) {
        String label = switch (name) {
            case "closeDate" -> "Close date";
            default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
        };
        return FieldDefinition.predefined(name, label, type, name.toUpperCase(), false, 100);
    }

    /** A stub answering the given methods and, for the interface's default methods, as the interface does. */
    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (method.getName().equals("equals")) {
                return proxy == args[0];
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
