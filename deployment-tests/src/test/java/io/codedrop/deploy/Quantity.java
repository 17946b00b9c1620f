package io.codedrop.deploy;

import java.util.Map;

/** Kubernetes resource quantities ("500m", "2", "512Mi") as numbers, to compare requests with limits. */
final class Quantity {
    private static final Map<String, Double> SUFFIXES = Map.of(
            "m", 1e-3, "k", 1e3, "M", 1e6, "G", 1e9,
            "Ki", 1024.0, "Mi", 1024.0 * 1024, "Gi", 1024.0 * 1024 * 1024);

    private Quantity() {
    }

    static double parse(String quantity) {
        for (String suffix : new String[] {"Ki", "Mi", "Gi", "m", "k", "M", "G"}) {
            if (quantity.endsWith(suffix)) {
                return Double.parseDouble(quantity.substring(0, quantity.length() - suffix.length())) * SUFFIXES.get(suffix);
            }
        }
        return Double.parseDouble(quantity);
    }
}
