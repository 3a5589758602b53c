package io.socketscope.model;

import java.util.Locale;

/**
 * A guess at what kind of device is on the other end, from its HTTP {@code User-Agent}. Only a guess:
 * browsers can claim anything (an iPad asks for desktop pages by default), so the UI labels it as one.
 */
public enum DeviceKind {
    PHONE("phone"),
    TABLET("tablet"),
    COMPUTER("laptop/desktop"),
    COMMAND_LINE("command-line tool"),
    UNKNOWN("unknown");

    private final String words;

    DeviceKind(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public static DeviceKind fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.startsWith("curl/") || ua.startsWith("wget/") || ua.startsWith("python-requests/")
                || ua.startsWith("python-urllib/") || ua.startsWith("httpie/") || ua.startsWith("go-http-client/")
                || ua.startsWith("libwww-perl/") || ua.startsWith("powershell/") || ua.contains("windowspowershell")) {
            return COMMAND_LINE;
        }
        if (ua.contains("ipad") || ua.contains("tablet") || (ua.contains("android") && !ua.contains("mobile"))) {
            return TABLET;
        }
        if (ua.contains("iphone") || ua.contains("ipod") || ua.contains("android") || ua.contains("mobile")) {
            return PHONE;
        }
        if (ua.contains("windows nt") || ua.contains("macintosh") || ua.contains("x11") || ua.contains("cros")
                || ua.contains("linux x86_64")) {
            return COMPUTER;
        }
        return UNKNOWN;
    }
}
