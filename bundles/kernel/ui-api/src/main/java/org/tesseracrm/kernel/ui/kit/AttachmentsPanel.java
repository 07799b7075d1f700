package org.tesseracrm.kernel.ui.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.UploadEvent;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;

/**
 * A record's attached files on its form: name (a download link), size, who attached it and when; an
 * upload for users who may edit the record, limited to the allowed kinds and size (the service checks
 * the content again). Uploaders delete their own files; holders of the module's delete permission any.
 *
 * <p>Element ids: {@code <prefix>-attachments} (the panel), {@code -upload}, {@code -files} (the grid);
 * links have the class {@code <prefix>-file}, delete buttons {@code <prefix>-file-delete}.
 */
final class AttachmentsPanel extends Details {
    private static final long serialVersionUID = 1L;

    private final transient Attachments attachments;
    private final String recordType;
    private final long recordId;
    private final Grid<Attachment> files = new Grid<>();

    AttachmentsPanel(Attachments attachments, AccessControl access, CallerContext callers, RecordType type,
            long recordId, String prefix, String me) {
        this.attachments = attachments;
        this.recordType = type.id();
        this.recordId = recordId;
        setId(prefix + "-attachments");
        setWidthFull();
        boolean mayDeleteAny = access.permitted(type.moduleId() + ".delete");

        files.setId(prefix + "-files");
        files.addComponentColumn(file -> link(file, prefix)).setHeader("File").setAutoWidth(true).setFlexGrow(1);
        files.addColumn(file -> size(file.size())).setHeader("Size").setAutoWidth(true).setFlexGrow(0);
        files.addColumn(Attachment::uploadedBy).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        LocalTimes times = LocalTimes.current();
        files.addColumn(file -> times.format(file.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        files.addComponentColumn(file -> {
            if (!mayDeleteAny && !me.equals(file.uploadedBy())) {
                return new Span();
            }
            Button delete = new Button(new Icon(VaadinIcon.TRASH), e -> {
                attachments.delete(recordType, file.id());
                refresh();
            });
            delete.addClassName(prefix + "-file-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            delete.getElement().setAttribute("aria-label", "Delete " + file.fileName());
            return delete;
        }).setWidth("4rem").setFlexGrow(0);
        files.addThemeVariants(GridVariant.LUMO_COMPACT);
        files.setAllRowsVisible(true);

        if (access.permitted(type.moduleId() + ".edit")) {
            Upload upload = new Upload((UploadEvent event) -> receive(event, callers));
            upload.setId(prefix + "-upload");
            upload.setMaxFileSize((int) attachments.maxBytes());
            upload.setAcceptedFileTypes(attachments.allowedExtensions().stream().sorted().map(ext -> "." + ext)
                    .toArray(String[]::new));
            upload.setDropLabel(new Span(String.format("Drop a file here (%s; at most %d MB)",
                    String.join(", ", attachments.allowedExtensions().stream().sorted().toList()),
                    attachments.maxBytes() >> 20)));
            upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
            add(upload);
        }
        add(files);
        refresh();
    }

    /** Stores the upload as it streams in (the request binds the user); the service bounds and types it. */
    private void receive(UploadEvent event, CallerContext callers) {
        UI ui = event.getUI();
        try (InputStream content = event.getInputStream()) {
            attachments.add(recordType, recordId, event.getFileName(), content);
            ShellSession.access(ui, callers, this::refresh);
        } catch (ValidationException e) {
            ShellSession.access(ui, callers, () -> error(e.errors().get(0).message()));
        } catch (IOException e) {
            ShellSession.access(ui, callers, () -> error("The upload broke off. Upload the file again."));
        }
    }

    private void refresh() {
        List<Attachment> all = attachments.list(recordType, recordId);
        files.setItems(all);
        files.setVisible(!all.isEmpty());
        setSummaryText("Attachments (" + all.size() + ")");
        setOpened(!all.isEmpty());
    }

    /** A link that downloads the file (never shows it inline), checked against its checksum. */
    private Anchor link(Attachment file, String prefix) {
        Anchor link = new Anchor((DownloadEvent event) -> {
            byte[] content = attachments.content(recordType, file.id());
            event.setFileName(file.fileName());
            event.setContentType(file.mediaType());
            event.setContentLength(content.length);
            try (OutputStream out = event.getOutputStream()) {
                out.write(content);
            }
        }, file.fileName());
        link.getElement().setAttribute("download", true);
        link.addClassName(prefix + "-file");
        link.getElement().setAttribute("title", "SHA-256 " + file.sha256());
        return link;
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1 << 20 ? (bytes >> 10) + " KB"
                : String.format("%.1f MB", bytes / (double) (1 << 20));
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
