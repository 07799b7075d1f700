package org.tesseracrm.kernel.core.internal.security;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.tesseracrm.kernel.api.CrmException;

/** Runs kernel work in a transaction of the kernel's unit. */
final class Transactions {
    private Transactions() {
    }

    /** @return what the work returned; our own exceptions surface unwrapped from Aries JPA's wrapping */
    static <T> T inTransaction(JpaTemplate jpa, Function<EntityManager, T> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work::apply);
        } catch (RuntimeException e) {
            throw CrmException.surface(e);
        }
    }
}
