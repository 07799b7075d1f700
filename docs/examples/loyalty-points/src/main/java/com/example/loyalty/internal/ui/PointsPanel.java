package com.example.loyalty.internal.ui;

import com.example.loyalty.api.PointsEntry;
import com.example.loyalty.api.PointsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * "Loyalty points" on a contact's form: the balance, the latest awards and, for users who may award
 * points, a line to award more. Text is set as text, never as HTML.
 */
class PointsPanel extends Details {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 10;

    private final transient PointsService points;
    private final long contactId;
    private final Span balance = new Span();
    private final VerticalLayout history = new VerticalLayout();

    PointsPanel(PointsService points, long contactId, boolean mayAward) {
        super("Loyalty points");
        this.points = points;
        this.contactId = contactId;
        setId("loyalty-points");
        setOpened(true);
        balance.setId("loyalty-balance");
        history.setPadding(false);
        history.setSpacing(false);
        VerticalLayout content = new VerticalLayout(balance, history);
        content.setPadding(false);
        if (mayAward) {
            content.add(awardLine());
        }
        add(content);
        refresh();
    }

    private HorizontalLayout awardLine() {
        IntegerField amount = new IntegerField("Points");
        amount.setId("loyalty-award-points");
        amount.setMin(1);
        amount.setMax(PointsService.MAX_POINTS);
        TextField reason = new TextField("Reason");
        reason.setId("loyalty-award-reason");
        Button award = new Button("Award", click -> {
            try {
                points.award(java.util.List.of(contactId), amount.getValue() == null ? 0 : amount.getValue(),
                        reason.getValue());
                amount.clear();
                reason.clear();
                refresh();
            } catch (ValidationException e) {
                Notification.show(e.errors().get(0).message());
            } catch (CrmException e) {
                Notification.show(e.getMessage());
            }
        });
        award.setId("loyalty-award");
        HorizontalLayout line = new HorizontalLayout(amount, reason, award);
        line.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return line;
    }

    private void refresh() {
        balance.setText(String.format("Balance: %,d points", points.balance(contactId)));
        history.removeAll();
        for (PointsEntry entry : points.history(contactId, SHOWN)) {
            history.add(new Span(String.format("%s  +%,d  %s  (%s)", LocalTimes.shown(entry.awardedAt()), entry.points(),
                    entry.reason(), entry.awardedBy())));
        }
    }
}
