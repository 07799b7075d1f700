package org.tesseracrm.distribution;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RowDecoration;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/**
 * Deliberately broken contributions, registered from the test probe for every record type: each must
 * degrade only itself (RecordPlatformIT's u1 test).
 */
final class BrokenContributions implements AutoCloseable {
    /** The record type whose check fails: the contacts' table and fields under another id. */
    static final String BROKEN_TYPE = "brokencheck";
    /** The simple class name and operation of each contribution the guard must report degraded. */
    static final List<String> DEGRADED = List.of("BrokenDecoration.decorate", "HangingDecoration.decorate",
            "BrokenPanel.create", "BrokenLabelAction.label", "BrokenRunAction.run", "BrokenView.viewType",
            "BrokenCheckType.check");

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    BrokenContributions(BundleContext context, RecordType contact) {
        Hashtable<String, Object> everyType = new Hashtable<>(Map.of(RecordType.ID, RecordType.ALL));
        registrations.add(context.registerService(RowDecoration.class, new BrokenDecoration(), everyType));
        registrations.add(context.registerService(RowDecoration.class, new HangingDecoration(), everyType));
        registrations.add(context.registerService(RecordPanel.class, new BrokenPanel(), everyType));
        registrations.add(context.registerService(BulkAction.class, new BrokenLabelAction(), everyType));
        registrations.add(context.registerService(BulkAction.class, new BrokenRunAction(), everyType));
        registrations.add(context.registerService(ViewContribution.class, new BrokenView(),
                new Hashtable<>(Map.of(ViewContribution.ROUTE, "broken", ViewContribution.TITLE, "Broken"))));
        registrations.add(context.registerService(RecordType.class, new BrokenCheckType(contact),
                new Hashtable<>(Map.of(RecordType.ID, BROKEN_TYPE))));
    }

    @Override
    public void close() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    static final class BrokenDecoration implements RowDecoration {
        @Override
        public Map<Long, Mark> decorate(String recordType, List<RecordRow> page) {
            throw new IllegalStateException("broken decoration");
        }
    }

    /** Blocks far longer than the guard waits; gives up when interrupted. */
    static final class HangingDecoration implements RowDecoration {
        @Override
        public Map<Long, Mark> decorate(String recordType, List<RecordRow> page) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        }
    }

    static final class BrokenPanel implements RecordPanel {
        @Override
        public Optional<Component> create(String recordType, long recordId, String title) {
            throw new IllegalStateException("broken panel");
        }
    }

    static class BrokenRunAction implements BulkAction {
        @Override
        public String id() {
            return "test.broken-" + getClass().getSimpleName();
        }

        @Override
        public String label() {
            return "Broken";
        }

        @Override
        public String permission() {
            return "contacts.view";
        }

        @Override
        public String run(String recordType, List<Long> ids, Map<String, String> values) {
            throw new IllegalStateException("broken bulk action");
        }
    }

    static final class BrokenLabelAction extends BrokenRunAction {
        @Override
        public String label() {
            throw new IllegalStateException("broken label");
        }
    }

    static final class BrokenView implements ViewContribution {
        @Override
        public Class<? extends Component> viewType() {
            throw new IllegalStateException("broken view");
        }

        @Override
        public Component createView() {
            throw new IllegalStateException("broken view");
        }
    }

    /** The contacts' type under another id, whose check fails: nothing may be written through it. */
    static final class BrokenCheckType implements RecordType {
        private final RecordType contact;

        BrokenCheckType(RecordType contact) {
            this.contact = contact;
        }

        @Override
        public String id() {
            return BROKEN_TYPE;
        }

        @Override
        public String moduleId() {
            return contact.moduleId();
        }

        @Override
        public String label() {
            return "Broken";
        }

        @Override
        public String pluralLabel() {
            return "Brokens";
        }

        @Override
        public String table() {
            return contact.table();
        }

        @Override
        public List<FieldDefinition> fields() {
            return contact.fields();
        }

        @Override
        public List<String> titleFields() {
            return contact.titleFields();
        }

        @Override
        public List<String> searchFields() {
            return List.of(); // no search indexes of its own on the contacts' table
        }

        @Override
        public List<SortOrder> defaultSort() {
            return contact.defaultSort();
        }

        @Override
        public Optional<IdGenerator> ids() {
            return contact.ids();
        }

        @Override
        public List<FieldError> check(Map<String, Object> values) {
            throw new IllegalStateException("broken check");
        }
    }
}
