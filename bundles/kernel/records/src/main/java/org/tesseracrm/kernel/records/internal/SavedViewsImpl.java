package org.tesseracrm.kernel.records.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * Keeps saved list views in {@code CRM_SAVED_VIEW}, one row per owner, record type and name, the
 * definition as CSV lines ({@code text}, {@code sort}, {@code filter}, {@code columns}, and for a board
 * configuration {@code group}, its grouping field).
 */
@Component(service = SavedViews.class)
public class SavedViewsImpl implements SavedViews {
    private static final int NAME_MAX = 60;
    private static final int DEFINITION_MAX = 8000;

    private final RecordTypeRegistry types;
    private final FieldCatalog catalog;
    private final AccessControl access;

    /**
     * @param types installed record types
     * @param catalog field definitions, to check and clean views
     * @param access the caller's permissions
     */
    @Activate
    public SavedViewsImpl(@Reference RecordTypeRegistry types, @Reference FieldCatalog catalog,
            @Reference AccessControl access) {
        this.types = types;
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    public List<SavedView> list(String recordType) {
        RecordType type = types.require(recordType);
        String caller = access.require(type.moduleId() + ".view").username();
        Set<String> names = catalog.fields(type).stream().map(FieldDefinition::name).collect(Collectors.toSet());
        return catalog.jdbc().inTransaction(c -> {
            List<SavedView> views = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT OWNER, NAME, SHARED, DEFINITION FROM CRM_SAVED_VIEW"
                    + " WHERE RECORD_TYPE = ? AND (OWNER = ? OR SHARED = ?) ORDER BY NAME, OWNER")) {
                s.setString(1, recordType);
                s.setString(2, caller);
                s.setBoolean(3, true);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        views.add(decode(recordType, rs.getString(1), rs.getString(2), rs.getBoolean(3),
                                rs.getString(4), names));
                    }
                }
            }
            return views;
        });
    }

    @Override
    public SavedView save(SavedView view) {
        RecordType type = types.require(view.recordType());
        String caller = access.require(type.moduleId() + ".view").username();
        if (view.shared()) {
            access.require(type.moduleId() + ".configure");
        }
        String name = view.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw invalid("name", "Give the view a name of 1 to " + NAME_MAX + " characters.");
        }
        List<FieldDefinition> fields = catalog.fields(type);
        // Builds the view's query the way the list will run it: unknown fields and bad values fail here.
        new RecordSql(type, fields, catalog.search(), RecordSql.targets(types, catalog, access))
                .select(view.query(), RecordSql.EVERYONE, true);
        view.columns().forEach(column -> catalog.field(type, column));
        view.groupBy().map(group -> catalog.field(type, group)).filter(group -> group.type() != FieldType.PICKLIST
                && group.type() != FieldType.USER).ifPresent(group -> {
                    throw invalid("groupBy", "Boards group by a pick-list or a user, not by \"" + group.label() + "\".");
                });
        SavedView saved = new SavedView(view.recordType(), name, caller, view.shared(), view.text(), view.filters(),
                view.sort(), view.columns(), view.groupBy());
        String definition = encode(saved);
        if (definition.length() > DEFINITION_MAX) {
            throw invalid("filters", "This view has too many filters or columns to be saved.");
        }
        catalog.jdbc().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT DEFINITION FROM CRM_SAVED_VIEW WHERE RECORD_TYPE = ?"
                    + " AND OWNER = ? AND NAME = ?")) {
                s.setString(1, saved.recordType());
                s.setString(2, caller);
                s.setString(3, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && decode(saved.recordType(), caller, name, false, rs.getString(1), Set.of()).board()
                            != saved.board()) {
                        throw invalid("name", "You already have a " + (saved.board() ? "list view" : "board")
                                + " of this name; choose another.");
                    }
                }
            }
            remove(c, saved.recordType(), caller, name);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO CRM_SAVED_VIEW (RECORD_TYPE, OWNER, NAME, SHARED,"
                    + " DEFINITION) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, saved.recordType());
                s.setString(2, caller);
                s.setString(3, name);
                s.setBoolean(4, saved.shared());
                s.setString(5, definition);
                s.executeUpdate();
            }
            return null;
        });
        return saved;
    }

    @Override
    public void delete(String recordType, String owner, String name) {
        RecordType type = types.require(recordType);
        String caller = access.require(type.moduleId() + ".view").username();
        catalog.jdbc().inTransaction(c -> {
            if (!caller.equals(owner)) {
                boolean shared;
                try (PreparedStatement s = c.prepareStatement("SELECT SHARED FROM CRM_SAVED_VIEW WHERE RECORD_TYPE = ?"
                        + " AND OWNER = ? AND NAME = ?")) {
                    s.setString(1, recordType);
                    s.setString(2, owner);
                    s.setString(3, name);
                    try (ResultSet rs = s.executeQuery()) {
                        shared = rs.next() && rs.getBoolean(1);
                    }
                }
                if (!shared) {
                    throw new PermissionDeniedException("You can only delete your own views.");
                }
                access.require(type.moduleId() + ".configure");
            }
            remove(c, recordType, owner, name);
            return null;
        });
    }

    private static void remove(Connection c, String recordType, String owner, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM CRM_SAVED_VIEW WHERE RECORD_TYPE = ? AND OWNER = ?"
                + " AND NAME = ?")) {
            s.setString(1, recordType);
            s.setString(2, owner);
            s.setString(3, name);
            s.executeUpdate();
        }
    }

    /** @return the view's search text, order, filters and columns as CSV lines */
    static String encode(SavedView view) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("text", view.text());
            if (view.groupBy().isPresent()) {
                printer.printRecord("group", view.groupBy().get());
            }
            for (SortOrder key : view.sort()) {
                printer.printRecord("sort", key.field(), key.ascending() ? "asc" : "desc");
            }
            for (Filter filter : view.filters()) {
                List<String> line = new ArrayList<>(List.of("filter", filter.field(), filter.op().name()));
                line.addAll(filter.values());
                printer.printRecord(line);
            }
            if (!view.columns().isEmpty()) {
                List<String> line = new ArrayList<>(List.of("columns"));
                line.addAll(view.columns());
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads a stored view back, leaving out what names fields the type no longer has (a removed custom field). */
    static SavedView decode(String recordType, String owner, String name, boolean shared, String definition,
            Set<String> fields) {
        String text = "";
        List<SortOrder> sort = new ArrayList<>();
        List<Filter> filters = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        Optional<String> groupBy = Optional.empty();
        try {
            for (CSVRecord line : CSVFormat.DEFAULT.parse(new StringReader(definition))) {
                List<String> cells = line.toList();
                switch (cells.get(0)) {
                    case "text" -> text = cells.get(1);
                    case "group" -> groupBy = Optional.of(cells.get(1)); // kept even when the field went: still a board
                    case "sort" -> {
                        if (fields.contains(cells.get(1))) {
                            sort.add(new SortOrder(cells.get(1), "asc".equals(cells.get(2))));
                        }
                    }
                    case "filter" -> {
                        // a field of a looked-up record (company.industry) stays while the lookup does
                        if (fields.contains(cells.get(1).contains(".") ? cells.get(1).substring(0,
                                cells.get(1).indexOf('.')) : cells.get(1))) {
                            filters.add(new Filter(cells.get(1), FilterOp.valueOf(cells.get(2)),
                                    cells.subList(3, cells.size())));
                        }
                    }
                    case "columns" -> cells.subList(1, cells.size()).stream().filter(fields::contains)
                            .forEach(columns::add);
                    default -> { } // written by a later version: ignored
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SavedView(recordType, name, owner, shared, text, filters, sort, columns, groupBy);
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
