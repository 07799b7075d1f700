package org.tesseracrm.opportunities.internal.service;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who really moves an opportunity when {@link OpportunityPhasesImpl#move} changes it with the platform's
 * rights (a user with {@code opportunities.move-phase} but not {@code .edit}): the phase history names them.
 */
final class ActingUser {
    private static final ThreadLocal<String> USER = new ThreadLocal<>();

    private ActingUser() {
    }

    static <T> T as(String user, Supplier<T> work) {
        String before = USER.get();
        USER.set(user);
        try {
            return work.get();
        } finally {
            if (before == null) {
                USER.remove();
            } else {
                USER.set(before);
            }
        }
    }

    static Optional<String> current() {
        return Optional.ofNullable(USER.get());
    }
}
