package org.tesseracrm.campaigns.internal.ui;

import java.time.ZoneOffset;
import java.util.List;

import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.Campaigns;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The campaign's segment, sending and results on its form ({@code campaign-results}): the counts
 * ({@code campaign-results-counts}), the members with each one's state ({@code campaign-members}, the first 1,000),
 * adding the records of a saved list view ({@code campaign-add-view}), and Send now / Schedule / Cancel for users
 * with {@code campaigns.send}. Every action goes through {@link Campaigns}, which checks the permissions again.
 */
class ResultsPanel extends Details {
    private static final long serialVersionUID = 1L;

    private final transient Campaigns campaigns;
    private final long campaignId;
    private final Span counts = new Span();
    private final Grid<CampaignMember> members = new Grid<>();

    ResultsPanel(Campaigns campaigns, AccessControl access, RecordRow campaign) {
        this.campaigns = campaigns;
        this.campaignId = campaign.id();
        setId("campaign-results");
        setSummaryText("Segment and results");
        setOpened(true);
        setWidthFull();
        counts.setId("campaign-results-counts");
        members.setId("campaign-members");
        members.addColumn(CampaignMember::address).setHeader("Address").setAutoWidth(true);
        members.addColumn(CampaignMember::name).setHeader("Name").setAutoWidth(true);
        members.addColumn(CampaignMember::recordType).setHeader("Type");
        members.addColumn(m -> m.state().name()).setHeader("State");
        members.addColumn(m -> m.openedAt() == null ? "" : m.openedAt().atZone(ZoneOffset.UTC).toLocalDateTime()
                .withNano(0).toString() + " (" + m.opens() + ")").setHeader("Opened (UTC)");
        members.addColumn(m -> m.clickedAt() == null ? "" : m.clickedAt().atZone(ZoneOffset.UTC).toLocalDateTime()
                .withNano(0).toString() + " (" + m.clicks() + ")").setHeader("Clicked (UTC)");
        members.addColumn(m -> m.bounced() ? "Bounced" : "").setHeader("Bounced");
        members.addColumn(m -> m.unsubscribed() ? "Unsubscribed" : "").setHeader("Unsubscribed");
        members.addColumn(CampaignMember::error).setHeader("Why");
        members.setAllRowsVisible(false);
        members.setHeight("20em");
        add(counts);
        if (access.permitted(Campaigns.EDIT)) {
            ComboBox<String> type = new ComboBox<>("Add from", CampaignFields.MEMBER_TYPES);
            type.setValue("contact");
            type.setId("campaign-add-type");
            TextField view = new TextField("Saved list view");
            view.setId("campaign-add-view-name");
            Button addView = new Button("Add the view's records", e -> act(() -> {
                int added = campaigns.addFromView(campaignId, type.getValue(), view.getValue());
                return "Added " + added + (added == 1 ? " member" : " members");
            }));
            addView.setId("campaign-add-view");
            HorizontalLayout row = new HorizontalLayout(type, view, addView);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            add(row);
        }
        if (access.permitted(Campaigns.SEND)) {
            Button send = new Button("Send now", e -> act(() -> "Sending: " + campaigns.send(campaignId).pending()
                    + " members to queue"));
            send.setId("campaign-send");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            DateTimePicker at = new DateTimePicker("At (UTC)");
            at.setId("campaign-schedule-at");
            Button schedule = new Button("Schedule", e -> act(() -> {
                campaigns.schedule(campaignId, at.getValue() == null ? null : at.getValue().toInstant(ZoneOffset.UTC));
                return "Scheduled";
            }));
            schedule.setId("campaign-schedule");
            Button cancel = new Button("Cancel sending", e -> act(() -> "Cancelled: " + campaigns.cancel(campaignId)
                    .pending() + " members left unsent"));
            cancel.setId("campaign-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout row = new HorizontalLayout(send, at, schedule, cancel);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            add(row);
        }
        add(members);
        refresh();
    }

    private interface Action {
        String run();
    }

    private void act(Action action) {
        try {
            String done = action.run();
            Notification.show(done, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (CrmException ex) {
            Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        CampaignResults r = campaigns.results(campaignId);
        counts.setText(r.status() + " · " + r.recipients() + " recipients · " + r.pending() + " pending · " + r.sent()
                + " sent · " + r.opened() + " opened · " + r.clicked() + " clicked · " + r.bounced() + " bounced · "
                + r.unsubscribed() + " unsubscribed · " + r.skipped() + " skipped · " + r.failed() + " failed");
        List<CampaignMember> page = campaigns.members(campaignId, 0, 1000);
        members.setItems(page);
    }
}
