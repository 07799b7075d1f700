package org.tesseracrm.reports.internal.ui;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadEvent;

import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.ui.kit.Downloads;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.Reports;

/** Links that download a report's result as xlsx or csv, run as the user, through the kit's {@link Downloads}. */
final class ExportLinks {
    private ExportLinks() {
    }

    /**
     * @param reports the service, which checks the permissions and writes formula-safe cells
     * @param key the report's key
     * @param name the report's name, for the file name
     * @param format xlsx or csv
     * @param period the period to run it for, read when the link is followed
     * @param id the link's element id
     * @param small whether the button is a small one (in a list row)
     * @return the link
     */
    static Anchor link(Reports reports, String key, String name, ExportFormat format,
            Supplier<Optional<Period>> period, String id, boolean small) {
        Anchor link = new Anchor((DownloadEvent event) -> {
            Optional<Period> when = period.get();
            event.setFileName(fileName(name, LocalDate.now(), format));
            event.setContentType(format.mediaType());
            Downloads.write(event, out -> reports.export(key, format, when, out));
        }, "");
        link.getElement().setAttribute("download", true);
        link.setId(id);
        Button button = new Button(format == ExportFormat.XLSX ? "Excel" : "CSV", VaadinIcon.DOWNLOAD_ALT.create());
        button.setTabIndex(-1);
        if (small) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        link.add(button);
        return link;
    }

    /**
     * @param name a report's name
     * @param day today
     * @param format the file's format
     * @return a file name of the name's letters, digits and dashes, with the day, e.g.
     *     {@code opportunities-by-phase-2026-12-06.xlsx}
     */
    static String fileName(String name, LocalDate day, ExportFormat format) {
        String base = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-|-$", "");
        return (base.isEmpty() ? "report" : base) + "-" + day + "." + format.extension();
    }
}
