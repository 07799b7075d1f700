package org.tesseracrm.email.internal.outbox;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The plain-text part of a message written in HTML: paragraphs and line breaks kept, links written out. */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr",
            "blockquote", "pre", "hr", "section", "article", "header", "footer");

    private HtmlText() {
    }

    /**
     * @param html an HTML body
     * @return its text
     */
    public static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String words = text.getWholeText().replaceAll("\\s+", " ");
                    if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                        words = words.stripLeading();
                    }
                    out.append(words);
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("li")) {
                        lineBreak(out, 1);
                        out.append("- ");
                    } else if (BLOCKS.contains(tag)) {
                        lineBreak(out, tag.equals("tr") ? 1 : 2);
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
                            out.append(" (").append(href.strip()).append(')');
                        }
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    } else if (BLOCKS.contains(tag)) {
                        lineBreak(out, tag.equals("tr") ? 1 : 2);
                    }
                }
            }
        }, Jsoup.parse(html).body());
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void lineBreak(StringBuilder out, int lines) {
        if (out.length() == 0) {
            return;
        }
        int have = 0;
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
            have++;
        }
        for (int i = have; i < lines; i++) {
            out.append('\n');
        }
    }
}
