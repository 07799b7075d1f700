package org.tesseracrm.opportunities.internal.ui;

import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.PhaseChange;
import org.tesseracrm.opportunities.internal.service.TimeSpent;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;

/**
 * The phase history on an opportunity's form: each phase it entered, from which, who moved it, when, and how
 * long it stayed (the current phase: until now). Element id {@code opportunity-phase-history}, its grid
 * {@code opportunity-phase-history-grid}.
 */
class PhaseHistoryPanel extends Details {
    private static final long serialVersionUID = 1L;

    PhaseHistoryPanel(OpportunityPhases phases, long opportunityId) {
        super("Phase history");
        setId("opportunity-phase-history");
        setWidthFull();
        Grid<PhaseChange> grid = new Grid<>();
        grid.setId("opportunity-phase-history-grid");
        grid.addColumn(PhaseChange::to).setHeader("Phase").setAutoWidth(true);
        grid.addColumn(e -> e.from().isEmpty() ? "(created)" : e.from()).setHeader("From").setAutoWidth(true);
        grid.addColumn(e -> LocalTimes.shown(e.at())).setHeader("Entered").setAutoWidth(true);
        grid.addColumn(PhaseChange::by).setHeader("By").setAutoWidth(true);
        grid.addColumn(e -> TimeSpent.describe(e.spent())).setHeader("Time in phase").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setItems(phases.history(opportunityId));
        add(grid);
        setOpened(true);
    }
}
