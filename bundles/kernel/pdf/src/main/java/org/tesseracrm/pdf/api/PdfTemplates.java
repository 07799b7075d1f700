package org.tesseracrm.pdf.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The templates and letterhead texts administrators edit, by name (one table for every module). A module ships its
 * default template in its bundle and uses the stored one when there is one: {@link #find} empty means "use the
 * default". Names are the module's: {@code quote} for the quote template, {@code company.name},
 * {@code company.details} and {@code company.logo} for the letterhead every document shares.
 *
 * <p>Each method takes the permission the owning module asks for (e.g. {@code quotes.view} to read the quote
 * template, {@code quotes.configure} to change it) and checks it for the current caller first.
 */
@ProviderType
public interface PdfTemplates {
    /** The longest letterhead text accepted (a logo as a {@code data:} URI), in characters. */
    int MAX_TEXT_LENGTH = 1_000_000;

    /**
     * @param name the template's or text's name
     * @param permission the permission the caller needs
     * @return what an administrator saved, empty when nothing was (the module's default applies)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the permission
     */
    Optional<StoredTemplate> find(String name, String permission);

    /**
     * Checks the template by rendering it with the sample data ({@link PdfRenderer#check}), then stores
     * {@code sample.template()} under {@code sample.name()}. A template that does not render is not stored.
     *
     * @param sample the edited template with sample data (e.g. a made-up quote)
     * @param permission the permission the caller needs
     * @return what was stored
     * @throws org.tesseracrm.kernel.api.ValidationException naming the line of the template that fails
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the permission
     */
    StoredTemplate save(PdfRequest sample, String permission);

    /**
     * Stores a plain text (no template: a company name, an address, a logo as a {@code data:image/png;base64,...}
     * URI) that templates get as data.
     *
     * @param name the text's name
     * @param text the text, up to {@link #MAX_TEXT_LENGTH} characters; "" stores an empty text
     * @param permission the permission the caller needs
     * @return what was stored
     * @throws org.tesseracrm.kernel.api.ValidationException for a text that is too long
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the permission
     */
    StoredTemplate saveText(String name, String text, String permission);

    /**
     * Forgets what an administrator saved: the module's default applies again. Nothing happens if nothing was saved.
     *
     * @param name the template's or text's name
     * @param permission the permission the caller needs
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the permission
     */
    void reset(String name, String permission);
}
