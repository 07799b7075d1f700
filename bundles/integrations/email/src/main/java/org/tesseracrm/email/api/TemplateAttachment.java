package org.tesseracrm.email.api;

/**
 * A file kept with a template and attached to every mail made from it (a price list, terms and conditions).
 *
 * @param id the file
 * @param templateId the template it belongs to
 * @param name the file name
 * @param contentType its MIME type, one of {@link MailTemplates#ATTACHMENT_TYPES}
 * @param size its size in bytes, at most {@link MailTemplates#MAX_ATTACHMENT_BYTES}
 */
public record TemplateAttachment(long id, long templateId, String name, String contentType, long size) {
}
