package org.tesseracrm.projects.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.projects.api.ProjectProgress;
import org.tesseracrm.projects.api.Projects;

/**
 * "Progress" on a project form ({@code project-progress}): done tasks of all the project's tasks as a bar and a
 * percentage ({@code project-progress-text}), or that it has no tasks yet. Read through the projects service.
 */
class ProgressPanel extends Details {
    private static final long serialVersionUID = 1L;

    private ProgressPanel(Optional<ProjectProgress> progress) {
        setId("project-progress");
        setSummaryText("Progress");
        setOpened(true);
        setWidthFull();
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.setSpacing(false);
        Span text = new Span(progress.map(ProgressPanel::text)
                .orElse("No tasks yet: add tasks to the project under Activities, progress follows them."));
        text.setId("project-progress-text");
        if (progress.isPresent()) {
            ProgressBar bar = new ProgressBar(0, 100, progress.get().percent());
            bar.setId("project-progress-bar");
            content.add(bar);
        }
        content.add(text);
        add(content);
    }

    /** @return e.g. "25 % (1 of 4 tasks done)" */
    static String text(ProjectProgress progress) {
        return progress.percent() + " % (" + progress.done() + " of " + progress.tasks() + " tasks done)";
    }

    /** @return the panel; empty if the user does not see the project */
    static Optional<ProgressPanel> of(Projects projects, long projectId) {
        try {
            return Optional.of(new ProgressPanel(projects.progress(projectId)));
        } catch (CrmException e) {
            return Optional.empty();
        }
    }
}
