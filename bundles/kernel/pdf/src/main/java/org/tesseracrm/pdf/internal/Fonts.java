package org.tesseracrm.pdf.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.tesseracrm.pdf.api.PdfRenderer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The DejaVu Sans family shipped in this bundle, read once into memory; each PDF embeds the subset of glyphs it
 * uses. Held by the renderer component (no static cache), so nothing outlives the bundle.
 */
final class Fonts {
    private record Face(String file, int weight, FontStyle style) {
    }

    private static final List<Face> FACES = List.of(new Face("DejaVuSans.ttf", 400, FontStyle.NORMAL),
            new Face("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
            new Face("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC));

    private final List<byte[]> files;

    Fonts() {
        this.files = FACES.stream().map(f -> read("fonts/" + f.file())).toList();
    }

    /** Registers the family with the builder (also as the generic sans-serif and serif families). */
    void register(PdfRendererBuilder builder) {
        for (int i = 0; i < FACES.size(); i++) {
            Face face = FACES.get(i);
            byte[] bytes = files.get(i);
            for (String family : List.of(PdfRenderer.FONT_FAMILY, "sans-serif", "serif")) {
                builder.useFont(() -> new ByteArrayInputStream(bytes), family, face.weight(), face.style(), true);
            }
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The font " + resource + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
