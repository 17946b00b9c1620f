package io.codedrop.campaign.domain;

import io.codedrop.common.event.CampaignStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores statuses as their API spelling, so the table reads like the contract. */
@Converter
public class CampaignStatusConverter implements AttributeConverter<CampaignStatus, String> {
    @Override
    public String convertToDatabaseColumn(CampaignStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public CampaignStatus convertToEntityAttribute(String value) {
        return value == null ? null : CampaignStatus.fromWire(value);
    }
}
