package org.tesseracrm.kernel.core.internal.security;

import java.lang.reflect.Proxy;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;

/**
 * The kernel's persistence unit over an in-memory Derby database, with its tables made from the entities, and
 * Aries' JpaTemplate as the kernel uses it: each call one resource-local transaction, rolled back on failure.
 *
 * @param factory the unit
 * @param jpa the template over it
 */
record KernelUnit(EntityManagerFactory factory, JpaTemplate jpa) implements AutoCloseable {

    /** @param database the in-memory database's name, one per test class */
    static KernelUnit open(String database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.nonJtaDataSource", dataSource("jdbc:derby:memory:" + database + ";create=true"));
        properties.put("eclipselink.ddl-generation", "create-tables");
        properties.put("eclipselink.ddl-generation.output-mode", "database");
        properties.put("eclipselink.target-database", "Derby");
        properties.put("eclipselink.weaving", "false");
        properties.put("eclipselink.logging.level", "SEVERE");
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("tessera-kernel", properties);
        return new KernelUnit(factory, template(factory));
    }

    @Override
    public void close() {
        factory.close();
    }

    private static JpaTemplate template(EntityManagerFactory factory) {
        return (JpaTemplate) Proxy.newProxyInstance(KernelUnit.class.getClassLoader(),
                new Class<?>[] {JpaTemplate.class}, (proxy, method, args) -> {
                    Object work = args[args.length - 1];
                    EntityManager em = factory.createEntityManager();
                    EntityTransaction tx = em.getTransaction();
                    tx.begin();
                    try {
                        Object result = null;
                        if (work instanceof EmFunction<?> function) {
                            result = function.apply(em);
                        } else {
                            ((EmConsumer) work).accept(em);
                        }
                        tx.commit();
                        return result;
                    } finally {
                        if (tx.isActive()) {
                            tx.rollback();
                        }
                        em.close();
                    }
                });
    }

    private static DataSource dataSource(String url) {
        return (DataSource) Proxy.newProxyInstance(KernelUnit.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> DriverManager.getConnection(url);
                    case "getLoginTimeout" -> 0;
                    case "getLogWriter" -> null;
                    case "setLoginTimeout", "setLogWriter" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
