package org.tesseracrm.kernel.records.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.ImportFile;
import org.tesseracrm.kernel.api.record.Imports;

/**
 * Reads uploaded csv and xlsx files into text cells, the way {@link FieldValues#parse} reads them: what
 * an export writes, an import reads back. Bounded in size and rows; anything else is a message for
 * the user, never a stack trace.
 */
final class ImportFiles {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ImportFiles() {
    }

    /**
     * @param fileName the uploaded name; {@code .csv} or {@code .xlsx}
     * @param content the file
     * @return its header row and data rows (blank ones included), each row as wide as the header
     * @throws ValidationException on field {@code file} for anything that is not a readable, bounded file
     */
    static ImportFile read(String fileName, InputStream content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean csv = lower.endsWith(".csv");
        if (!csv && !lower.endsWith(".xlsx")) {
            throw problem("Choose a .csv or .xlsx file (\"" + fileName + "\" is neither).");
        }
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Imports.MAX_BYTES + 1);
        } catch (IOException e) {
            throw problem("The upload of \"" + fileName + "\" broke off. Upload it again.");
        }
        if (bytes.length > Imports.MAX_BYTES) {
            throw problem("The file is larger than " + Imports.MAX_BYTES / (1024 * 1024) + " MB. Split it into smaller files.");
        }
        List<List<String>> table = csv ? csv(bytes) : xlsx(fileName, bytes);
        if (table.isEmpty() || table.get(0).stream().allMatch(String::isBlank)) {
            throw problem("The file is empty. Its first row must name the columns.");
        }
        List<String> headers = table.get(0).stream().map(String::strip).toList();
        int width = headers.size();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : table.subList(1, table.size())) {
            // Blank rows stay, so a row's index still gives its line in the file; the import skips them.
            List<String> cells = new ArrayList<>(row.subList(0, Math.min(width, row.size())));
            while (cells.size() < width) {
                cells.add("");
            }
            rows.add(cells);
            if (rows.size() > Imports.MAX_ROWS) {
                throw problem(String.format("The file has more than %,d rows. Split it into smaller files.",
                        Imports.MAX_ROWS));
            }
        }
        return new ImportFile(fileName, headers, rows);
    }

    private static List<List<String>> csv(byte[] bytes) {
        String text = decode(bytes);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false).build();
        List<List<String>> table = new ArrayList<>();
        try {
            Iterator<CSVRecord> records = format.parse(new StringReader(text)).iterator();
            while (records.hasNext()) {
                table.add(records.next().toList());
                if (table.size() > Imports.MAX_ROWS + 1) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw problem("The file is not valid CSV near line " + (table.size() + 1)
                    + ": check its quotes (a quoted value must end with a quote).");
        }
        return table;
    }

    /** UTF-8 (with or without byte order mark) if it decodes cleanly, otherwise Windows-1252, as Excel writes it. */
    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** Comma, semicolon (Excel in many locales) or tab: whichever the header line has most of. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    private static List<List<String>> xlsx(String fileName, byte[] bytes) {
        if (!ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            throw problem("\"" + fileName + "\" is not an Excel workbook (.xlsx). Save it as .xlsx or .csv and upload it again.");
        }
        List<List<String>> table = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
                new ReadingOptions(true, false))) {
            Iterator<Row> rows = workbook.getFirstSheet().openStream().iterator();
            while (rows.hasNext() && table.size() <= Imports.MAX_ROWS + 1) {
                Row row = rows.next();
                while (table.size() < row.getRowNum() - 1) { // rows without cells are missing from the sheet
                    table.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getOptionalCell(i).map(ImportFiles::text).orElse(""));
                }
                table.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw problem("\"" + fileName + "\" could not be read as an Excel workbook. Save it again as .xlsx or .csv.");
        }
        return table;
    }

    /** The cell as the text a user would type: dates ISO, numbers plain, booleans Yes/No. */
    private static String text(Cell cell) {
        return switch (cell.getType()) {
            case NUMBER -> {
                if (isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
                    LocalDateTime time = cell.asDate();
                    yield time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && !hasTime(cell.getDataFormatString())
                            ? DATE.format(time) : DATE_TIME.format(time);
                }
                BigDecimal number = cell.asNumber().stripTrailingZeros();
                yield (number.scale() < 0 ? number.setScale(0) : number).toPlainString();
            }
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "Yes" : "No";
            case STRING -> cell.asString();
            case EMPTY, ERROR -> "";
            default -> cell.getText();
        };
    }

    /** Excel's built-in date formats are 14-22 and 45-47; custom ones hold y, d or h outside quotes. */
    private static boolean isDate(Integer id, String format) {
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String plain = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return plain.contains("y") || plain.contains("d") || plain.contains("h");
    }

    private static boolean hasTime(String format) {
        return format != null && format.toLowerCase(Locale.ROOT).contains("h");
    }

    private static ValidationException problem(String message) {
        return new ValidationException(List.of(new FieldError("file", message)));
    }
}
