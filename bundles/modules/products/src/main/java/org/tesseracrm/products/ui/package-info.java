/**
 * The Products module's Vaadin components for other modules' screens: {@link LinesEditor}, the editor of a sales
 * document's product lines (an opportunity's products, a quote's offer detail) with their totals, over
 * {@link org.tesseracrm.products.api.LineItems}.
 */
@Export
@Version("1.0.0")
package org.tesseracrm.products.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
