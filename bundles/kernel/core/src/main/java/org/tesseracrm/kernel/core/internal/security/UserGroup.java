package org.tesseracrm.kernel.core.internal.security;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.tesseracrm.kernel.api.security.GroupInfo;

/** A group of users. */
@Entity
@Table(name = "CRM_GROUP")
public class UserGroup {
    @Id
    @TableGenerator(name = "groupIds", table = "KERNEL_ID_GEN", pkColumnName = "GEN_NAME",
            valueColumnName = "GEN_VALUE", pkColumnValue = "GROUP", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "groupIds")
    @Column(name = "ID")
    private Long id;

    @Column(name = "NAME", length = 100, nullable = false, unique = true)
    private String name;

    /** For JPA. */
    protected UserGroup() {
    }

    UserGroup(String name) {
        this.name = name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    GroupInfo toInfo() {
        return new GroupInfo(id, name);
    }
}
