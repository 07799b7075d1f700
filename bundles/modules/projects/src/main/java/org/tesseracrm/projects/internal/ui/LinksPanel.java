package org.tesseracrm.projects.internal.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.projects.api.ProjectLink;
import org.tesseracrm.projects.api.Projects;

/**
 * "Related records" on a project form ({@code project-links}): each related record with its type and, if the user
 * may see it, its title opening its form; otherwise "not visible to you", "removed" or "module not installed".
 * Users who may edit projects get Unlink ({@code project-link-remove-<type>-<id>}) and a record type
 * ({@code project-link-type}, the types they may view), a record looked up by its title ({@code project-link-record})
 * and Relate ({@code project-link-add}). The projects service checks the permissions and gives only visible titles.
 */
class LinksPanel extends ProjectSection {
    private static final long serialVersionUID = 1L;
    private static final int LOOKUP_LIMIT = 20;

    private final transient Projects projects;
    private final transient Records records;
    private final transient RecordTypes types;
    private final transient AccessControl access;
    private final transient RecordKit kit;
    private final long projectId;
    private final boolean editor;

    private LinksPanel(Services services, long projectId, boolean editor) {
        super("project-links", "Related records");
        this.projects = services.projects();
        this.records = services.records();
        this.types = services.types();
        this.access = services.access();
        this.kit = services.kit();
        this.projectId = projectId;
        this.editor = editor;
        refresh();
    }

    /** What the panel works with. */
    record Services(Projects projects, Records records, RecordTypes types, AccessControl access, RecordKit kit) {
    }

    /** @return the panel; empty if the user does not see the project */
    static Optional<LinksPanel> of(Services services, long projectId, boolean editor) {
        try {
            return Optional.of(new LinksPanel(services, projectId, editor));
        } catch (CrmException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void fill() {
        List<ProjectLink> links = projects.links(projectId);
        if (links.isEmpty()) {
            content.add(new Text("No related records yet: relate cases, opportunities, quotes or any other record."));
        }
        links.forEach(l -> content.add(row(l)));
        if (editor) {
            content.add(adder());
        }
    }

    private HorizontalLayout row(ProjectLink link) {
        Span type = new Span(link.typeLabel());
        type.getElement().getThemeList().add("badge contrast");
        HorizontalLayout row = new HorizontalLayout(type);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (link.title().isPresent()) {
            Button open = new Button(link.title().get(), e -> open(link));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            row.add(open);
        } else {
            Span state = new Span(switch (link.state()) {
                case REMOVED -> "removed";
                case UNAVAILABLE -> "module not installed";
                default -> "not visible to you";
            });
            state.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-style", "italic");
            row.add(state);
        }
        if (editor) {
            Button remove = new Button("Unlink", e -> act(() -> projects.unlink(projectId, link.recordType(),
                    link.recordId()), "Record unlinked"));
            remove.setId("project-link-remove-" + link.recordType() + "-" + link.recordId());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(remove);
        }
        return row;
    }

    private HorizontalLayout adder() {
        Select<RecordType> type = new Select<>();
        type.setLabel("Type");
        type.setId("project-link-type");
        type.setItemLabelGenerator(RecordType::label);
        type.setItems(types.all().stream().filter(t -> access.permitted(t.moduleId() + ".view"))
                .sorted(Comparator.comparing(RecordType::label)).toList());
        ComboBox<RecordRef> record = new ComboBox<>("Record");
        record.setId("project-link-record");
        record.setItemLabelGenerator(RecordRef::title);
        record.setEnabled(false);
        type.addValueChangeListener(e -> {
            record.clear();
            record.setEnabled(e.getValue() != null);
            if (e.getValue() != null) {
                String typeId = e.getValue().id();
                record.setItems(query -> records.lookup(typeId, query.getFilter().orElse(""), LOOKUP_LIMIT).stream()
                        .skip(query.getOffset()).limit(query.getLimit()));
            }
        });
        Button add = new Button("Relate", e -> {
            if (record.getValue() == null) {
                Notices.error("Choose the type and the record to relate");
                return;
            }
            act(() -> projects.link(projectId, record.getValue().recordType(), record.getValue().id()),
                    "Record related");
        });
        add.setId("project-link-add");
        HorizontalLayout row = new HorizontalLayout(type, record, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void open(ProjectLink link) {
        try {
            kit.form(link.recordType(), link.recordType(), new RecordRow(link.recordId(), 0, Map.of()), this::refresh)
                    .open();
        } catch (CrmException e) {
            Notices.error(e.getMessage());
        }
    }
}
