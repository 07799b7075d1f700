package org.tesseracrm.email.internal.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/** Recipient lists as users type them: addresses separated by commas, semicolons or line breaks. */
final class Addresses {
    /** The shape the record platform accepts for e-mail fields: something@host.tld. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\".]{2,}$");
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
    private static final Pattern NAMED = Pattern.compile("^.*<([^<>]+)>$");

    private Addresses() {
    }

    /**
     * @param typed what the user typed, e.g. {@code "ada@example.com; Bob <bob@example.com>"}; null is none
     * @return the addresses in order, each once (ignoring case), without names
     */
    static List<String> parse(String typed) {
        List<String> found = new ArrayList<>();
        if (typed == null || typed.isBlank()) {
            return found;
        }
        // "Name <address>" entries: keep the address only (names with commas are not supported)
        for (String part : typed.split("[,;\\n]")) {
            String entry = part.strip();
            var named = NAMED.matcher(entry);
            if (named.matches()) {
                entry = named.group(1).strip();
            }
            for (String word : SEPARATORS.split(entry)) {
                if (!word.isBlank() && found.stream().noneMatch(a -> a.equalsIgnoreCase(word))) {
                    found.add(word);
                }
            }
        }
        return found;
    }

    /** @return whether the text is one e-mail address */
    static boolean valid(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    /**
     * Reads the three recipient inputs and checks every address, naming the bad ones per input.
     *
     * @param to the typed To
     * @param cc the typed CC
     * @param bcc the typed BCC
     * @return the three lists, by input name ({@code to}, {@code cc}, {@code bcc})
     * @throws ValidationException for bad addresses, no recipient at all, or more than {@code max} in all
     */
    static Map<String, List<String>> recipients(String to, String cc, String bcc, int max) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("to", parse(to));
        lists.put("cc", parse(cc));
        lists.put("bcc", parse(bcc));
        List<FieldError> errors = new ArrayList<>();
        lists.forEach((field, addresses) -> {
            List<String> bad = addresses.stream().filter(a -> !valid(a)).toList();
            if (!bad.isEmpty()) {
                errors.add(new FieldError(field, (bad.size() == 1 ? "Not an e-mail address: " : "Not e-mail addresses: ")
                        + String.join(", ", bad)));
            }
        });
        int total = lists.values().stream().mapToInt(List::size).sum();
        if (total == 0) {
            errors.add(new FieldError("to", "Enter at least one recipient."));
        } else if (total > max) {
            errors.add(new FieldError("to", "At most " + max + " recipients in one message (to, CC and BCC "
                    + "together); this one has " + total + "."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return lists;
    }

    /** @return the address in lower case, to compare */
    static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
