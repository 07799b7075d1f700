package org.tesseracrm.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.pdf.api.PdfRenderer;
import org.tesseracrm.pdf.api.PdfRequest;
import org.w3c.dom.Document;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.ThreadCtx;
import com.openhtmltopdf.util.XRLog;

/**
 * FreeMarker ({@link TemplateEngine}) to XHTML ({@link Xhtml}) to PDF (openhtmltopdf on PDFBox, fonts from
 * {@link Fonts}). Nothing is fetched: only {@code data:} URIs load; every other URI (files, http, the bundle) is
 * refused before it is resolved. Starts no thread and keeps no static state.
 */
@Component(service = PdfRenderer.class)
public class PdfRendererImpl implements PdfRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(PdfRendererImpl.class);

    /** The base of relative URIs in templates; nothing is loaded from it. */
    static final String BASE_URI = "about:tessera";

    private final TemplateEngine engine = new TemplateEngine();
    private final Fonts fonts;

    /** Reads the fonts and points PDFBox's font cache at Karaf's data folder if nobody did. */
    @Activate
    public PdfRendererImpl() {
        fontCacheUnderKarafData();
        quietGlobalLoggers();
        this.fonts = new Fonts();
    }

    /**
     * openhtmltopdf logs every run at INFO through java.util.logging loggers with its own console handler (stderr,
     * around Pax Logging). Their levels are set to OFF (a JDK object only, so nothing of this bundle stays in
     * openhtmltopdf's static state); each run's messages still reach {@link #diagnostic} through the run's
     * diagnostic consumer and go to this bundle's log.
     */
    private static void quietGlobalLoggers() {
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.OFF);
        }
    }

    @Override
    public byte[] render(PdfRequest request) {
        long start = System.nanoTime();
        String xhtml = engine.process(request);
        Document document = Xhtml.parse(xhtml, request.title());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            fonts.register(builder);
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withProducer("Tessera CRM");
            // openhtmltopdf's messages go to this bundle's log for this run only (not to its own stderr handler)
            builder.withDiagnosticConsumer(d -> diagnostic(request.name(), d));
            builder.withW3cDocument(document, BASE_URI);
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The {} PDF could not be laid out", request.name(), e);
            throw new CrmException("The " + request.name() + " PDF could not be laid out: " + e.getMessage(), e);
        } finally {
            // openhtmltopdf keeps the run's context in a thread local (closing the renderer clears it; this makes
            // sure a pooled web thread keeps nothing of a run, whatever failed)
            ThreadCtx.cleanup();
        }
        LOG.debug("{} PDF: {} bytes in {} ms", request.name(), out.size(), (System.nanoTime() - start) / 1_000_000);
        return out.toByteArray();
    }

    private static void diagnostic(String name, Diagnostic diagnostic) {
        if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
            LOG.info("{} PDF: {}", name, diagnostic.getFormattedMessage());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} PDF: {}", name, diagnostic.getFormattedMessage());
        }
    }

    /**
     * PDFBox writes a cache of the system's fonts (when a document names a font it does not embed) into
     * {@code pdfbox.fontcache}, else the user's home folder. The distribution sets the property in
     * {@code etc/system.properties}; this is the fallback for other Karaf set-ups (Pax Exam, a custom assembly).
     */
    static void fontCacheUnderKarafData() {
        String data = System.getProperty("karaf.data");
        if (System.getProperty("pdfbox.fontcache") == null && data != null) {
            System.setProperty("pdfbox.fontcache", Path.of(data, "pdfbox").toString());
        }
        String cache = System.getProperty("pdfbox.fontcache");
        if (cache != null) {
            // PDFBox takes the folder only if it exists (else it writes into the home folder)
            try {
                Files.createDirectories(Path.of(cache));
            } catch (IOException | RuntimeException e) {
                LOG.warn("The PDFBox font cache folder {} could not be made: {}", cache, e.toString());
            }
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
