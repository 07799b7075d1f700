package org.tesseracrm.pdf.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.util.List;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.pdf.api.PdfRequest;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.XHTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * FreeMarker, locked down for templates administrators edit: XHTML output with every {@code ${...}} escaped, no
 * {@code ?new} (no class may be instantiated), no {@code ?api}, a {@link SimpleObjectWrapper} that wraps only
 * strings, numbers, booleans, lists and maps (no Java object is exposed, so no method can be called), no template
 * loader (no {@code #include} or {@code #import} of files), and at most {@link #MAX_OUTPUT} characters of output (a
 * runaway loop stops there). A failing template becomes a {@link ValidationException} on field {@code template}
 * whose message names the line; never a stack trace.
 */
final class TemplateEngine {
    /** The most characters a template may write (about a 5,000-line table). */
    static final int MAX_OUTPUT = 20_000_000;

    private final Configuration configuration;

    TemplateEngine() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setOutputFormat(XHTMLOutputFormat.INSTANCE);
        c.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        c.setRecognizeStandardFileExtensions(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        c.setTemplateLoader(null);
        c.setLocalizedLookup(false);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setAttemptExceptionReporter((e, env) -> { });
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setDefaultEncoding("UTF-8");
        c.setBooleanFormat("c");
        this.configuration = c;
    }

    /**
     * @param request the template and its data
     * @return the template's output
     * @throws ValidationException if the template does not parse or does not render with this data
     */
    String process(PdfRequest request) {
        Template template;
        try {
            template = new Template(request.name(), new StringReader(request.template()), configuration);
        } catch (ParseException e) {
            throw invalid(e.getLineNumber(), e.getColumnNumber(), e.getEditorMessage());
        } catch (IOException e) {
            throw new CrmException("The " + request.name() + " template could not be read: " + e.getMessage(), e);
        }
        LimitedWriter out = new LimitedWriter();
        try {
            var environment = template.createProcessingEnvironment(request.model(), out);
            environment.setLocale(request.locale());
            environment.process();
        } catch (TemplateException e) {
            if (out.overflow) {
                throw new ValidationException(List.of(new FieldError("template", "The template writes more than "
                        + MAX_OUTPUT / 1_000_000 + " million characters: check its loops")));
            }
            throw invalid(e.getLineNumber() == null ? 0 : e.getLineNumber(),
                    e.getColumnNumber() == null ? 0 : e.getColumnNumber(), message(e));
        } catch (IOException e) {
            if (out.overflow) {
                throw new ValidationException(List.of(new FieldError("template", "The template writes more than "
                        + MAX_OUTPUT / 1_000_000 + " million characters: check its loops")));
            }
            throw new CrmException("The " + request.name() + " template could not be rendered: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** The first sentence of FreeMarker's message, without its "Tip:" lines and the template stack. */
    static String message(TemplateException e) {
        if (e instanceof InvalidReferenceException) {
            String expression = e.getBlamedExpressionString();
            return expression == null ? "A value the template uses is missing"
                    : "\"" + expression + "\" is missing or empty in this document: check the name, or write "
                            + expression + "! to print nothing when it is missing";
        }
        String text = e.getMessageWithoutStackTop();
        if (text == null || text.isBlank()) {
            return "The template failed";
        }
        StringBuilder kept = new StringBuilder();
        for (String line : text.strip().split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("----") || l.startsWith("Tip:") || l.startsWith("Tips:")) {
                break;
            }
            kept.append(kept.length() == 0 ? "" : " ").append(l.replace("==> ", ""));
        }
        return kept.toString().replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]", "").strip();
    }

    static ValidationException invalid(int line, int column, String message) {
        String where = line <= 0 ? "" : column > 0 ? "Line " + line + ", column " + column + ": " : "Line " + line + ": ";
        return new ValidationException(List.of(new FieldError("template", where + message)));
    }

    /** A string writer that refuses to grow past {@link #MAX_OUTPUT}. */
    private static final class LimitedWriter extends Writer {
        private final StringBuilder text = new StringBuilder(16_384);
        private boolean overflow;

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            if (text.length() + length > MAX_OUTPUT) {
                overflow = true;
                throw new IOException("output limit");
            }
            text.append(buffer, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            if (text.length() + length > MAX_OUTPUT) {
                overflow = true;
                throw new IOException("output limit");
            }
            text.append(s, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
