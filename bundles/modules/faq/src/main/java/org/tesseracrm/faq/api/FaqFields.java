package org.tesseracrm.faq.api;

import java.util.List;

/** The record type id of FAQs, the names of their predefined fields and their statuses. */
public final class FaqFields {
    /** The record type id. */
    public static final String RECORD_TYPE = "faq";
    /** The question (the FAQ's title). */
    public static final String QUESTION = "question";
    /** The answer: rich text, stored as sanitised HTML. */
    public static final String ANSWER = "answer";
    /** The category pick-list. */
    public static final String CATEGORY = "category";
    /** The status pick-list: {@link #DRAFT} or {@link #PUBLISHED}. */
    public static final String STATUS = "status";
    /** How many cases the FAQ was attached to, kept by the module. */
    public static final String TIMES_USED = "timesUsed";
    /** The owner (user name). */
    public static final String OWNER = "owner";
    /** A FAQ being written: seen only by users who may edit FAQs. */
    public static final String DRAFT = "Draft";
    /** A FAQ every user with the view permission finds. */
    public static final String PUBLISHED = "Published";
    /** Every status the module sets, in order. */
    public static final List<String> STATUSES = List.of(DRAFT, PUBLISHED);
    /** The record type of cases, whose forms show suggested FAQs (the Cases module is not required). */
    public static final String CASE_TYPE = "case";

    private FaqFields() {
    }
}
