package org.tesseracrm.campaigns.internal.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Who joins a segment: one member per address, compared without case and surrounding blanks. */
final class Segment {
    /** The longest address kept (RFC 5321). */
    static final int MAX_ADDRESS = 254;
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:.]{2,}$");

    /**
     * A record offered to the segment.
     *
     * @param recordType {@code contact} or {@code lead}
     * @param recordId the record
     * @param address its e-mail address as the record holds it
     * @param name its title
     */
    record Candidate(String recordType, long recordId, String address, String name) {
    }

    private Segment() {
    }

    /**
     * @param address an address as a record holds it
     * @return it trimmed and in lower case, or "" when it is not an address a campaign can mail
     */
    static String normalise(String address) {
        if (address == null) {
            return "";
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        return a.length() <= MAX_ADDRESS && ADDRESS.matcher(a).matches() ? a : "";
    }

    /**
     * @param existing the addresses already in the segment (normalised)
     * @param candidates the records offered, in order
     * @return those to add: with a valid address not in the segment, the first of each address, addresses
     *     normalised
     */
    static List<Candidate> newMembers(Set<String> existing, List<Candidate> candidates) {
        Set<String> seen = new HashSet<>(existing);
        List<Candidate> added = new ArrayList<>();
        for (Candidate c : candidates) {
            String address = normalise(c.address());
            if (!address.isEmpty() && seen.add(address)) {
                String name = c.name() == null ? "" : c.name();
                added.add(new Candidate(c.recordType(), c.recordId(), address,
                        name.length() > 200 ? name.substring(0, 200) : name));
            }
        }
        return added;
    }
}
