package io.ternmq.kafka.codec;

/**
 * Renders the {@link ApiKey} table as the Markdown table in {@code docs/kafka-compatibility.md}, so the documented
 * ranges are the advertised ones (a test compares them).
 */
public final class ApiVersionTable {
    private ApiVersionTable() {
    }

    public static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Key | API | Advertised versions | Served versions | Flexible from |\n");
        sb.append("|---:|---|---|---|---|\n");
        for (ApiKey api : ApiKey.values()) {
            VersionRange served = VersionRange.between(
                    Math.max(api.advertisedMin(), api.spec().validVersions().lowest()), api.advertisedMax());
            sb.append("| ").append(api.id())
                    .append(" | ").append(api.apiName())
                    .append(" | ").append(range(api.advertisedMin(), api.advertisedMax()))
                    .append(" | ").append(range(served.lowest(), served.highest()))
                    .append(" | ").append(api.flexibleFrom() < 0 ? "never" : "v" + api.flexibleFrom())
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String range(int lowest, int highest) {
        return lowest == highest ? String.valueOf(lowest) : lowest + "–" + highest;
    }
}
