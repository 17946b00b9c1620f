package io.codedrop.common.event;

/** Codes of one platform stocked from a batch, and those the campaign already had. */
public record StockCount(int accepted, int duplicates) {
}
