package org.tesseracrm.cases.api;

import java.util.List;

/** The record type id of cases, the names of their predefined fields and their first pick-list values. */
public final class CaseFields {
    /** The record type id. */
    public static final String RECORD_TYPE = "case";
    /** The case type pick-list (Petition, Complaint, Claim, Suggestion and the admin's own), chosen first. */
    public static final String CASE_TYPE = "caseType";
    /** The case number, e.g. {@code PET-000123}: the type's prefix and a sequence per prefix, given by the module. */
    public static final String NUMBER = "number";
    /** The subject (the case's title). */
    public static final String SUBJECT = "subject";
    /** The description of what the customer asks or reports. */
    public static final String DESCRIPTION = "description";
    /** The channel the case came through (pick-list). */
    public static final String CHANNEL = "channel";
    /** The status pick-list; each value has a {@link StatusKind kind}. */
    public static final String STATUS = "status";
    /** The priority pick-list (Low, Normal, High, Urgent); with the SLA settings it gives the resolution time. */
    public static final String PRIORITY = "priority";
    /** The user who works on the case (user name). */
    public static final String RESPONSIBLE = "responsible";
    /** The owner (user name). */
    public static final String OWNER = "owner";
    /** Lookup to the contact the case is about. */
    public static final String CONTACT = "contact";
    /** Lookup to the company the case is about. */
    public static final String COMPANY = "company";
    /** Lookup to another case this one depends on: it cannot be solved or closed while that one is open. */
    public static final String DEPENDS_ON = "dependsOn";
    /** The solution text, required to move to a status of kind solved. */
    public static final String SOLUTION = "solution";
    /** When the case last moved to a status of kind solved or closed (set by the module; cleared on reopening). */
    public static final String SOLVED_AT = "solvedAt";
    /** The SLA due time (date and time, UTC; written by the module's SLA code only, read-only elsewhere). */
    public static final String SLA_DUE_AT = "slaDueAt";
    /** The SLA state pick-list (set by the module): {@link #SLA_STATES}. */
    public static final String SLA_STATE = "slaState";
    /** How many levels up the role tree the case was escalated (a number, set by the module; 0 or empty for none). */
    public static final String ESCALATION_LEVEL = "escalationLevel";

    /** First case type: petition (prefix PET). */
    public static final String PETITION = "Petition";
    /** First case type: complaint (prefix QUE, queja). */
    public static final String COMPLAINT = "Complaint";
    /** First case type: claim (prefix REC, reclamo). */
    public static final String CLAIM = "Claim";
    /** First case type: suggestion (prefix SUG). */
    public static final String SUGGESTION = "Suggestion";
    /** The first case types, in their order. */
    public static final List<String> CASE_TYPES = List.of(PETITION, COMPLAINT, CLAIM, SUGGESTION);
    /** The first prefixes, in the order of {@link #CASE_TYPES}. */
    public static final List<String> CASE_TYPE_PREFIXES = List.of("PET", "QUE", "REC", "SUG");

    /** First status: New (open), the default. */
    public static final String NEW = "New";
    /** First status: In progress (open). */
    public static final String IN_PROGRESS = "In progress";
    /** First status: Waiting on customer (waiting: the SLA clock pauses). */
    public static final String WAITING_ON_CUSTOMER = "Waiting on customer";
    /** First status: Solved (solved: a solution is required). */
    public static final String SOLVED = "Solved";
    /** First status: Closed (closed). */
    public static final String CLOSED = "Closed";
    /** The first statuses, in their order. */
    public static final List<String> STATUSES = List.of(NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, SOLVED, CLOSED);

    /** First priority: Low. */
    public static final String LOW = "Low";
    /** First priority: Normal, the default. */
    public static final String NORMAL = "Normal";
    /** First priority: High. */
    public static final String HIGH = "High";
    /** First priority: Urgent. */
    public static final String URGENT = "Urgent";
    /** The priorities, lowest first; Normal is the default. */
    public static final List<String> PRIORITIES = List.of(LOW, NORMAL, HIGH, URGENT);
    /** The channels, Phone the default. */
    public static final List<String> CHANNELS = List.of("Phone", "E-mail", "Web", "Chat", "In person", "WhatsApp");

    /** SLA state: due time ahead. */
    public static final String SLA_ON_TRACK = "On track";
    /** SLA state: most of the resolution time used. */
    public static final String SLA_AT_RISK = "At risk";
    /** SLA state: past due and not solved. */
    public static final String SLA_BREACHED = "Breached";
    /** SLA state: the case waits on the customer, the clock stands still. */
    public static final String SLA_PAUSED = "Paused";
    /** SLA state: solved or closed in time. */
    public static final String SLA_MET = "Met";
    /** The SLA states, in their order. */
    public static final List<String> SLA_STATES = List.of(SLA_ON_TRACK, SLA_AT_RISK, SLA_BREACHED, SLA_PAUSED,
            SLA_MET);

    private CaseFields() {
    }
}
