package io.codedrop.support.campaign;

import io.codedrop.common.event.CampaignStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a campaign status as its API spelling ({@code active}), so SQL reads like the contract. */
@Converter
public class CampaignStatusColumn implements AttributeConverter<CampaignStatus, String> {
    @Override
    public String convertToDatabaseColumn(CampaignStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public CampaignStatus convertToEntityAttribute(String value) {
        return value == null ? null : CampaignStatus.fromWire(value);
    }
}
