package org.tesseracrm.kernel.ui.kit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.DownloadEvent;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.PermissionDeniedException;

/**
 * Downloads (exports, reports) that tell the user why they were refused. A service's expected refusal
 * (a {@link CrmException}: a missing permission, a bad filter) neither reaches Vaadin's request handler,
 * which would log it with a stack trace, nor leaves the user with an empty file and no word: the
 * response gets status 403 (or 400) and the page shows the exception's message.
 *
 * @since kit 1.1
 */
public final class Downloads {
    private Downloads() {
    }

    /** Writes a download's file. */
    @FunctionalInterface
    public interface Work {
        /**
         * @param out where the file goes; the response starts only with the first byte written
         * @throws IOException if writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Runs the work of a download handler, turning a {@link CrmException} into a message on the page.
     *
     * @param event the download request
     * @param work writes the file; may throw a {@link CrmException} before or while writing
     * @throws IOException if writing fails
     */
    public static void write(DownloadEvent event, Work work) throws IOException {
        UI ui = event.getUI();
        Lazy out = new Lazy(event);
        try {
            work.write(out);
        } catch (CrmException e) {
            if (!out.opened) {
                event.getResponse().setStatus(e instanceof PermissionDeniedException ? 403 : 400);
            }
            if (ui != null) {
                ui.access(() -> Notification.show("Download refused: " + e.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
            return;
        }
        out.close();
    }

    /** Opens the response only when the first byte is written, so a refusal before it can still set the status. */
    private static final class Lazy extends FilterOutputStream {
        private final DownloadEvent event;
        private boolean opened;

        Lazy(DownloadEvent event) {
            super(OutputStream.nullOutputStream());
            this.event = event;
        }

        private OutputStream target() {
            if (!opened) {
                out = event.getOutputStream();
                opened = true;
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (opened) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            target().close();
        }
    }
}
