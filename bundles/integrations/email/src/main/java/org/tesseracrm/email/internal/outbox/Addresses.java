package org.tesseracrm.email.internal.outbox;

import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Checks e-mail addresses with Jakarta Mail's strict RFC 822 parser: one address per entry, written alone
 * ({@code ann@example.com}) or with a name ({@code Ann Lee <ann@example.com>}), with a domain, at most 254
 * characters, on one line.
 */
public final class Addresses {
    /** The longest address (RFC 5321's path limit). */
    public static final int MAX_LENGTH = 254;

    private Addresses() {
    }

    /**
     * @param address what a user wrote
     * @return what is wrong with it, or empty if it is one valid address
     */
    public static Optional<String> problem(String address) {
        if (address == null || address.isBlank()) {
            return Optional.of("Give an e-mail address, e.g. ann@example.com.");
        }
        String text = address.strip();
        if (text.length() > MAX_LENGTH + 100 || text.contains("\r") || text.contains("\n")) {
            return Optional.of("Not an e-mail address: write one address on one line, e.g. ann@example.com.");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(text, true);
            if (parsed.length != 1) {
                return Optional.of("Write one address per entry (" + parsed.length + " found in \"" + shown(text) + "\").");
            }
            InternetAddress one = parsed[0];
            if (one.isGroup()) {
                return Optional.of("A group is not an address: " + shown(text) + ".");
            }
            one.validate();
            String bare = one.getAddress();
            int at = bare.lastIndexOf('@');
            if (at < 1 || at == bare.length() - 1) {
                return Optional.of("Not an e-mail address: " + shown(text) + " (it needs a name, an @ and a domain).");
            }
            if (bare.length() > MAX_LENGTH) {
                return Optional.of("At most " + MAX_LENGTH + " characters: " + shown(text) + ".");
            }
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of("Not an e-mail address: " + shown(text) + " (e.g. ann@example.com).");
        }
    }

    /**
     * @param address a valid address, with or without a name
     * @return its address part in lower case, e.g. {@code ann@example.com}
     */
    public static String bare(String address) {
        try {
            return new InternetAddress(address.strip(), true).getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            return address.strip().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param address a valid address
     * @return its domain, e.g. {@code example.com}
     */
    public static String domain(String address) {
        String bare = bare(address);
        return bare.substring(bare.lastIndexOf('@') + 1);
    }

    private static String shown(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
