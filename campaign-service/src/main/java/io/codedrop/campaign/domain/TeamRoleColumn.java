package io.codedrop.campaign.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a team role as its API spelling ({@code owner}), so SQL reads like the contract. */
@Converter
public class TeamRoleColumn implements AttributeConverter<TeamRole, String> {
    @Override
    public String convertToDatabaseColumn(TeamRole role) {
        return role == null ? null : role.wireName();
    }

    @Override
    public TeamRole convertToEntityAttribute(String value) {
        return value == null ? null : TeamRole.fromWire(value);
    }
}
