package io.codedrop.distribution.abuse;

import java.util.Map;

/** One check of one claim: whether it tripped, and the counts it judged (no IPs or device ids in them). */
public record FraudCheck(CheckType type, boolean flagged, Map<String, Object> details) {
}
