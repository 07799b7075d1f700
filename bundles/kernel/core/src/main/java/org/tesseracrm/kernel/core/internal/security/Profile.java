package org.tesseracrm.kernel.core.internal.security;

import java.util.HashSet;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.tesseracrm.kernel.api.security.ProfileInfo;

/** A permission profile. */
@Entity
@Table(name = "CRM_PROFILE")
public class Profile {
    @Id
    @TableGenerator(name = "profileIds", table = "KERNEL_ID_GEN", pkColumnName = "GEN_NAME",
            valueColumnName = "GEN_VALUE", pkColumnValue = "PROFILE", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "profileIds")
    @Column(name = "ID")
    private Long id;

    @Column(name = "NAME", length = 100, nullable = false, unique = true)
    private String name;

    @Column(name = "FULL_ACCESS", nullable = false)
    private boolean fullAccess;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CRM_PROFILE_PERMISSION", joinColumns = @JoinColumn(name = "PROFILE_ID"))
    @Column(name = "PERMISSION", length = 150)
    private Set<String> permissions = new HashSet<>();

    /** For JPA. */
    protected Profile() {
    }

    Profile(ProfileInfo info) {
        set(info);
    }

    void set(ProfileInfo info) {
        name = info.name().trim();
        fullAccess = info.fullAccess();
        permissions.clear();
        if (!fullAccess) {
            permissions.addAll(info.permissions());
        }
    }

    boolean fullAccess() {
        return fullAccess;
    }

    Set<String> permissions() {
        return Set.copyOf(permissions);
    }

    ProfileInfo toInfo() {
        return new ProfileInfo(id, name, fullAccess, permissions);
    }
}
