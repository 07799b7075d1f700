package org.tesseracrm.email.internal.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * What a bulk send did for each record, summed up in one text for the user, e.g. "12 queued, 2 without an e-mail
 * address: Ada Lovelace, Bob Bar; 1 unsubscribed: Carl (carl@example.com)." Each list names at most
 * {@link #NAMED} records and counts the rest.
 */
final class BulkReport {
    /** The most records named per outcome. */
    static final int NAMED = 10;

    private int queued;
    private final List<String> withoutAddress = new ArrayList<>();
    private final List<String> suppressed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    /** A mail was queued for a record. */
    void queued() {
        queued++;
    }

    /** @param title a record without an e-mail address */
    void withoutAddress(String title) {
        withoutAddress.add(title);
    }

    /**
     * @param title a record whose address no bulk send mails any more
     * @param address the address
     */
    void suppressed(String title, String address) {
        suppressed.add(title + " (" + address + ")");
    }

    /**
     * @param title a record whose mail could not be made or queued
     * @param reason why
     */
    void failed(String title, String reason) {
        failed.add(title + " (" + reason + ")");
    }

    /** @return how many mails were queued */
    int queuedCount() {
        return queued;
    }

    /** @return the summary for the user */
    String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(String.format("%,d queued", queued));
        part(parts, withoutAddress, "without an e-mail address");
        part(parts, suppressed, "unsubscribed or bounced, skipped");
        part(parts, failed, "not sent");
        return String.join("; ", parts) + ".";
    }

    private static void part(List<String> parts, List<String> names, String what) {
        if (names.isEmpty()) {
            return;
        }
        String listed = String.join(", ", names.subList(0, Math.min(NAMED, names.size())));
        if (names.size() > NAMED) {
            listed += String.format(" and %,d more", names.size() - NAMED);
        }
        parts.add(String.format("%,d %s: %s", names.size(), what, listed));
    }
}
