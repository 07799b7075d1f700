package org.tesseracrm.pdf.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a template and its data model into a PDF. Stateless and thread-safe; it checks no permission (it reads
 * nothing): the module that calls it checks that the caller may see the data it puts into the model.
 *
 * <p>What a template may use: the model's values ({@code ${quote.number}}, {@code <#list lines as line>},
 * {@code <#if ...>}, the built-ins such as {@code ?has_content}, {@code !"default"}), the CSS that openhtmltopdf
 * supports (CSS 2.1 with paged media: {@code @page} margins and boxes, {@code counter(page)} and
 * {@code counter(pages)}, {@code page-break-*}, tables whose {@code thead} repeats on every page with
 * {@code -fs-table-paginate: paginate}) and {@code data:} images. Its output must be well-formed XHTML: close every
 * element ({@code <br/>}) and write {@code &#160;} rather than {@code &nbsp;}.
 */
@ProviderType
public interface PdfRenderer {
    /** The font family every template can use (regular, bold, italic, bold italic), embedded in each PDF. */
    String FONT_FAMILY = "DejaVu Sans";

    /**
     * @param request the template, its data and the document's title
     * @return the PDF's bytes (starting with {@code %PDF-})
     * @throws org.tesseracrm.kernel.api.ValidationException if the template does not render with this data or its
     *     output is not well-formed XHTML: one error on field {@code template} whose message names the line
     * @throws org.tesseracrm.kernel.api.CrmException if the PDF could not be laid out
     */
    byte[] render(PdfRequest request);

    /**
     * Renders the request and throws its bytes away: the check an administrator's edited template passes before it
     * is saved.
     *
     * @param request a template with sample data
     * @throws org.tesseracrm.kernel.api.ValidationException as {@link #render} does
     */
    default void check(PdfRequest request) {
        render(request);
    }
}
