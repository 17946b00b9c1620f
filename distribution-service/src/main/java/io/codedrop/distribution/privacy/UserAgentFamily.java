package io.codedrop.distribution.privacy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A User-Agent cut down to its browser (or client) family and OS family, e.g. {@code Chrome on Android}:
 * what support and fraud review need, without the versions and device models that single a person out.
 */
public final class UserAgentFamily {
    /** A client that is not a browser names itself in its first product token ({@code curl/8.5.0}). */
    private static final Pattern PRODUCT = Pattern.compile("^([A-Za-z][A-Za-z0-9._-]{0,31})");
    private static final String OTHER = "Other";

    private UserAgentFamily() {
    }

    /** The family, or null when there is no user agent. */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String client = ua.startsWith("mozilla/") ? browser(ua) : product(userAgent);
        String os = os(ua);
        return os == null ? client : client + " on " + os;
    }

    /** Order matters: Edge, Opera and Samsung Internet also say Chrome, and Chrome also says Safari. */
    private static String browser(String ua) {
        if (ua.contains("edg/") || ua.contains("edge/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("samsungbrowser/")) {
            return "Samsung Internet";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "Firefox";
        }
        if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            return "Chrome";
        }
        if (ua.contains("safari/")) {
            return "Safari";
        }
        return ua.contains("applewebkit/") ? "WebView" : OTHER;
    }

    private static String product(String userAgent) {
        Matcher matcher = PRODUCT.matcher(userAgent.trim());
        return matcher.find() ? matcher.group(1) : OTHER;
    }

    /** Mobile before desktop: iPad and Android user agents also mention Mac OS X or Linux. */
    private static String os(String ua) {
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod") || ua.contains("cfnetwork")) {
            return "iOS";
        }
        if (ua.contains("android") || ua.contains("dalvik")) {
            return "Android";
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains("cros")) {
            return "ChromeOS";
        }
        if (ua.contains("macintosh") || ua.contains("mac os x")) {
            return "macOS";
        }
        if (ua.contains("linux")) {
            return "Linux";
        }
        return null;
    }
}
