package org.tesseracrm.kernel.ui.kit;

import java.util.Locale;

import org.tesseracrm.kernel.api.record.FieldType;

/**
 * How wide the kit's lists make their columns: a base width by the field's type that columns grow beyond,
 * in proportion, when the grid has room. Not the grid's automatic width: that sized a column to its
 * longest value (a long e-mail address) and pushed lists past the screen. A value longer than its
 * column ends in "…" and shows whole in the cell's tooltip.
 *
 * <p>Widths are in rem, never em: header cells use a smaller font than body cells, so an em width made
 * a header narrower than its column and shifted the headers against the cells (the frozen edit column's
 * header showed clipped pieces of its neighbour's).
 */
final class ListColumns {
    /** The Flags column (row decorations), shown while a row on the page has a mark. */
    static final String FLAGS_WIDTH = "7rem";
    /** The frozen column with the inline editor's pencil, or its Save and Cancel while a row is edited. */
    static final String EDIT_WIDTH = "5rem";

    private ListColumns() {
    }

    /** @return the base width of a column of this type, e.g. {@code 11rem} */
    static String width(FieldType type) {
        return String.format(Locale.ROOT, "%srem", switch (type) {
            case BOOLEAN -> "5";
            case USER -> "6";
            case NUMBER -> "6.5";
            case TEXT, PICKLIST, DATE, MONEY -> "7.5";
            case PHONE, LOOKUP -> "9";
            case DATE_TIME -> "9.5";
            case URL, MULTI_PICKLIST -> "10";
            case EMAIL -> "11";
            case LONG_TEXT -> "12";
        });
    }

    /** @return how much a column of this type grows, relative to others, when the grid is wider than the columns */
    static int flexGrow(FieldType type) {
        return switch (type) {
            case BOOLEAN, DATE, DATE_TIME, NUMBER, MONEY -> 0;
            case EMAIL, URL, LONG_TEXT -> 2;
            default -> 1;
        };
    }
}
