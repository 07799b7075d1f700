package org.tesseracrm.campaigns.api;

import java.util.List;

/** The names of the campaign record type, its fields and its statuses. */
public final class CampaignFields {
    /** The record type id. */
    public static final String RECORD_TYPE = "campaign";
    /** What the campaign is called (text, required). */
    public static final String NAME = "name";
    /** Where the campaign is (pick-list of {@link #STATUSES}, set by the module). */
    public static final String STATUS = "status";
    /** The e-mail template's id (number): its subject and bodies are merged for each member's record. */
    public static final String TEMPLATE = "template";
    /** The mail account's id (number) sent through; empty for the sender's default account. */
    public static final String MAIL_ACCOUNT = "mailAccount";
    /** When a scheduled campaign is sent (date and time). */
    public static final String SCHEDULED_AT = "scheduledAt";
    /** Free text. */
    public static final String DESCRIPTION = "description";
    /** The record's owner (user). */
    public static final String OWNER = "owner";
    /** Members in the segment (number, set by the module). */
    public static final String RECIPIENTS = "recipients";
    /** Members whose mail went to the outbox (number, set by the module). */
    public static final String SENT = "sent";
    /** Members who opened the mail at least once (number, set by the module). */
    public static final String OPENED = "opened";
    /** Members who followed a link at least once (number, set by the module). */
    public static final String CLICKED = "clicked";
    /** Members whose mail bounced (number, set by the module). */
    public static final String BOUNCED = "bounced";
    /** Members who unsubscribed through the campaign's link (number, set by the module). */
    public static final String UNSUBSCRIBED = "unsubscribed";

    /** A campaign being prepared: its segment and settings may change. */
    public static final String DRAFT = "Draft";
    /** A campaign waiting for its time ({@link #SCHEDULED_AT}) on a durable timer. */
    public static final String SCHEDULED = "Scheduled";
    /** A campaign whose mail is being queued, a bounded batch per timer run. */
    public static final String SENDING = "Sending";
    /** A campaign whose every member was handled. */
    public static final String SENT_STATUS = "Sent";
    /** A campaign stopped before or while sending. */
    public static final String CANCELLED = "Cancelled";
    /** Every status, in order. */
    public static final List<String> STATUSES = List.of(DRAFT, SCHEDULED, SENDING, SENT_STATUS, CANCELLED);
    /** The record types a segment takes members from. */
    public static final List<String> MEMBER_TYPES = List.of("contact", "lead");

    private CampaignFields() {
    }
}
