package org.tesseracrm.cases.internal.sla.ui;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.cases.internal.sla.SlaDecoration;
import org.tesseracrm.cases.internal.sla.SlaService;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The SLA on the case form: the state as a badge in the colours the list uses (green, yellow, red), the due time,
 * and the escalations the case went through. Element id {@code case-sla-badge}.
 */
@Component(service = RecordPanel.class, property = {RecordType.ID + "=" + CaseFields.RECORD_TYPE,
    RecordPanel.ORDER + ":Integer=5"})
public class SlaPanelContribution implements RecordPanel {
    private final SlaService sla;
    private final Records records;
    private final AccessControl access;

    /**
     * @param sla the case's escalations
     * @param records the case, with the user's visibility
     * @param access whether the user sees cases
     */
    @Activate
    public SlaPanelContribution(@Reference SlaService sla, @Reference Records records,
            @Reference AccessControl access) {
        this.sla = sla;
        this.records = records;
        this.access = access;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(String recordType, long recordId, String title) {
        if (!access.permitted(CasesModule.VIEW)) {
            return Optional.empty();
        }
        try {
            Optional<RecordRow> row = records.get(CaseFields.RECORD_TYPE, recordId);
            if (row.isEmpty() || row.get().text(CaseFields.SLA_STATE).isEmpty()) {
                return Optional.empty();
            }
            String state = row.get().text(CaseFields.SLA_STATE);
            Span badge = new Span("SLA " + state.toLowerCase(java.util.Locale.ROOT));
            badge.setId("case-sla-badge");
            badge.getElement().getThemeList().add("badge " + SlaDecoration.tone(state));
            VerticalLayout body = new VerticalLayout(badge);
            body.setPadding(false);
            row.get().dateTime(CaseFields.SLA_DUE_AT).ifPresent(due -> body.add(new Paragraph("Due "
                    + due.toString().replace('T', ' ') + " UTC (business hours of the case's calendar)")));
            List<SlaService.Escalated> levels = sla.escalations(recordId);
            for (SlaService.Escalated e : levels) {
                body.add(new Paragraph("Escalated to level " + e.level() + " on "
                        + e.at().toString().replace('T', ' ').replace("Z", " UTC") + ": " + e.role() + " ("
                        + e.users() + ")"));
            }
            Details details = new Details("SLA", body);
            details.setOpened(true);
            return Optional.of(details);
        } catch (CrmException e) {
            return Optional.empty();
        }
    }
}
