package org.tesseracrm.kernel.ui.internal.home;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.audit.AuditEntry;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.ui.HomeSection;
import org.tesseracrm.kernel.ui.kit.AsyncLoader;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * The kernel's own Home page section: the records the signed-in user changed most recently (their audit
 * trail), named as {@link Records#shownTitles} names them, so a record they may no longer see shows a neutral
 * "Contact #12" and opens nothing they may not read. A row opens the record's form, as the global search does.
 *
 * <p>Element ids: {@code home-recent}; rows have the class {@code home-recent-row}.
 */
@org.osgi.service.component.annotations.Component(service = HomeSection.class,
        property = HomeSection.ORDER + ":Integer=90")
public class RecentRecordsSection implements HomeSection {
    static final int SHOWN = 10;

    private final AuditTrail audit;
    private final Records records;
    private final RecordTypes types;
    private final RecordKit kit;
    private final AsyncLoader loader;

    /**
     * @param audit the user's changes
     * @param records the titles the user may see
     * @param types the record types' labels
     * @param kit opens a record's form
     * @param loader reads off the UI thread
     */
    @Activate
    public RecentRecordsSection(@Reference AuditTrail audit, @Reference Records records, @Reference RecordTypes types,
            @Reference RecordKit kit, @Reference AsyncLoader loader) {
        this.audit = audit;
        this.records = records;
        this.types = types;
        this.kit = kit;
        this.loader = loader;
    }

    @Override
    public String title() {
        return "Recent records";
    }

    /**
     * A record the user changed.
     *
     * @param ref the record and the title the user may see
     * @param typeLabel its record type's label
     * @param at when the user last changed it
     */
    record Recent(RecordRef ref, String typeLabel, Instant at) {
    }

    @Override
    public Optional<Component> create() {
        Div section = new Div();
        section.setId("home-recent");
        section.add(loader.panel(this::read, this::show));
        return Optional.of(section);
    }

    /** @return the user's recently changed records of installed types, titled as the user may see them */
    List<Recent> read() {
        List<AuditEntry> entries = audit.recentlyChangedByCaller(SHOWN * 2).stream()
                .filter(e -> types.find(e.recordType()).isPresent()).limit(SHOWN).toList();
        Map<String, Map<Long, String>> titles = records.shownTitles(entries.stream()
                .map(e -> new RecordRef(e.recordType(), e.recordId(), "")).toList());
        return entries.stream().map(e -> new Recent(new RecordRef(e.recordType(), e.recordId(),
                titles.getOrDefault(e.recordType(), Map.of()).getOrDefault(e.recordId(), e.recordType() + " #" + e.recordId())),
                types.find(e.recordType()).map(RecordType::label).orElse(e.recordType()), e.at())).toList();
    }

    private Component show(List<Recent> recent) {
        if (recent.isEmpty()) {
            return new Paragraph("Records you create or change are listed here.");
        }
        Div rows = new Div();
        LocalTimes times = LocalTimes.current();
        for (Recent r : recent) {
            Button open = new Button(r.ref().title(), e -> kit.form(r.ref().recordType(), r.ref().recordType(),
                    new RecordRow(r.ref().id(), 0, Map.of()), () -> { }).open());
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Span type = new Span(r.typeLabel());
            type.getElement().getThemeList().add("badge small contrast");
            Span when = new Span(times.format(r.at()));
            when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Div row = new Div(type, open, when);
            row.addClassName("home-recent-row");
            row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline");
            rows.add(row);
        }
        return rows;
    }
}
