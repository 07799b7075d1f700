package org.tesseracrm.kernel.ui.kit;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Typification;
import org.tesseracrm.kernel.api.record.Typifications;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * A record's outcomes on its form (typification): the outcomes recorded so far, newest first, and for
 * users who may edit the record a choice of the options the admin set, with an optional remark.
 *
 * <p>Element ids: {@code <prefix>-outcomes} (the panel), {@code -outcome} (the options), {@code -classify}
 * (the button), {@code -outcome-remark}, {@code -outcome-history} (the grid).
 */
final class OutcomesPanel extends Details {
    private static final long serialVersionUID = 1L;

    private final transient Typifications typifications;
    private final String recordType;
    private final long recordId;
    private final Grid<Typification> history = new Grid<>();

    OutcomesPanel(Typifications typifications, AccessControl access, RecordType type, long recordId, String prefix,
            List<String> options) {
        this.typifications = typifications;
        this.recordType = type.id();
        this.recordId = recordId;
        setId(prefix + "-outcomes");
        setWidthFull();
        if (access.permitted(type.moduleId() + ".edit")) {
            TextField remark = new TextField();
            remark.setId(prefix + "-outcome-remark");
            remark.setPlaceholder("Remark (optional)");
            remark.setMaxLength(Typifications.COMMENT_MAX);
            remark.setWidth("20em");
            ComboBox<String> outcome = new ComboBox<>();
            outcome.setId(prefix + "-outcome");
            outcome.setPlaceholder("Outcome");
            outcome.setItems(options);
            Button classify = new Button("Record outcome", e -> {
                if (outcome.getValue() == null) {
                    outcome.setErrorMessage("Choose an outcome");
                    outcome.setInvalid(true);
                    return;
                }
                typifications.classify(recordType, recordId, outcome.getValue(), remark.getValue());
                outcome.clear();
                outcome.setInvalid(false);
                remark.clear();
                refresh();
            });
            classify.setId(prefix + "-classify");
            classify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout bar = new HorizontalLayout(outcome, remark, classify);
            bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            add(bar);
        }
        history.setId(prefix + "-outcome-history");
        history.addColumn(Typification::outcome).setHeader("Outcome").setAutoWidth(true);
        history.addColumn(Typification::comment).setHeader("Remark").setFlexGrow(1);
        history.addColumn(Typification::username).setHeader("By").setAutoWidth(true);
        LocalTimes times = LocalTimes.current();
        history.addColumn(t -> times.format(t.at())).setHeader("When").setAutoWidth(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        add(history);
        refresh();
        setOpened(true);
    }

    private void refresh() {
        List<Typification> all = typifications.history(recordType, recordId);
        history.setItems(all);
        history.setVisible(!all.isEmpty());
        setSummaryText(all.isEmpty() ? "Outcome" : "Outcome: " + all.get(0).outcome() + " (" + all.size() + ")");
    }
}
