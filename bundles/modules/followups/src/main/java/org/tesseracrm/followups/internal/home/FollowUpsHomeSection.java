package org.tesseracrm.followups.internal.home;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import org.tesseracrm.followups.internal.FollowUpsModule;
import org.tesseracrm.followups.internal.service.Chain;
import org.tesseracrm.followups.internal.service.FollowUp;
import org.tesseracrm.followups.internal.service.FollowUpService;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.ui.HomeSection;
import org.tesseracrm.kernel.ui.kit.AsyncLoader;
import org.tesseracrm.kernel.ui.kit.AsyncPanel;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * The Home page's follow-ups section: the signed-in user's own open follow-ups due today and those overdue
 * (in the error red, with the days late), each naming its operation; a row opens the operation's form, where
 * the follow-ups panel records the result.
 *
 * <p>Element ids: {@code home-followups}, {@code home-followups-count}; rows have the class
 * {@code home-followup-row} (and {@code home-followup-overdue}).
 */
@org.osgi.service.component.annotations.Component(service = HomeSection.class, property = {
    HomeSection.ORDER + ":Integer=20", HomeSection.PERMISSION + "=" + FollowUpsModule.VIEW})
public class FollowUpsHomeSection implements HomeSection {
    private final FollowUpService followUps;
    private final RecordKit kit;
    private final AsyncLoader loader;

    /**
     * @param followUps the user's follow-ups
     * @param kit opens an operation's form
     * @param loader reads off the UI thread
     */
    @Activate
    public FollowUpsHomeSection(@Reference FollowUpService followUps, @Reference RecordKit kit,
            @Reference AsyncLoader loader) {
        this.followUps = followUps;
        this.kit = kit;
        this.loader = loader;
    }

    @Override
    public String title() {
        return "Follow-ups due";
    }

    /**
     * @param due the user's open follow-ups due by the end of their day
     * @param now when they were read (UTC)
     */
    record Due(List<FollowUp> due, LocalDateTime now) {
        long overdue() {
            return due.stream().filter(f -> f.dueAt().isBefore(now)).count();
        }
    }

    @Override
    public Optional<Component> create() {
        LocalTimes times = LocalTimes.current();
        LocalDate today = LocalDate.now(times.settings().zone());
        LocalDateTime endOfDay = LocalDateTime.ofInstant(times.startOf(today.plusDays(1)), ZoneOffset.UTC);
        Div section = new Div();
        section.setId("home-followups");
        AsyncPanel<Due> panel = loader.panel(() -> new Due(followUps.mineDueBefore(endOfDay), FollowUpService.now()),
                due -> show(due, section));
        section.add(panel);
        return Optional.of(section);
    }

    private Component show(Due due, Div section) {
        Div shown = new Div();
        long overdue = due.overdue();
        Paragraph count = new Paragraph((due.due().size() - overdue) + " due today, " + overdue + " overdue");
        count.setId("home-followups-count");
        shown.add(count);
        Runnable refresh = () -> section.getChildren().filter(AsyncPanel.class::isInstance)
                .forEach(c -> ((AsyncPanel<?>) c).reload());
        for (FollowUp followUp : due.due()) {
            boolean late = followUp.dueAt().isBefore(due.now());
            Span flag = new Span(late ? "Overdue " + Chain.daysLate(followUp, due.now()) + " d" : "Due today");
            flag.getElement().getThemeList().add("badge small " + (late ? "error" : "contrast"));
            Button operation = new Button(followUp.recordTitle(), e -> kit.form(followUp.recordType(),
                    followUp.recordType(), new RecordRow(followUp.recordId(), 0, Map.of()), refresh).open());
            operation.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Span action = new Span(followUp.action() + " · " + LocalTimes.shown(followUp.dueAt()));
            action.getStyle().set("font-size", "var(--lumo-font-size-s)");
            Div row = new Div(flag, operation, action);
            row.addClassName("home-followup-row");
            if (late) {
                row.addClassName("home-followup-overdue");
            }
            row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                    .set("align-items", "baseline");
            shown.add(row);
        }
        if (due.due().isEmpty()) {
            shown.add(new Paragraph("No follow-up is due today."));
        }
        return shown;
    }
}
