package org.tesseracrm.email.internal.template;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The HTML of templates and signatures, with jsoup's {@link Safelist} (the jsoup the Vaadin bundle exports): text
 * formatting, headings, lists, tables, quotes, links (http, https, mailto; opened without the referrer) and images
 * from http, https or {@code cid:} are kept; scripts, styles and {@code style} attributes, event attributes, frames,
 * forms and {@code javascript:} links are dropped. It also writes the plain-text part of an HTML body.
 */
final class TemplateHtml {
    private static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("hr", "s", "center")
            .addProtocols("img", "src", "cid")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .removeProtocols("a", "href", "ftp");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
            "tr", "blockquote", "pre", "hr", "center", "dl", "dt", "dd");

    private TemplateHtml() {
    }

    /**
     * @param html HTML as typed or sent, possibly with markup that must not reach a mail or a browser
     * @return the HTML with only the allowed markup; "" for null or blank
     */
    static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", ALLOWED, COMPACT).strip();
    }

    /**
     * @param escaped text as it stands in HTML, e.g. {@code Tom &amp; Jerry}
     * @return the text it stands for, e.g. {@code Tom & Jerry}
     */
    static String unescape(String escaped) {
        return Parser.unescapeEntities(escaped, false);
    }

    /**
     * @param text any text
     * @return it safe inside HTML text and quoted attributes: {@code & < > " '} written as entities
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The plain-text part of an HTML body: paragraphs, headings and list items on lines of their own, a line break
     * for {@code <br>}, a link followed by its address in brackets when its text is not the address.
     *
     * @param html an HTML body or fragment
     * @return its text; "" for null or blank
     */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new TextWriter(out), Jsoup.parseBodyFragment(html).body());
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** Writes the text of the nodes it visits. */
    private static final class TextWriter implements NodeVisitor {
        private final StringBuilder out;

        TextWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                boolean pre = text.parent() instanceof Element parent && parent.is("pre");
                String words = pre ? text.getWholeText() : text.text().replaceAll("\\s+", " ");
                if (!pre && (out.isEmpty() || out.charAt(out.length() - 1) == '\n' || out.charAt(out.length() - 1) == ' ')) {
                    words = words.stripLeading();
                }
                out.append(words);
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    out.append('\n');
                } else if (tag.equals("li")) {
                    newLine();
                    out.append("- ");
                } else if (BLOCKS.contains(tag)) {
                    blankLine();
                } else if (tag.equals("td") || tag.equals("th")) {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                        out.append('\t');
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("a")) {
                    String href = element.attr("href");
                    if (!href.isBlank() && !href.startsWith("mailto:") && !element.text().strip().equals(href.strip())) {
                        out.append(" (").append(href).append(')');
                    }
                } else if (tag.equals("tr") || tag.equals("li")) {
                    newLine();
                } else if (BLOCKS.contains(tag)) {
                    blankLine();
                }
            }
        }

        private void newLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void blankLine() {
            newLine();
            if (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
                out.append('\n');
            }
        }
    }
}
