package org.tesseracrm.kernel.core.internal.security;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.Column;
import javax.persistence.EntityManager;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.tesseracrm.kernel.api.security.RoleInfo;

/** A node of the role tree. */
@Entity
@Table(name = "CRM_ROLE")
public class Role {
    @Id
    @TableGenerator(name = "roleIds", table = "KERNEL_ID_GEN", pkColumnName = "GEN_NAME",
            valueColumnName = "GEN_VALUE", pkColumnValue = "ROLE", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "roleIds")
    @Column(name = "ID")
    private Long id;

    @Column(name = "NAME", length = 100, nullable = false, unique = true)
    private String name;

    @Column(name = "PARENT_ID")
    private Long parentId;

    /** For JPA. */
    protected Role() {
    }

    Role(String name, Long parentId) {
        set(name, parentId);
    }

    void set(String newName, Long newParentId) {
        this.name = newName;
        this.parentId = newParentId;
    }

    /** @return every role's parent (null for a top role), by role id: the input of {@link RoleTree} */
    static Map<Long, Long> parents(EntityManager em) {
        Map<Long, Long> parents = new HashMap<>();
        em.createQuery("SELECT r FROM Role r", Role.class).getResultList().forEach(r -> parents.put(r.id, r.parentId));
        return parents;
    }

    long id() {
        return id;
    }

    Long parentId() {
        return parentId;
    }

    RoleInfo toInfo() {
        return new RoleInfo(id, name, parentId);
    }
}
