package org.tesseracrm.kernel.ui.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.UploadEvent;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.ImportFile;
import org.tesseracrm.kernel.api.record.ImportMode;
import org.tesseracrm.kernel.api.record.ImportProblem;
import org.tesseracrm.kernel.api.record.ImportReport;
import org.tesseracrm.kernel.api.record.ImportRequest;
import org.tesseracrm.kernel.api.record.Imports;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;

/**
 * Imports a csv or xlsx file into a record type in three steps on one page: upload, map the columns
 * (guessed from the headers) and choose duplicate keys and mode, then check (a dry run listing every
 * problem by line) and import, with a progress bar. The import runs on its own thread as the signed-in
 * user and writes in one transaction.
 *
 * <p>Element ids: {@code import-upload}, {@code import-preview}, {@code import-map-<column index>},
 * {@code import-keys}, {@code import-mode}, {@code import-valid-only}, {@code import-check},
 * {@code import-run}, {@code import-close}, {@code import-progress}, {@code import-summary},
 * {@code import-problems}, {@code import-rejected} (download of the rows with problems).
 */
class ImportWizard extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final String NONE = "";
    private static final int PREVIEW_ROWS = 5;

    private final transient Imports imports;
    private final transient CallerContext callers;
    private final String recordType;
    private final List<FieldDefinition> fields;
    private final Runnable onImported;
    private final VerticalLayout steps = new VerticalLayout();
    private final List<Select<String>> mapping = new ArrayList<>();
    private final MultiSelectComboBox<FieldDefinition> keys = new MultiSelectComboBox<>("Find duplicates by");
    private final RadioButtonGroup<ImportMode> mode = new RadioButtonGroup<>("Rows matching an existing record");
    private final Checkbox validOnly = new Checkbox("Import the valid rows and report the others "
            + "(otherwise nothing is imported while any row has a problem)");
    private final Span summary = new Span();
    private final Grid<ImportProblem> problems = new Grid<>();
    private final ProgressBar progress = new ProgressBar();
    private final Anchor rejected = new Anchor();
    private final Button check = new Button("Check");
    private final Button run = new Button("Import");
    private transient ImportFile file;
    private boolean imported;

    /**
     * @param imports the import service
     * @param callers binds the signed-in user to the import's own thread
     * @param recordType the record type imported into
     * @param fields its fields
     * @param pluralLabel what the records are called
     * @param onImported runs when the dialog closes after records were written, e.g. to refresh the list
     */
    ImportWizard(Imports imports, CallerContext callers, String recordType, List<FieldDefinition> fields,
            String pluralLabel, Runnable onImported) {
        this.imports = imports;
        this.callers = callers;
        this.recordType = recordType;
        this.fields = fields.stream().filter(FieldDefinition::importable).toList();
        this.onImported = onImported;
        setHeaderTitle("Import " + pluralLabel);
        setWidth("min(60em, 95vw)");
        setId("import-dialog");

        Upload upload = new Upload(this::receive);
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Imports.MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.addFileRejectedListener(e -> say(e.getErrorMessage()));
        Paragraph hint = new Paragraph(String.format("A .csv or .xlsx file whose first row names the columns; at most "
                + "%d MB and %,d rows. A file exported from this list imports as it is.", Imports.MAX_BYTES >> 20,
                Imports.MAX_ROWS));
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)");

        summary.setId("import-summary");
        summary.getStyle().set("display", "block");
        problems.setId("import-problems");
        problems.addColumn(ImportProblem::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(ImportProblem::column).setHeader("Column").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(ImportProblem::message).setHeader("Problem");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        progress.setId("import-progress");
        progress.setVisible(false);

        rejected.setId("import-rejected");
        rejected.setText("Download the rows with problems (csv), to fix and import again");
        rejected.getElement().setAttribute("download", true);
        rejected.getStyle().set("display", "block").set("margin-top", "var(--lumo-space-s)");
        rejected.setVisible(false);

        steps.setPadding(false);
        add(upload, hint, steps, summary, progress, rejected, problems);

        check.setId("import-check");
        check.setEnabled(false);
        check.addClickListener(e -> check());
        run.setId("import-run");
        run.setEnabled(false);
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> run());
        // The list refreshes when the dialog closes, in a request of its own (a refresh pushed from the
        // import's thread left the lazy grid at its old size).
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && imported) {
                onImported.run();
            }
        });
        Button close = new Button("Close", e -> close());
        close.setId("import-close");
        getFooter().add(close, check, run);
    }

    /** Reads the upload as it streams in; the service bounds its size and rows. */
    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        ImportFile read;
        try (InputStream content = event.getInputStream()) {
            read = imports.read(recordType, event.getFileName(), content);
        } catch (ValidationException e) {
            ShellSession.access(ui, callers, () -> failed(messages(e)));
            return;
        } catch (IOException e) {
            ShellSession.access(ui, callers, () -> failed("The upload broke off. Upload the file again."));
            return;
        }
        ShellSession.access(ui, callers, () -> mapColumns(read));
    }

    private void failed(String message) {
        file = null;
        steps.removeAll();
        say(message);
        check.setEnabled(false);
        run.setEnabled(false);
    }

    private void mapColumns(ImportFile read) {
        file = read;
        steps.removeAll();
        mapping.clear();
        problems.setVisible(false);
        say(read.name() + ": " + Counts.of(read.rows().size(), "row", "rows") + ", "
                + Counts.of(read.headers().size(), "column", "columns") + ". Choose the field each column fills.");

        Grid<List<String>> preview = new Grid<>();
        preview.setId("import-preview");
        for (int i = 0; i < read.headers().size(); i++) {
            int column = i;
            preview.addColumn(row -> row.get(column)).setHeader(read.headers().get(i)).setAutoWidth(true);
        }
        preview.setItems(read.rows().subList(0, Math.min(PREVIEW_ROWS, read.rows().size())));
        preview.setAllRowsVisible(true);
        preview.addThemeVariants(GridVariant.LUMO_COMPACT);

        FormLayout columns = new FormLayout();
        columns.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("45em", 3));
        List<String> guessed = ImportRequest.guessMapping(read.headers(), fields);
        for (int i = 0; i < read.headers().size(); i++) {
            Select<String> select = new Select<>();
            select.setId("import-map-" + i);
            select.setLabel(read.headers().get(i));
            List<String> names = new ArrayList<>(List.of(NONE));
            fields.forEach(f -> names.add(f.name()));
            select.setItems(names);
            select.setItemLabelGenerator(name -> name.isEmpty() ? "Do not import" : label(name));
            select.setValue(guessed.get(i));
            select.addValueChangeListener(e -> stale());
            mapping.add(select);
            columns.add(select);
        }

        keys.setItems(fields);
        keys.setItemLabelGenerator(FieldDefinition::label);
        keys.setId("import-keys");
        keys.setHelperText("Rows with the same values in these fields are the same record. Leave empty to find none.");
        fields.stream().filter(f -> "email".equals(f.name()) && guessed.contains(f.name())).findFirst()
                .ifPresent(f -> keys.setValue(Set.of(f)));
        keys.addValueChangeListener(e -> stale());
        mode.setItems(ImportMode.values());
        mode.setItemLabelGenerator(ImportMode::label);
        mode.setValue(ImportMode.CREATE_ONLY);
        mode.setId("import-mode");
        mode.addValueChangeListener(e -> stale());
        validOnly.setId("import-valid-only");
        validOnly.addValueChangeListener(e -> stale());

        steps.add(preview, columns, keys, mode, validOnly);
        check.setEnabled(true);
        run.setEnabled(true);
    }

    /** A changed mapping or option makes the last report stale. */
    private void stale() {
        problems.setVisible(false);
        rejected.setVisible(false);
    }

    private void check() {
        request().ifPresent(request -> {
            try {
                ImportReport report = imports.check(recordType, request);
                show(report, String.format("Check: %,d to create, %,d to update, %,d to skip, %,d with problems.",
                        report.created(), report.updated(), report.skipped(), report.invalidRows()));
            } catch (ValidationException e) {
                problems.setVisible(false);
                say(messages(e));
            }
        });
    }

    private void run() {
        request().ifPresent(request -> {
            Caller caller = ShellSession.caller().orElseThrow();
            UI ui = UI.getCurrent();
            int total = request.file().rows().size();
            progress.setVisible(true);
            progress.setMin(0);
            progress.setMax(Math.max(1, total));
            progress.setValue(0);
            check.setEnabled(false);
            run.setEnabled(false);
            say("Importing…");
            Thread worker = new Thread(() -> importAs(caller, ui, request), "tessera-import-" + recordType);
            worker.setDaemon(true);
            worker.start();
        });
    }

    /** On the import's thread: runs it and pushes progress and the outcome to the page. */
    private void importAs(Caller caller, UI ui, ImportRequest request) {
        try {
            ImportReport report = callers.callAs(caller, () -> imports.run(recordType, request,
                    rows -> ShellSession.access(ui, callers, () -> progress.setValue(rows))));
            ShellSession.access(ui, callers, () -> {
                progress.setVisible(false);
                if (report.written()) {
                    show(report, String.format("Imported: %,d created, %,d updated, %,d skipped, %,d not imported.",
                            report.created(), report.updated(), report.skipped(), report.invalidRows()));
                    imported = true;
                } else {
                    show(report, "Nothing was imported: " + Counts.of(report.invalidRows(), "row has", "rows have")
                            + " problems. Fix them in the file, or tick \"Import the valid rows\".");
                    check.setEnabled(true);
                    run.setEnabled(true);
                }
            });
        } catch (CrmException e) {
            ShellSession.access(ui, callers, () -> {
                progress.setVisible(false);
                say("Nothing was imported: " + (e instanceof ValidationException v ? messages(v) : e.getMessage()));
                check.setEnabled(true);
                run.setEnabled(true);
            });
        }
    }

    private Optional<ImportRequest> request() {
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(new ImportRequest(file, mapping.stream().map(s -> s.getValue() == null ? NONE : s.getValue())
                .toList(), keys.getValue().stream().map(FieldDefinition::name).toList(), mode.getValue(),
                validOnly.getValue()));
    }

    private void show(ImportReport report, String text) {
        problems.setItems(report.problems());
        problems.setVisible(!report.problems().isEmpty());
        ImportFile checked = file;
        rejected.setHref((DownloadEvent event) -> {
            event.setFileName("not-imported-" + checked.name().replaceAll("\\.[^.]*$", "") + ".csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                writeRejected(checked, report, out);
            }
        });
        rejected.setVisible(!report.problems().isEmpty());
        say(text);
    }

    /** The file's rows that have problems, as they were, with a last column saying what to fix. */
    private static void writeRejected(ImportFile file, ImportReport report, OutputStream out) throws IOException {
        Map<Integer, String> byLine = new TreeMap<>();
        report.problems().forEach(p -> byLine.merge(p.line(), (p.column().isEmpty() ? "" : p.column() + ": ")
                + p.message(), (a, b) -> a + " " + b));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>(file.headers());
            header.add("Problems");
            printer.printRecord(header);
            for (Map.Entry<Integer, String> line : byLine.entrySet()) {
                List<String> row = new ArrayList<>(file.rows().get(line.getKey() - ImportFile.line(0)));
                row.add(line.getValue());
                printer.printRecord(row);
            }
        }
    }

    /** Shows a message in the summary line and scrolls it into view: the dialog may be scrolled down. */
    private void say(String text) {
        summary.setText(text);
        summary.scrollIntoView();
    }

    private String label(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(FieldDefinition::label).findFirst().orElse(name);
    }

    private static String messages(ValidationException e) {
        return e.errors().stream().map(FieldError::message).collect(Collectors.joining(" "));
    }
}
