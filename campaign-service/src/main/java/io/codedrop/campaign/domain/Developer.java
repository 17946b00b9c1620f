package io.codedrop.campaign.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A developer account, provisioned from their token the first time they call the API. */
@Entity
@Table(name = "developers")
public class Developer {
    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String subject;
    @Column(nullable = false, unique = true)
    private String email;
    private String name;
    @Column(name = "company_name")
    private String companyName;
    private boolean verified;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Developer() {
    }

    public void touch() {
        updatedAt = Timestamps.after(updatedAt);
    }

    public UUID getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public boolean isVerified() {
        return verified;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
