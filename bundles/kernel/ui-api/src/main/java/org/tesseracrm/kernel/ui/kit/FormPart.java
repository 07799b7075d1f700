package org.tesseracrm.kernel.ui.kit;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A form panel ({@link org.tesseracrm.kernel.api.ui.RecordPanel}) that also acts on the {@link RecordForm} it is
 * part of: the panel's component implements this, and the form calls {@link #attach} once, after it has built its
 * fields and buttons and before it opens. The part may add buttons to the footer ({@link RecordForm#addAction}), a
 * banner above the fields ({@link RecordForm#addBanner}) and show the record read-only
 * ({@link RecordForm#showReadOnly}): the Leads module adds its Convert… and Discard… buttons this way, and shows a
 * converted lead read-only with what it became. A part that throws is logged and the form opens without it.
 *
 * @since kit 1.2
 */
@ConsumerType
@FunctionalInterface
public interface FormPart {
    /**
     * Acts on the form, on the UI thread of the user's session.
     *
     * @param form the form of the saved record the panel was made for
     */
    void attach(RecordForm form);
}
