package io.codedrop.distribution.claim;

import io.codedrop.common.Platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The store's one-tap redeem link for a code, where the platform has one. */
public final class RedeemLinks {
    static final String APPLE_APP_ID = "apple_app_id";

    private RedeemLinks() {
    }

    public static String of(Platform platform, String code, Map<String, Object> campaignMetadata) {
        String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8);
        return switch (platform) {
            case IOS -> appleLink(encoded, campaignMetadata);
            case ANDROID -> "https://play.google.com/redeem?code=" + encoded;
            case STEAM -> "https://store.steampowered.com/account/registerkey?key=" + encoded;
            default -> null;
        };
    }

    private static String appleLink(String code, Map<String, Object> metadata) {
        Object appId = metadata == null ? null : metadata.get(APPLE_APP_ID);
        if (appId == null) {
            return null;
        }
        return "https://apps.apple.com/redeem?ctx=offercodes&id="
                + URLEncoder.encode(appId.toString(), StandardCharsets.UTF_8) + "&code=" + code;
    }
}
