package org.tesseracrm.pdf.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The template's output parsed as strict XHTML with the JDK's own parser: no DTD is loaded and no external entity
 * resolved (a template cannot read files through XML), so {@code &nbsp;} must be written {@code &#160;}.
 */
final class Xhtml {
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private Xhtml() {
    }

    /**
     * @param xhtml the template's output
     * @param title the title to give the document when its {@code <head>} has none
     * @return the document
     * @throws ValidationException if it is not well-formed: the line of the output and the parser's message
     */
    static Document parse(String xhtml, String title) {
        Document document;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            document = builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new ValidationException(List.of(new FieldError("template", "The template's output is not"
                    + " well-formed XHTML at line " + e.getLineNumber() + " of the output: " + e.getMessage()
                    + " (close every element, e.g. <br/>, and write &#160; instead of &nbsp;)")));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new CrmException("The template's output could not be read as XHTML: " + e.getMessage(), e);
        }
        addTitle(document, title);
        return document;
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void addTitle(Document document, String title) {
        Element root = document.getDocumentElement();
        if (root == null || title.isBlank()) {
            return;
        }
        NodeList heads = root.getElementsByTagNameNS("*", "head");
        Element head;
        if (heads.getLength() == 0) {
            head = document.createElementNS(root.getNamespaceURI() == null ? XHTML_NS : root.getNamespaceURI(), "head");
            root.insertBefore(head, root.getFirstChild());
        } else {
            head = (Element) heads.item(0);
        }
        if (head.getElementsByTagNameNS("*", "title").getLength() == 0) {
            Element element = document.createElementNS(head.getNamespaceURI(), "title");
            element.setTextContent(title);
            head.appendChild(element);
        }
    }
}
