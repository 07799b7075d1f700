package org.tesseracrm.leads.internal.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.ui.kit.RecordForm;
import org.tesseracrm.leads.api.ConversionProposal;
import org.tesseracrm.leads.api.ConversionRequest.Action;
import org.tesseracrm.leads.api.ConversionResult;
import org.tesseracrm.leads.internal.service.LeadRecordType;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The conversion dialog: what becomes of the lead's company (create it from the company name, link one of the
 * matches the duplicate rules found or any company, or none), of its person (create a contact, link one, none) and
 * whether an opportunity is created (name, amount, close date, phase). Convert runs the whole conversion in one
 * call; the service's messages appear next to the section or field they name ({@code opportunity.closeDate}).
 * After it, a notification links what the lead became and the contact's form opens (else the opportunity's, else
 * the company's).
 *
 * <p>Element ids: {@code lead-convert-dialog}, {@code lead-convert-company-mode} (items "Create new", "Link
 * existing", "None"), {@code lead-convert-company} (the company to link), {@code lead-convert-contact-mode},
 * {@code lead-convert-contact}, {@code lead-convert-opportunity} (checkbox), {@code lead-convert-opportunity-name},
 * {@code -amount}, {@code -close-date}, {@code -phase}, {@code lead-convert-submit}; afterwards
 * {@code lead-converted-notification} with links {@code lead-converted-link-<company|contact|opportunity>}.
 */
class ConvertDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "lead-convert";

    private final transient LeadServices services;
    private final RecordRow lead;
    private final RecordForm form;
    private final Target company;
    private final Target contact;
    private final Checkbox opportunity = new Checkbox("Create an opportunity");
    private final TextField name = new TextField("Opportunity name");
    private final TextField amount = new TextField("Amount");
    private final DatePicker closeDate = new DatePicker("Close date");
    private final Select<String> phase = new Select<>();
    private final boolean opportunities;

    ConvertDialog(LeadServices services, ConversionProposal proposal, RecordForm form) {
        this.services = services;
        this.lead = proposal.lead();
        this.form = form;
        setId(PREFIX + "-dialog");
        setWidth("min(40em, 95vw)");
        String title = services.type(LeadRecordType.ID).map(t -> t.title(lead)).orElse("lead");
        setHeaderTitle("Convert " + title);
        String companyName = String.valueOf(lead.values().getOrDefault("companyName", "")).strip();
        company = new Target(ConversionChoices.COMPANY, "company", proposal.companyMatches(),
                companyName.isEmpty() ? "The lead has no company name to create a company from."
                        : "A new company “" + companyName + "”.", !companyName.isEmpty());
        contact = new Target(ConversionChoices.CONTACT, "contact", proposal.contactMatches(),
                "A new contact “" + title + "” with the lead's e-mail, phones and address.", true);
        add(company.section("Company"), contact.section("Contact"));
        Optional<RecordType> opportunityType = services.type(ConversionChoices.OPPORTUNITY);
        opportunities = opportunityType.isPresent()
                && services.access().permitted(opportunityType.get().moduleId() + ".create");
        add(new H4("Opportunity"));
        if (opportunities) {
            add(opportunitySection(proposal.opportunityName()));
        } else {
            add(new Paragraph(opportunityType.isPresent() ? "You may not create opportunities."
                    : "The Opportunities module is not installed."));
        }
        Button convert = new Button("Convert", e -> convert());
        convert.setId(PREFIX + "-submit");
        convert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), convert);
    }

    private FormLayout opportunitySection(String proposedName) {
        opportunity.setId(PREFIX + "-opportunity");
        name.setId(PREFIX + "-opportunity-name");
        name.setValue(proposedName);
        name.setMaxLength(200);
        amount.setId(PREFIX + "-opportunity-amount");
        closeDate.setId(PREFIX + "-opportunity-close-date");
        phase.setId(PREFIX + "-opportunity-phase");
        phase.setLabel("Phase");
        List<String> phases = services.activeValues(ConversionChoices.OPPORTUNITY, "phase");
        phase.setItems(phases);
        phase.setVisible(!phases.isEmpty());
        services.defaultValue(ConversionChoices.OPPORTUNITY, "phase").or(() -> phases.stream().findFirst())
                .ifPresent(phase::setValue);
        opportunity.addValueChangeListener(e -> List.<HasEnabled>of(name, amount, closeDate, phase)
                .forEach(field -> field.setEnabled(e.getValue())));
        opportunity.setValue(true);
        FormLayout layout = new FormLayout(opportunity, name, amount, closeDate, phase);
        layout.setColspan(opportunity, 2);
        return layout;
    }

    private void convert() {
        Map<String, HasValidation> places = places();
        places.values().forEach(place -> place.setInvalid(false));
        ConversionChoices choices = new ConversionChoices(company.mode(), company.chosen(), contact.mode(),
                contact.chosen(), opportunities && opportunity.getValue(), name.getValue(), amount.getValue(),
                Optional.ofNullable(closeDate.getValue()), Optional.ofNullable(phase.getValue()));
        try {
            ConversionResult result = services.conversion().convert(choices.request(lead.id(), lead.version()));
            close();
            form.closeChanged();
            announce(result);
            result.contact().or(result::opportunity).or(result::company)
                    .ifPresent(ref -> services.open(ref.recordType(), ref.id()));
        } catch (ValidationException e) {
            show(ConversionChoices.placed(e.errors(), places.keySet(), services::label), places);
        } catch (ConflictException e) {
            LeadServices.error(e.getMessage() + " Close the lead and open it again to see it as it is now.");
        } catch (CrmException e) {
            LeadServices.error(e.getMessage());
        }
    }

    /** Where the service's errors go, by the field names it uses. */
    private Map<String, HasValidation> places() {
        Map<String, HasValidation> places = new LinkedHashMap<>();
        places.put(ConversionChoices.COMPANY, company.place());
        places.put(ConversionChoices.CONTACT, contact.place());
        if (opportunities) {
            places.put(ConversionChoices.OPPORTUNITY, name);
            places.put("opportunity.name", name);
            places.put("opportunity.amount", amount);
            places.put("opportunity.closeDate", closeDate);
            places.put("opportunity.phase", phase);
        }
        return places;
    }

    private static void show(Map<String, String> placed, Map<String, HasValidation> places) {
        List<String> other = new ArrayList<>();
        placed.forEach((key, message) -> {
            HasValidation place = places.get(key);
            if (place == null) {
                other.add(message);
            } else {
                place.setErrorMessage(message);
                place.setInvalid(true);
            }
        });
        if (!other.isEmpty()) {
            LeadServices.error(String.join(" ", other));
        }
    }

    /** "Converted into Acme · Ada Lovelace · Acme deal.", each name opening its record. */
    private void announce(ConversionResult result) {
        Notification notification = new Notification();
        notification.setId("lead-converted-notification");
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.setDuration(10_000);
        Div text = new Div(new Span("Converted into "));
        boolean first = true;
        for (RecordRef ref : Stream.of(result.company(), result.contact(), result.opportunity())
                .flatMap(Optional::stream).toList()) {
            Button link = new Button(ref.title(), e -> services.open(ref.recordType(), ref.id()));
            link.setId("lead-converted-link-" + ref.recordType());
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            text.add(first ? new Span() : new Span(" · "), link);
            first = false;
        }
        text.add(new Span(first ? "nothing: the lead is marked converted." : "."));
        Button dismiss = new Button("Close", e -> notification.close());
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        text.add(new Span(" "), dismiss);
        notification.add(text);
        notification.open();
    }

    /** The company or contact section: create, link (a match or any record) or none. */
    private final class Target {
        private final String typeId;
        private final Select<Action> mode = new Select<>();
        private final ComboBox<RecordRef> existing = new ComboBox<>();
        private final Paragraph missing = new Paragraph();
        private final List<RecordRef> matches;
        private final String createHint;
        private final boolean installed;

        Target(String section, String typeId, List<RecordRef> matches, String createHint, boolean createByDefault) {
            this.typeId = typeId;
            this.matches = matches;
            this.createHint = createHint;
            Optional<RecordType> type = services.type(typeId);
            installed = type.isPresent();
            List<Action> offered = new ArrayList<>();
            if (type.isPresent() && services.access().permitted(type.get().moduleId() + ".create")) {
                offered.add(Action.CREATE);
            }
            if (type.isPresent() && services.access().permitted(type.get().moduleId() + ".view")) {
                offered.add(Action.LINK);
            }
            offered.add(Action.SKIP);
            mode.setId(PREFIX + "-" + section + "-mode");
            mode.setLabel("Create, link or none");
            mode.setItems(offered);
            mode.setItemLabelGenerator(action -> switch (action) {
                case CREATE -> "Create new";
                case LINK -> "Link existing";
                case SKIP -> "None";
            });
            existing.setId(PREFIX + "-" + section);
            existing.setLabel(type.map(t -> "Existing " + t.label().toLowerCase(java.util.Locale.ROOT)).orElse(""));
            existing.setItemLabelGenerator(RecordRef::title);
            existing.setItems(query -> offer(query.getFilter().orElse(""), query.getOffset(), query.getLimit()));
            existing.setWidthFull();
            existing.setHelperText(matches.isEmpty() ? "Type to search."
                    : "Found by the duplicate rules: " + matches.size() + ". Type to search any.");
            mode.addValueChangeListener(e -> shown(e.getValue()));
            if (!matches.isEmpty() && offered.contains(Action.LINK)) {
                mode.setValue(Action.LINK);
                existing.setValue(matches.get(0));
            } else if (createByDefault && offered.contains(Action.CREATE)) {
                mode.setValue(Action.CREATE);
            } else {
                mode.setValue(Action.SKIP);
            }
            shown(mode.getValue());
        }

        /** The matches while nothing is typed, then any record the user sees whose title fits. */
        private Stream<RecordRef> offer(String typed, int offset, int limit) {
            if (typed.isBlank() && !matches.isEmpty()) {
                return matches.stream().skip(offset).limit(limit);
            }
            try {
                return services.records().lookup(typeId, typed, offset + limit).stream().skip(offset);
            } catch (PermissionDeniedException e) {
                return Stream.empty();
            }
        }

        private void shown(Action action) {
            existing.setVisible(action == Action.LINK);
            missing.setText(action == Action.CREATE ? createHint : "");
            missing.setVisible(action == Action.CREATE);
        }

        Component section(String heading) {
            if (!installed) {
                return new Div(new H4(heading), new Paragraph("No " + heading.toLowerCase(java.util.Locale.ROOT)
                        + " module is installed."));
            }
            FormLayout layout = new FormLayout(mode, existing);
            return new Div(new H4(heading), layout, missing);
        }

        Action mode() {
            return installed && mode.getValue() != null ? mode.getValue() : Action.SKIP;
        }

        Optional<Long> chosen() {
            return Optional.ofNullable(existing.getValue()).map(RecordRef::id);
        }

        /** Where an error about the section shows: the record to link when linking, else the choice. */
        HasValidation place() {
            return mode() == Action.LINK ? existing : mode;
        }
    }
}
