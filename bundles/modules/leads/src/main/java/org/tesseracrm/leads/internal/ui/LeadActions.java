package org.tesseracrm.leads.internal.ui;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.ui.kit.FormPart;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.ui.kit.RecordForm;
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.leads.internal.service.LeadRecordType;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * What the Leads module adds to a lead's form: Convert… ({@code lead-convert}) and Discard… ({@code lead-discard})
 * for users with {@link LeadConversion#CONVERT} and {@link LeadConversion#DISCARD}, on leads that are neither
 * converted nor discarded; a converted lead shows read-only under a banner naming what it became
 * ({@code lead-converted-banner}, its links {@code lead-converted-company}, {@code -contact}, {@code -opportunity}),
 * a discarded one under a banner with its reason ({@code lead-discarded-banner}). The component itself shows
 * nothing: it acts on the form through {@link FormPart}.
 */
class LeadActions extends Div implements FormPart {
    private static final long serialVersionUID = 1L;

    private final transient LeadServices services;

    LeadActions(LeadServices services) {
        this.services = services;
        setVisible(false);
    }

    @Override
    public void attach(RecordForm form) {
        RecordRow lead = form.record().orElse(null);
        if (lead == null) {
            return;
        }
        String status = String.valueOf(lead.values().get(LeadRecordType.STATUS));
        if (LeadRecordType.CONVERTED.equals(status)) {
            form.showReadOnly();
            form.addBanner(convertedBanner(lead));
            return;
        }
        if (LeadRecordType.DISCARDED.equals(status)) {
            form.addBanner(discardedBanner(lead));
            return;
        }
        if (services.access().permitted(LeadConversion.DISCARD)) {
            Button discard = new Button("Discard…", e -> new DiscardDialog(services, lead, form).open());
            discard.setId(form.idPrefix() + "-discard");
            discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            form.addAction(discard);
        }
        if (services.access().permitted(LeadConversion.CONVERT)) {
            Button convert = new Button("Convert…", new Icon(VaadinIcon.EXCHANGE), e -> openConvert(form, lead));
            convert.setId(form.idPrefix() + "-convert");
            convert.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            form.addAction(convert);
        }
    }

    private void openConvert(RecordForm form, RecordRow lead) {
        try {
            new ConvertDialog(services, services.conversion().propose(lead.id()), form).open();
        } catch (CrmException e) {
            LeadServices.error(e.getMessage());
        }
    }

    /** "Converted on 5 Dec 2026 into Acme · Ada Lovelace · Acme deal", each name opening its record. */
    private Div convertedBanner(RecordRow lead) {
        Div banner = banner("lead-converted-banner", "success");
        Object at = lead.values().get(LeadRecordType.CONVERTED_AT);
        String on = at instanceof LocalDateTime utc
                ? " on " + LocalTimes.current().format(LocalTimes.local(utc).toLocalDate()) : "";
        banner.add(new Span("Converted" + on + " into "));
        boolean first = true;
        for (Map.Entry<String, String> part : List.of(Map.entry("company", LeadRecordType.CONVERTED_COMPANY),
                Map.entry("contact", LeadRecordType.CONVERTED_CONTACT),
                Map.entry("opportunity", LeadRecordType.CONVERTED_OPPORTUNITY))) {
            if (!(lead.values().get(part.getValue()) instanceof Long id)) {
                continue;
            }
            String type = part.getKey();
            String title = services.records().shownTitles(type, List.of(id)).getOrDefault(id, "#" + id);
            Button link = new Button(title, e -> services.open(type, id));
            link.setId("lead-converted-" + type);
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            banner.add(first ? new Span() : new Span(" · "), link);
            first = false;
        }
        if (first) {
            banner.add(new Span("nothing that still exists."));
        }
        return banner;
    }

    private Div discardedBanner(RecordRow lead) {
        Div banner = banner("lead-discarded-banner", "contrast");
        Object reason = lead.values().get(LeadRecordType.DISCARD_REASON);
        banner.setText("Discarded" + (reason == null ? "." : ": " + reason + "."));
        return banner;
    }

    private static Div banner(String id, String theme) {
        Div banner = new Div();
        banner.setId(id);
        banner.getElement().getThemeList().add("badge " + theme);
        banner.getStyle().set("display", "block").set("padding", "var(--lumo-space-s)")
                .set("margin-bottom", "var(--lumo-space-s)");
        return banner;
    }
}
