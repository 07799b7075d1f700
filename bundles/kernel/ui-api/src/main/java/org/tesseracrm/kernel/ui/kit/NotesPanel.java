package org.tesseracrm.kernel.ui.kit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Note;
import org.tesseracrm.kernel.api.record.Notes;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * A record's notes on its form: newest first, each with its author and time, and a box to add one for
 * users who may edit the record. Authors delete their own notes; holders of the module's delete
 * permission any. Notes are plain text, shown as text (never as HTML).
 *
 * <p>Element ids: {@code <prefix>-notes} (the panel), {@code -note-text}, {@code -note-add}; each
 * note has the class {@code <prefix>-note} and its delete button {@code <prefix>-note-delete}.
 */
final class NotesPanel extends Details {
    private static final long serialVersionUID = 1L;

    private final transient Notes notes;
    private final String recordType;
    private final long recordId;
    private final String prefix;
    private final String me;
    private final boolean mayDeleteAny;
    private final VerticalLayout list = new VerticalLayout();

    NotesPanel(Notes notes, AccessControl access, RecordType type, long recordId, String prefix, String me) {
        this.notes = notes;
        this.recordType = type.id();
        this.recordId = recordId;
        this.prefix = prefix;
        this.me = me;
        this.mayDeleteAny = access.permitted(type.moduleId() + ".delete");
        setId(prefix + "-notes");
        setWidthFull();
        list.setPadding(false);
        list.setSpacing(false);
        if (access.permitted(type.moduleId() + ".edit")) {
            TextArea text = new TextArea();
            text.setId(prefix + "-note-text");
            text.setPlaceholder("Write a note");
            text.setMaxLength(Notes.MAX_LENGTH);
            text.setWidthFull();
            Button add = new Button("Add note", e -> {
                try {
                    notes.add(recordType, recordId, text.getValue());
                    text.clear();
                    text.setInvalid(false);
                    refresh();
                } catch (ValidationException ex) {
                    text.setErrorMessage(ex.errors().get(0).message());
                    text.setInvalid(true);
                }
            });
            add.setId(prefix + "-note-add");
            add(text, add);
        }
        add(list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var all = notes.list(recordType, recordId);
        setSummaryText("Notes (" + all.size() + ")");
        setOpened(!all.isEmpty());
        for (Note note : all) {
            Span who = new Span(note.author() + " · " + LocalTimes.current().format(note.at()));
            who.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Paragraph body = new Paragraph(note.text());
            // A long word (a pasted link, a token) wraps inside the form instead of widening it.
            body.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("margin", "0");
            Div item = new Div(who, body);
            item.addClassName(prefix + "-note");
            item.getStyle().set("padding", "var(--lumo-space-xs) 0");
            if (mayDeleteAny || me.equals(note.author())) {
                Button delete = new Button(new Icon(VaadinIcon.TRASH), e -> {
                    notes.delete(recordType, note.id());
                    refresh();
                });
                delete.addClassName(prefix + "-note-delete");
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                delete.getElement().setAttribute("aria-label", "Delete this note");
                who.add(delete);
            }
            list.add(item);
        }
    }
}
